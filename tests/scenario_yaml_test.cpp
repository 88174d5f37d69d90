#include "tools/scenario_yaml.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "tools/cli_error.hpp"

namespace staffsim::tools {
namespace {

// The example of the scenario reference, line by line (line numbers matter to the tests below).
const char* const kGoodScenario = R"(name: Credit-card line, weekday
horizon: {interval: 30m, intervals: 3, start: "07:00"}
replications: 12
seed: 42
short_abandon: 4s
contact_types:
  - name: general
    arrivals: {per_interval: [120, 180, 240], day_cv: 0.1}
    handle_time: {distribution: lognormal, mean: 300s, sd: 200s}
    patience: {distribution: exponential, mean: 3m}
    targets: {service_level: {within: 20s, at_least: 80%, definition: offered}, max_abandon: 5%}
  - name: vip
    priority: 1
    arrivals: {rate: 0.1/s}
    handle_time: {distribution: gamma, mean: 360s, sd: 0.1h}
    patience: {distribution: weibull, shape: 1.5, scale: 300s}
    targets: {service_level: {within: 10s, at_least: 0.9, definition: answered}, max_asa: 15s}
agent_groups:
  - {name: vip_desk, staffing: 6}
  - {name: frontline, staffing: [40, 52, 60]}
routing:
  general: [{group: frontline}]
  vip: [{group: vip_desk}, {group: frontline, after: 30s}]
)";

// The message of the InputError that loading `text` throws ("" if it loads).
std::string errors_of(const std::string& text) {
  try {
    parse_scenario_yaml(text, "plan.yaml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// "line:col" (1-based) of the n-th occurrence of `token` in `text` (or of what follows it, with
// `past_token`), counted here from the text itself, so that tests state positions independently
// of the parser.
std::string at(const std::string& text, const std::string& token, int nth = 0,
               bool past_token = false) {
  std::size_t offset = text.find(token);
  for (int i = 0; i < nth && offset != std::string::npos; ++i)
    offset = text.find(token, offset + 1);
  if (offset == std::string::npos) {
    ADD_FAILURE() << "no \"" << token << "\" in the text";
    return "?";
  }
  if (past_token) offset += token.size();
  std::size_t line_start = text.rfind('\n', offset);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  auto line =
      1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  return std::to_string(line) + ":" + std::to_string(offset - line_start + 1);
}

// The position of the value that follows the n-th `key` ("deadline: ") in `text`.
std::string after(const std::string& text, const std::string& key, int nth = 0) {
  return at(text, key, nth, true);
}

// `text` with the first occurrence of `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto offset = text.find(from);
  if (offset == std::string::npos) {
    ADD_FAILURE() << "no \"" << from << "\" in the text";
    return text;
  }
  return text.replace(offset, from.size(), to);
}

// A minimal valid scenario with one line replaced, for single-error tests.
std::string minimal_with(const std::string& from, const std::string& to) {
  return replaced(R"(name: small
horizon: {interval: 30m, intervals: 2}
contact_types:
  - name: calls
    arrivals: {per_interval: [10, 20]}
    handle_time: {distribution: exponential, mean: 5m}
agent_groups:
  - {name: team, staffing: [3, 4]}
routing:
  calls: [{group: team}]
)",
                  from, to);
}

TEST(ScenarioYaml, LoadsEveryFieldOfTheReferenceExample) {
  sim::Scenario s = parse_scenario_yaml(kGoodScenario, "plan.yaml");
  EXPECT_EQ(s.name, "Credit-card line, weekday");
  EXPECT_DOUBLE_EQ(s.horizon.interval_s, 1800.0);
  EXPECT_EQ(s.horizon.intervals_per_day, 3);
  EXPECT_EQ(s.horizon.days, 1);
  EXPECT_DOUBLE_EQ(s.horizon.day_start_s, 7 * 3600.0);
  EXPECT_DOUBLE_EQ(s.horizon.warmup_s, 0.0);
  EXPECT_EQ(s.replications, 12);
  EXPECT_EQ(s.seed, 42u);
  EXPECT_DOUBLE_EQ(s.short_abandon_s, 4.0);

  ASSERT_EQ(s.contact_types.size(), 2u);
  const sim::ContactType& general = s.contact_types[0];
  EXPECT_EQ(general.name, "general");
  EXPECT_EQ(general.priority, 0);
  ASSERT_EQ(general.arrivals.rate_per_s.size(), 3u);
  EXPECT_DOUBLE_EQ(general.arrivals.rate_per_s[0], 120.0 / 1800.0);
  EXPECT_DOUBLE_EQ(general.arrivals.rate_per_s[1], 180.0 / 1800.0);
  EXPECT_DOUBLE_EQ(general.arrivals.rate_per_s[2], 240.0 / 1800.0);
  EXPECT_DOUBLE_EQ(general.arrivals.day_cv, 0.1);
  const auto& handle = std::get<sim::Lognormal>(general.handle_time);
  EXPECT_DOUBLE_EQ(handle.mean_s, 300.0);
  EXPECT_DOUBLE_EQ(handle.sd_s, 200.0);
  ASSERT_TRUE(general.patience.has_value());
  EXPECT_DOUBLE_EQ(std::get<sim::Exponential>(*general.patience).mean_s, 180.0);
  ASSERT_TRUE(general.targets.service_level.has_value());
  EXPECT_DOUBLE_EQ(general.targets.service_level->within_s, 20.0);
  EXPECT_DOUBLE_EQ(general.targets.service_level->at_least, 0.8);
  EXPECT_EQ(general.targets.service_level->definition, sim::ServiceLevelDefinition::offered);
  ASSERT_TRUE(general.targets.max_abandon.has_value());
  EXPECT_DOUBLE_EQ(*general.targets.max_abandon, 0.05);
  EXPECT_FALSE(general.targets.max_asa_s.has_value());
  ASSERT_EQ(general.routing.size(), 1u);
  EXPECT_EQ(general.routing[0].group, 1);
  EXPECT_DOUBLE_EQ(general.routing[0].after_s, 0.0);

  const sim::ContactType& vip = s.contact_types[1];
  EXPECT_EQ(vip.name, "vip");
  EXPECT_EQ(vip.priority, 1);
  ASSERT_EQ(vip.arrivals.rate_per_s.size(), 3u);
  for (double r : vip.arrivals.rate_per_s) EXPECT_DOUBLE_EQ(r, 0.1);
  EXPECT_DOUBLE_EQ(vip.arrivals.day_cv, 0.0);
  const auto& gamma = std::get<sim::Gamma>(vip.handle_time);
  EXPECT_DOUBLE_EQ(gamma.mean_s, 360.0);
  EXPECT_DOUBLE_EQ(gamma.sd_s, 360.0);
  const auto& weibull = std::get<sim::Weibull>(*vip.patience);
  EXPECT_DOUBLE_EQ(weibull.shape, 1.5);
  EXPECT_DOUBLE_EQ(weibull.scale_s, 300.0);
  EXPECT_DOUBLE_EQ(vip.targets.service_level->within_s, 10.0);
  EXPECT_DOUBLE_EQ(vip.targets.service_level->at_least, 0.9);
  EXPECT_EQ(vip.targets.service_level->definition, sim::ServiceLevelDefinition::answered);
  EXPECT_FALSE(vip.targets.max_abandon.has_value());
  EXPECT_DOUBLE_EQ(*vip.targets.max_asa_s, 15.0);
  ASSERT_EQ(vip.routing.size(), 2u);
  EXPECT_EQ(vip.routing[0].group, 0);
  EXPECT_DOUBLE_EQ(vip.routing[0].after_s, 0.0);
  EXPECT_EQ(vip.routing[1].group, 1);
  EXPECT_DOUBLE_EQ(vip.routing[1].after_s, 30.0);

  ASSERT_EQ(s.agent_groups.size(), 2u);
  EXPECT_EQ(s.agent_groups[0].name, "vip_desk");
  EXPECT_EQ(s.agent_groups[0].staffing, (std::vector<int>{6, 6, 6}));
  EXPECT_EQ(s.agent_groups[1].name, "frontline");
  EXPECT_EQ(s.agent_groups[1].staffing, (std::vector<int>{40, 52, 60}));
}

TEST(ScenarioYaml, DefaultsOfOptionalKeys) {
  sim::Scenario s = parse_scenario_yaml(minimal_with("", ""), "plan.yaml");
  EXPECT_EQ(s.replications, 30);
  EXPECT_EQ(s.seed, 1u);
  EXPECT_DOUBLE_EQ(s.short_abandon_s, 5.0);
  EXPECT_DOUBLE_EQ(s.horizon.day_start_s, 0.0);
  EXPECT_EQ(s.horizon.days, 1);
  EXPECT_EQ(s.contact_types[0].priority, 0);
  EXPECT_FALSE(s.contact_types[0].patience.has_value());
  EXPECT_FALSE(s.contact_types[0].targets.service_level.has_value());
}

TEST(ScenarioYaml, ShrinkageOfAGroup) {
  sim::Scenario s = parse_scenario_yaml(
      minimal_with("staffing: [3, 4]}", "staffing: [10, 4], shrinkage: 30%}"), "plan.yaml");
  EXPECT_DOUBLE_EQ(s.agent_groups[0].shrinkage, 0.3);
  EXPECT_EQ(s.agent_groups[0].staffing, (std::vector<int>{10, 4}));  // scheduled, as given
  EXPECT_EQ(sim::agents_on_duty(s.agent_groups[0]), (std::vector<int>{7, 2}));  // 7.0, 2.8
  s = parse_scenario_yaml(minimal_with("staffing: [3, 4]}", "staffing: 3, shrinkage: 0.25}"),
                          "plan.yaml");
  EXPECT_DOUBLE_EQ(s.agent_groups[0].shrinkage, 0.25);
  s = parse_scenario_yaml(minimal_with("", ""), "plan.yaml");
  EXPECT_EQ(s.agent_groups[0].shrinkage, 0.0);
  EXPECT_EQ(sim::agents_on_duty(s.agent_groups[0]), (std::vector<int>{3, 4}));
}

TEST(ScenarioYamlErrors, ShrinkageOutOfRange) {
  for (const std::string bad : {"100%", "1", "-5%", "120%", "lots", "[0.3]"}) {
    const std::string text = minimal_with("[3, 4]}", "[3, 4], shrinkage: " + bad + "}");
    const std::string found = bad == "[0.3]" ? "a list" : "\"" + bad + "\"";
    const std::string expected =
        bad == "[0.3]"
            ? "expected a percentage such as 30%, found a list"
            : "expected a shrinkage from 0% to below 100% (the share of the scheduled agents off "
              "the phones), found " +
                  found;
    EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "shrinkage: ") +
                                   ": agent_groups[0].shrinkage: " + expected)
        << bad;
  }
}

