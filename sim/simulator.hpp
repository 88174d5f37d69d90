// Discrete-event simulation of a multi-skill contact centre over a horizon of planning intervals.
//
// Model (all durations in seconds, rates in contacts per second; see sim/scenario.hpp):
//   - Time. One clock runs over the whole horizon: `days` days, each with the same window of
//     `intervals_per_day` intervals of `interval_s` seconds; day d opens d x 24 h after day 1. The
//     optional `warmup_days` are simulated before day 1 (repeating the horizon's days backwards)
//     and an optional warm-up of `warmup_s` seconds before the first simulated day (with the rates
//     and staffing of its first interval); their statistics are discarded. With
//     `days_independent` every day is simulated alone, from empty, each with its own warm-up.
//   - Opening hours. A contact type has no arrivals and a group no agents in the intervals its
//     hours close (default: open in every interval of the window).
//   - The close. After a day's last interval no contact arrives. Each group whose agents may serve
//     a caller still waiting keeps the last interval's staffing on duty until nothing it may serve
//     waits; every other group goes home (busy agents finish first). A caller that no group on
//     duty may serve (a group whose reinforcement rule is off, or whose reserve keeps it from
//     calls, does not count) is closed at once (`unanswered_at_close`, counted as abandoned); so
//     is a transfer made during the close-out to a group no longer on duty. The night
//     then passes with the centre closed; what is still open carries over to the next day. A
//     window of 24 hours (start 00:00) is open around the clock: days follow each other without a
//     close, and the last day closes as above.
//   - Arrivals. Per contact type, a Poisson process with a piecewise-constant rate (one rate per
//     interval), generated exactly by exponential gaps restarted at each interval boundary. An
//     optional day busyness factor (gamma, mean 1, CV = day_cv; one draw per simulated day per
//     type) multiplies all of that day's rates.
//   - Handle time and patience. Drawn for each contact at its arrival from the type's
//     distributions (exponential, lognormal / gamma by mean and sd, Weibull, deterministic,
//     empirical resampling). Without a patience distribution nobody abandons. A waiting contact
//     abandons when its wait reaches its patience.
//   - Agents. Agents of one group are identical. When a group's staffing rises, the new agents are
//     idle at once and take waiting contacts. When it drops, idle agents leave at once; if too few
//     are idle, busy agents finish their current contact and then leave (they take no new one).
//
// Routing (product behaviour):
//   1. A contact type lists groups in order of preference, each with a delay `after_s`: that group
//      may take the contact only once the contact has waited at least `after_s`.
//   2. An arriving contact goes to the longest-idle agent of the first group in its list that may
//      take it now (after_s = 0) and has an idle agent. Agents of a group are identical, so which
//      idle agent takes it changes no result; the engine keeps idle agents as a count.
//   3. Otherwise it waits. An agent who becomes free (finishes a contact and stays on duty, or
//      joins when staffing rises) takes, among the waiting contacts its group may serve NOW, the
//      one of highest type priority, then the one that has waited longest (then the earliest
//      generated); if there is none, the agent becomes idle. This choice is one routine of the
//      engine (the best waiting item of a group's queues, sim/compiled_scenario.hpp).
//   4. The expiry of an overflow delay is itself an event: a contact waiting for its first group
//      becomes eligible for a second group with after_s = 30 at exactly arrival + 30 s, and is
//      taken at that instant if that group has an idle agent (groups whose delay expires at the
//      same instant are tried in preference order).
//   5. A group serves its queues in tiers: live work first (customers on the line: inbound
//      contacts and transfers; transfers before inbound calls unless the group says
//      `first: calls`), then deferred work (work orders and audits, FIFO or earliest deadline
//      first; audits after work orders), then call-backs. Within a tier, higher type priority
//      first, then the earliest item (its arrival, or its deadline for earliest-deadline-first
//      queues). A group with `reserve`
//      K takes an inbound call only while K of its other agents stay idle. A group takes
//      call-backs only when its call-back rule allows (no customer waiting on the line anywhere,
//      at least `idle_at_least` of its agents idle). A reinforcing group takes the reinforced type
//      only while its rule is active, after its own live work and at that type's priority.
//   Same-time events resolve in this fixed order: interval boundaries (staffing changes), contact
//   completions, overflow-delay expiries, abandonments, promise deadlines, retries and hand-offs,
//   reinforcement checks, repeat calls, arrivals (types in scenario order); events of one kind at
//   the same time resolve in insertion order. Consequently a contact whose patience ends at the
//   very instant an agent frees up is answered (with wait = patience), a work order done at its
//   very deadline is on time, and a contact arriving exactly at an interval boundary belongs to
//   the new interval and meets its staffing. A contact answered after waiting exactly T counts as
//   answered within T.
//
// Issues (types with `issues` or `repeat`; sim/scenario.hpp):
//   - A first contact opens an issue with a required authority level (drawn from the type's
//     shares). When a contact (or a transfer) about it ends, the agent's group resolves it if its
//     authority is at least the level, with the type's resolve probability. If the authority
//     sufficed but the contact did not resolve, the type's `unresolved` policy applies; if it did
//     not suffice, the escalation of the level applies. While a work order or call-back is
//     already working on the issue, a contact that cannot resolve it changes nothing (the customer
//     waits for that promise).
//   - Escalations: ask_to_call_again (a failure, below); transfer: the customer waits on hold in
//     the target group's transfer queue (its own hold patience; warm: the first agent stays busy
//     until the transfer is answered or abandoned); at most `max_transfers` per issue, then the
//     unresolved policy (ask_to_call_again if that is a transfer too); work order: after its
//     hand-off delay it joins the back office's queue; processing it resolves the issue, or, with
//     `then: callback`, promises a call-back that resolves it when it reaches the customer;
//     callback: a promise to call back within a window; each attempt reaches the customer with
//     `reach` (a reached call resolves the issue); a failed attempt takes `attempt_time` and is
//     retried after `retry_after`, up to `attempts`.
//   - Failures: the customer hangs up in the queue or on hold, is asked to call again, or a
//     promise's deadline passes unkept (work order not done, call-back not reached). After a
//     failure the customer calls again with the type's repeat probability, after the repeat delay
//     counted in the opening hours of the type they call; from the `complaint_after`-th failure on
//     that contact is of the complaint type (once a complaint, always a complaint; its level is
//     drawn again from the complaint type's shares). A customer who does not call again gives up:
//     the issue is abandoned for good once nothing (work order, call-back) is pending for it.
//   - Every issue ends resolved, abandoned for good, or open when the horizon ends (repeat calls,
//     retries and deadlines after the last close are not simulated).
//   - A group's authority cost multiplies the handle time of every contact, transfer and reached
//     call-back it handles by `handle_time_factor` and adds `added_time`; a share `audit_share` of
//     the issues it resolves create audit work for the audit group.
//   - Reinforcement: a rule starts when its type's queue reaches `start.queue` (or its oldest
//     caller has waited `start.oldest_wait`) and stops when the queue is at `stop.queue` or below.
//   - Draws that belong to an issue are keyed by (seed, replication, stream name, issue, attempt)
//     (sim/random.hpp), so two plans of one scenario see the same issues and the same outcomes
//     for the same attempts, whatever their staffing does to the order of events.
//
// Statistics leave the engine through a recorder (sim/recorder.hpp); see sim/results.hpp for what
// is reported. Memory does not grow with the number of contacts: work items live in a pool with a
// free list and waits go to fixed-bin histograms that live only while their interval may change.
//
// Randomness and reproducibility. Each replication uses its own random streams, one per source
// and contact type ("arrivals/<key>", "handle/<key>", "patience/<key>", "busyness/<key>", and
// the keyed "issue/<key>/<draw>" streams of issues; <key> is ContactType::key, by default the
// name), seeded from (scenario seed, replication index, stream name) by SplitMix64 over the
// FNV-1a hash of the name. The arrivals of each interval of each day come from their own keyed
// stream ("arrivals/<key>" keyed by day and interval), so a change of one interval's rate leaves
// every other interval's arrivals unchanged. Streams do not depend on declaration order: adding
// a contact type leaves the others' streams unchanged, and two plans of one scenario compare
// under common random numbers.
// Replications run on a pool of std::threads and stream into the reduction (sim/reduction.hpp) in
// replication order, so results are bit-identical for any number of threads; a replication's
// tallies are dropped once reduced, and workers run at most two replications per thread ahead of
// the reduction, so memory does not grow with the number of replications.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "sim/reduction.hpp"
#include "sim/results.hpp"
#include "sim/scenario.hpp"

