// End-to-end runs of `staffsim forecast` and `staffsim backtest` (the binary, via popen).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "models/calendar.hpp"
#include "tools/datetime.hpp"

namespace {

namespace fs = std::filesystem;

struct CommandRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

CommandRun run(const std::string& args) {
  CommandRun r;
  const std::string command = std::string(STAFFSIM_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) r.output.append(buffer, n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int count_lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n' ? 1 : 0;
  return n;
}

class ForecastCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("staffsim_forecast_cmd_" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // Six weeks of weekdays from Monday 2003-03-03, 30-minute slots 09:00-12:00 (6 slots).
    std::ofstream out(dir_ / "history.csv");
    out << "timestamp,calls\n";
    const std::int64_t monday = staffsim::models::days_from_civil({2003, 3, 3});
    for (int d = 0; d < 40; ++d) {
      if (staffsim::models::weekday_from_days(monday + d) >= 5) continue;
      for (int s = 0; s < 6; ++s) {
        const std::int64_t t = (monday + d) * 86400 + 9 * 3600 + s * 1800;
        out << staffsim::tools::format_local_datetime(t) << "," << 20 + (d * 7 + s * 3) % 5 << "\n";
      }
    }
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(ForecastCommand, WritesTheCsv) {
  const CommandRun r =
      run("forecast --history " + path("history.csv") + " --days 3 --out " + path("out.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string csv = read(path("out.csv"));
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "interval_start,interval_s,calls,lo80,hi80,lo95,hi95");
  EXPECT_EQ(count_lines(csv), 1 + 3 * 6);
  // The history ends Friday 2003-04-11; the next open days are Monday to Wednesday.
  EXPECT_NE(csv.find("\n2003-04-14T09:00:00,1800,"), std::string::npos);
  EXPECT_NE(csv.find("\n2003-04-16T11:30:00,"), std::string::npos);
  EXPECT_NE(r.output.find("(chosen by auto)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\n  auto (nested: each origin's choice from earlier origins only): "),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find(" nested (honest), "), std::string::npos) << r.output;
}

TEST_F(ForecastCommand, DateRangeAndCoarserInterval) {
  const CommandRun r = run("forecast --history " + path("history.csv") +
                           " --from 2003-04-17 --to 2003-04-21 --interval 1h --method weekday_mean"
                           " --out " +
                           path("out.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string csv = read(path("out.csv"));
  // Thursday, Friday and Monday (the weekend is closed): 3 days x 3 hourly slots.
  EXPECT_EQ(count_lines(csv), 1 + 3 * 3);
  EXPECT_NE(csv.find("\n2003-04-21T11:00:00,"), std::string::npos);
  EXPECT_NE(r.output.find("method: weekday_mean(k=4);"), std::string::npos) << r.output;
}

TEST_F(ForecastCommand, EtsMethodByName) {
  const CommandRun r = run("forecast --history " + path("history.csv") +
                           " --days 2 --method ets --out " + path("out.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("method: ets;"), std::string::npos) << r.output;
  EXPECT_EQ(count_lines(read(path("out.csv"))), 1 + 2 * 6);  // two days of six half-hours
}

TEST_F(ForecastCommand, BadInputExitsOneAndWritesNothing) {
  std::ofstream(path("bad.csv")) << "timestamp,calls\n2003-03-03T09:00:00,4\n"
                                    "2003-03-03T09:30:00,-3\n";
  CommandRun r = run("forecast --history " + path("bad.csv") + " --out " + path("out.csv"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output, "staffsim: error: " + path("bad.csv") +
                          ":3: calls: expected a count >= 0, found \"-3\"\n");
  EXPECT_FALSE(fs::exists(path("out.csv")));

  std::ofstream(path("short.csv")) << "timestamp,calls\n2003-03-03T09:00:00,4\n"
                                      "2003-03-03T09:30:00,3\n";
  r = run("forecast --history " + path("short.csv") + " --days 1 --out " + path("out.csv"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output,
            "staffsim: error: " + path("short.csv") +
                ": --days 1: horizon_days: the history (1 day, 2003-03-03 to 2003-03-03) cannot "
                "support a rolling-origin backtest 1 open day ahead: it needs an origin at least "
                "20 days after its first day with that many open days after it, found none\n");
  EXPECT_FALSE(fs::exists(path("out.csv")));

  r = run("forecast --history " + path("history.csv") + " --interval 45m --out " + path("out.csv"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output,
            "staffsim: error: --interval: expected a multiple of the history's interval 30m, "
            "found \"45m\"\n");
  r = run("forecast --history " + path("history.csv") + " --method arima --out " + path("out.csv"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output,
            "staffsim: error: --method: expected one of auto, seasonal_naive, weekday_mean, "
            "profile, double_seasonal, combined, ets, found \"arima\"\n");
  r = run("forecast --history " + path("history.csv") + " --from 2003-04-01 --to 2003-04-20");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output,
            "staffsim: error: --from: expected a date after the history's last day 2003-04-11, "
            "found \"2003-04-01\"\n");
  EXPECT_FALSE(fs::exists(path("out.csv")));
}

TEST_F(ForecastCommand, BacktestTable) {
  CommandRun r = run("backtest --history " + path("history.csv") +
                     " --days 5 --methods seasonal_naive,profile");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("; 5 open days ahead (all leads scored)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\nseasonal_naive "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\nprofile "), std::string::npos) << r.output;
  // The horizon is --days, as in forecast.
  r = run("backtest --history " + path("history.csv") + " --horizon 2w");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output,
            "staffsim: error: backtest: unknown flag \"--horizon\", did you mean \"--days\"? (open "
            "days ahead, as in forecast)\nRun with --help for more information.\n");
  r = run("backtest --history " + path("history.csv") + " --methods profle");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(
      r.output,
      "staffsim: error: --methods: expected one of auto, seasonal_naive, weekday_mean, "
      "profile, double_seasonal, combined, ets, found \"profle\", did you mean \"profile\"?\n");
}

// The real 5-minute series forecast at 30 minutes: 29 slots a day, the last a partial 21:00.
TEST(ForecastCommandRealData, BankSeriesAtThirtyMinutes) {
  const std::string data = std::string(STAFFSIM_SHARED_DATA_DIR) + "/bank_calls_5min_train.csv";
  ASSERT_TRUE(fs::exists(data)) << "real data missing: " << data
                                << " (STAFFSIM_SHARED_DATA_DIR must point at the shared data "
                                   "folder)";
  const fs::path out = fs::temp_directory_path() / "staffsim_forecast_cmd_bank.csv";
  fs::remove(out);
  const CommandRun r =
      run("forecast --history " + data + " --interval 30m --days 2 --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string csv = read(out);
  fs::remove(out);
  EXPECT_EQ(count_lines(csv), 1 + 2 * 29);
  EXPECT_NE(csv.find("\n2003-10-13T07:00:00,"), std::string::npos);
  EXPECT_NE(csv.find("\n2003-10-14T21:00:00,"), std::string::npos);
  EXPECT_NE(r.output.find("covers only 5m"), std::string::npos) << r.output;
}

}  // namespace

namespace {

// The Israeli bank's per-call log, counted into hours: every hour of the day that ever saw a call
// is in the grid (the IVR answers around the clock), forecast for the next two open days.
TEST(ForecastCommandRealData, CallLogCountedIntoHours) {
  const std::string data = std::string(STAFFSIM_SHARED_DATA_DIR) + "/anonbank_calls_train.csv";
  ASSERT_TRUE(fs::exists(data)) << "real data missing: " << data
                                << " (STAFFSIM_SHARED_DATA_DIR must point at the shared data "
                                   "folder)";
  const fs::path out = fs::temp_directory_path() / "staffsim_forecast_cmd_log.csv";
  fs::remove(out);
  const CommandRun r =
      run("forecast --history " + data + " --interval 1h --days 2 --out " + out.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string csv = read(out);
  fs::remove(out);
  EXPECT_EQ(count_lines(csv), 1 + 2 * 24);
  // The log ends on Saturday 1999-10-16; Sunday is a working day in Israel.
  EXPECT_NE(csv.find("\n1999-10-17T00:00:00,"), std::string::npos);
  EXPECT_NE(csv.find("\n1999-10-18T23:00:00,"), std::string::npos);
}

// Outcome and type of every record of the real log, read here without staffsim's code.
struct LogCounts {
  std::size_t records = 0, offered = 0, ivr = 0, phantom = 0;
  std::size_t ps_answered = 0, ps_abandoned = 0, ps_ivr = 0, ps_phantom = 0, other_types = 0;
};

LogCounts count_log(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  LogCounts c;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string field; std::getline(fields, field, ',');) f.push_back(field);
    f.resize(16);
    // 4 type, 8 q_start, 11 outcome
    ++c.records;
    const bool served = f[11] == "AGENT", abandoned = f[11] == "HANG" && !f[8].empty();
    const bool ivr = f[11] == "HANG" && f[8].empty(), phantom = f[11] == "PHANTOM";
    c.offered += served || abandoned;
    c.ivr += ivr;
    c.phantom += phantom;
    if (f[4] != "PS") {
      ++c.other_types;
    } else {
      c.ps_answered += served;
      c.ps_abandoned += abandoned;
      c.ps_ivr += ivr;
      c.ps_phantom += phantom;
    }
  }
  return c;
}

// A call log counts the calls offered to agents by default, as fit does, and says so; --count
// and --type choose others. The log covers January and 1-16 October 1999 only (data README): the
// gap is reported with how the methods treat it.
TEST(ForecastCommandRealData, CountingACallLogSaysWhatWasCounted) {
  const std::string data = std::string(STAFFSIM_SHARED_DATA_DIR) + "/anonbank_calls_train.csv";
  const LogCounts c = count_log(data);
  ASSERT_EQ(c.records, 49790u);
  const std::string out = (fs::temp_directory_path() / "staffsim_forecast_counted.csv").string();
  CommandRun r = run("forecast --history " + data + " --interval 1h --days 1 --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(
      r.output.find("  counted " + std::to_string(c.offered) +
                    " calls offered to agents (served, or abandoned in the queue), out of "
                    "49790 records; not counted: " +
                    std::to_string(c.ivr) + " hung up in the IVR, " + std::to_string(c.phantom) +
                    " phantom records (--count offered|answered|arrived, --type)\n"),
      std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("warning: no data from 1999-02-01 to 1999-09-30 (242 days): the methods "
                          "take days missing from a history as closed, not as days without "
                          "calls: same-weekday lookups and smoothing step over them, and "
                          "1999-10-01 counts as a day after a closure\n"),
            std::string::npos)
      << r.output;
  r = run("forecast --history " + data +
          " --interval 1h --days 1 --count answered --type PS --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("  counted " + std::to_string(c.ps_answered) +
                          " calls answered by agents of type PS, out of 49790 records; not "
                          "counted: " +
                          std::to_string(c.other_types) + " of other types, " +
                          std::to_string(c.ps_abandoned) + " abandoned in the queue, " +
                          std::to_string(c.ps_ivr) + " hung up in the IVR, " +
                          std::to_string(c.ps_phantom) + " phantom records"),
            std::string::npos)
      << r.output;
  fs::remove(out);
  r = run("forecast --history " + data + " --count arived");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output,
            "staffsim: error: --count: expected offered, answered or arrived, found \"arived\", "
            "did you mean \"arrived\"?\n");
  r = run("backtest --history " + data + " --type PZ");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output, "staffsim: error: --type: unknown contact type \"PZ\" (types in " + data +
                          ": AA, IN, NE, NW, PE, PS, TT)\n");
}

}  // namespace

namespace {

TEST_F(ForecastCommand, FlagErrors) {
  const std::string base = "forecast --history " + path("history.csv") + " --out " + path("o.csv");
  const std::pair<std::string, std::string> cases[] = {
      {" --days 0", "--days: expected a whole number from 1 to 1000, found \"0\""},
      {" --days 2 --from 2003-04-14 --to 2003-04-15",
       "--days: give either --days or --from and --to, not both"},
      {" --from 2003-04-14", "--from/--to: give both dates of the range"},
      {" --from 2003-04-14 --to 2003-04-13",
       "--to: expected a date not before --from 2003-04-14, found \"2003-04-13\""},
      {" --from 2003-04-12 --to 2003-04-13",
       "--from/--to: expected a range holding a weekday the history opens on, found none from "
       "2003-04-12 to 2003-04-13"},
      {" --from 2003-04-31 --to 2003-05-02",
       "--from: expected an ISO 8601 date such as 2003-03-03, found \"2003-04-31\""},
      {" --closed 2003-04-14,monday",
       "--closed: expected an ISO 8601 date such as 2003-03-03, found \"monday\""},
      {" --weeks 0", "--weeks: expected a whole number from 1 to 1000, found \"0\""},
      {" --method weekday_mean --weeks 1001",
       "--weeks: expected a whole number from 1 to 1000, found \"1001\""},
      {" --weeks 3",
       "--weeks: applies to --method weekday_mean (auto compares k = 1, 2, 3, 4, 6 and 8), "
       "found --method auto"},
      {" --backtest-weeks 0",
       "--backtest-weeks: expected a whole number from 1 to 1000, found "
       "\"0\""},
      {" --interval 0.5s",
       "--interval: expected a length that divides a day, in whole seconds, such as 5m, 15m, 30m "
       "or 1h, found \"0.5s\""},
      {" --interval 30",
       "--interval: expected a duration with its unit such as 20s, 5m or 1.5h, found \"30\" (no "
       "unit)"},
      {" --count offered", "--count: applies to a per-call log; " + path("history.csv") +
                               " holds counts per interval (timestamp,calls)"},
      {" --format xls", "--format: expected table, json or csv, found \"xls\""},
  };
  for (const auto& [flags, message] : cases) {
    const CommandRun r = run(base + flags);
    EXPECT_EQ(r.exit_code, 1) << flags;
    EXPECT_EQ(r.output, "staffsim: error: " + message + "\n") << flags;
  }
  EXPECT_FALSE(fs::exists(path("o.csv")));
}

// --format table|json|csv and --out for forecast and backtest; "-" is standard output.
TEST_F(ForecastCommand, FormatsAndOutputs) {
  const std::string history = " --history " + path("history.csv");
  CommandRun r = run("forecast" + history + " --days 1 --format json --out " + path("f.json"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("wrote " + path("f.json") + " (6 rows)"), std::string::npos);
  const std::string json = read(path("f.json"));
  EXPECT_EQ(json.rfind("[\n  {\n    \"interval_start\": \"2003-04-14T09:00:00\",\n    "
                       "\"interval_s\": 1800,",
                       0),
            0u)
      << json;
  // On the terminal the forecast is a table (and the summary goes to standard error).
  r = run("forecast" + history + " --days 1");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("interval_start        length      calls    80% interval    95% "
                          "interval\n2003-04-14T09:00:00      30m "),
            std::string::npos)
      << r.output;
  r = run("backtest" + history + " --methods profile --format csv --out " + path("b.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string csv = read(path("b.csv"));
  EXPECT_EQ(csv.rfind("method,horizon_days,origins,first_origin,last_origin,scored_days,"
                      "history_interval_s,wape_history,",
                      0),
            0u)
      << csv;
  EXPECT_EQ(count_lines(csv), 2);
  r = run("backtest" + history + " --methods profile,seasonal_naive --format json --out -");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("[\n  {\n    \"method\": \"profile\","), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("\"method\": \"seasonal_naive\""), std::string::npos);
}

// By default backtest scores every method auto compares and auto itself, nested, over the whole
// usable history, for each horizon of --days; json and csv carry the spread of single days.
TEST_F(ForecastCommand, BacktestReportsAutoNestedSpreadAndHorizons) {
  const std::string history = " --history " + path("history.csv");
  CommandRun r = run("backtest" + history + " --days 1,3 --format csv --out " + path("b.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("over the whole usable history; 1,3 open days ahead"), std::string::npos)
      << r.output;
  const std::string csv = read(path("b.csv"));
  EXPECT_EQ(count_lines(csv), 1 + 2 * 12) << csv;  // 11 methods and auto, two horizons
  for (const char* column : {",wape_day_p10,", ",wape_day_p50,", ",wape_day_p90,"}) {
    EXPECT_NE(csv.find(column), std::string::npos) << column;
  }
  // The first usable origin is three weeks after Monday 2003-03-03.
  EXPECT_NE(csv.find("\nauto (nested),1,14,2003-03-24,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nauto (nested),3,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nweekday_mean(k=8),3,"), std::string::npos) << csv;
  r = run("backtest" + history + " --days 2 --methods auto --format json --backtest-weeks 1");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("\"method\": \"auto (nested)\",\n    \"horizon_days\": 2,\n    "
                          "\"origins\": 5,"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("\"wape_day_p90\": "), std::string::npos);
  r = run("backtest" + history);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("1 open day ahead, origins 2003-03-24 to 2003-04-10:\n"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("\nauto (nested)      "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("| day WAPE p10/p50/p90 |"), std::string::npos) << r.output;
  r = run("backtest" + history + " --days 1,x");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output,
            "staffsim: error: --days: expected a whole number from 1 to 1000, found \"x\"\n");
}

// "-" reads the history from standard input; messages call it <stdin>.
TEST_F(ForecastCommand, HistoryFromStandardInput) {
  const CommandRun r =
      run("forecast --history - --days 1 --out " + path("f.csv") + " < " + path("history.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(
      r.output.rfind("<stdin>: 30 days 2003-03-03 to 2003-04-11, 30m intervals 09:00-12:00\n", 0),
      0u)
      << r.output;
  EXPECT_EQ(count_lines(read(path("f.csv"))), 1 + 6);
}

// backtest --interval does what it says: the errors are scored at that interval.
TEST_F(ForecastCommand, BacktestScoresAtTheIntervalAsked) {
  CommandRun r = run("backtest --history " + path("history.csv") +
                     " --methods profile --interval 1h --format json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("\"evaluation_interval_s\": 3600,"), std::string::npos) << r.output;
  r = run("backtest --history " + path("history.csv") + " --methods profile --interval 1h");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("   WAPE1h   MAPE1h   RMSE1h | c80/1h c95/1h |"), std::string::npos)
      << r.output;
  r = run("backtest --history " + path("history.csv") + " --methods profile --interval 45m");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output,
            "staffsim: error: --interval: expected a multiple of the history's interval 30m, "
            "found \"45m\"\n");
}

}  // namespace