TEST(ScenarioYaml, OneDayPatternRepeatsOnEveryDay) {
  sim::Scenario s = parse_scenario_yaml(
      minimal_with("intervals: 2}", "intervals: 2, days: 3, warmup: 1h}"), "plan.yaml");
  EXPECT_EQ(s.horizon.days, 3);
  EXPECT_DOUBLE_EQ(s.horizon.warmup_s, 3600.0);
  EXPECT_EQ(s.agent_groups[0].staffing, (std::vector<int>{3, 4, 3, 4, 3, 4}));
  const auto& rates = s.contact_types[0].arrivals.rate_per_s;
  ASSERT_EQ(rates.size(), 6u);
  EXPECT_DOUBLE_EQ(rates[4], 10.0 / 1800.0);
  EXPECT_DOUBLE_EQ(rates[5], 20.0 / 1800.0);
}

TEST(ScenarioYaml, WholeHorizonListsAreTakenAsGiven) {
  std::string text = minimal_with("[3, 4]", "[1, 2, 3, 4]");
  text.replace(text.find("intervals: 2}"), 13, "intervals: 2, days: 2}");
  text.replace(text.find("{per_interval: [10, 20]}"), 24, "{rate: [1/s, 2/s, 3/s, 4/s]}");
  sim::Scenario s = parse_scenario_yaml(text, "plan.yaml");
  EXPECT_EQ(s.agent_groups[0].staffing, (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(s.contact_types[0].arrivals.rate_per_s, (std::vector<double>{1, 2, 3, 4}));
}

TEST(ScenarioYaml, DeterministicAndEmpiricalDistributions) {
  auto dir = std::filesystem::temp_directory_path() / "staffsim_scenario_yaml_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "times.csv") << "call,talk_s\n1,100\n2,250.5\n3,0\n";
  std::string text = minimal_with("{distribution: exponential, mean: 5m}",
                                  "{distribution: empirical, file: times.csv, column: talk_s}\n"
                                  "    patience: {distribution: deterministic, value: 1.5m}");
  sim::Scenario s = parse_scenario_yaml(text, "plan.yaml", dir.string());
  EXPECT_EQ(std::get<sim::Empirical>(s.contact_types[0].handle_time).values_s,
            (std::vector<double>{100, 250.5, 0}));
  EXPECT_DOUBLE_EQ(std::get<sim::Deterministic>(*s.contact_types[0].patience).value_s, 90.0);
  std::filesystem::remove_all(dir);
}

// --- one message per kind of mistake ---------------------------------------------------------

TEST(ScenarioYamlErrors, SyntaxErrorHasItsPosition) {
  EXPECT_EQ(errors_of("name: x\nhorizon: {interval: 30m\ncontact_types: []\n"),
            "plan.yaml:3:14: invalid YAML: end of map flow not found");
}

TEST(ScenarioYamlErrors, EmptyDocumentAndWrongTopLevel) {
  EXPECT_EQ(errors_of(""),
            "plan.yaml:1:1: expected a scenario mapping with the keys name, horizon, "
            "contact_types, agent_groups and routing, found nothing");
  EXPECT_EQ(errors_of("- a\n- b\n"),
            "plan.yaml:1:1: expected a scenario mapping with the keys name, horizon, "
            "contact_types, agent_groups and routing, found a list");
}

TEST(ScenarioYamlErrors, MissingRequiredKeysAreAllReported) {
  EXPECT_EQ(errors_of("name: x\n"),
            "plan.yaml:1:1: missing required key \"horizon\"\n"
            "plan.yaml:1:1: missing required key \"contact_types\"\n"
            "plan.yaml:1:1: missing required key \"agent_groups\"\n"
            "plan.yaml:1:1: missing required key \"routing\"");
}

TEST(ScenarioYamlErrors, EmptyScenarioName) {
  std::string text = minimal_with("name: small", "name: \"\"");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "\"\"") + ": name: expected a scenario name, found \"\"");
}

TEST(ScenarioYamlErrors, UnknownKeyListsTheValidOnes) {
  std::string text = minimal_with("intervals: 2}", "intervals: 2, lenght: 1h}");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "lenght") +
                ": horizon.lenght: unknown key \"lenght\", expected one of: interval, "
                "intervals, start, days, warmup, warmup_days, days_independent, start_date");
}

TEST(ScenarioYamlErrors, DuplicateKeys) {
  EXPECT_EQ(errors_of(minimal_with("name: small\n", "name: small\nseed: 1\nseed: 2\n")),
            "plan.yaml:3:1: seed: duplicate key \"seed\", expected each key once (first given at "
            "line 2)");
  std::string text = minimal_with("mean: 5m}", "mean: 5m, mean: 6m}");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "mean: 6m") +
                ": contact_types[0].handle_time.mean: duplicate key \"mean\", expected "
                "each key once (first given at line 6)");
}

