#include "tools/yaml_reader.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "error_message.hpp"
#include "tools/cli_error.hpp"

namespace staffsim::tools {
namespace {

using test_support::error_message;

// Positions in the expected messages are 1-based line:column, counted by hand in each short text.

// Parses `text`, reads it as a mapping with the keys `allowed`, hands the reader and the mapping
// to `read`, and returns the message throw_if_problems() then throws ("no error" when none).
template <typename Read>
std::string problems_after(const std::string& text, const std::vector<std::string>& allowed,
                           Read read) {
  YamlReader reader("cfg.yaml");
  std::optional<Field> root = reader.parse(text);
  EXPECT_TRUE(root.has_value()) << "invalid YAML in the test itself";
  if (root) {
    if (auto map = reader.mapping(*root, allowed, "a mapping")) read(reader, *map);
  }
  return error_message<InputError>([&] { reader.throw_if_problems(); });
}

TEST(YamlReader, ReadsValuesWithoutProblems) {
  auto read = [](YamlReader& reader, const Mapping& map) {
    EXPECT_EQ(map.order, (std::vector<std::string>{"name", "wait", "count", "items"}));
    EXPECT_EQ(reader.name(*map.find("name")), "team-1");
    EXPECT_EQ(reader.duration(*map.find("wait"), false), 20.0);
    EXPECT_EQ(reader.integer(*map.find("count"), 1), 3);
    auto items = reader.sequence(*map.find("items"), "a list");
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[1].path, "items[1]");
    EXPECT_FALSE(reader.has_problems());
  };
  EXPECT_EQ(problems_after("name: team-1\nwait: 20s\ncount: 3\nitems: [a, b]\n",
                           {"name", "wait", "count", "items"}, read),
            "no error");
}

TEST(YamlReader, UnknownKeyListsTheValidKeys) {
  auto read = [](YamlReader&, const Mapping& map) { EXPECT_FALSE(map.find("intervalz")); };
  EXPECT_EQ(
      problems_after("interval: 30m\nintervalz: 28\n", {"interval", "intervals", "start"}, read),
      "cfg.yaml:2:1: intervalz: unknown key \"intervalz\", expected one of: interval, "
      "intervals, start");
}

// One problem, one line: a value that spans lines is quoted with its line breaks escaped.
TEST(YamlReader, QuotedValuesStayOnOneLine) {
  auto read = [](YamlReader& reader, const Mapping& map) {
    EXPECT_FALSE(reader.duration(*map.find("wait"), false));
  };
  EXPECT_EQ(problems_after("wait: |\n  20s\n  \tor 30s\n", {"wait"}, read),
            "cfg.yaml:1:7: wait: unknown duration unit \"s\\n\\tor 30s\\n\" in "
            "\"20s\\n\\tor 30s\\n\" (expected s, m, h or d, e.g. 20s, 5m, 1.5h)");
}

TEST(YamlReader, KeysWithLineBreaksStayOnOneLine) {
  auto read = [](YamlReader&, const Mapping&) {};
  EXPECT_EQ(problems_after("\"inter\\nval\": 30m\n", {"interval"}, read),
            "cfg.yaml:1:1: inter\\nval: unknown key \"inter\\nval\", expected one of: interval");
}

// A message may repeat a value too, such as a file name with a line break (a plain scalar folded
// over lines) that could not be read.
TEST(YamlReader, MessagesStayOnOneLine) {
  auto read = [](YamlReader& reader, const Mapping& map) {
    const auto file = map.find("file");
    ASSERT_TRUE(file);
    reader.problem(*file, "cannot read " + file->node.Scalar() + ": No such file or directory");
  };
  EXPECT_EQ(problems_after("{file: st\n\n\n  x.csv}\n", {"file"}, read),
            "cfg.yaml:1:8: file: cannot read st\\n\\nx.csv: No such file or directory");
}

// yaml-cpp would read these as UTF-16 or UTF-32, with positions that are not the file's.
TEST(YamlReader, RefusesNulBytesAndUtf16AtTheirPosition) {
  YamlReader reader("cfg.yaml");
  EXPECT_FALSE(reader.parse(std::string("a: 1\nbb: 2\0\n", 12)));
  EXPECT_FALSE(
      reader.parse("\xFF\xFE"
                   "a: 1"));
  EXPECT_EQ(error_message<InputError>([&] { reader.throw_if_problems(); }),
            "cfg.yaml:1:1: expected UTF-8 text, found a UTF-16 or UTF-32 byte order mark\n"
            "cfg.yaml:2:6: expected UTF-8 text, found a NUL byte");
}

TEST(YamlReader, DuplicateKeyNamesTheFirstLine) {
  auto read = [](YamlReader& reader, const Mapping& map) {
    auto inner = reader.mapping(*map.find("outer"), {"seed", "other"}, "a mapping");
    ASSERT_TRUE(inner.has_value());
    EXPECT_EQ(inner->find("seed")->node.Scalar(), "1");  // the first occurrence is kept
  };
  EXPECT_EQ(problems_after("outer:\n  seed: 1\n  other: 2\n  seed: 3\n", {"outer"}, read),
            "cfg.yaml:4:3: outer.seed: duplicate key \"seed\", expected each key once (first given "
            "at line 2)");
}

TEST(YamlReader, MissingRequiredKeyIsReportedAtTheMapping) {
  auto read = [](YamlReader& reader, const Mapping& map) {
    auto horizon = reader.mapping(*reader.required(map, "horizon"), {"interval", "intervals"},
                                  "a mapping such as {interval: 30m, intervals: 28}");
    ASSERT_TRUE(horizon.has_value());
    EXPECT_FALSE(reader.required(*horizon, "intervals"));
  };
  EXPECT_EQ(problems_after("horizon:\n  interval: 30m\n", {"horizon"}, read),
            "cfg.yaml:2:3: horizon: missing required key \"intervals\"");
}

TEST(YamlReader, DurationWithoutUnit) {
  auto read = [](YamlReader& reader, const Mapping& map) {
    EXPECT_FALSE(reader.duration(*map.find("wait"), true));
  };
  EXPECT_EQ(problems_after("wait: 30\n", {"wait"}, read),
            "cfg.yaml:1:7: wait: expected a duration with its unit such as 20s, 5m or 1.5h, found "
            "\"30\" (no unit)");
}

TEST(YamlReader, IntegerBelowMinimum) {
  auto read = [](YamlReader& reader, const Mapping& map) {
    EXPECT_FALSE(reader.integer(*map.find("replications"), 1));
  };
  EXPECT_EQ(problems_after("replications: 0\n", {"replications"}, read),
            "cfg.yaml:1:15: replications: expected a whole number of at least 1, found \"0\"");
}

TEST(YamlReader, EveryProblemIsReportedInFileOrder) {
  // Read in reverse file order: the message still lists the problems by position.
  auto read = [](YamlReader& reader, const Mapping& map) {
    EXPECT_TRUE(reader.sequence(*map.find("items"), "a list of items").empty());
    EXPECT_FALSE(reader.rate(*map.find("rate")));
    EXPECT_FALSE(reader.fraction(*map.find("share"), true));
    EXPECT_TRUE(reader.has_problems());
  };
  EXPECT_EQ(
      problems_after("share: 120%\nrate: fast\nitems: {a: 1}\n", {"share", "rate", "items"}, read),
      "cfg.yaml:1:8: share: expected a fraction between 0% and 100%, found \"120%\"\n"
      "cfg.yaml:2:7: rate: expected a rate with its interval such as 2.5/s, 90/h or 120/30m, "
      "found \"fast\"\n"
      "cfg.yaml:3:8: items: expected a list of items, found a mapping");
}

TEST(YamlReader, SyntaxErrorIsAProblemAtItsPosition) {
  YamlReader reader("cfg.yaml");
  EXPECT_FALSE(reader.parse("a: [1, 2\n"));
  EXPECT_EQ(error_message<InputError>([&] { reader.throw_if_problems(); }),
            "cfg.yaml:2:1: invalid YAML: end of sequence flow not found");
}

// Positions are 0-based here, as yaml-cpp counts (line 2, column 30 is printed 3:31).
TEST(YamlReader, PositionOfAPath) {
  const std::string text =
      "name: x\n"
      "types:\n"
      "  - {name: a, targets: {max_asa: 0s}}\n"
      "  - name: b\n"
      "    targets:\n"
      "      service_level: {within: 20s, at_least: 100%}\n";
  auto at = position_of(text, "types[0].targets.max_asa");
  ASSERT_TRUE(at);
  EXPECT_EQ(at->line, 2);
  EXPECT_EQ(at->column, std::string("  - {name: a, targets: {max_asa: ").size());
  at = position_of(text, "types[1].targets.service_level.at_least");
  ASSERT_TRUE(at);
  EXPECT_EQ(at->line, 5);
  EXPECT_EQ(at->column, std::string("      service_level: {within: 20s, at_least: ").size());
  EXPECT_FALSE(position_of(text, "types[2].targets"));
  EXPECT_FALSE(position_of(text, "types[0].colour"));
  EXPECT_FALSE(position_of(text, "name.first"));
  EXPECT_FALSE(position_of("a: [1, 2\n", "a"));
}

}  // namespace
}  // namespace staffsim::tools
