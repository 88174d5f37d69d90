// One replication of the contact-centre model described in sim/simulator.hpp. simulate() compiles
// the scenario once (sim/compiled_scenario.hpp), runs replications on worker threads with
// run_replication() and reduces their ReplicationTally values (sim/recorder.hpp) in replication
// order. Tests call run_replication() directly to check hand-worked timelines.
#pragma once

#include <cstdint>

#include "sim/compiled_scenario.hpp"
#include "sim/recorder.hpp"

namespace staffsim::sim {

ReplicationTally run_replication(const CompiledScenario& model, std::uint64_t seed,
                                 int replication);

}  // namespace staffsim::sim
