#include "tools/call_log_csv.hpp"

#include <gtest/gtest.h>

#include <string>

#include "models/calendar.hpp"
#include "tools/cli_error.hpp"

namespace staffsim::tools {
namespace {

const std::string kBankHeader =
    "vru_line,call_id,customer_key,priority,type,arrival,vru_exit,vru_time_s,q_start,q_exit,"
    "q_time_s,outcome,ser_start,ser_exit,ser_time_s,agent\n";

// Served after queueing, served at once, abandoned in queue, hung up in the IVR, phantom.
const std::string kBankRows =
    "AA0101,1,17,2,PS,1999-01-03T08:00:00,1999-01-03T08:00:10,10,1999-01-03T08:00:10,"
    "1999-01-03T08:01:00,50,AGENT,1999-01-03T08:01:00,1999-01-03T08:03:00,120,A001\n"
    "AA0102,2,0,0,NW,1999-01-03T08:05:00,1999-01-03T08:05:05,5,,,0,AGENT,1999-01-03T08:05:05,"
    "1999-01-03T08:06:05,60,A002\n"
    "AA0103,3,17,1,PS,1999-01-04T23:59:50,1999-01-04T23:59:55,5,1999-01-04T23:59:55,"
    "1999-01-05T00:00:35,40,HANG,,,0,\n"
    "AA0104,4,0,0,PS,1999-01-04T09:00:00,1999-01-04T09:00:07,7,,,0,HANG,,,0,\n"
    "AA0105,5,21,2,TT,1999-01-04T10:00:00,1999-01-03T10:00:00,0,1999-01-04T10:00:00,"
    "1999-01-04T10:00:24,24,PHANTOM,,,1,\n";

std::string error_of(const std::string& text, const std::string& name = "log.csv") {
  try {
    parse_call_log(text, name);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(CallLogCsv, ReadsAnonymousBankFormat) {
  const CallLog log = parse_call_log(kBankHeader + kBankRows, "bank.csv");
  EXPECT_EQ(log.format, CallLogFormat::anonymous_bank);
  ASSERT_EQ(log.calls.size(), 5u);
  const CallRecord& served = log.calls[0];
  EXPECT_EQ(served.line, 2u);
  EXPECT_EQ(served.type, "PS");
  EXPECT_EQ(served.customer, 17);
  EXPECT_EQ(served.priority, 2);
  EXPECT_EQ(served.outcome, CallOutcome::served);
  EXPECT_TRUE(served.queued);
  EXPECT_EQ(served.wait_s, 50);
  EXPECT_EQ(served.service_s, 120);
  EXPECT_EQ(served.arrival_local_s,
            models::days_from_civil({1999, 1, 3}) * models::kSecondsPerDay + 8 * 3600LL);
  EXPECT_EQ(log.calls[1].outcome, CallOutcome::served);
  EXPECT_FALSE(log.calls[1].queued);
  EXPECT_EQ(log.calls[1].wait_s, 0);
  EXPECT_EQ(log.calls[2].outcome, CallOutcome::abandoned);
  EXPECT_EQ(log.calls[2].wait_s, 40);
  EXPECT_EQ(log.calls[2].service_s, 0);
  EXPECT_EQ(log.calls[3].outcome, CallOutcome::hung_up_in_ivr);
  EXPECT_EQ(log.calls[4].outcome, CallOutcome::phantom);
  // Days are those of arrival: 3 and 4 January (the call running past midnight adds no day).
  ASSERT_EQ(log.observed_days.size(), 2u);
  EXPECT_EQ(log.observed_days[0], models::days_from_civil({1999, 1, 3}));
  EXPECT_EQ(log.types(), (std::vector<std::string>{"NW", "PS", "TT"}));
}

TEST(CallLogCsv, ReadsGenericFormatWithAndWithoutOptionalColumns) {
  const CallLog full = parse_call_log(
      "arrival,wait_s,outcome,service_s,type,customer\n"
      "2024-03-04T08:15:00,12.5,served,300,sales,42\n"
      "2024-03-04T08:16:00,40,abandoned,,support,0\n"
      "2024-03-04T08:17:00,0,served,90,sales,42\n",
      "g.csv");
  EXPECT_EQ(full.format, CallLogFormat::generic);
  ASSERT_EQ(full.calls.size(), 3u);
  EXPECT_EQ(full.calls[0].wait_s, 12.5);
  EXPECT_EQ(full.calls[0].service_s, 300);
  EXPECT_EQ(full.calls[0].customer, 42);
  EXPECT_TRUE(full.calls[0].queued);
  EXPECT_EQ(full.calls[1].outcome, CallOutcome::abandoned);
  EXPECT_TRUE(full.calls[1].queued);
  EXPECT_FALSE(full.calls[2].queued);
  EXPECT_EQ(full.types(), (std::vector<std::string>{"sales", "support"}));

  const CallLog bare = parse_call_log(
      "arrival,wait_s,outcome,service_s\n2024-03-04T08:15:00,3,abandoned,0\n", "b.csv");
  EXPECT_EQ(bare.calls[0].type, "default");
  EXPECT_EQ(bare.calls[0].customer, 0);
}

TEST(CallLogCsv, ErrorMessages) {
  const std::string generic = "arrival,wait_s,outcome,service_s,type,customer\n";
  EXPECT_EQ(error_of("arrival,wait_s,outcome\n2024-03-04T08:15:00,3,served\n"),
            "log.csv:1: missing column \"service_s\" (columns are: arrival, wait_s, outcome)");
  EXPECT_EQ(error_of("when,calls\n2024-03-04T08:15:00,3\n"),
            "log.csv:1: expected the columns of a call log (the Anonymous Bank columns "
            "vru_line,...,agent or arrival,wait_s,outcome,service_s[,type][,customer]), found "
            "\"when,calls\"");
  EXPECT_EQ(error_of(generic + "2024-03-04T08:15:00,3,served,60,A,1\nyesterday,3,served,60,A,1\n"),
            "log.csv:3: arrival: expected an ISO 8601 local date-time such as "
            "1999-01-01T07:00:00, found \"yesterday\"");
  EXPECT_EQ(error_of(generic + "2024-03-04T08:15:00,-5,served,60,A,1\n"),
            "log.csv:2: wait_s: expected a duration in seconds >= 0, found \"-5\"");
  EXPECT_EQ(error_of(generic + "2024-03-04T08:15:00,5,served,,A,1\n"),
            "log.csv:2: service_s: expected a duration in seconds >= 0, found \"\"");
  EXPECT_EQ(error_of(generic + "2024-03-04T08:15:00,5,answered,60,A,1\n"),
            "log.csv:2: outcome: expected served or abandoned, found \"answered\"");
  EXPECT_EQ(error_of(generic + "2024-03-04T08:15:00,5,served,60,,1\n"),
            "log.csv:2: type: expected a contact type name, found \"\"");
  EXPECT_EQ(error_of(generic + "2024-03-04T08:15:00,5,served,60,A,-1\n"),
            "log.csv:2: customer: expected a whole number >= 0 (0 = caller not identified), "
            "found \"-1\"");
  EXPECT_EQ(error_of(generic),
            "log.csv:1: expected at least one call after the header, found none");
  EXPECT_EQ(error_of(""), "log.csv: empty file, expected a header row");

  // Anonymous Bank: a missing column, a bad outcome, a negative service time, a bad timestamp,
  // a bad priority.
  std::string no_agent = kBankHeader.substr(0, kBankHeader.size() - std::string(",agent\n").size());
  EXPECT_EQ(error_of(no_agent + "\n"),
            "log.csv:1: missing column \"agent\" (columns are: vru_line, call_id, customer_key, "
            "priority, type, arrival, vru_exit, vru_time_s, q_start, q_exit, q_time_s, outcome, "
            "ser_start, ser_exit, ser_time_s)");
  const std::string row_start = "AA0101,1,17,2,PS,1999-01-03T08:00:00,1999-01-03T08:00:10,10,";
  EXPECT_EQ(
      error_of(kBankHeader + row_start + "1999-01-03T08:00:10,1999-01-03T08:01:00,50,LOST,,,0,\n"),
      "log.csv:2: outcome: expected AGENT, HANG or PHANTOM, found \"LOST\"");
  EXPECT_EQ(error_of(kBankHeader + row_start +
                     "1999-01-03T08:00:10,1999-01-03T08:01:00,50,AGENT,,,-3,A001\n"),
            "log.csv:2: ser_time_s: expected a duration in seconds >= 0, found \"-3\"");
  EXPECT_EQ(
      error_of(kBankHeader + row_start + "1999-01-03T8:00,1999-01-03T08:01:00,50,HANG,,,0,\n"),
      "log.csv:2: q_start: expected an ISO 8601 local date-time such as "
      "1999-01-01T07:00:00, found \"1999-01-03T8:00\"");
  EXPECT_EQ(error_of(kBankHeader +
                     "AA0101,1,17,5,PS,1999-01-03T08:00:00,1999-01-03T08:00:10,10,,,0,HANG,,,0,\n"),
            "log.csv:2: priority: expected 0, 1 or 2, found \"5\"");
}

}  // namespace
}  // namespace staffsim::tools
