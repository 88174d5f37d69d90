// The conventions every subcommand shares (tools/cli_options.hpp): output formats, whole-number
// flags, usage errors that name the nearest valid subcommand or flag, and the same help for the
// same flag in every subcommand, checked on the built binary.
#include "tools/cli_options.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "error_message.hpp"

namespace staffsim::tools {
namespace {

using staffsim::testing::run_staffsim;
using staffsim::testing::TempDir;
using test_support::error_message;

TEST(OutputFormat, FlagThenExtensionThenTable) {
  EXPECT_EQ(output_format("", "", true), OutputFormat::table);
  EXPECT_EQ(output_format("", "staffing.csv", true), OutputFormat::csv);
  EXPECT_EQ(output_format("", "plan.json", true), OutputFormat::json);
  EXPECT_EQ(output_format("", "plan.txt", true), OutputFormat::table);
  EXPECT_EQ(output_format("", "results.csv", false), OutputFormat::table);  // --out is a folder
  EXPECT_EQ(output_format("json", "staffing.csv", true), OutputFormat::json);
  EXPECT_EQ(error_message<InputError>([] { output_format("yaml", "", true); }),
            "--format: expected table, json or csv, found \"yaml\"");
  EXPECT_EQ(error_message<InputError>([] {
              output_format("csv", "", true, {OutputFormat::table, OutputFormat::json});
            }),
            "--format: expected table or json, found \"csv\"");
  EXPECT_EQ(error_message<InputError>([] { output_format("tabel", "", true); }),
            "--format: expected table, json or csv, found \"tabel\", did you mean \"table\"?");
}

TEST(IntegerFlag, NamesTheFlagAndTheRange) {
  EXPECT_EQ(integer_flag("--days", "10", 1, 1000), 10);
  EXPECT_EQ(error_message<InputError>([] { integer_flag("--days", "1.5", 1, 1000); }),
            "--days: expected a whole number from 1 to 1000, found \"1.5\"");
}

// A small application with the shape of staffsim's.
struct Demo {
  CLI::App app{"demo"};
  std::string value;
  bool quiet = false;
  Demo() {
    CLI::App* run = app.add_subcommand("run", "run");
    run->add_option("--replications", value, "");
    run->add_option("--seed", value, "");
    run->add_flag("--quiet", quiet, "");
    app.add_subcommand("fit", "fit")->add_option("--history", value, "");
  }
  std::string check(const std::vector<std::string>& args,
                    const std::vector<RenamedFlag>& renamed = {}) const {
    return error_message<UsageError>([&] { check_command_line(app, args, renamed); });
  }
};

TEST(CheckCommandLine, NamesTheNearestSubcommandOrFlag) {
  const Demo demo;
  EXPECT_EQ(demo.check({"fitt"}),
            "unknown subcommand \"fitt\", did you mean \"fit\"? (expected one of: run, fit)");
  EXPECT_EQ(demo.check({"foo"}), "unknown subcommand \"foo\", expected one of: run, fit");
  EXPECT_EQ(demo.check({}), "missing subcommand, expected one of: run, fit");
  EXPECT_EQ(demo.check({"run", "x.yaml", "--replication", "5"}),
            "run: unknown flag \"--replication\", did you mean \"--replications\"?");
  EXPECT_EQ(demo.check({"run", "--sed=4"}),
            "run: unknown flag \"--sed\", did you mean \"--seed\"?");
  EXPECT_EQ(demo.check({"run", "-x"}),
            "run: unknown flag \"-x\", expected one of: --help, --replications, --seed, --quiet");
  EXPECT_EQ(
      demo.check({"fit", "--calls", "log.csv"}, {{"fit", "--calls", "--history", "the call log"}}),
      "fit: unknown flag \"--calls\", did you mean \"--history\"? (the call log)");
  // Values are skipped whatever they look like; "-" and numbers are values; "--" ends the flags.
  EXPECT_EQ(demo.check({"run", "--seed", "--x", "-", "-3", "--quiet", "--", "--anything"}),
            "no error");
  EXPECT_EQ(demo.check({"--help"}), "no error");
}

// ---- the binary ------------------------------------------------------------------------------

TEST(CommandLine, UnknownSubcommandsAndFlagsAreNamed) {
  TempDir dir;
  auto r = run_staffsim("foo", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(
      r.err,
      "staffsim: error: unknown subcommand \"foo\", expected one of: erlang, run, plan, "
      "compare, sweep, optimize, forecast, backtest, fit\nRun with --help for more information.\n");
  r = run_staffsim("forcast --history x.csv", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "staffsim: error: unknown subcommand \"forcast\", did you mean \"forecast\"? (expected "
            "one of: erlang, run, plan, compare, sweep, optimize, forecast, backtest, fit)\nRun "
            "with --help "
            "for more "
            "information.\n");
  r = run_staffsim("forecast --history x.csv --methods profile", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "staffsim: error: forecast: unknown flag \"--methods\", did you mean \"--method\"?\n"
            "Run with --help for more information.\n");
  r = run_staffsim("forecast --history x.csv --k 3", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "staffsim: error: forecast: unknown flag \"--k\", did you mean \"--weeks\"? (the k of "
            "weekday_mean)\nRun with --help for more information.\n");
}

// The options of `staffsim <command> --help`: flag -> description.
std::map<std::string, std::string> help_options(const std::string& command) {
  TempDir dir;
  const auto r = run_staffsim(command + " --help", dir.path());
  EXPECT_EQ(r.exit_code, 0) << command;
  std::map<std::string, std::string> options;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("  --", 0) != 0) continue;
    const std::size_t name_end = line.find(' ', 2);
    const std::size_t text = line.find_first_not_of(' ', line.find("  ", name_end));
    options[line.substr(2, name_end - 2)] = line.substr(text);
  }
  return options;
}

// Every subcommand that prints results has --format and --out, and a flag two subcommands share
// is described the same way in both.
TEST(CommandLine, SharedFlagsHaveOneMeaningInEveryHelp) {
  const std::map<std::string, std::string> shared = {
      {"--history", shared_help::kHistory},
      {"--interval", "Planning interval with its unit"},
      {"--type", shared_help::kType},
      {"--count", shared_help::kCount},
      {"--days", shared_help::kDays},
      {"--weeks", shared_help::kWeeks},
      {"--backtest-weeks", shared_help::kBacktestWeeks},
      {"--format", "What to print: table, json or csv (default: table"},
  };
  std::map<std::string, int> seen;
  for (const char* command : {"erlang", "run", "plan", "forecast", "backtest", "fit"}) {
    const auto options = help_options(command);
    SCOPED_TRACE(command);
    ASSERT_TRUE(options.count("--format"));
    ASSERT_TRUE(options.count("--out"));
    const std::string& out = options.at("--out");
    if (std::string(command) == "run") {
      EXPECT_NE(out.find("folder"), std::string::npos) << out;
    } else {
      EXPECT_NE(out.find("one file"), std::string::npos) << out;
      EXPECT_NE(out.find("- = standard output"), std::string::npos) << out;
    }
    for (const auto& [flag, text] : shared) {
      if (!options.count(flag)) continue;
      ++seen[flag];
      EXPECT_EQ(options.at(flag).rfind(text, 0), 0u) << flag << ": " << options.at(flag);
    }
  }
  for (const auto& [flag, text] : shared) EXPECT_GE(seen[flag], 2) << flag;
}

}  // namespace
}  // namespace staffsim::tools
