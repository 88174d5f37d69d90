// The scenario: a plain, validated description of one contact-centre day (or several days) that the
// simulator runs. It is built by the YAML loader in tools/ (or directly in C++), never read from a
// file here.
//
// Units: every duration is in seconds, every rate in contacts per second, every probability a
// fraction in [0, 1]. Per-interval vectors cover the whole horizon (intervals_per_day * days
// entries); the loader expands a one-day pattern to every day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "models/calendar.hpp"
#include "sim/limits.hpp"

namespace staffsim::sim {

// Distributions of a duration (handle time, patience), parameterised as a planner states them.
struct Exponential {
  double mean_s = 0;
};
struct Lognormal {  // by the mean and standard deviation of the duration itself (not of its log)
  double mean_s = 0;
  double sd_s = 0;
};
struct Gamma {  // by mean and standard deviation: shape = (mean/sd)^2, scale = sd^2/mean
  double mean_s = 0;
  double sd_s = 0;
};
struct Weibull {
  double shape = 0;
  double scale_s = 0;
};
struct Deterministic {
  double value_s = 0;
};
struct Empirical {  // resampled uniformly from observed durations
  std::vector<double> values_s;
};
using DurationDistribution =
    std::variant<Exponential, Lognormal, Gamma, Weibull, Deterministic, Empirical>;

// Mean of a duration distribution, in seconds.
double mean_of(const DurationDistribution& d);

// The simulated time. One clock runs over the whole horizon, in seconds from the start of day 1's
// first interval; day d (0-based) opens at d * day_length_s(). Every day has the same window of
// `intervals_per_day` intervals; outside it the centre is closed (no arrivals, no agents), and what
// is still open at the close carries over the night: work waiting for an agent, customers who will
// call again. A window of 24 hours is open around the clock.
struct Horizon {
  double interval_s = 1800;   // length of one planning interval
  int intervals_per_day = 1;  // planning intervals in one day
  int days = 1;               // days of the horizon, reported
  double day_start_s = 0;     // clock time of the first interval (for reports), e.g. 7h = 25200
  double warmup_s = 0;        // simulated before the first simulated day (with its first interval's
                        // rates and staffing) and discarded; before EVERY day if days_independent
  int warmup_days = 0;  // whole days simulated before day 1 and discarded (they repeat the
                        // horizon's days backwards: the last warm-up day is the horizon's last day)
  bool days_independent = false;  // each day starts empty (a fresh "typical day"), as if alone
  std::optional<std::int64_t> start_date;  // day 1 in days since 1970-01-01 (reports, weekdays)

