// The fuzz targets (tests/fuzz/fuzz_targets.hpp) in the ordinary build: every committed input
// (tests/fuzz/regressions/<target>/: inputs that once broke a parser; tests/fuzz/seeds/<target>/:
// the hand-made seeds; and the shipped scenarios) goes through its target again, and the
// targets' message checks are checked themselves.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_targets.hpp"
#include "tools/scenario_yaml.hpp"

namespace {

namespace fs = std::filesystem;
using staffsim::fuzz::PropertyViolation;

const fs::path kFuzzDir = fs::path(STAFFSIM_SOURCE_DIR) / "tests" / "fuzz";

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().filename() != ".gitkeep") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Feeds every file to the target; returns how many there were.
std::size_t replay(const std::vector<fs::path>& files,
                   const std::function<void(std::string_view)>& target) {
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.string());
    try {
      target(read_bytes(file));
    } catch (const std::exception& e) {
      ADD_FAILURE() << file.string() << ": " << e.what();
    }
  }
  return files.size();
}

std::vector<fs::path> inputs_of(const std::string& target) {
  std::vector<fs::path> files = files_in(kFuzzDir / "regressions" / target);
  const std::vector<fs::path> seeds = files_in(kFuzzDir / "seeds" / target);
  files.insert(files.end(), seeds.begin(), seeds.end());
  return files;
}

TEST(FuzzReplay, ScenarioInputsAndShippedScenarios) {
  std::vector<fs::path> files = inputs_of("scenario");
  for (const fs::path& file : files_in(fs::path(STAFFSIM_SOURCE_DIR) / "scenarios")) {
    if (file.extension() == ".yaml") files.push_back(file);
  }
  EXPECT_GE(replay(files, staffsim::fuzz::scenario_target), 10u);
}

TEST(FuzzReplay, CsvInputs) {
  EXPECT_GE(replay(inputs_of("csv"), staffsim::fuzz::csv_target), 4u);
}

TEST(FuzzReplay, UnitsInputs) {
  EXPECT_GE(replay(inputs_of("units"), staffsim::fuzz::units_target), 9u);
}

// The seed that reaches every kind of file a scenario reads must itself load, or the fuzzer
// starts from an error.
TEST(FuzzReplay, FilesSeedLoads) {
  const std::string text = read_bytes(kFuzzDir / "seeds" / "scenario" / "files.yaml");
  EXPECT_NO_THROW(
      staffsim::tools::parse_scenario_yaml(text, "files.yaml", (kFuzzDir / "files").string()));
}

TEST(FuzzMessageChecks, ScenarioPositionsInsideTheInput) {
  using staffsim::fuzz::check_scenario_message;
  const std::string text = "a: 1\nbb: [\n";  // lines of 4, 6 and 0 characters
  EXPECT_NO_THROW(check_scenario_message("f.yaml:2:6: bb: expected ...", "f.yaml", text));
  EXPECT_NO_THROW(
      check_scenario_message("f.yaml:3:1: invalid YAML: end of map not found\n"
                             "in variant \"x\":\nf.yaml:1:4: a: expected ...",
                             "f.yaml", text));
  EXPECT_THROW(check_scenario_message("f.yaml:4:1: past the end", "f.yaml", text),
               PropertyViolation);
  EXPECT_THROW(check_scenario_message("f.yaml:1:6: past the line", "f.yaml", text),
               PropertyViolation);
  EXPECT_THROW(check_scenario_message("f.yaml:0:1: line 0", "f.yaml", text), PropertyViolation);
  EXPECT_THROW(check_scenario_message("f.yaml:1:1: a: found \"x\ny\"", "f.yaml", text),
               PropertyViolation);
  EXPECT_THROW(check_scenario_message("f.yaml: no position", "f.yaml", text), PropertyViolation);
}

TEST(FuzzMessageChecks, CsvLineInsideTheInput) {
  using staffsim::fuzz::check_csv_message;
  const std::string text = "a,b\n1,2\n";
  EXPECT_NO_THROW(check_csv_message("f.csv:2: b: expected ...", "f.csv", text));
  EXPECT_NO_THROW(check_csv_message("f.csv: expected at least one row", "f.csv", text));
  EXPECT_THROW(check_csv_message("f.csv:4: b: expected ...", "f.csv", text), PropertyViolation);
  EXPECT_THROW(check_csv_message("g.csv:1: other file", "f.csv", text), PropertyViolation);
  EXPECT_THROW(check_csv_message("f.csv:x: no line", "f.csv", text), PropertyViolation);
}

}  // namespace
