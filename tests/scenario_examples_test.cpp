// Every shipped scenario (scenarios/*.yaml) runs, and every contact and every issue is accounted
// for in every replication: offered = answered + abandoned per contact type, and issues opened =
// resolved + abandoned for good + open at the end. Three replications each, in Release only
// (label "validation": the two-week scenarios take a second or two).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sim/simulator.hpp"
#include "tools/scenario_yaml.hpp"

namespace staffsim {
namespace {

std::vector<std::filesystem::path> examples() {
  std::vector<std::filesystem::path> files;
  const auto folder = std::filesystem::path(STAFFSIM_SOURCE_DIR) / "scenarios";
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  return files;
}

TEST(ScenarioExamples, EveryContactAndEveryIssueIsAccountedFor) {
  const auto files = examples();
  ASSERT_GE(files.size(), 9u);
  int with_issues = 0;
  for (const auto& file : files) {
    SCOPED_TRACE(file.filename().string());
    const sim::Scenario scenario = tools::load_scenario_file(file.string());
    sim::RunOptions options;
    options.replications_override = 3;
    const sim::Results r = sim::simulate(scenario, options);
    for (const auto& replication : r.replication_counts) {
      for (const sim::ReplicationCounts& c : replication) {
        EXPECT_EQ(c.offered, c.answered + c.abandoned);
      }
    }
    for (const auto& replication : r.replication_issues) {
      for (const sim::IssueCounts& c : replication) {
        EXPECT_EQ(c.issues, c.resolved + c.abandoned + c.open_end);
      }
    }
    if (!r.replication_issues.empty()) ++with_issues;
  }
  EXPECT_GE(with_issues, 5);
}

}  // namespace
}  // namespace staffsim