TEST(ScenarioYamlErrors, PerIntervalListOfTheWrongLength) {
  std::string text = minimal_with("[10, 20]", "[10, 20, 30]");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "[10, 20, 30]") +
                ": contact_types[0].arrivals.per_interval: expected 2 values (one per "
                "interval), found 3");
  std::string three_days = minimal_with("intervals: 2}", "intervals: 2, days: 3}");
  three_days.replace(three_days.find("[3, 4]"), 6, "[3, 4, 5]");
  EXPECT_EQ(errors_of(three_days),
            "plan.yaml:" + at(three_days, "[3, 4, 5]") +
                ": agent_groups[0].staffing: expected 2 values (one per interval of a "
                "day) or 6 (one per interval of all 3 days), found 3");
}

TEST(ScenarioYamlErrors, RoutingToAnUnknownGroup) {
  std::string text =
      minimal_with("calls: [{group: team}]", "calls: [{group: team}, {group: tema}]");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "tema") +
                ": routing.calls[1].group: unknown agent group \"tema\", expected one "
                "of: team");
}

TEST(ScenarioYamlErrors, BriefExampleOfAnUnknownGroup) {
  std::string text = kGoodScenario;
  text.replace(text.find("{group: frontline, after"), 17, "{group: front");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "front,") +
                ": routing.vip[1].group: unknown agent group \"front\", expected one "
                "of: vip_desk, frontline");
}

TEST(ScenarioYamlErrors, NegativeAndZeroValues) {
  EXPECT_EQ(errors_of(minimal_with("mean: 5m", "mean: -5m")),
            "plan.yaml:6:52: contact_types[0].handle_time.mean: expected a positive duration, "
            "found \"-5m\"");
  std::string text = minimal_with("[3, 4]", "[3, -4]");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "-4") +
                ": agent_groups[0].staffing[1]: expected a non-negative whole number, "
                "found \"-4\"");
  text = minimal_with("[10, 20]", "[10, -20]");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "-20") +
                ": contact_types[0].arrivals.per_interval[1]: expected a non-negative "
                "number, found \"-20\"");
  EXPECT_EQ(errors_of(minimal_with("interval: 30m", "interval: 0s")),
            "plan.yaml:2:21: horizon.interval: expected a positive duration, found \"0s\"");
}

TEST(ScenarioYamlErrors, UnitsAreRequired) {
  EXPECT_EQ(errors_of(minimal_with("mean: 5m", "mean: 300")),
            "plan.yaml:6:52: contact_types[0].handle_time.mean: expected a duration with its unit "
            "such as 20s, 5m or 1.5h, found \"300\" (no unit)");
  EXPECT_EQ(errors_of(minimal_with("mean: 5m", "mean: 5 minutes")),
            "plan.yaml:6:52: contact_types[0].handle_time.mean: unknown duration unit "
            "\"minutes\" in \"5 minutes\" (expected s, m, h or d, e.g. 20s, 5m, 1.5h)");
  EXPECT_EQ(errors_of(minimal_with("{per_interval: [10, 20]}", "{rate: 3}")),
            "plan.yaml:5:22: contact_types[0].arrivals.rate: expected a rate with its interval "
            "such as 2.5/s, 90/h or 120/30m, found \"3\"");
}

TEST(ScenarioYamlErrors, WrongKindsOfValue) {
  EXPECT_EQ(errors_of(minimal_with("[3, 4]", "[3, 4.5]")),
            "plan.yaml:8:32: agent_groups[0].staffing[1]: expected a non-negative whole number, "
            "found \"4.5\"");
  EXPECT_EQ(errors_of(minimal_with("handle_time: {distribution: exponential, mean: 5m}",
                                   "handle_time: 5m")),
            "plan.yaml:6:18: contact_types[0].handle_time: expected a mapping such as "
            "{distribution: lognormal, mean: 300s, sd: 200s}, found \"5m\"");
  std::string text = minimal_with("intervals: 2}", "intervals: [2]}");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "[2]") +
                ": horizon.intervals: expected a whole number of at least 1, found a "
                "list");
  text = minimal_with("intervals: 2}", "intervals: 2, start: 7am}");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "7am") +
                ": horizon.start: expected a clock time such as \"07:00\" (00:00 to "
                "23:59:59), found \"7am\"");
}

TEST(ScenarioYamlErrors, DayLongerThanTheClock) {
  // Ending exactly at midnight is fine; one minute later is not.
  EXPECT_EQ(errors_of(minimal_with("intervals: 2}", "intervals: 2, start: \"23:00\"}")), "");
  std::string text = minimal_with("intervals: 2}", "intervals: 2, start: \"23:01\"}");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "2, start") +
                                 ": horizon.intervals: expected the day to end "
                                 "by 24:00, found 23:01 + 2 x 30m = 24:01");
}

TEST(ScenarioYaml, ContinuousDaysWarmUpDaysAndStartDate) {
  sim::Scenario s =
      parse_scenario_yaml(minimal_with("intervals: 2}", "intervals: 2, days: 10}"), "plan.yaml");
  EXPECT_FALSE(s.horizon.days_independent);
  EXPECT_EQ(s.horizon.warmup_days, 0);
  EXPECT_FALSE(s.horizon.start_date.has_value());
  EXPECT_EQ(s.horizon.weekday(0), 0);  // day 1 counts as a Monday without a start date
  s = parse_scenario_yaml(
      minimal_with("intervals: 2}",
                   "intervals: 2, days: 10, warmup_days: 5, start_date: 2003-10-16}"),
      "plan.yaml");
  EXPECT_EQ(s.horizon.warmup_days, 5);
  EXPECT_EQ(s.horizon.weekday(0), 3);  // Thursday 16 October 2003
  EXPECT_EQ(s.horizon.weekday(3), 6);  // Sunday
  s = parse_scenario_yaml(
      minimal_with("intervals: 2}", "intervals: 2, days: 3, days_independent: true}"), "plan.yaml");
  EXPECT_TRUE(s.horizon.days_independent);
}

TEST(ScenarioYamlErrors, ContinuousDaysKeys) {
  std::string text =
      minimal_with("intervals: 2}", "intervals: 2, days_independent: yes, warmup_days: -1}");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "yes") +
                ": horizon.days_independent: expected true or false, found \"yes\"\n"
                "plan.yaml:" +
                at(text, "-1") +
                ": horizon.warmup_days: expected a non-negative whole number, found \"-1\"");
  text = minimal_with("intervals: 2}",
                      "intervals: 2, days: 2, days_independent: true, warmup_days: 2}");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "2}") +
                                 ": horizon.warmup_days: expected no warm-up days with "
                                 "days_independent: true (each day starts empty; use warmup for "
                                 "a warm-up before every day), found \"2\"");
  text = minimal_with("intervals: 2}", "intervals: 2, start_date: 2003-02-30}");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "2003") +
                                 ": horizon.start_date: expected an ISO 8601 date such as "
                                 "2003-03-03, found \"2003-02-30\"");
}

