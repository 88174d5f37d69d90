// The engine of one replication (internal to sim/; the entry points are sim/simulator.hpp and
// sim/replication.hpp). The model and its rules are documented in sim/simulator.hpp.
//
// Parts, each findable by name:
//   the clock      one event list (sim/event_queue.hpp) and a timeline of day starts, interval
//                  starts and closes over one continuous clock (engine.cpp);
//   arrivals       one Poisson source per contact type, restarted at every interval boundary;
//   queues         work items and the queues they wait in (sim/work_queue.hpp);
//   agents         per group: scheduled, idle and busy agents, staffing changes, the close-out;
//   routing        the one routine that assigns a free agent to the best waiting item, and the one
//                  that offers a new item to idle agents (engine.cpp);
//   escalation     issues, their authority, transfers, work orders, call-backs, repeat calls,
//                  complaints, audits and reinforcement (escalation.cpp);
//   statistics     every figure goes to the Recorder (sim/recorder.hpp); the engine counts nothing.
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

// An issue: one customer's problem, from its first contact until it is resolved, given up or the
// horizon ends (see sim/scenario.hpp).
struct Issue {
  double first_arrival_s = 0;
  double promise_deadline_s = 0;    // of the outstanding promise (work order or call-back)
  std::uint64_t key = 0;            // which first contact of its type it came from: draws' key
  std::int32_t interval = -1;       // horizon interval of its first contact (-1: warm-up)
  std::uint32_t pending = kNoItem;  // work order or call-back item working on it
  std::uint32_t generation = 0;     // timers (repeat calls, deadlines) carry it
  std::uint32_t next_free = kNoItem;
  std::int32_t refs = 0;           // items that refer to it
  std::uint16_t type = 0;          // its first contact's type: statistics
  std::uint16_t current_type = 0;  // type of its next contact (a complaint type, once one)
  std::uint16_t contacts = 0;      // inbound contacts so far
  std::uint16_t failures = 0;
  std::uint16_t transfers = 0;
  std::uint16_t callback_attempts = 0;
  std::uint16_t work_orders = 0;
  std::uint8_t level = 1;
  bool open = false;
  bool complaint = false;
  bool customer_gone = false;   // will not call again: given up once nothing is pending
  bool promise_open = false;    // a promise awaits its deadline's verdict
  bool repeat_pending = false;  // the customer will call again
  bool redraw_level = false;    // its next contact is its first complaint: draw the level anew
};

class Engine {
 public:
  Engine(const CompiledScenario& model, std::uint64_t seed, int replication);
  ReplicationTally run();

 private:
  // Kinds of heap events, in their order at equal times. Timeline boundaries (first) and arrivals
  // (last) are kept outside the heap: one pending boundary, one pending arrival per contact type.
  enum EventKind : unsigned {
    kCompletion = 1,
    kOverflowDelay = 2,
    kAbandonment = 3,
    kPromiseDeadline = 4,     // subject: issue
    kItemReady = 5,           // subject: a call-back to retry, a work order handed off
    kReinforcementCheck = 6,  // subject: waiting item
    kRepeatCall = 7,          // subject: issue
  };
  // Steps of a day on the timeline.
  static constexpr int kDayStart = -1;  // then 0 .. intervals_per_day - 1, then the close

  struct Group {
    int staffed = 0;  // scheduled agents
    int idle = 0;
    int busy = 0;       // idle + busy = agents on duty (> staffed only while busy agents finish)
    bool held = false;  // kept on duty after the close while callers it may serve still wait
  };

  // Keyed random streams of one contact type (sim/random.hpp): their bases.
  struct IssueStreams {
    std::uint64_t authority, resolve, repeat, handle, patience, leg, hold, reach, processing, audit;
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
  void start_interval_stream(std::size_t c);
  STAFFSIM_HOT void schedule_next_arrival(std::size_t c);
  void choose_next_arrival();
  STAFFSIM_HOT void on_arrival(std::size_t c, double now);

  // ---- routing -----------------------------------------------------------------------------
  STAFFSIM_HOT bool offer_to_idle_agent(std::uint32_t id,
                                        const std::vector<CompiledScenario::EntryGroup>& groups,
                                        double now);
  STAFFSIM_HOT std::uint32_t best_waiting_item(std::size_t g, int idle_others, double now) const;
  bool allowed(const CompiledScenario::Candidate& candidate, std::size_t g, int idle_others) const;
  void fill_idle_agents(std::size_t g, double now);
  STAFFSIM_HOT void agent_done(std::size_t g, double now);
  // For escalation.cpp, which cannot inline the routines above: offer a new item to idle agents,
  // else let it wait (returns whether it waits); agent_done; leave_queue.
  bool enter_queue(std::uint32_t id, double now);
  void free_agent(std::size_t g, double now);
  void take_out_of_queue(std::uint32_t id, double now);

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
  bool has_work_at_close(std::size_t g) const;
  bool may_serve_at_close(const CompiledScenario::Candidate& candidate, std::size_t g) const;
  bool served_after_close(std::size_t q) const;
  void report_group(std::size_t g, double now) {
    recorder_.group_agents(g, group_[g].busy, group_[g].busy + group_[g].idle, now);
  }

