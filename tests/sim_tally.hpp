// Readers of a replication's raw tallies (sim/recorder.hpp) for tests of hand-worked timelines.
#pragma once

#include <cstddef>
#include <cstdint>

#include "sim/replication.hpp"

namespace staffsim::sim::test_support {

// The tally of contact type `type` over `period` (intervals, then days, then the horizon).
inline const ContactTally& contacts(const ReplicationTally& r, const CompiledScenario& m,
                                    std::size_t period, std::size_t type) {
  return r.contacts[period * static_cast<std::size_t>(m.types) + type];
}
inline const GroupTally& group(const ReplicationTally& r, const CompiledScenario& m,
                               std::size_t period, std::size_t g) {
  return r.groups[period * static_cast<std::size_t>(m.groups) + g];
}
// Contacts of type `type` that group g answered, over `period`.
inline std::int64_t handled(const ReplicationTally& r, const CompiledScenario& m,
                            std::size_t period, std::size_t g, std::size_t type) {
  return r.handled[(period * static_cast<std::size_t>(m.groups) + g) *
                       static_cast<std::size_t>(m.types) +
                   type];
}

}  // namespace staffsim::sim::test_support