// A one-day horizon 07:00-08:00 in 30-minute intervals; the type opens at 07:30, the group on
// weekdays only.
TEST(ScenarioYaml, OpeningHours) {
  std::string text = minimal_with("intervals: 2}", "intervals: 2, start: \"07:00\", days: 7}");
  text = text.replace(text.find("{per_interval: [10, 20]}"), 24,
                      "{per_interval: [0, 20]}\n    hours: \"07:30-08:00\"");
  text = text.replace(text.find("staffing: [3, 4]}"), 17,
                      "staffing: 3, hours: {days: mon-fri, time: \"07:00-08:00\"}}");
  sim::Scenario s = parse_scenario_yaml(text, "plan.yaml");
  const sim::OpenIntervals type_open = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
  EXPECT_EQ(s.contact_types[0].open, type_open);
  const sim::OpenIntervals group_open = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0};
  EXPECT_EQ(s.agent_groups[0].open, group_open);
  // A list of rules; full weekday names; a YAML list of days.
  text = minimal_with("{name: team, staffing: [3, 4]}",
                      "{name: team, staffing: 3, hours: [{days: [Saturday, sun], time: "
                      "\"07:00-07:30\"}, {days: mon, time: \"07:30-08:00\"}]}");
  text = text.replace(text.find("intervals: 2}"), 13, "intervals: 2, start: \"07:00\", days: 7}");
  s = parse_scenario_yaml(text, "plan.yaml");
  const sim::OpenIntervals rules = {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0};
  EXPECT_EQ(s.agent_groups[0].open, rules);
}

// A type's `key` names its random streams in place of its name: it loads, and it may not be the
// key (or name) of another type.
TEST(ScenarioYaml, StreamKeyOfAContactType) {
  std::string text = minimal_with("  - name: calls\n", "  - name: calls\n    key: calls-2003\n");
  EXPECT_EQ(parse_scenario_yaml(text, "plan.yaml").contact_types[0].key, "calls-2003");
  text = minimal_with("  - name: calls\n", "  - name: calls\n    key: chat\n");
  text = text.replace(text.find("agent_groups:"), 13,
                      "  - name: chat\n    arrivals: {per_interval: [1, 2]}\n    handle_time: "
                      "{distribution: exponential, mean: 5m}\nagent_groups:");
  text = text.replace(text.find("calls: [{group: team}]"), 22,
                      "calls: [{group: team}]\n  chat: [{group: team}]");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "chat") +
                ": contact_types[0].key: expected a key no other contact type uses "
                "(keys, by default the names, name the random streams), found "
                "\"chat\" of contact type \"chat\"");
}

TEST(ScenarioYamlErrors, OpeningHours) {
  const std::string base = minimal_with("intervals: 2}", "intervals: 2, start: \"07:00\"}");
  auto with_hours = [&](const std::string& hours) {
    std::string text = base;
    return text.replace(text.find("staffing: [3, 4]}"), 17,
                        "staffing: [3, 4], hours: " + hours + "}");
  };
  std::string text = with_hours("\"06:00-08:00\"");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "\"06:00") +
                                 ": agent_groups[0].hours: expected hours within the horizon's "
                                 "day 07:00-08:00, found \"06:00-08:00\"");
  text = with_hours("\"07:10-08:00\"");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "\"07:10") +
                                 ": agent_groups[0].hours: expected hours on the horizon's 30m "
                                 "interval grid (starting 07:00), found \"07:10-08:00\"");
  text = with_hours("\"08:00-07:00\"");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "\"08:00") +
                ": agent_groups[0].hours: expected a time range such as \"09:00-17:00\" (the end "
                "after the start, at most 24:00), found \"08:00-07:00\"");
  text = with_hours("{days: sat-sun, time: \"07:00-08:00\"}");  // a one-day horizon: a Monday
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "{days") +
                                 ": agent_groups[0].hours: expected hours that open at least once "
                                 "in the horizon's 1 day, found none open");
  text = with_hours("{days: mon-fry, time: \"07:00-08:00\"}");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "mon-fry") +
                                 ": agent_groups[0].hours.days: expected a weekday such as mon or "
                                 "monday, found \"fry\"");
  // Agents (or contacts) listed for an interval the hours close.
  text = with_hours("\"07:30-08:00\"");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "3, 4]") +
                                 ": agent_groups[0].staffing[0]: expected 0 agents (the 07:00 "
                                 "interval of day 1 is closed by its hours), found \"3\"");
  // A one-day pattern over two days, closed at 07:00 on the second day only: fine; closed at
  // 07:00 on every day: not.
  text = minimal_with("intervals: 2}", "intervals: 2, start: \"07:00\", days: 2}");
  text = text.replace(text.find("staffing: [3, 4]}"), 17,
                      "staffing: [3, 4], hours: [{days: mon, time: \"07:00-08:00\"}, "
                      "{days: tue, time: \"07:30-08:00\"}]}");
  EXPECT_EQ(errors_of(text), "");
  text = replaced(text, "{days: mon, time: \"07:00", "{days: mon, time: \"07:30");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "3, 4]") +
                                 ": agent_groups[0].staffing[0]: expected 0 agents (the 07:00 "
                                 "interval is closed on every day by its hours), found \"3\"");
}

TEST(ScenarioYamlErrors, FractionsAndDefinitions) {
  std::string text = minimal_with(
      "mean: 5m}",
      "mean: 5m}\n    targets: {service_level: {within: 20s, at_least: 120%, definition: "
      "all}, max_abandon: -1%}");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "120%") +
                ": contact_types[0].targets.service_level.at_least: expected a "
                "fraction between 0% and 100%, found \"120%\"\n"
                "plan.yaml:" +
                at(text, "all}") +
                ": contact_types[0].targets.service_level.definition: unknown "
                "service-level definition \"all\", expected one of: offered, answered, "
                "exclude_short_abandons\n"
                "plan.yaml:" +
                at(text, "-1%") +
                ": contact_types[0].targets.max_abandon: expected a fraction between 0% "
                "and 100%, found \"-1%\"");
}

TEST(ScenarioYamlErrors, DistributionFamiliesAndTheirParameters) {
  EXPECT_EQ(errors_of(minimal_with("exponential, mean: 5m", "normal, mean: 5m")),
            "plan.yaml:6:33: contact_types[0].handle_time.distribution: unknown distribution "
            "\"normal\", expected one of: exponential, lognormal, gamma, weibull, deterministic, "
            "empirical");
  EXPECT_EQ(errors_of(minimal_with("exponential, mean: 5m", "lognormal, mean: 5m")),
            "plan.yaml:6:18: contact_types[0].handle_time: missing required key \"sd\" for a "
            "lognormal distribution");
  std::string text = minimal_with("exponential, mean: 5m", "exponential, mean: 5m, sd: 1m");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "sd: 1m") +
                ": contact_types[0].handle_time.sd: unknown key \"sd\", expected one "
                "of: distribution, mean");
  EXPECT_EQ(errors_of(minimal_with("{distribution: exponential, mean: 5m}", "{mean: 5m}")),
            "plan.yaml:6:18: contact_types[0].handle_time: missing required key \"distribution\", "
            "expected one of: exponential, lognormal, gamma, weibull, deterministic, empirical");
}

TEST(ScenarioYamlErrors, EmpiricalFileProblems) {
  auto dir = std::filesystem::temp_directory_path() / "staffsim_scenario_yaml_errors";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "times.csv") << "talk_s\n100\n-3\n";
  std::string text = minimal_with("{distribution: exponential, mean: 5m}",
                                  "{distribution: empirical, file: times.csv, column: talk}");
  try {
    parse_scenario_yaml(text, "plan.yaml", dir.string());
    FAIL() << "no exception";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "plan.yaml:" + at(text, "times.csv") +
                  ": contact_types[0].handle_time.file: " + (dir / "times.csv").string() +
                  ":1: missing column \"talk\" (columns are: talk_s)");
  }
  text.replace(text.find("column: talk}"), 13, "column: talk_s}");
  try {
    parse_scenario_yaml(text, "plan.yaml", dir.string());
    FAIL() << "no exception";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "plan.yaml:" + at(text, "times.csv") +
                  ": contact_types[0].handle_time.file: " + (dir / "times.csv").string() +
                  ":3: talk_s: expected a duration in seconds from 0 to 31622400 (366 days), found "
                  "\"-3\"");
  }
  std::filesystem::remove_all(dir);
}

