// The flags every simulating subcommand shares (run, compare, sweep, optimize), parsed one way:
//   --replications R   replications per plan (overrides the scenario's)
//   --seed S           random seed, 0 to 2^64 - 1 (overrides the scenario's)
//   --threads T        worker threads (results do not depend on it)
//   --precision P      replications until precise enough: "1%" (service level and abandon rate
//                      within +-1 percentage point, ASA within +-1% of its target) or per KPI,
//                      "service_level=0.5%,abandon_rate=1%,asa=2s" (asa also as a share of the ASA
//                      target: 5%)
//   --max-replications N   the cap of --precision (default 2000)
//   --check[=strict]   exit 5 when a target is missed (strict: 6 when one is uncertain)
//   --junit FILE       the targets as JUnit XML (tools/target_check.hpp)
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "sim/simulator.hpp"
#include "tools/target_check.hpp"

namespace staffsim::tools {

struct SimulationFlags {
  std::string replications;
  std::string seed;
  std::string threads;
  std::string precision;
  std::string max_replications;
};

struct CheckFlags {
  std::string check;  // "", "normal" (bare --check) or "strict"
  std::string junit;
};

void add_simulation_flags(CLI::App* command, SimulationFlags& flags);
void add_check_flags(CLI::App* command, CheckFlags& flags);

// The run options the flags ask for; progress on stderr when it is a terminal. Throws InputError
// for a bad value.
sim::RunOptions run_options(const SimulationFlags& flags);

// The size of a run: the first contacts the plans' arrival rates promise over every replication
// (the --precision cap when it applies). Throws InputError past sim::kMaxRunContacts ("the run
// would simulate about 12 billion contacts ..."); says on stderr how many it will simulate from
// sim::kAnnounceContacts on.
void check_run_size(const std::vector<const sim::Scenario*>& plans, const sim::RunOptions& options);

// "--precision 1%": the limits of sim::Precision. Throws InvalidInput for a bad value.
sim::Precision parse_precision(const std::string& text);

// One line on what --precision achieved, "" without it: "Precision: every target KPI within its
// limit after 240 replications" or "... not reached after 2000 replications (the cap): widest
// general service level at 08:30 on day 1, +-2.3 points (limit 1.0)".
std::string precision_line(const sim::RunOptions& options,
                           const std::vector<const sim::Scenario*>& plans,
                           const std::vector<sim::Results>& results);

}  // namespace staffsim::tools
