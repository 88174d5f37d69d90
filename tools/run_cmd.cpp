// staffsim run SCENARIO.yaml [--replications R] [--seed S] [--threads T] [--out DIR]
//                            [--format table|json|csv]
// Loads and validates the scenario, simulates it and prints the summary; with --out also writes
// summary.json, intervals.csv, days.csv, groups.csv and report.html (all or none of them).
// Progress goes to stderr, and only when stderr is a terminal.
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
#include "tools/cli_options.hpp"
#include "tools/commands.hpp"
#include "tools/file_io.hpp"
#include "tools/report_html.hpp"
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
  std::string format;
};

constexpr std::int64_t kMaxReplications = 1'000'000;
constexpr std::int64_t kMaxThreads = 1024;

void run(const RunFlags& flags) {
  sim::RunOptions options;
  if (!flags.replications.empty()) {
    options.replications_override =
        static_cast<int>(integer_flag("--replications", flags.replications, 1, kMaxReplications));
  }
  if (!flags.seed.empty()) {
    options.seed_override = flag_value("--seed", flags.seed, parse_unsigned);  // 64-bit
  }
  if (!flags.threads.empty()) {
    options.threads = static_cast<int>(integer_flag("--threads", flags.threads, 0, kMaxThreads));
  }
  const OutputFormat format = output_format(flags.format, flags.out_dir, false);
  if (is_standard_stream(flags.out_dir)) {
    throw InputError(
        "--out: expected a folder for summary.json, intervals.csv, days.csv, groups.csv and "
        "report.html, found \"-\" (standard output holds one of them: use --format json or csv)");
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
        {(dir / "days.csv").string(), render_days_csv(scenario, results)},
        {(dir / "groups.csv").string(), render_groups_csv(scenario, results)},
        {(dir / "report.html").string(), render_run_report_html({scenario, results, {}})},
    });
  }
  if (format == OutputFormat::json) {
    std::cout << json;
  } else if (format == OutputFormat::csv) {
    std::cout << render_intervals_csv(scenario, results);
  } else {
    std::cout << render_summary_table(scenario, results);
    if (!flags.out_dir.empty()) {
      std::cout << "\nWrote summary.json, intervals.csv, days.csv, groups.csv and report.html to "
                << flags.out_dir << "\n";
    }
  }
  std::cout.flush();
}

}  // namespace

void add_run_command(CLI::App& app) {
  auto flags = std::make_shared<RunFlags>();
  CLI::App* command = app.add_subcommand(
      "run", "Simulate a scenario file and report every KPI with its 95% confidence interval");
  command
      ->add_option("scenario", flags->scenario_path,
                   "Scenario YAML file (- = standard input; files it names are then read from "
                   "the current folder)")
      ->required();
  command->add_option("--replications", flags->replications,
                      "Independent replications, 1 to 1000000 (overrides the scenario's "
                      "`replications`)");
  command->add_option("--seed", flags->seed,
                      "Random seed, 0 to 2^64 - 1 (overrides the scenario's `seed`)");
  command->add_option("--threads", flags->threads,
                      "Worker threads, 0 to 1024 (default 0 = all hardware threads; results do "
                      "not depend on it)");
  command->add_option("--out", flags->out_dir,
                      "Write summary.json, intervals.csv, days.csv, groups.csv and report.html "
                      "(charts with their tables) to this folder (several files: a folder, "
                      "created if missing; all five or none)");
  command->add_option("--format", flags->format,
                      std::string(shared_help::kFormatToTerminal) +
                          "; json prints summary.json, csv prints intervals.csv");
  command->callback([flags]() { run(*flags); });
}

}  // namespace staffsim::tools
