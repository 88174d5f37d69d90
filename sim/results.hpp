// Results of a simulation run: every key performance indicator (KPI) as an estimate over R
// independent replications, per contact type and per agent group, for the whole horizon, per day
// and per planning interval. Plain values only; writers for tables, CSV and JSON live in tools/.
//
// Estimates. Each KPI is reported as its mean over the replications with a two-sided 95% Student-t
// confidence interval (R - 1 degrees of freedom). With a single replication the interval is
// undefined and both bounds are NaN. Two kinds of KPI:
//   - per-replication quantities (counts, the 90th-percentile wait, the maximum queue length, the
//     time-average queue length): mean of the R values, CI  mean +- t * sd / sqrt(R);
//   - ratio KPIs (service level, abandon rate, P(wait), ASA, mean wait, occupancy, handled share):
//     ratio of sums over the replications, X = sum x_r / sum y_r, with the delta-method CI
//     X +- t * sd(x_r - X y_r) / (sqrt(R) * mean(y_r)). Ratio of sums weights every contact equally
//     (an interval with 3 offered contacts in one replication does not count as much as one with
//     300) and stays defined when some replications have an empty denominator. When every
//     denominator is 0 (no contact offered at all) the ratio and its bounds are NaN.
//
// Units: durations in seconds, rates and shares as fractions in [0, 1], counts as plain numbers
// (means over replications, so not necessarily integers).
//
// Attribution. Contact KPIs are attributed to the interval in which the contact ARRIVED (a contact
// arriving at 9:29:59 and answered at 9:31 counts in the 9:00 interval, one arriving on Monday and
// answered on Tuesday counts on Monday). Time-based figures (queue length, occupancy) are
// attributed by clock time; the time after the last interval of a day (the close-out and the
// night) is attributed to the day's last interval. Warm-up time, warm-up days and contacts arriving
// in them are discarded.
#pragma once

#include <cstdint>
#include <vector>

namespace staffsim::sim {

struct Estimate {
  double mean = 0;
  double ci_low = 0;   // lower bound of the 95% confidence interval (NaN with one replication)
  double ci_high = 0;  // upper bound
};

// Verdict of a target against the confidence interval of its KPI.
enum class TargetVerdict {
  none,      // the contact type has no such target
  met,       // the whole confidence interval satisfies the target
  missed,    // the whole confidence interval violates the target
  uncertain  // the confidence interval straddles the target (or is undefined): more replications
};

struct TargetVerdicts {
  TargetVerdict service_level = TargetVerdict::none;  // service_level >= at_least
  TargetVerdict abandon_rate = TargetVerdict::none;   // abandon_rate <= max_abandon
  TargetVerdict asa = TargetVerdict::none;            // asa_s <= max_asa_s
};

// KPIs of one contact type over one period (whole horizon, one day or one interval).
struct ContactKpis {
  // Counts of contacts arriving in the period.
  Estimate offered;
  Estimate answered;
  Estimate abandoned;               // includes short abandons and contacts unanswered at close
  Estimate short_abandoned;         // abandoned after waiting strictly less than short_abandon_s
  Estimate answered_within_target;  // answered after waiting <= T (T below)
  Estimate unanswered_at_close;     // abandoned at the close of the day because no agent able to
                                    // take them remained on duty (0 in any sensible scenario)
  // Ratios.
  Estimate service_level;  // under the type's target definition and threshold T; a type without
                           // a service-level target uses T = 20 s and the `offered` definition
  Estimate abandon_rate;   // abandoned / offered
  Estimate p_wait;         // contacts that found no agent free on arrival (queued) / offered
  Estimate asa_s;          // average speed of answer: mean wait of answered contacts
  Estimate wait_mean_s;    // mean wait of all offered contacts (abandoned: time until hang-up)
  // Per-replication quantities.
  Estimate wait_p90_s;  // 90th percentile of the wait of all offered contacts (answered: time to
                        // answer; abandoned: time to hang-up; served at once: 0). Resolution:
                        // exact zeros are counted apart; then 0.5 s bins up to 10 min, 5 s bins up
                        // to 1 h, 60 s to 1 day, 10 min to 7 days, 1 h to 61 days, linear
                        // interpolation inside a bin (sim/wait_histogram.hpp).
  Estimate queue_mean;  // time-average number of contacts of this type waiting: the area under
                        // the queue length over the period (close-out included in a day's last
                        // interval) divided by the period's nominal length
  Estimate max_queue;   // largest number of contacts of this type waiting at once (clock time)
  TargetVerdicts verdicts;  // of this period's estimates against the type's targets