TEST(ScenarioYamlErrors, ArrivalSources) {
  EXPECT_EQ(errors_of(minimal_with("{per_interval: [10, 20]}", "{day_cv: 0.1}")),
            "plan.yaml:5:15: contact_types[0].arrivals: missing arrival source, expected one of: "
            "per_interval, rate, forecast");
  std::string text = minimal_with("{per_interval: [10, 20]}", "{per_interval: 5, rate: 1/s}");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "1/s") +
                ": contact_types[0].arrivals.rate: expected exactly one arrival source, "
                "found per_interval, rate");
}

TEST(ScenarioYamlErrors, NamesAndRoutingCoverage) {
  std::string text = R"(name: x
horizon: {interval: 1h, intervals: 1}
contact_types:
  - {name: a, arrivals: {rate: 1/m}, handle_time: {distribution: exponential, mean: 1m}}
  - {name: a, arrivals: {rate: 1/m}, handle_time: {distribution: exponential, mean: 1m}}
  - {name: b, arrivals: {rate: 1/m}, handle_time: {distribution: exponential, mean: 1m}}
  - {name: "c d", arrivals: {rate: 1/m}, handle_time: {distribution: exponential, mean: 1m}}
agent_groups:
  - {name: g, staffing: 1}
  - {name: idle, staffing: 1}
  - {staffing: 1}
routing:
  a: [{group: g}, {group: g}]
  z: [{group: g}]
  b: []
)";
  EXPECT_EQ(errors_of(text),
            "plan.yaml:5:12: contact_types[1].name: duplicate contact type name \"a\", expected "
            "unique names (first given at line 4)\n"
            "plan.yaml:7:12: contact_types[3].name: expected a name of letters, digits, _ or -, "
            "found \"c d\"\n"
            "plan.yaml:11:5: agent_groups[2]: missing required key \"name\"\n"
            "plan.yaml:" +
                at(text, "g}]") +
                ": routing.a[1].group: expected each group once per contact type, "
                "found \"g\" again\n"
                "plan.yaml:14:3: routing.z: unknown contact type \"z\", expected one of: a, b\n"
                "plan.yaml:15:6: routing.b: expected at least one group, found an empty list");
}

TEST(ScenarioYamlErrors, RoutingKeysAndSteps) {
  std::string text = minimal_with("calls: [{group: team}]",
                                  "calls: [{group: team, afer: 30s}]\n  calls: [{group: team}]");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "afer") +
                ": routing.calls[0].afer: unknown key \"afer\", expected one of: group, after\n"
                "plan.yaml:" +
                at(text, "calls: [{group: team}]") +
                ": routing.calls: duplicate key \"calls\", expected each contact type once");
  text = minimal_with("calls: [{group: team}]", "calls: [{group: team, after: 30}]");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "30}") +
                                 ": routing.calls[0].after: expected a duration with its unit "
                                 "such as 20s, 5m or 1.5h, found \"30\" (no unit)");
  text = minimal_with("calls: [{group: team}]", "calls: team");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "team", 1) +
                                 ": routing.calls: expected a list of groups such as [{group: "
                                 "frontline}], found \"team\"");
}

TEST(ScenarioYamlErrors, GroupThatServesNobody) {
  std::string text =
      minimal_with("  - {name: team, staffing: [3, 4]}\n",
                   "  - {name: team, staffing: [3, 4]}\n  - {name: idle, staffing: 2}\n");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "idle") +
                                 ": agent_groups[1].name: agent group \"idle\" serves no contact "
                                 "type, expected it in at least one routing list");
}

TEST(ScenarioYamlErrors, EveryContactTypeNeedsRouting) {
  std::string text = minimal_with(
      "  - name: calls\n",
      "  - name: chat\n    priority: 2\n"
      "    arrivals: {rate: 1/m}\n    handle_time: {distribution: exponential, mean: 1m}\n"
      "  - name: calls\n");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "calls: [{group") +
                ": routing: no entry for contact type \"chat\", expected a list of groups "
                "for every contact type");
}

// --- issues that outlive a call ------------------------------------------------------------------

// Every key of the escalation sections. Card contacts need authority 1, 2 or 3: frontline
// (authority 1) transfers level 2 to leads (2) and turns level 3 into work orders for back_office
// (3), whose outcome the customer learns from the call-back card promises for unresolved
// contacts. A card customer who failed twice complains; complaints have no arrivals of their own.
const char* const kEscalationScenario = R"(name: escalation line
horizon: {interval: 1h, intervals: 2, start: "08:00"}
contact_types:
  - name: card
    arrivals: {per_interval: [30, 20]}
    handle_time: {distribution: exponential, mean: 6m}
    issues:
      required_authority: {1: 60%, 2: 25%, 3: 15%}
      resolve_probability: 90%
      max_transfers: 1
      escalation:
        2:
          transfer:
            to: leads
            warm: true
            handle_time: {distribution: exponential, mean: 8m}
            patience: {distribution: exponential, mean: 2m}
        3:
          work_order:
            to: back_office
            deadline: 48h
            processing: {distribution: gamma, mean: 30m, sd: 10m}
            hand_off: {distribution: deterministic, value: 2h}
            then: callback
      unresolved:
        callback:
          group: outbound
          within: 4h
          reach: 70%
          attempts: 3
          retry_after: 45m
          attempt_time: 1m
          handle_time: {distribution: exponential, mean: 5m}
    repeat:
      probability: 60%
      delay: {distribution: exponential, mean: 2h}
      complaint_after: 2
      complaint_type: complaint
  - name: complaint
    handle_time: {distribution: exponential, mean: 10m}
    issues:
      required_authority: {2: 70%, 3: 30%}
      escalation:
        3:
          work_order:
            to: back_office
            deadline: 1d
            processing: {distribution: exponential, mean: 1h}
            then: {callback: {group: outbound, within: 2h}}
      unresolved: ask_to_call_again
  - name: chat
    arrivals: {rate: 5/h}
    handle_time: {distribution: exponential, mean: 4m}
    issues:
      required_authority: {1: 50%, 2: 50%}
      escalation: {2: {callback: {group: outbound, within: 1d}}}
agent_groups:
  - {name: frontline, staffing: [10, 12], cost_per_hour: 30}
  - name: leads
    staffing: 3
    authority: 2
    authority_cost:
      handle_time_factor: 1.15
      added_time: 30s
      audit_share: 5%
      audit: {to: back_office, processing: {distribution: exponential, mean: 10m}}
    first: escalations
    reserve: 2
  - {name: back_office, staffing: 4, authority: 3, first: calls, order: earliest_deadline}
  - {name: outbound, staffing: 2, callbacks_when: {queue_empty: false, idle_at_least: 2}}
routing:
  card: [{group: frontline}]
  complaint: [{group: leads}]
  chat: [{group: frontline}]
reinforcement:
  - {group: leads, takes: card, start: {queue: 20}, stop: {queue: 5}}
  - {group: back_office, takes: chat, start: {oldest_wait: 2m}}
)";

// The escalation example with the first occurrence of `from` replaced by `to`.
std::string escalation_with(const std::string& from, const std::string& to) {
  return replaced(kEscalationScenario, from, to);
}

// The group indices of the escalation example, in file order.
constexpr int kFrontline = 0;
constexpr int kLeads = 1;
constexpr int kBackOffice = 2;
constexpr int kOutbound = 3;

// A number as the shortest text that reads back as the same double: "0.7" only for 0.7 itself.
std::string number(double x) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, result.ptr);
}