  // Intervals of the whole horizon, as a 64-bit count (the product can exceed int).
  std::int64_t total_intervals() const {
    return static_cast<std::int64_t>(intervals_per_day) * days;
  }
  double window_s() const { return interval_s * intervals_per_day; }
  // 24 hours, or the window when one day's window is longer (a single long day built in C++).
  double day_length_s() const { return window_s() > 86400.0 ? window_s() : 86400.0; }
  // The window covers the whole day: no closing between days.
  bool open_around_the_clock() const { return window_s() >= day_length_s(); }
  // Weekday of day d (0-based), 0 = Monday; day 1 is a Monday when no start_date is given.
  int weekday(std::int64_t d) const {
    return start_date ? models::weekday_from_days(*start_date + d) : static_cast<int>(d % 7);
  }
};

enum class ServiceLevelDefinition {
  offered,                 // answered within T / offered
  answered,                // answered within T / answered
  exclude_short_abandons,  // answered within T / (offered - abandoned within the short-abandon
                           // threshold)
};

struct ServiceLevelTarget {
  double within_s = 20;
  double at_least = 0.8;
  ServiceLevelDefinition definition = ServiceLevelDefinition::offered;
};

struct Targets {
  std::optional<ServiceLevelTarget> service_level;
  std::optional<double> max_abandon;  // fraction of offered
  std::optional<double> max_asa_s;
};

// Where a contact type's rates came from when they are a forecast (for reports; the engine does
// not read it).
struct ArrivalsOrigin {
  std::string source;              // the history or forecast file read (its path)
  std::string method;              // the forecast method used ("auto" resolved), or "file"
  std::vector<std::int64_t> days;  // the forecast's days, days since 1970-01-01 (history)
};

struct Arrivals {
  std::vector<double>
      rate_per_s;     // piecewise-constant Poisson rate, one per interval of the horizon
  double day_cv = 0;  // CV of a gamma(mean 1) busyness factor drawn once per day; 0 = none
  std::optional<ArrivalsOrigin> origin;  // set when the rates are a forecast
};

// One step of a contact type's routing list: the group may take the contact once it has waited
// `after_s` seconds (0 = at once).
struct RouteStep {
  int group = 0;  // index into Scenario::agent_groups
  double after_s = 0;
};

// Opening hours: one flag per interval of the horizon (1 = open); empty = open in every interval.
// A closed contact type has no arrivals; a closed group has no agent on duty.
using OpenIntervals = std::vector<std::uint8_t>;

// ---- Issues that outlive a call -------------------------------------------------------------
//
// Each first contact of a type with an issue model opens an ISSUE: the customer's problem, with a
// required authority level. Every later contact about it (a repeat call, a complaint, a transfer,
// a call-back, a work order) belongs to the same issue, which ends resolved, abandoned for good
// (the customer gives up) or open at the end of the horizon. Levels are 1, 2, 3, ...; a group of
// authority A resolves issues of level <= A (with the type's resolve probability).

// A promise to call the customer back: outbound work for `group`, taken only when the group's
// call-back rule allows (AgentGroup::callbacks_when). Each attempt reaches the customer with
// probability `reach`; a reached call-back resolves the issue. The promise is kept when the
// customer is reached within `within_s` of the promise.
struct CallbackPolicy {
  int group = -1;
  double within_s = 4 * 3600.0;
  double reach = 1;             // probability that one attempt reaches the customer
  int attempts = 1;             // attempts at most
  double retry_after_s = 1800;  // from a failed attempt to the next
  double attempt_s = 60;        // agent time of an attempt that does not reach the customer
  std::optional<DurationDistribution> handle_time;  // of a reached call; default: the type's
};

// The customer waits on hold for `to` (its own queue there). Warm: the first agent stays on the
// line, busy, until the transfer is answered or the customer hangs up.
struct TransferPolicy {
  int to = -1;
  bool warm = false;
  DurationDistribution handle_time = Exponential{300};
  std::optional<DurationDistribution> patience;  // hold patience; nullopt: nobody hangs up
};

// A ticket for the back-office group `to`, which reaches its queue after the `hand_off` delay and
// is processed in the group's order (FIFO or earliest deadline first) for `processing` of agent
// time. Processing resolves the issue; with
// `then_callback` the customer learns it from a call-back (resolved when reached).
struct WorkOrderPolicy {
  int to = -1;
  double deadline_s = 48 * 3600.0;
  DurationDistribution processing = Exponential{1800};
  // Elapsed time before the ticket reaches the back office's queue (hand-offs between teams,
  // waiting for a third party): no agent time. nullopt: at once.
  std::optional<DurationDistribution> hand_off;
  std::optional<CallbackPolicy> then_callback;
};

enum class EscalationKind { ask_to_call_again, transfer, work_order, callback };

// What happens to an issue a contact did not resolve.
struct Escalation {
  EscalationKind kind = EscalationKind::ask_to_call_again;
  TransferPolicy transfer;
  WorkOrderPolicy work_order;
  CallbackPolicy callback;
};

struct IssueModel {
  std::vector<double> required_authority = {1.0};  // [level - 1]: probability, summing to 1
  double resolve_probability = 1;                  // when the agent's authority suffices
  // [level - 1]: what an agent whose authority is below the level does (nullopt for levels every
  // group that may take the contact can resolve).
  std::vector<std::optional<Escalation>> escalation;
  Escalation unresolved;  // when the authority sufficed but the contact did not resolve
  int max_transfers = 2;  // transfers per issue; beyond them the unresolved policy applies
};

// A customer whose issue is still open after a failure (hung up in the queue or on hold, asked to
// call again, promise missed, work order late) calls again with `probability` after `delay`,
// counted in the opening hours of the type they call (a 2-hour delay from 20:30 ends at 08:30 on
// the next open day, for a type open 07:00-21:00). From the `complaint_after`-th failure on, the
// next contact is of `complaint_type` (0 = never).
struct RepeatBehaviour {
  double probability = 0;
  DurationDistribution delay = Exponential{7200};
  int complaint_after = 0;
  int complaint_type = -1;
};

struct ContactType {
  std::string name;
  // Names the type's random streams; empty: the name. A stable key keeps a type's draws when it
  // is renamed, so that plans compare under common random numbers.
  std::string key;
  int priority = 0;  // higher is served first
  Arrivals arrivals;
  DurationDistribution handle_time = Exponential{300};
  std::optional<DurationDistribution> patience;  // nullopt: nobody abandons
  Targets targets;
  std::vector<RouteStep> routing;         // in order of preference; never empty
  OpenIntervals open;                     // when contacts of this type may arrive
  std::optional<IssueModel> issues;       // nullopt: every answered contact settles its matter
  std::optional<RepeatBehaviour> repeat;  // nullopt: nobody calls again

