// The README's examples are tests: every indented block that starts with `$ build/staffsim ...`
// is run (from a scratch folder that sees `scenarios/` and `../shared/data` as the README does)
// and its output must show the README's lines. A line `...` in the README stands for any number
// of lines, and a line ending in `...` for any line that begins with the text before it; the
// other lines must appear in order, each run of them contiguous, exactly as printed. Examples that
// name a file the repository does not ship (the error example's plan.yaml) are skipped. Release
// only (label "validation"): the examples simulate weeks.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli_runner.hpp"

namespace staffsim {
namespace {

struct Example {
  std::string command;  // after "$ build/staffsim "
  std::vector<std::string> lines;
};

std::vector<Example> readme_examples() {
  const std::string text = testing::slurp(std::filesystem::path(STAFFSIM_SOURCE_DIR) / "README.md");
  std::vector<Example> examples;
  std::istringstream in(text);
  std::string line;
  Example* current = nullptr;
  const std::string prompt = "    $ build/staffsim ";
  while (std::getline(in, line)) {
    if (line.rfind(prompt, 0) == 0) {
      examples.push_back({line.substr(prompt.size()), {}});
      current = &examples.back();
    } else if (current != nullptr && (line.rfind("    ", 0) == 0 || line.empty())) {
      current->lines.push_back(line.empty() ? line : line.substr(4));
    } else {
      current = nullptr;
    }
  }
  for (auto& example : examples) {  // a block ends at its last non-empty line
    while (!example.lines.empty() && example.lines.back().empty()) example.lines.pop_back();
  }
  return examples;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// A README line matches an output line exactly, or by its beginning when it ends in "...".
bool same(const std::string& readme, const std::string& printed) {
  const std::string ellipsis = "...";
  if (readme.size() > ellipsis.size() &&
      readme.compare(readme.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0) {
    return printed.rfind(readme.substr(0, readme.size() - ellipsis.size()), 0) == 0;
  }
  return readme == printed;
}

// A line `...` (indented or not): any number of lines.
bool elision(const std::string& line) {
  const auto first = line.find_first_not_of(' ');
  return first != std::string::npos && line.compare(first, std::string::npos, "...") == 0;
}

// Where the README's lines fail to match the output, or "" when they match.
std::string mismatch(const std::vector<std::string>& expected,
                     const std::vector<std::string>& actual) {
  std::size_t at = 0;  // next output line that may match
  bool anywhere = false;
  for (std::size_t e = 0; e < expected.size();) {
    if (elision(expected[e])) {
      anywhere = true;
      ++e;
      continue;
    }
    std::size_t end = e;  // the run of lines up to the next "..."
    while (end < expected.size() && !elision(expected[end])) ++end;
    bool found = false;
    for (std::size_t start = at; start + (end - e) <= actual.size(); ++start) {
      bool all = true;
      for (std::size_t k = 0; k < end - e && all; ++k)
        all = same(expected[e + k], actual[start + k]);
      if (all) {
        found = true;
        at = start + (end - e);
        break;
      }
      if (!anywhere) break;
    }
    if (!found) {
      std::string run;
      for (std::size_t k = e; k < end; ++k) run += "\n  " + expected[k];
      return "README lines not printed (in order, together):" + run;
    }
    e = end;
    anywhere = false;
  }
  if (!expected.empty() && !elision(expected.back()) && at != actual.size()) {
    return "output goes on after the README's last line: " + actual[at];
  }
  return "";
}

TEST(ReadmeExamples, EveryExampleShowsWhatStaffsimPrints) {
  const auto examples = readme_examples();
  ASSERT_GE(examples.size(), 3u);
  const testing::TempDir scratch;
  const auto source = std::filesystem::path(STAFFSIM_SOURCE_DIR);
  std::filesystem::create_directories(scratch / "work");
  std::filesystem::create_directory_symlink(source / "scenarios", scratch / "work" / "scenarios");
  std::filesystem::create_directory_symlink(source.parent_path() / "shared", scratch / "shared");
  int run = 0;
  for (const auto& example : examples) {
    SCOPED_TRACE(example.command);
    if (example.command.find("plan.yaml") != std::string::npos) continue;
    const testing::CliResult r = testing::run_staffsim(example.command, scratch / "work");
    EXPECT_EQ(mismatch(example.lines, split_lines(r.out + r.err)), "") << r.out << r.err;
    ++run;
  }
  EXPECT_GE(run, 3);
}

}  // namespace
}  // namespace staffsim