// The values below as text, so that one comparison checks every field of one.
std::string text_of(const sim::DurationDistribution& d) {
  if (const auto* e = std::get_if<sim::Exponential>(&d)) {
    return "exponential " + number(e->mean_s) + "s";
  }
  if (const auto* g = std::get_if<sim::Gamma>(&d)) {
    return "gamma " + number(g->mean_s) + "s sd " + number(g->sd_s) + "s";
  }
  if (const auto* v = std::get_if<sim::Deterministic>(&d)) {
    return "deterministic " + number(v->value_s) + "s";
  }
  return "another distribution";
}

std::string text_of(const std::optional<sim::DurationDistribution>& d) {
  return d ? text_of(*d) : "none";
}

std::string text_of(const sim::CallbackPolicy& c) {
  return "call-back by group " + std::to_string(c.group) + " within " + number(c.within_s) +
         "s, reach " + number(c.reach) + ", " + std::to_string(c.attempts) +
         " attempts, retry after " + number(c.retry_after_s) + "s, attempt " + number(c.attempt_s) +
         "s, handle time " + text_of(c.handle_time);
}

std::string text_of(const std::optional<sim::Escalation>& e) {
  if (!e) return "none";
  switch (e->kind) {
    case sim::EscalationKind::transfer:
      return "transfer to group " + std::to_string(e->transfer.to) +
             (e->transfer.warm ? ", warm" : ", cold") + ", handle time " +
             text_of(e->transfer.handle_time) + ", patience " + text_of(e->transfer.patience);
    case sim::EscalationKind::work_order:
      return "work order for group " + std::to_string(e->work_order.to) + ", deadline " +
             number(e->work_order.deadline_s) + "s, processing " +
             text_of(e->work_order.processing) + ", hand-off " + text_of(e->work_order.hand_off) +
             ", then " +
             (e->work_order.then_callback ? text_of(*e->work_order.then_callback) : "none");
    case sim::EscalationKind::callback:
      return text_of(e->callback);
    default:
      return "ask to call again";
  }
}

// The authority keys of an agent group.
std::string authority_text(const sim::AgentGroup& g) {
  const sim::AuthorityCost& cost = g.authority_cost;
  std::string text = "authority " + std::to_string(g.authority) + ", handle time x" +
                     number(cost.handle_time_factor) + " + " + number(cost.added_s) +
                     "s, audit share " + number(cost.audit_share);
  if (cost.audit) {
    text += " for group " + std::to_string(cost.audit->to) + " (" +
            text_of(cost.audit->processing) + ")";
  }
  text += g.first == sim::ServiceOrder::calls_first ? ", calls first" : ", escalations first";
  text += ", reserve " + std::to_string(g.reserve);
  text += g.order == sim::WorkOrderOrder::earliest_deadline ? ", earliest deadline" : ", fifo";
  text += ", call-backs when " + std::string(g.callbacks_when.queue_empty ? "no queue and " : "") +
          std::to_string(g.callbacks_when.idle_at_least) + " idle";
  return text + ", cost " + (g.cost_per_hour ? number(*g.cost_per_hour) + "/h" : "none");
}

TEST(ScenarioYaml, LoadsEveryKeyOfIssuesAndEscalation) {
  sim::Scenario s = parse_scenario_yaml(kEscalationScenario, "plan.yaml");
  ASSERT_EQ(s.contact_types.size(), 3u);
  // card's unresolved call-back, which its level-3 work orders repeat (`then: callback`).
  const std::string card_callback =
      "call-back by group " + std::to_string(kOutbound) +
      " within 14400s, reach 0.7, 3 attempts, retry after 2700s, attempt 60s, handle time "
      "exponential 300s";

  const sim::ContactType& card = s.contact_types[0];
  ASSERT_TRUE(card.issues.has_value());
  EXPECT_EQ(card.issues->required_authority, (std::vector<double>{0.6, 0.25, 0.15}));
  EXPECT_DOUBLE_EQ(card.issues->resolve_probability, 0.9);
  EXPECT_EQ(card.issues->max_transfers, 1);
  ASSERT_EQ(card.issues->escalation.size(), 3u);
  EXPECT_EQ(text_of(card.issues->escalation[0]), "none");
  EXPECT_EQ(text_of(card.issues->escalation[1]),
            "transfer to group " + std::to_string(kLeads) +
                ", warm, handle time exponential 480s, patience exponential 120s");
  EXPECT_EQ(text_of(card.issues->escalation[2]),
            "work order for group " + std::to_string(kBackOffice) +
                ", deadline 172800s, processing gamma 1800s sd 600s, hand-off deterministic "
                "7200s, then " +
                card_callback);
  EXPECT_EQ(text_of(card.issues->unresolved), card_callback);
  ASSERT_TRUE(card.repeat.has_value());
  EXPECT_DOUBLE_EQ(card.repeat->probability, 0.6);
  EXPECT_EQ(text_of(card.repeat->delay), "exponential 7200s");
  EXPECT_EQ(card.repeat->complaint_after, 2);
  EXPECT_EQ(card.repeat->complaint_type, 1);

  // The complaint type: no arrivals of its own; defaults of the optional issue keys.
  const sim::ContactType& complaint = s.contact_types[1];
  EXPECT_EQ(complaint.arrivals.rate_per_s, (std::vector<double>{0, 0}));
  EXPECT_FALSE(complaint.repeat.has_value());
  ASSERT_TRUE(complaint.issues.has_value());
  EXPECT_EQ(complaint.issues->required_authority, (std::vector<double>{0, 0.7, 0.3}));
  EXPECT_DOUBLE_EQ(complaint.issues->resolve_probability, 1.0);
  EXPECT_EQ(complaint.issues->max_transfers, 2);
  ASSERT_EQ(complaint.issues->escalation.size(), 3u);
  EXPECT_EQ(text_of(complaint.issues->escalation[1]), "none");
  EXPECT_EQ(text_of(complaint.issues->escalation[2]),
            "work order for group " + std::to_string(kBackOffice) +
                ", deadline 86400s, processing exponential 3600s, hand-off none, then call-back "
                "by group " +
                std::to_string(kOutbound) +
                " within 7200s, reach 1, 1 attempts, retry after 1800s, attempt 60s, handle time "
                "none");
  EXPECT_EQ(text_of(complaint.issues->unresolved), "ask to call again");

  const sim::ContactType& chat = s.contact_types[2];
  ASSERT_TRUE(chat.issues.has_value());
  ASSERT_EQ(chat.issues->escalation.size(), 2u);
  EXPECT_EQ(text_of(chat.issues->escalation[1]),
            "call-back by group " + std::to_string(kOutbound) +
                " within 86400s, reach 1, 1 attempts, retry after 1800s, attempt 60s, handle "
                "time none");
  EXPECT_EQ(text_of(chat.issues->unresolved), "ask to call again");

  ASSERT_EQ(s.agent_groups.size(), 4u);
  EXPECT_EQ(authority_text(s.agent_groups[kFrontline]),
            "authority 1, handle time x1 + 0s, audit share 0, escalations first, reserve 0, fifo, "
            "call-backs when no queue and 1 idle, cost 30/h");
  EXPECT_EQ(authority_text(s.agent_groups[kLeads]),
            "authority 2, handle time x1.15 + 30s, audit share 0.05 for group " +
                std::to_string(kBackOffice) +
                " (exponential 600s), escalations first, reserve 2, fifo, call-backs when no "
                "queue and 1 idle, cost none");
  EXPECT_EQ(authority_text(s.agent_groups[kBackOffice]),
            "authority 3, handle time x1 + 0s, audit share 0, calls first, reserve 0, earliest "
            "deadline, call-backs when no queue and 1 idle, cost none");
  EXPECT_EQ(authority_text(s.agent_groups[kOutbound]),
            "authority 1, handle time x1 + 0s, audit share 0, escalations first, reserve 0, fifo, "
            "call-backs when 2 idle, cost none");

  ASSERT_EQ(s.reinforcement.size(), 2u);
  const sim::Reinforcement& by_queue = s.reinforcement[0];
  EXPECT_EQ(by_queue.group, kLeads);
  EXPECT_EQ(by_queue.type, 0);
  EXPECT_EQ(by_queue.start_queue, std::optional<std::int64_t>(20));
  EXPECT_FALSE(by_queue.start_oldest_wait_s.has_value());
  EXPECT_EQ(by_queue.stop_queue, 5);
  const sim::Reinforcement& by_wait = s.reinforcement[1];
  EXPECT_EQ(by_wait.group, kBackOffice);
  EXPECT_EQ(by_wait.type, 2);
  EXPECT_FALSE(by_wait.start_queue.has_value());
  EXPECT_EQ(by_wait.start_oldest_wait_s, std::optional<double>(120));
  EXPECT_EQ(by_wait.stop_queue, 0);
}