  const std::string& stream_key() const { return key.empty() ? name : key; }
};

// Back-office audit work created by a share of the resolutions a group makes.
struct AuditWork {
  int to = -1;
  DurationDistribution processing = Exponential{600};
};

// The cost of a group's authority: every contact it handles takes longer, and a share of the
// issues it resolves create audit work.
struct AuthorityCost {
  double handle_time_factor = 1;
  double added_s = 0;
  double audit_share = 0;
  std::optional<AuditWork> audit;
};

// Which live work a group takes first: transfers (escalations) or inbound calls. With `reserve`
// = K > 0, escalations come first and an agent takes an inbound call only while at least K other
// agents of the group are idle, so K agents stay free for escalations.
enum class ServiceOrder { escalations_first, calls_first };
enum class WorkOrderOrder { fifo, earliest_deadline };

// When an outbound group takes call-backs: only when no caller waits anywhere in the centre
// (queue_empty) and at least `idle_at_least` of its agents are idle (the taker included).
struct CallbackRule {
  bool queue_empty = true;
  int idle_at_least = 1;
};

// Staffing and shrinkage: `staffing` is the agents SCHEDULED in each interval; a share `shrinkage`
// of them is off the phones (breaks, training, meetings, absence), so the simulator puts
// floor(staffing * (1 - shrinkage) + 1e-9) agents on duty (models::agents_on_duty). Rostering
// ceil(N / (1 - shrinkage)) agents therefore puts at least N on duty. With the default shrinkage of
// 0 the staffing is the agents on duty. Agent-hours and their cost count agents on duty.
struct AgentGroup {
  std::string name;
  std::vector<int> staffing;  // agents scheduled, one per interval of the horizon
  double shrinkage = 0;       // fraction of the scheduled agents off the phones, in [0, 1)
  OpenIntervals open;         // staffing counts only in open intervals
  int authority = 1;
  AuthorityCost authority_cost;
  ServiceOrder first = ServiceOrder::escalations_first;
  int reserve = 0;  // agents kept free for escalations (0 = none)
  WorkOrderOrder order = WorkOrderOrder::fifo;
  CallbackRule callbacks_when;
  std::optional<double> cost_per_hour;  // per agent-hour on duty
};

// The agents on duty in each interval of the horizon: the staffing after shrinkage, 0 in the
// intervals the group's hours close.
std::vector<int> agents_on_duty(const AgentGroup& group);

// While the queue of `type` is long, the second-line `group` takes that type too: from when its
// length reaches `start_queue` (or its oldest caller has waited `start_oldest_wait_s`) until it
// drops to `stop_queue` or below.
struct Reinforcement {
  int group = -1;
  int type = -1;
  std::optional<std::int64_t> start_queue;
  std::optional<double> start_oldest_wait_s;
  std::int64_t stop_queue = 0;
};

struct Scenario {
  std::string name;
  Horizon horizon;
  std::vector<ContactType> contact_types;
  std::vector<AgentGroup> agent_groups;
  int replications = 30;
  std::uint64_t seed = 1;
  double short_abandon_s = 5;  // abandons faster than this are "short abandons"
  std::vector<Reinforcement> reinforcement;
};

// Checks the invariants above (sizes, signs, indices, the limits of sim/limits.hpp, unique names
// and stream keys) and throws staffsim::InvalidInput naming the first violation as the loader
// does: "contact_types[0].handle_time.mean: expected a positive duration of at most 366d, found
// -3 s". The YAML loader reports positioned errors before this runs; this guards callers
// that build scenarios in C++.
void validate(const Scenario& scenario);

// The first contacts one replication's arrival rates promise, warm-up included (repeat calls,
// call-backs and escalations come on top): the size of a run, said before it starts and limited
// by kMaxRunContacts.
double expected_first_contacts(const Scenario& scenario);

}  // namespace staffsim::sim
