// A written scenario reads back through the scenario loader with the values it was given.
#include "tools/scenario_writer.hpp"

#include <gtest/gtest.h>

#include <variant>

#include "tools/scenario_yaml.hpp"

namespace staffsim::tools {
namespace {

TEST(ScenarioWriter, ReadsBackThroughTheLoader) {
  ScenarioDraft d;
  d.comments = {"a plan"};
  d.name = "plan \"A\"";
  d.interval_s = 900;
  d.intervals_per_day = 2;
  d.day_start_s = 8 * 3600;
  d.days = 2;
  d.warmup_s = 600;
  d.replications = 7;
  d.seed = 18446744073709551615ull;
  ScenarioDraft::ContactType calls;
  calls.name = "calls";
  calls.comments = {"the calls"};
  calls.calls_per_interval = {10.5, 20};
  calls.handle_time_mean_s = 177.26;
  calls.patience_mean_s = 290;
  calls.service_level = ScenarioDraft::ServiceLevel{20, 0.8, "answered"};
  calls.max_abandon = 0.05;
  calls.max_asa_s = 15;
  calls.groups = {"agents"};
  ScenarioDraft::ContactType lost;
  lost.name = "lost";
  lost.calls_per_interval = {1, 2, 3, 4};
  lost.handle_time_yaml = "{distribution: gamma, mean: 100s, sd: 50s}";
  lost.patience_fixed_s = 0;
  lost.groups = {"agents"};
  d.contact_types = {calls, lost};
  d.agent_groups = {{"agents", {"staffed"}, {3, 4}}};
  const std::string text = render_scenario(d);
  EXPECT_EQ(text.rfind("# a plan\nname: \"plan \\\"A\\\"\"\n", 0), 0u) << text;
  const sim::Scenario s = parse_scenario_yaml(text, "w.yaml");
  EXPECT_EQ(s.name, "plan \"A\"");
  EXPECT_EQ(s.horizon.interval_s, 900);
  EXPECT_EQ(s.horizon.intervals_per_day, 2);
  EXPECT_EQ(s.horizon.day_start_s, 8 * 3600);
  EXPECT_EQ(s.horizon.days, 2);
  EXPECT_EQ(s.horizon.warmup_s, 600);
  EXPECT_EQ(s.replications, 7);
  EXPECT_EQ(s.seed, 18446744073709551615ull);
  ASSERT_EQ(s.contact_types.size(), 2u);
  const auto& c = s.contact_types[0];
  EXPECT_EQ(c.arrivals.rate_per_s,
            (std::vector<double>{10.5 / 900, 20.0 / 900, 10.5 / 900, 20.0 / 900}));
  EXPECT_EQ(std::get<sim::Exponential>(c.handle_time).mean_s, 177.3);  // one decimal written
  EXPECT_EQ(std::get<sim::Exponential>(*c.patience).mean_s, 290);
  EXPECT_EQ(c.targets.service_level->definition, sim::ServiceLevelDefinition::answered);
  EXPECT_DOUBLE_EQ(c.targets.service_level->at_least, 0.8);
  EXPECT_DOUBLE_EQ(*c.targets.max_abandon, 0.05);
  EXPECT_EQ(*c.targets.max_asa_s, 15);
  const auto& l = s.contact_types[1];
  EXPECT_EQ(std::get<sim::Gamma>(l.handle_time).sd_s, 50);
  EXPECT_EQ(std::get<sim::Deterministic>(*l.patience).value_s, 0);
  EXPECT_EQ(s.agent_groups[0].staffing, (std::vector<int>{3, 4, 3, 4}));
  EXPECT_EQ(l.routing.size(), 1u);
}

}  // namespace
}  // namespace staffsim::tools