  // Issues and escalation: types with `issues` or `repeat` (and the complaint types they feed);
  // 0 or NaN for other types. ISSUE figures count in the period of the issue's first contact,
  // under its first contact's type; CONTACT figures in the period of the contact that led to them.
  Estimate issues;                       // issue: issues opened (first contacts)
  Estimate issues_resolved;              // issue
  Estimate issues_abandoned;             // issue: the customer gave up for good
  Estimate issues_open_end;              // issue: still open when the horizon ended
  Estimate first_contact_resolution;     // issue: resolved during the first contact / issues
  Estimate contacts_per_resolved_issue;  // issue: inbound contacts of resolved issues / resolved
  Estimate resolution_time_s;            // issue: mean time from first contact to resolution
  Estimate resolution_time_p90_s;        // issue: its 90th percentile (days and horizon; NaN per
                                         // interval); log-binned, relative error <= 2%
  Estimate complaints;                   // issue: issues that became complaints
  Estimate repeat_share;                 // contact: repeat contacts / offered
  // contact: contacts (answered or transferred to) that ended in each escalation path, per
  // contact handled (answered contacts + transfers answered)
  Estimate escalation_rate_transfer;
  Estimate escalation_rate_work_order;
  Estimate escalation_rate_callback;
  Estimate escalation_rate_ask_to_call_again;
  Estimate transfers;                    // contact: transfers answered or abandoned on hold
  Estimate transfer_hold_s;              // contact: mean time on hold of those transfers
  Estimate transfer_abandon_rate;        // contact: abandoned on hold / transfers
  Estimate work_orders;                  // contact: work orders created
  Estimate work_orders_within_deadline;  // contact: done by their deadline / done
  Estimate work_order_age_p90_s;         // contact: 90th percentile of the age when done (days
                                         // and horizon; NaN per interval)
  Estimate work_orders_open_end;         // contact: created and still not done at the end
  Estimate work_order_backlog;           // clock time: time-average open work orders of the type
  Estimate callbacks_promised;           // contact
  Estimate callbacks_kept_share;         // contact: reached within the promised window / promised
  Estimate audits;                       // issue: audit work orders its resolutions created
};

// KPIs of one agent group over one period.
struct GroupKpis {
  // busy agent-time / on-duty agent-time. An agent is on duty while scheduled, and also while
  // finishing a contact after the staffing dropped (an agent who finishes a call after the end of
  // the shift counts as on duty while busy, then leaves). Clock-time attribution.
  Estimate occupancy;
  Estimate busy_agent_s;     // agent-seconds spent handling contacts
  Estimate on_duty_agent_s;  // agent-seconds on duty (denominator of occupancy)
  Estimate handled;          // items this group took: contacts answered, transfers, work orders,
                             // call-back attempts, audits (attributed to their contact's interval)
  std::vector<Estimate> handled_by_type;        // [contact type], counts
  std::vector<Estimate> handled_share_by_type;  // [contact type], handled_by_type / handled
  Estimate agent_hours;                         // on-duty agent-seconds / 3600
  Estimate cost;             // agent_hours x cost per agent-hour; NaN without a cost
  Estimate reinforcement_s;  // clock time while the group reinforced another queue
};

// Raw integer counts of one contact type in one replication over the whole horizon; useful for
// paired comparisons of two plans under common random numbers and for conservation checks
// (offered == answered + abandoned holds exactly).
struct ReplicationCounts {
  std::int64_t offered = 0;
  std::int64_t answered = 0;
  std::int64_t abandoned = 0;
  std::int64_t short_abandoned = 0;
  std::int64_t answered_within_target = 0;
  std::int64_t unanswered_at_close = 0;
  double wait_sum_s = 0;  // sum of the waits of all offered contacts
};

// Raw integer counts of the issues of one contact type in one replication over the whole
// horizon (first contacts' type), for conservation checks: every issue ends resolved, abandoned
// or open at the end.
struct IssueCounts {
  std::int64_t issues = 0;
  std::int64_t resolved = 0;
  std::int64_t abandoned = 0;
  std::int64_t open_end = 0;
  std::int64_t repeats = 0;  // repeat contacts offered of this type
};

struct Results {
  // Indices: contact types and groups in scenario order; interval i is the global interval index
  // (day * intervals_per_day + interval of the day), d the day.
  std::vector<ContactKpis> by_type;                                // [type], whole horizon
  std::vector<std::vector<ContactKpis>> by_type_day;               // [day][type]
  std::vector<std::vector<ContactKpis>> by_type_interval;          // [interval][type]
  std::vector<GroupKpis> by_group;                                 // [group], whole horizon
  std::vector<std::vector<GroupKpis>> by_group_day;                // [day][group]
  std::vector<std::vector<GroupKpis>> by_group_interval;           // [interval][group]
  std::vector<std::vector<ReplicationCounts>> replication_counts;  // [replication][type]
  std::vector<std::vector<IssueCounts>> replication_issues;        // [replication][type]
  Estimate agent_hours;                                            // all groups, whole horizon
  Estimate cost;  // all groups with a cost per agent-hour; NaN when none has one

  // With RunOptions::record_load: [interval * groups + group][n] the share of the interval's time
  // during which n contacts were in the group's system (its busy agents plus the callers waiting
  // of the types that list it first), mean over the replications. Empty otherwise.
  std::vector<std::vector<double>> load_distribution;

  int replications = 0;                 // R actually simulated
  std::uint64_t seed = 0;               // the scenario seed actually used
  std::int64_t simulated_contacts = 0;  // contacts generated, all replications, warm-up included
  std::int64_t events_processed = 0;    // events handled, all replications
  std::int64_t peak_contacts_in_system = 0;  // largest contact-pool size in any replication
};

}  // namespace staffsim::sim
