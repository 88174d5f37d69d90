// The statistics recorder: the engine reports what happens (a contact arrived, was answered,
// abandoned; a queue's length or a group's agents changed; an interval began) and the recorder
// decides what is counted and where. The engine never touches a tally.
//
// Attribution (see sim/results.hpp):
//   - contact events count in the horizon interval in which the contact ARRIVED (interval -1, the
//     warm-up, is not counted);
//   - clock-time figures (queue length, agents busy and on duty) accumulate in the interval that
//     is running; the time after a day's last interval (the close-out and the night) belongs to
//     that last interval; warm-up time is not counted.
// Day and horizon periods are formed at the end from the intervals. Percentiles of waits come from
// one WaitHistogram per interval and contact type that lives only while some contact of that
// interval and type may still add a wait: memory does not grow with the horizon.
//
// Tallies are raw per-replication sums (counts, waiting-time sums, agent-seconds); the estimates
// and confidence intervals of sim/results.hpp are formed from them across replications.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "sim/compiled_scenario.hpp"
#include "sim/log_histogram.hpp"
#include "sim/wait_histogram.hpp"

namespace staffsim::sim {

// Raw statistics of one contact type over one period of one replication.
struct ContactTally {
  std::int64_t offered = 0;
  std::int64_t answered = 0;
  std::int64_t abandoned = 0;
  std::int64_t short_abandoned = 0;
  std::int64_t answered_within_target = 0;
  std::int64_t unanswered_at_close = 0;
  std::int64_t queued = 0;     // found no agent free on arrival
  double wait_answered_s = 0;  // sum of waits of answered contacts
  double wait_all_s = 0;       // sum of waits of all contacts
  double wait_p90_s = 0;       // NaN when no contact arrived
  double queue_area_s = 0;     // integral of the number waiting over clock time
  std::int64_t max_queue = 0;
};

// Raw statistics of issues and their escalations, per contact type and period. Two attributions:
// issue figures count in the interval of the issue's FIRST contact, under its first contact's
// type; contact figures count in the interval in which the contact (or the contact that created
// the transfer, work order or call-back) arrived, under that contact's type.
struct IssueTally {
  // Issue figures.
  std::int64_t issues = 0;  // first contacts
  std::int64_t resolved = 0;
  std::int64_t resolved_first_contact = 0;  // during its first contact (transfers included)
  std::int64_t abandoned = 0;               // given up for good
  std::int64_t open_end = 0;                // still open when the horizon ends
  std::int64_t complaints = 0;              // became a complaint
  std::int64_t contacts_of_resolved = 0;    // inbound contacts of the resolved issues
  double resolution_s = 0;                  // sum of resolution times (first contact to resolved)
  double resolution_p90_s = 0;              // days and horizon only; NaN in intervals
  // Contact figures.
  std::int64_t repeats = 0;        // inbound contacts about an issue already open
  std::int64_t escalated[4] = {};  // [EscalationKind]: contacts that ended in that path
  std::int64_t transfers_answered = 0;
  std::int64_t transfers_abandoned = 0;
  double transfer_hold_s = 0;  // hold of transfers answered or abandoned
  std::int64_t work_orders = 0;
  std::int64_t work_orders_done = 0;
  std::int64_t work_orders_in_time = 0;  // done by their deadline
  std::int64_t work_orders_open_end = 0;
  double work_order_age_s = 0;      // sum of the ages of those done, creation to done
  double work_order_age_p90_s = 0;  // days and horizon only; NaN in intervals
  double work_order_area_s = 0;     // clock time: integral of open work orders of the type
  std::int64_t callbacks_promised = 0;
  std::int64_t callbacks_reached = 0;
  std::int64_t callbacks_kept = 0;  // reached within the promised window
  std::int64_t audits = 0;
};

// Raw statistics of one agent group over one period of one replication.
struct GroupTally {
  double busy_agent_s = 0;
  double on_duty_agent_s = 0;
  std::int64_t handled = 0;  // items completed: contacts, transfers, work orders, ...
  double reinforcing_s = 0;  // clock time while the group reinforces another queue
};

// Periods: the horizon's intervals [0, I), then the days [I, I + D), then the whole horizon I + D.
struct ReplicationTally {
  std::vector<ContactTally> contacts;  // [period * types + type]
  std::vector<IssueTally> issues;      // [period * types + type]; empty without issues
  std::vector<GroupTally> groups;      // [period * groups + group]
  std::vector<std::int64_t> handled;   // [(period * groups + group) * types + type]
  // With CompiledScenario::record_load: [interval * groups + group][n] seconds of the interval
  // during which n contacts were in the group's system (busy agents plus the callers waiting of
  // the types that list it first).
  std::vector<std::vector<double>> load_time;
  std::int64_t contacts_generated = 0;
  std::int64_t events = 0;
  std::int64_t peak_contacts = 0;
};

class Recorder {
 public:
  explicit Recorder(const CompiledScenario& model);