namespace staffsim::sim {

// Replications until precise enough: after the first batch (the scenario's or the override's
// replication count), the simulator checks the 95% half-widths of the KPIs that decide targets
// and runs more replications until every one is within its limit or max_replications is reached.
// Checked: for each contact type, the KPIs it has targets for (service level, abandon rate, ASA;
// a type without targets: service level and abandon rate), in every interval where they are
// defined and over the whole horizon. The next batch size follows from the widest interval
// (half-widths shrink like 1 / sqrt(R)), so the number of replications depends only on the
// results, never on threads.
struct Precision {
  double service_level = 0;  // largest half-width as a fraction (0.01 = 1 percentage point);
                             // 0 = not checked
  double abandon_rate = 0;   // likewise
  double asa_s = 0;          // ASA: largest half-width in seconds; 0 = see asa_of_target
  double asa_of_target = 0;  // ASA: largest half-width as a share of the type's ASA target
                             // (0.01 with a 15 s target: +-0.15 s); 0 = not checked
  int max_replications = 2000;
};

// The widest checked KPI relative to its limit.
struct PrecisionCheck {
  bool reached = true;
  std::size_t plan = 0;
  std::size_t type = 0;
  std::int64_t interval = -1;  // horizon interval, or -1 for the whole horizon
  const char* kpi = "";        // "service_level", "abandon_rate" or "asa_s"
  double half_width = 0;       // NaN when undefined (one replication)
  double limit = 0;
  double ratio = 0;  // half_width / limit (infinite when undefined)
};

struct RunOptions {
  int replications_override = 0;               // > 0: replaces Scenario::replications
  std::optional<std::uint64_t> seed_override;  // replaces Scenario::seed
  int threads = 0;                             // worker threads; 0 = all hardware threads
  std::optional<Precision> precision;          // more replications until precise enough
  bool record_load = false;  // fill Results::load_distribution (costs time: for sim/optimize.hpp)
  // Observer of progress, called once after each finished replication with (done, total). It may
  // be called from any worker thread, but never concurrently, and `done` increases by one per call.
  // `total` is the replications planned so far (it grows when precision asks for more).
  // The simulator itself never prints.
  std::function<void(int done, int total)> progress;
};

// Runs the scenario. Throws staffsim::InvalidInput if the scenario breaks a rule of validate()
// (sim/scenario.hpp; names and stream keys must be unique: they seed the random streams) or an
// option is out of range ("threads must be non-negative, found -1",
// "replications_override must be non-negative, found -1"). An exception thrown by the progress
// observer stops the run and is rethrown.
Results simulate(const Scenario& scenario, const RunOptions& options = {});

// Runs several plans of one centre under common random numbers: replication r of every plan uses
// the same seed (the first plan's, or the override) and index r, so the plans see the same
// callers, handle times and issue outcomes wherever their staffing and policies do not change
// them; returns each plan's results and the paired differences to the first plan
// (sim/reduction.hpp). The plans must share the horizon (interval length, intervals per day,
// days, start and start date) and the contact types (the same stream keys, in order); otherwise
// InvalidInput ("plan 2 has 30 intervals per day, plan 1 has 28: plans compare only over the same
// horizon"). The first plan's replication count applies to all.
Comparison simulate_plans(const std::vector<const Scenario*>& plans,
                          const RunOptions& options = {});

// The precision rule of Precision, applied to every plan's results.
PrecisionCheck check_precision(const std::vector<const Scenario*>& plans,
                               const std::vector<Results>& results, const Precision& precision);

}  // namespace staffsim::sim
