#include "sim/replication.hpp"

#include "sim/engine.hpp"

namespace staffsim::sim {

ReplicationTally run_replication(const CompiledScenario& model, std::uint64_t seed,
                                 int replication) {
  Engine engine(model, seed, replication);
  return engine.run();
}

}  // namespace staffsim::sim