TEST(ScenarioYamlErrors, LevelWithoutAnEscalationPath) {
  // card's transfer moved to level 1: nothing takes level 2 off frontline.
  std::string text =
      escalation_with("        2:\n          transfer", "        1:\n          transfer");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "1:\n          transfer") +
                ": contact_types[0].issues.escalation: expected an escalation for level 2 (group "
                "frontline has authority 1 and takes card contacts), found none");
  // chat without escalations: reported at its issues.
  text = escalation_with("      escalation: {2: {callback: {group: outbound, within: 1d}}}\n", "");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + at(text, "required_authority: {1: 50%") +
                ": contact_types[2].issues: expected an escalation for level 2 (group frontline "
                "has authority 1 and takes chat contacts), found none");
}

TEST(ScenarioYamlErrors, EscalationTargets) {
  std::string text = escalation_with("to: leads", "to: lead");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "transfer:\n            to: ") +
                                 ": contact_types[0].issues.escalation.2.transfer.to: unknown "
                                 "agent group \"lead\", expected one of: frontline, leads, "
                                 "back_office, outbound");
  // Level 2 transferred to frontline (authority 1), level 3 sent to leads (authority 2).
  text = replaced(escalation_with("to: leads", "to: frontline"), "to: back_office", "to: leads");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + after(text, "transfer:\n            to: ") +
                ": contact_types[0].issues.escalation.2.transfer.to: expected a group with "
                "authority 2 or more for level-2 issues, found \"frontline\" (authority 1)\n"
                "plan.yaml:" +
                after(text, "work_order:\n            to: ") +
                ": contact_types[0].issues.escalation.3.work_order.to: expected a group with "
                "authority 3 or more for level-3 issues, found \"leads\" (authority 2)");
}

TEST(ScenarioYamlErrors, RequiredAuthorityLevels) {
  // chat's issues, rewritten without its escalation (a level-1-only model needs none).
  const std::string chat_issues =
      "required_authority: {1: 50%, 2: 50%}\n      escalation: {2: {callback: {group: outbound, "
      "within: 1d}}}";
  std::string text = escalation_with(chat_issues, "required_authority: {1: 70%, 2: 20%}");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "required_authority: ", 2) +
                                 ": contact_types[2].issues.required_authority: expected shares "
                                 "that sum to 100%, found 90%");
  text = escalation_with(chat_issues, "required_authority: {1: 50%, 10: 50%}");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "10: 50%") +
                                 ": contact_types[2].issues.required_authority.10: expected an "
                                 "authority level from 1 to 9, found \"10\"");
  text = escalation_with(chat_issues, "required_authority: {1: 50%, 1: 50%}");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "{1: 50%, 1: ") +
                                 ": contact_types[2].issues.required_authority.1: duplicate level "
                                 "1, expected each level once");
  text = escalation_with("        2:\n          transfer", "        0:\n          transfer");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "0:\n          transfer") +
                                 ": contact_types[0].issues.escalation.0: expected an authority "
                                 "level from 1 to 9, found \"0\"");
  // card's issues no longer require level 3, which still has a work order.
  text = escalation_with("{1: 60%, 2: 25%, 3: 15%}", "{1: 60%, 2: 40%}");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "2:\n          transfer") +
                                 ": contact_types[0].issues.escalation: expected escalations only "
                                 "for levels issues can require (1 to 2), found level 3");
}

TEST(ScenarioYamlErrors, ComplaintTypes) {
  std::string text = escalation_with("complaint_type: complaint", "complaint_type: complain");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "complaint_type: ") +
                                 ": contact_types[0].repeat.complaint_type: unknown contact type "
                                 "\"complain\", expected one of: card, complaint, chat");
  text = escalation_with("complaint_type: complaint", "complaint_type: card");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "complaint_type: ") +
                                 ": contact_types[0].repeat.complaint_type: expected another "
                                 "contact type for complaints, found \"card\" itself");
  text = escalation_with("      complaint_type: complaint\n", "");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "probability: 60%") +
                                 ": contact_types[0].repeat: missing required key "
                                 "\"complaint_type\" with complaint_after");
  text = escalation_with("      complaint_after: 2\n", "");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "probability: 60%") +
                                 ": contact_types[0].repeat: missing required key "
                                 "\"complaint_after\" with complaint_type");
  // Without complaints, the complaint type has neither arrivals nor complaints to receive.
  text = escalation_with("      complaint_after: 2\n      complaint_type: complaint\n", "");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "name: complaint") +
                                 ": contact_types[1]: missing required key \"arrivals\" (only a "
                                 "complaint type, which receives the complaints of another type, "
                                 "may have none)");
}

TEST(ScenarioYamlErrors, WorkOrdersAndCallBacks) {
  std::string text = escalation_with("deadline: 48h", "deadline: 0h");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "deadline: ") +
                                 ": contact_types[0].issues.escalation.3.work_order.deadline: "
                                 "expected a positive duration, found \"0h\"");
  // complaint's unresolved policy asks to call again: there is no call-back to repeat.
  text = escalation_with("then: {callback: {group: outbound, within: 2h}}", "then: callback");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "then: ", 1) +
                                 ": contact_types[1].issues.escalation.3.work_order.then: expected "
                                 "an unresolved call-back for then: callback to repeat, or then: "
                                 "{callback: {group: ..., within: ...}}, found no unresolved "
                                 "call-back");
  text = escalation_with("within: 1d}", "within: 1d, reach: 0%, attempts: 101}");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "reach: ", 1) +
                                 ": contact_types[2].issues.escalation.2.callback.reach: expected "
                                 "a reach above 0% and at most 100%, found \"0%\"\n"
                                 "plan.yaml:" +
                                 after(text, "attempts: ", 1) +
                                 ": contact_types[2].issues.escalation.2.callback.attempts: "
                                 "expected at most 100 attempts, found \"101\"");
}

TEST(ScenarioYamlErrors, AuthorityKeysOfAgentGroups) {
  std::string text = escalation_with("authority: 3,", "authority: 10,");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "staffing: 4, authority: ") +
                                 ": agent_groups[2].authority: expected an authority level from 1 "
                                 "to 9, found \"10\"");
  text = escalation_with(
      "      audit: {to: back_office, processing: {distribution: exponential, mean: 10m}}\n", "");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "audit_share: ") +
                                 ": agent_groups[1].authority_cost.audit_share: expected audit: "
                                 "{to: ..., processing: ...} with an audit share above 0%, found "
                                 "none");
  text = escalation_with("first: escalations", "first: calls");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "reserve: ") +
                                 ": agent_groups[1].reserve: expected no reserve with first: calls "
                                 "(agents kept for escalations serve escalations first), found "
                                 "\"2\"");
  text = escalation_with("first: calls, order: earliest_deadline", "first: call, order: lifo");
  EXPECT_EQ(errors_of(text),
            "plan.yaml:" + after(text, "first: ", 1) +
                ": agent_groups[2].first: expected escalations or calls, found \"call\"\n"
                "plan.yaml:" +
                after(text, "order: ") +
                ": agent_groups[2].order: expected fifo or earliest_deadline, found \"lifo\"");
}

