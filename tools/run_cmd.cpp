// staffsim run SCENARIO.yaml [--replications R] [--seed S] [--threads T] [--out DIR]
//                            [--format table|json]
// Loads and validates the scenario, simulates it and prints the summary; with --out also writes
// summary.json, intervals.csv and groups.csv (all or none of them). Progress goes to stderr, and
// only when stderr is a terminal.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>

#include "sim/simulator.hpp"
#include "tools/cli_error.hpp"
#include "tools/commands.hpp"
#include "tools/file_io.hpp"
#include "tools/run_report.hpp"
#include "tools/scenario_yaml.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

struct RunFlags {
  std::string scenario_path;
  std::string replications;
  std::string seed;
  std::string threads;
  std::string out_dir;
  std::string format = "table";
};

// A whole number flag value in [minimum, 2^63); throws InputError naming the flag.
std::uint64_t whole_number_flag(const std::string& flag, const std::string& text,
                                std::uint64_t minimum, const std::string& expectation) {
  bool digits = !text.empty() && text.size() <= 18 &&
                text.find_first_not_of("0123456789") == std::string::npos;
  std::uint64_t value = digits ? std::stoull(text) : 0;
  if (!digits || value < minimum) {
    throw InputError(flag + ": expected " + expectation + ", found \"" + text + "\"");
  }
  return value;
}

void run(const RunFlags& flags) {
  sim::RunOptions options;
  if (!flags.replications.empty()) {
    auto r = whole_number_flag("--replications", flags.replications, 1,
                               "a whole number of replications of at least 1");
    if (r > 1'000'000) {
      throw InputError("--replications: expected at most 1000000, found \"" + flags.replications +
                       "\"");
    }
    options.replications_override = static_cast<int>(r);
  }
  if (!flags.seed.empty()) {
    try {
      options.seed_override = parse_unsigned(flags.seed);  // the whole 64-bit range
    } catch (const InvalidInput& e) {
      throw InputError(std::string("--seed: ") + e.what());
    }
  }
  if (!flags.threads.empty()) {
    auto t = whole_number_flag("--threads", flags.threads, 0,
                               "a non-negative whole number (0 = all hardware threads)");
    if (t > 1024) {
      throw InputError("--threads: expected at most 1024, found \"" + flags.threads + "\"");
    }
    options.threads = static_cast<int>(t);
  }
  if (flags.format != "table" && flags.format != "json") {
    throw InputError("--format: expected table or json, found \"" + flags.format + "\"");
  }

  sim::Scenario scenario = load_scenario_file(flags.scenario_path);

  const bool show_progress = ::isatty(STDERR_FILENO) == 1;
  if (show_progress) {
    options.progress = [](int done, int total) {
      std::fprintf(stderr, "\rsimulating: replication %d of %d", done, total);
      if (done == total) std::fprintf(stderr, "\r%*s\r", 40, "");
      std::fflush(stderr);
    };
  }
  sim::Results results = sim::simulate(scenario, options);

  std::string json = render_summary_json(scenario, results);
  if (!flags.out_dir.empty()) {
    std::filesystem::path dir = flags.out_dir;
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error || !std::filesystem::is_directory(dir)) {
      throw IoError("cannot create directory " + flags.out_dir + ": " +
                    (error ? error.message() : "a file of that name exists"));
    }
    write_files_atomically({
        {(dir / "summary.json").string(), json},
        {(dir / "intervals.csv").string(), render_intervals_csv(scenario, results)},
        {(dir / "groups.csv").string(), render_groups_csv(scenario, results)},
    });
  }
  if (flags.format == "json") {
    std::cout << json;
  } else {
    std::cout << render_summary_table(scenario, results);
    if (!flags.out_dir.empty()) {
      std::cout << "\nWrote summary.json, intervals.csv and groups.csv to " << flags.out_dir
                << "\n";
    }
  }
  std::cout.flush();
}

}  // namespace

void add_run_command(CLI::App& app) {
  auto flags = std::make_shared<RunFlags>();
  CLI::App* command = app.add_subcommand(
      "run", "Simulate a scenario file and report every KPI with its 95% confidence interval");
  command->add_option("scenario", flags->scenario_path, "Scenario YAML file")->required();
  command->add_option("--replications", flags->replications,
                      "Independent replications (overrides the scenario's `replications`)");
  command->add_option("--seed", flags->seed, "Random seed (overrides the scenario's `seed`)");
  command->add_option("--threads", flags->threads,
                      "Worker threads (default 0 = all hardware threads; results do not depend "
                      "on it)");
  command->add_option("--out", flags->out_dir,
                      "Write summary.json, intervals.csv and groups.csv to this folder "
                      "(created if missing)");
  command->add_option("--format", flags->format, "Summary on stdout: table (default) or json");
  command->callback([flags]() { run(*flags); });
}

}  // namespace staffsim::tools
