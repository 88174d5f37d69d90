// The targets of simulated plans judged for a CI pipeline: `--check` and `--junit` of `staffsim
// run` and `staffsim compare`.
//
// A target (service level, abandon rate, ASA of a contact type) is judged on the 95% confidence
// intervals of its KPI (sim/results.hpp) over the whole horizon AND in every interval where the
// type is offered:
//   missed     the horizon or at least one interval missed it;
//   uncertain  none missed, but the horizon or some interval straddles it;
//   met        the horizon and every interval met it.
// --check exits with kExitTargetMissed (5) when a target is missed; --check=strict also with
// kExitTargetUncertain (6) when one is uncertain (tools/cli_error.hpp). Outputs are written
// first: a failed check is a verdict on the plan, not an error of the input.
//
// The JUnit XML holds one test suite per plan and one test case per target and contact type
// (class name "staffsim.<plan>.<type>"): a missed target is a failure, an uncertain one a failure
// under strict and skipped otherwise.
#pragma once

#include <string>
#include <vector>

#include "sim/results.hpp"
#include "sim/scenario.hpp"

namespace staffsim::tools {

struct TargetOutcome {
  std::string plan;
  std::string type;
  std::string target;  // "service_level", "abandon_rate" or "asa"
  std::string label;   // "service level 20s >= 80.0%"
  sim::TargetVerdict verdict = sim::TargetVerdict::none;  // overall, as above
  sim::TargetVerdict horizon = sim::TargetVerdict::none;
  std::string horizon_value;  // "81.2% [79.0%, 83.3%]"
  int intervals = 0;          // intervals judged (where the type is offered)
  int intervals_missed = 0;
  int intervals_uncertain = 0;
  // "missed: 81.2% [79.0%, 83.3%] over the horizon; missed in 3 of 28 intervals"
  std::string summary() const;
};

// Every target of every contact type of one plan.
std::vector<TargetOutcome> target_outcomes(const std::string& plan, const sim::Scenario& scenario,
                                           const sim::Results& results);

// Whether every target of the outcomes is met.
bool all_met(const std::vector<TargetOutcome>& outcomes);

enum class CheckMode { off, normal, strict };

// The value of --check: "" (not given) = off, "normal" (bare --check) or "strict". Throws
// InputError otherwise.
CheckMode check_mode(const std::string& value);

// Throws CheckFailed listing the targets that fail under `mode`.
void enforce_check(CheckMode mode, const std::vector<TargetOutcome>& outcomes);

// JUnit XML of the outcomes (`strict` decides whether uncertain targets fail).
std::string render_junit(const std::vector<TargetOutcome>& outcomes, bool strict);

}  // namespace staffsim::tools