TEST(ScenarioYamlErrors, ReinforcementRules) {
  std::string text = escalation_with("stop: {queue: 5}", "stop: {queue: 20}");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "stop: {queue: ") +
                                 ": reinforcement[0].stop.queue: expected a stop below the start "
                                 "queue of 20, found \"20\"");
  text = escalation_with("start: {oldest_wait: 2m}", "start: {queue: 3, oldest_wait: 2m}");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "takes: chat, start: ") +
                                 ": reinforcement[1].start: expected exactly one of queue or "
                                 "oldest_wait, found queue, oldest_wait");
  text = escalation_with("takes: card", "takes: cards");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "takes: ") +
                                 ": reinforcement[0].takes: unknown contact type \"cards\", "
                                 "expected one of: card, complaint, chat");
}

// An unknown key in each mapping of the escalation sections, and in the mappings that gained
// keys for them: the message lists the valid keys.
TEST(ScenarioYamlErrors, UnknownKeysOfTheEscalationSections) {
  struct Case {
    const char* from;
    const char* to;  // `from` with a key "colour" added
    const char* path;
    const char* valid;
  };
  const Case cases[] = {
      {"  - name: chat\n", "  - name: chat\n    colour: red\n", "contact_types[2].colour",
       "name, key, priority, arrivals, handle_time, patience, targets, hours, issues, repeat"},
      {"      max_transfers: 1\n", "      max_transfers: 1\n      colour: red\n",
       "contact_types[0].issues.colour",
       "required_authority, resolve_probability, escalation, unresolved, max_transfers"},
      {"        2:\n", "        2:\n          colour: red\n",
       "contact_types[0].issues.escalation.2.colour", "transfer, work_order, callback"},
      {"warm: true\n", "warm: true\n            colour: red\n",
       "contact_types[0].issues.escalation.2.transfer.colour", "to, warm, handle_time, patience"},
      {"deadline: 48h\n", "deadline: 48h\n            colour: red\n",
       "contact_types[0].issues.escalation.3.work_order.colour",
       "to, deadline, processing, hand_off, then"},
      {"then: {callback", "then: {colour: red, callback",
       "contact_types[1].issues.escalation.3.work_order.then.colour", "callback"},
      {"within: 1d}", "within: 1d, colour: red}",
       "contact_types[2].issues.escalation.2.callback.colour",
       "group, within, reach, attempts, retry_after, attempt_time, handle_time"},
      {"probability: 60%\n", "probability: 60%\n      colour: red\n",
       "contact_types[0].repeat.colour", "probability, delay, complaint_after, complaint_type"},
      {"    reserve: 2\n", "    reserve: 2\n    colour: red\n", "agent_groups[1].colour",
       "name, staffing, shrinkage, hours, authority, authority_cost, first, reserve, order, "
       "callbacks_when, "
       "cost_per_hour"},
      {"added_time: 30s\n", "added_time: 30s\n      colour: red\n",
       "agent_groups[1].authority_cost.colour",
       "handle_time_factor, added_time, audit_share, audit"},
      {"audit: {to", "audit: {colour: red, to", "agent_groups[1].authority_cost.audit.colour",
       "to, processing"},
      {"callbacks_when: {", "callbacks_when: {colour: red, ",
       "agent_groups[3].callbacks_when.colour", "queue_empty, idle_at_least"},
      {"reinforcement:\n", "colour: red\nreinforcement:\n", "colour",
       "name, horizon, replications, seed, short_abandon, contact_types, agent_groups, routing, "
       "reinforcement, variants"},
      {"- {group: leads", "- {colour: red, group: leads", "reinforcement[0].colour",
       "group, takes, start, stop"},
      {"start: {queue", "start: {colour: red, queue", "reinforcement[0].start.colour",
       "queue, oldest_wait"},
      {"stop: {queue", "stop: {colour: red, queue", "reinforcement[0].stop.colour", "queue"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    const std::string text = escalation_with(c.from, c.to);
    EXPECT_EQ(errors_of(text), "plan.yaml:" + at(text, "colour") + ": " + c.path +
                                   ": unknown key \"colour\", expected one of: " + c.valid);
  }
}

// A required_authority that fails is reported once, not again through the escalation levels it
// would then seem not to require ("... (1 to 1), found level 3").
TEST(ScenarioYamlErrors, BadSharesAreReportedOnce) {
  std::string text = escalation_with("3: 15%}", "3: 5%}");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "required_authority: ") +
                                 ": contact_types[0].issues.required_authority: expected shares "
                                 "that sum to 100%, found 90%");
}

// `then: callback` does not report the problems of the unresolved call-back it repeats a second
// time, under a path (...work_order.then.callback.within) that is not in the file.
TEST(ScenarioYamlErrors, RepeatedCallBackTermsAreReportedOnce) {
  std::string text = escalation_with("within: 4h", "within: 0h");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "within: ") +
                                 ": contact_types[0].issues.unresolved.callback.within: expected "
                                 "a positive duration, found \"0h\"");
}

// A level given twice in `escalation` is an error (YAML would keep the last one silently).
TEST(ScenarioYamlErrors, EscalationLevelGivenTwice) {
  std::string text = escalation_with("within: 1d}}}", "within: 1d}}, 2: ask_to_call_again}");
  EXPECT_EQ(errors_of(text), "plan.yaml:" + after(text, "1d}}, 2: ") +
                                 ": contact_types[2].issues.escalation.2: duplicate level 2, "
                                 "expected each level once");
}

// Every example under scenarios/ loads: the examples stay valid as the format evolves.
TEST(ScenarioExamples, EveryExampleLoads) {
  const std::filesystem::path folder = std::filesystem::path(STAFFSIM_SOURCE_DIR) / "scenarios";
  int examples = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".yaml") continue;
    ++examples;
    try {
      sim::Scenario s = load_scenario_file(entry.path().string());
      EXPECT_FALSE(s.name.empty()) << entry.path();
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
    }
  }
  EXPECT_GE(examples, 3);
}

TEST(ScenarioExamples, DefaultScenarioIsTheDocumentedDay) {
  sim::Scenario s =
      load_scenario_file(std::string(STAFFSIM_SOURCE_DIR) + "/scenarios/default.yaml");
  EXPECT_DOUBLE_EQ(s.horizon.day_start_s, 7 * 3600.0);
  EXPECT_EQ(s.horizon.intervals_per_day, 28);  // 07:00 to 21:00 in half-hours
  EXPECT_EQ(s.replications, 30);
  ASSERT_EQ(s.contact_types.size(), 2u);
  const sim::ContactType& vip = s.contact_types[1];
  ASSERT_EQ(vip.routing.size(), 2u);
  EXPECT_DOUBLE_EQ(vip.routing[1].after_s, 30.0);  // the VIP desk overflows after 30 s
  for (const auto& type : s.contact_types) {
    EXPECT_DOUBLE_EQ(type.targets.service_level->within_s, 20.0);
    EXPECT_DOUBLE_EQ(type.targets.service_level->at_least, 0.8);
    EXPECT_DOUBLE_EQ(*type.targets.max_abandon, 0.05);
  }
}

}  // namespace
}  // namespace staffsim::tools
