// The engine of one replication (internal to sim/; the entry points are sim/simulator.hpp and
// sim/replication.hpp). The model and its rules are documented in sim/simulator.hpp.
//
// Parts, each findable by name:
//   the clock     one event list (sim/event_queue.hpp) and a timeline of day starts, interval
//                 starts and closes over one continuous clock;
//   arrivals      one Poisson source per contact type, restarted at every interval boundary;
//   queues        work items and the queues they wait in (sim/work_queue.hpp);
//   agents        per group: scheduled, idle and busy agents, staffing changes, the close-out;
//   routing       the one routine that assigns a free agent to the best waiting item, and the one
//                 that offers a new item to idle agents;
//   statistics    every figure goes to the Recorder (sim/recorder.hpp); the engine counts nothing.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/compiled_scenario.hpp"
#include "sim/event_queue.hpp"
#include "sim/random.hpp"
#include "sim/recorder.hpp"
#include "sim/work_queue.hpp"

// The few routines every contact passes through are inlined into the event loop (they are defined
// in engine.cpp and used only there).
#define STAFFSIM_HOT [[gnu::always_inline]] inline

namespace staffsim::sim {

class Engine {
 public:
  Engine(const CompiledScenario& model, std::uint64_t seed, int replication);
  ReplicationTally run();

 private:
  // Kinds of heap events, in their order at equal times. Timeline boundaries (first) and arrivals
  // (last) are kept outside the heap: one pending boundary, one pending arrival per contact type.
  enum EventKind : unsigned { kCompletion = 1, kOverflowDelay = 2, kAbandonment = 3 };
  // Steps of a day on the timeline.
  static constexpr int kDayStart = -1;  // then 0 .. intervals_per_day - 1, then the close

  struct Group {
    int staffed = 0;  // scheduled agents
    int idle = 0;
    int busy = 0;       // idle + busy = agents on duty (> staffed only while busy agents finish)
    bool held = false;  // kept on duty after the close while callers it may serve still wait
  };

  // ---- the clock ---------------------------------------------------------------------------
  void simulate_days(int first_day, int last_day, double warmup_s);
  double opening_s(int day) const;  // clock time of the day's first interval
  double boundary_time() const;     // of the boundary (day_, step_)
  void on_boundary(double now);
  void on_day_start(double now);
  void on_interval_start(int step, double now);
  void on_close(double now);
  std::size_t pattern_interval(int day, int step) const;   // horizon interval whose data apply
  std::int32_t horizon_interval(int day, int step) const;  // for statistics; -1 when not counted

  // ---- arrivals ----------------------------------------------------------------------------
  void start_arrivals(std::size_t c, double from_s);
  STAFFSIM_HOT void schedule_next_arrival(std::size_t c);
  void choose_next_arrival();
  STAFFSIM_HOT void on_arrival(std::size_t c, double now);

  // ---- routing -----------------------------------------------------------------------------
  STAFFSIM_HOT bool offer_to_idle_agent(std::uint32_t id, const std::vector<int>& groups,
                                        double now);
  STAFFSIM_HOT std::uint32_t best_waiting_item(std::size_t g, double now) const;
  void fill_idle_agents(std::size_t g, double now);
  STAFFSIM_HOT void agent_done(std::size_t g, double now);

  // ---- service, waiting and abandonment ----------------------------------------------------
  STAFFSIM_HOT void start_service(std::uint32_t id, std::size_t g, double now);
  STAFFSIM_HOT void on_completion(std::uint32_t id, double now);
  STAFFSIM_HOT void wait(std::uint32_t id, double now);
  void on_overflow_delay(std::uint32_t id, std::uint32_t generation, double now);
  void on_abandonment(std::uint32_t id, std::uint32_t generation, double now);
  void abandon(std::uint32_t id, double now, bool at_close);
  STAFFSIM_HOT void leave_queue(std::uint32_t id, double now);

  // ---- agents ------------------------------------------------------------------------------
  void set_staffing(std::size_t g, int staffed, double now);
  void release(std::size_t g, double now);
  void release_groups_with_nothing_to_do(double now);
  bool may_serve_someone_waiting(std::size_t g) const;
  void report_group(std::size_t g, double now) {
    recorder_.group_agents(g, group_[g].busy, group_[g].busy + group_[g].idle, now);
  }

  const CompiledScenario& m_;
  const Scenario& s_;
  const std::size_t types_, groups_, ipd_;
  const double interval_s_, short_abandon_s_;
  Recorder recorder_;

  std::vector<RandomStream> arrivals_, handle_, patience_, busyness_;
  EventQueue events_;
  WorkPool items_;
  std::vector<WorkQueue> queues_;
  std::vector<Group> group_;
  std::uint64_t serial_ = 0;

  // The timeline.
  int day_ = 0;           // the day the next boundary belongs to
  int step_ = kDayStart;  // the next boundary: kDayStart, an interval, or intervals_per_day
  int first_day_ = 0;     // first and last simulated day of the current run of days
  int last_day_ = 0;
  int origin_day_ = 0;          // the day whose first interval starts at clock time 0
  double warmup_s_ = 0;         // before the first simulated day
  bool closing_ = false;        // after a close, until the next day's first interval
  double next_boundary_s_ = 0;  // time of the next boundary; infinity when there is none
  double last_event_s_ = 0;

  // Arrivals: per contact type, the day and interval of the next arrival's clock, the time from
  // which the next gap is drawn, the day busyness factor.
  std::vector<double> next_arrival_s_;
  std::vector<double> arrival_cursor_s_;
  std::vector<double> arrival_open_s_;                // opening of the arrivals' day
  std::vector<const double*> arrival_rates_;          // that day's rates, [interval of the day]
  std::vector<std::int32_t> arrival_first_interval_;  // horizon interval of its first; -1: none
  std::vector<std::int64_t> arrival_step_;            // -1 = the warm-up before the first interval
  std::vector<double> rate_factor_;
  std::vector<std::size_t> script_position_;
  std::size_t next_type_ = 0;
};

}  // namespace staffsim::sim