  // ---- the clock ------------------------------------------------------------------------------
  // Interval `interval` (a horizon interval, or -1 for warm-up time) begins at `now`: clock-time
  // figures accumulated so far go to the interval that was running.
  void enter_interval(std::int64_t interval, double now);
  // Every horizon interval up to and including `interval` is over: no more contacts arrive in it.
  void intervals_over(std::int64_t interval);
  // The day starts afresh (independent days): clock-time state restarts at `now` from zero.
  void restart(double now);

  // ---- clock-time state (report the NEW value after each change) -------------------------------
  void queue_length(std::size_t type, std::int64_t length, double now) {
    TimeWeighted& q = queue_[type];
    if (record_load_ && length != q.value) load_changed(type_group_[type], length - q.value, now);
    if (current_ >= 0) {
      ContactTally& t = contacts_[static_cast<std::size_t>(current_) * types_ + type];
      t.queue_area_s += static_cast<double>(q.value) * (now - q.since_s);
      if (length > t.max_queue) t.max_queue = length;
    }
    q.value = length;
    q.since_s = now;
  }
  void group_agents(std::size_t g, int busy, int on_duty, double now) {
    GroupClock& c = group_[g];
    if (record_load_ && busy != c.busy) load_changed(g, busy - c.busy, now);
    if (current_ >= 0) {
      const double dt = now - c.since_s;
      GroupTally& t = groups_[static_cast<std::size_t>(current_) * groups_count_ + g];
      t.busy_agent_s += c.busy * dt;
      t.on_duty_agent_s += c.on_duty * dt;
    }
    c.busy = busy;
    c.on_duty = on_duty;
    c.since_s = now;
  }

  // ---- contacts (interval: the horizon interval of arrival, -1 = warm-up) ----------------------
  void arrived(std::int32_t interval, std::size_t type) {
    ++generated_;
    if (interval < 0) return;
    const std::size_t at = static_cast<std::size_t>(interval) * types_ + type;
    ++contacts_[at].offered;
    ++pending_[at];
  }
  void queued(std::int32_t interval, std::size_t type) {
    if (interval >= 0) ++contacts_[static_cast<std::size_t>(interval) * types_ + type].queued;
  }
  void answered(std::int32_t interval, std::size_t type, std::size_t g, double wait_s,
                bool within_target) {
    if (interval < 0) return;
    const auto i = static_cast<std::size_t>(interval);
    const std::size_t at = i * types_ + type;
    ContactTally& t = contacts_[at];
    ++t.answered;
    t.wait_answered_s += wait_s;
    t.wait_all_s += wait_s;
    if (within_target) ++t.answered_within_target;
    const std::size_t group_at = i * groups_count_ + g;
    ++groups_[group_at].handled;
    ++handled_[group_at * types_ + type];
    add_wait(at, interval, wait_s);
  }
  void abandoned(std::int32_t interval, std::size_t type, double wait_s, bool short_abandon,
                 bool at_close) {
    if (interval < 0) return;
    const std::size_t at = static_cast<std::size_t>(interval) * types_ + type;
    ContactTally& t = contacts_[at];
    ++t.abandoned;
    if (at_close) {
      ++t.unanswered_at_close;
    } else if (short_abandon) {
      ++t.short_abandoned;
    }
    t.wait_all_s += wait_s;
    add_wait(at, interval, wait_s);
  }

  // ---- issues and escalation (recorder.cpp; interval -1 = not counted) -------------------------
  void issue_opened(std::int32_t interval, std::size_t type);
  void issue_resolved(std::int32_t interval, std::size_t type, double resolution_s, int contacts,
                      bool first_contact);
  void issue_abandoned(std::int32_t interval, std::size_t type);
  void issue_open_at_end(std::int32_t interval, std::size_t type);
  void complaint(std::int32_t interval, std::size_t type);
  void repeat_contact(std::int32_t interval, std::size_t type);
  void escalated(std::int32_t interval, std::size_t type, int kind);
  void transfer_ended(std::int32_t interval, std::size_t type, double hold_s, bool answered);
  void work_order_created(std::int32_t interval, std::size_t type);
  void work_order_done(std::int32_t interval, std::size_t type, double age_s, bool in_time);
  void work_order_open_at_end(std::int32_t interval, std::size_t type);
  void work_orders_open(std::size_t type, std::int64_t open, double now);
  void callback_promised(std::int32_t interval, std::size_t type);
  void callback_reached(std::int32_t interval, std::size_t type, bool kept);
  void audit(std::int32_t interval, std::size_t type);
  // An item other than an inbound contact completed by group g (attributed like its contact).
  void handled_work(std::int32_t interval, std::size_t type, std::size_t g);
  // Group g reinforces (reinforcing = 1) or stops reinforcing (0) another queue.
  void reinforcing(std::size_t g, int reinforcing, double now);

