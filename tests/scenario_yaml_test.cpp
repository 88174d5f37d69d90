#include "tools/scenario_yaml.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <variant>

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

// "line:col" (1-based) of the n-th occurrence of `token` in `text`, counted here from the text
// itself, so that tests state positions independently of the parser.
std::string at(const std::string& text, const std::string& token, int nth = 0) {
  std::size_t offset = text.find(token);
  for (int i = 0; i < nth && offset != std::string::npos; ++i)
    offset = text.find(token, offset + 1);
  if (offset == std::string::npos) {
    ADD_FAILURE() << "no \"" << token << "\" in the text";
    return "?";
  }
  std::size_t line_start = text.rfind('\n', offset);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  auto line =
      1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  return std::to_string(line) + ":" + std::to_string(offset - line_start + 1);
}

// A minimal valid scenario with one line replaced, for single-error tests.
std::string minimal_with(const std::string& from, const std::string& to) {
  std::string text = R"(name: small
horizon: {interval: 30m, intervals: 2}
contact_types:
  - name: calls
    arrivals: {per_interval: [10, 20]}
    handle_time: {distribution: exponential, mean: 5m}
agent_groups:
  - {name: team, staffing: [3, 4]}
routing:
  calls: [{group: team}]
)";
  auto at = text.find(from);
  if (at == std::string::npos) ADD_FAILURE() << "no \"" << from << "\" in the minimal scenario";
  return text.replace(at, from.size(), to);
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
                "intervals, start, days, warmup");
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
                  ":3: talk_s: expected a non-negative duration in seconds, found \"-3\"");
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