  // ---- escalation (escalation.cpp) ---------------------------------------------------------
  void open_issue(std::uint32_t item, std::size_t c, double now);
  void start_issue_work(std::uint32_t id, std::size_t g, double now);
  void issue_work_done(std::uint32_t id, std::size_t g, double now);
  void contact_outcome(std::uint32_t id, std::size_t g, double now);
  bool apply_path(std::uint32_t issue, int path, const WorkItem& contact, std::size_t g,
                  double now);
  void promise(std::uint32_t issue, std::uint32_t id, int path_index, double deadline_s);
  void promise_callback(std::uint32_t issue, int path_index, std::size_t c, std::int32_t interval,
                        double now);
  void resolve(std::uint32_t issue, bool first_contact, std::size_t g, double now);
  void failure(std::uint32_t issue, double now);
  void give_up(std::uint32_t issue, double now);
  void on_promise_deadline(std::uint32_t issue, std::uint32_t generation, double now);
  void on_item_ready(std::uint32_t id, std::uint32_t generation, double now);
  void on_repeat_call(std::uint32_t issue, std::uint32_t generation, double now);
  void on_reinforcement_check(std::uint32_t id, std::uint32_t generation, double now);
  void leg_ended(std::uint32_t id, double now);  // a transfer leg answered or abandoned
  void drop_ref(std::uint32_t issue);
  void free_if_done(std::uint32_t issue);
  void cancel_pending_callback(std::uint32_t issue, double now);
  int draw_level(const CompiledScenario::Type& type, const Issue& issue,
                 std::uint64_t attempt) const;
  double after_open_time_s(std::size_t c, double from_s, double delay_s) const;
  void watch_reinforcement(std::size_t q, bool head_changed, double now);
  void set_reinforcement(std::size_t r, bool active, double now);
  std::uint32_t allocate_issue();
  std::uint32_t new_item(QueueKind kind, std::size_t queue, std::size_t c, std::int32_t interval,
                         double now);
  RandomStream keyed(std::uint64_t IssueStreams::*stream, const Issue& issue,
                     std::uint64_t attempt) const {
    return RandomStream::keyed(streams_[issue.type].*stream, issue.key, attempt);
  }

  const CompiledScenario& m_;
  const Scenario& s_;
  const std::size_t types_, groups_, ipd_;
  const double interval_s_, short_abandon_s_;
  Recorder recorder_;

  std::vector<RandomStream> arrivals_, handle_, patience_, busyness_;
  std::vector<std::uint64_t> arrival_base_;  // [type]: base of its (day, interval) streams
  std::vector<IssueStreams> streams_;
  EventQueue events_;
  WorkPool items_;
  std::vector<WorkQueue> queues_;
  std::vector<Group> group_;
  std::uint64_t serial_ = 0;

  // Escalation state.
  std::vector<Issue> issues_;
  std::uint32_t free_issue_ = kNoItem;
  std::vector<std::uint64_t> first_contacts_;   // [type]: issues opened so far (their keys)
  std::vector<std::int64_t> work_orders_open_;  // [type]
  std::int64_t live_waiting_ = 0;               // customers on the line waiting
  std::int64_t live_in_service_ = 0;            // customers on the line with an agent
  std::vector<std::uint8_t> reinforcing_;       // [rule]: active
  std::int32_t current_interval_ = -1;          // horizon interval running (-1: not counted)
  bool ended_ = false;                          // after the last close: nothing new starts

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

  // Arrivals: per contact type, the clock of the next arrival, the time from which the next gap
  // is drawn, the day busyness factor.
  std::vector<double> next_arrival_s_;
  std::vector<double> arrival_cursor_s_;
  std::vector<double> arrival_open_s_;                // opening of the arrivals' day
  std::vector<const double*> arrival_rates_;          // that day's rates, [interval of the day]
  std::vector<std::int32_t> arrival_first_interval_;  // horizon interval of its first; -1: none
  std::vector<std::int64_t> arrival_step_;            // -1 = the warm-up before the first interval
  std::vector<std::uint64_t> arrival_day_key_;        // the arrivals' day, as a stream key
  std::vector<double> rate_factor_;
  std::vector<std::size_t> script_position_;
  std::size_t next_type_ = 0;
};

}  // namespace staffsim::sim