  // ---- engine figures --------------------------------------------------------------------------
  void events(std::int64_t n) { events_ += n; }
  void pool_size(std::int64_t n) {
    if (n > peak_pool_) peak_pool_ = n;
  }

  // Closes the books at `now` (the last event): every remaining figure is formed, day and
  // horizon periods are filled in.
  ReplicationTally finish(double now);

 private:
  struct TimeWeighted {
    std::int64_t value = 0;
    double since_s = 0;
  };
  struct GroupClock {
    int busy = 0;
    int on_duty = 0;
    double since_s = 0;
  };

  void add_wait(std::size_t at, std::int32_t interval, double wait_s) {
    WaitHistogram*& h = histogram_[at];
    if (h == nullptr) h = new_histogram();
    h->add(wait_s);
    if (--pending_[at] == 0 && interval <= over_through_) close_histogram(at);
  }
  WaitHistogram* new_histogram();
  void close_histogram(std::size_t at);  // interval over and nothing pending: p90, then recycle

  const std::size_t types_, groups_count_, ipd_;
  const double interval_s_;
  const std::int64_t intervals_, days_;
  std::vector<ContactTally> contacts_;  // [horizon interval * types + type]
  std::vector<GroupTally> groups_;      // [horizon interval * groups + group]
  std::vector<std::int64_t> handled_;   // [(horizon interval * groups + group) * types + type]
  std::vector<TimeWeighted> queue_;     // [type]
  std::vector<GroupClock> group_;       // [group]
  std::int64_t current_ = -1;
  bool record_load_ = false;  // CompiledScenario::record_load (checked on every state change)
  std::int64_t over_through_ = -1;  // intervals [0, over_through_] are over

  // Waits: live histograms, their day and horizon aggregates, and the contacts still to report.
  std::vector<std::int32_t> pending_;                          // [interval * types + type]
  std::vector<WaitHistogram*> histogram_;                      // [interval * types + type], or null
  std::vector<std::unique_ptr<WaitHistogram>> day_histogram_;  // [day * types + type]
  std::vector<std::int32_t> day_open_intervals_;               // [day * types + type]
  std::vector<double> day_p90_;                                // [day * types + type]
  std::vector<WaitHistogram> horizon_histogram_;               // [type]
  std::vector<std::unique_ptr<WaitHistogram>> storage_;        // every histogram made
  std::vector<WaitHistogram*> spare_;                          // recycled ones

  // Load (CompiledScenario::record_load): the number in system of each group, its busy agents
  // plus the callers waiting of the types that list it first, time-weighted per interval.
  void load_changed(std::size_t g, std::int64_t delta, double now);
  void flush_load(std::size_t g, double now);
  std::vector<std::size_t> type_group_;         // [type]: its first group
  std::vector<std::int64_t> load_;              // [group]
  std::vector<double> load_since_;              // [group]
  double interval_end_ = 0;                     // end of the running horizon interval
  std::vector<std::vector<double>> load_time_;  // [interval * groups + group][load]

  std::int64_t generated_ = 0;
  std::int64_t events_ = 0;
  std::int64_t peak_pool_ = 0;

  // Issues: tallies by interval, day histograms of resolution times and work-order ages.
  IssueTally* issue_at(std::int32_t interval, std::size_t type) {
    return interval < 0 ? nullptr : &issues_[static_cast<std::size_t>(interval) * types_ + type];
  }
  std::vector<IssueTally> issues_;              // [horizon interval * types + type]
  std::vector<LogHistogram> resolution_;        // [day * types + type]
  std::vector<LogHistogram> work_order_age_;    // [day * types + type]
  std::vector<TimeWeighted> work_orders_open_;  // [type]
  std::vector<TimeWeighted> reinforcing_;       // [group]
};

}  // namespace staffsim::sim
