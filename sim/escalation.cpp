// Issues that outlive a call: authority, escalation paths, promises, repeat calls, complaints,
// audits and reinforcement (the rules are in sim/simulator.hpp and sim/scenario.hpp).
//
// Every draw that belongs to an issue is keyed by (issue, attempt) (sim/random.hpp), never taken
// in event order, so two plans of one scenario see the same issues, outcomes and repeat calls.
// Attempts: authority 0 (1 for a complaint's new level); resolve (contact << 16 | transfers);
// handle and patience of a repeat contact: its contact number; a transfer leg's handle and hold
// patience: the issue's transfer number; a work order's processing: its work-order number; a
// call-back's reach and talk time: the issue's call-back attempt number (+ 1,000,000 for the talk
// time); a work order's hand-off: its number + 2,000,000; repeat decision and delay: the failure
// number; audit decision and processing: 0.
#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/engine.hpp"
#include "sim/numbers.hpp"

namespace staffsim::sim {
namespace {
constexpr std::uint64_t kCallbackTalk = 1'000'000;
constexpr std::uint64_t kHandOff = 2'000'000;
}  // namespace

// ---- issues -----------------------------------------------------------------------------------

std::uint32_t Engine::allocate_issue() {
  std::uint32_t id = free_issue_;
  if (id != kNoItem) {
    free_issue_ = issues_[id].next_free;
  } else {
    issues_.emplace_back();
    id = static_cast<std::uint32_t>(issues_.size() - 1);
  }
  const std::uint32_t generation = issues_[id].generation;  // stale timers must stay stale
  issues_[id] = Issue{};
  issues_[id].generation = generation;
  return id;
}

void Engine::free_if_done(std::uint32_t id) {
  Issue& issue = issues_[id];
  if (issue.open || issue.refs > 0) return;
  ++issue.generation;
  issue.next_free = free_issue_;
  free_issue_ = id;
  issue.refs = -1;  // freed: never freed twice
}

void Engine::drop_ref(std::uint32_t id) {
  --issues_[id].refs;
  free_if_done(id);
}

int Engine::draw_level(const CompiledScenario::Type& type, const Issue& issue,
                       std::uint64_t attempt) const {
  if (!type.has_issue_model) return 1;
  const double u = keyed(&IssueStreams::authority, issue, attempt).uniform();
  const auto& cdf = type.issues.level_cdf;
  const auto level = static_cast<int>(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
  return std::min(level + 1, static_cast<int>(cdf.size()));
}

// The first contact of an issue arrived (item `id`, contact type c).
void Engine::open_issue(std::uint32_t id, std::size_t c, double now) {
  const std::uint32_t k = allocate_issue();
  Issue& issue = issues_[k];
  issue.open = true;
  issue.first_arrival_s = now;
  issue.key = first_contacts_[c]++;
  issue.interval = items_[id].interval;
  issue.type = static_cast<std::uint16_t>(c);
  issue.current_type = static_cast<std::uint16_t>(c);
  issue.contacts = 1;
  issue.refs = 1;
  issue.level = static_cast<std::uint8_t>(draw_level(m_.type[c], issue, 0));
  items_[id].issue = k;
  recorder_.issue_opened(issue.interval, c);
}

std::uint32_t Engine::new_item(QueueKind kind, std::size_t queue, std::size_t c,
                               std::int32_t interval, double now) {
  const std::uint32_t id = items_.allocate();
  WorkItem& item = items_[id];
  item.arrival_s = now;
  item.key_s = now;
  item.handle_s = 0;
  item.patience_s = kInfinity;
  item.created_s = now;
  item.serial = serial_++;
  item.interval = interval;
  item.type = static_cast<std::uint32_t>(c);
  item.queue = static_cast<std::uint32_t>(queue);
  item.group = -1;
  item.next_delay = 0;
  item.issue = kNoItem;
  item.holder = -1;
  item.path = -1;
  item.attempts = 0;
  item.kind = kind;
  item.state = ItemState::in_service;  // not yet in a queue
  item.reached = false;
  return id;
}

// ---- work begins and ends ---------------------------------------------------------------------

// An agent of group g starts on item `id`: how long it takes, and what starting it means.
void Engine::start_issue_work(std::uint32_t id, std::size_t g, double now) {
  WorkItem& item = items_[id];
  const CompiledScenario::Group& group = m_.group[g];
  double duration = item.handle_s;
  switch (item.kind) {
    case WorkKind::inbound:
      duration = item.handle_s * group.handle_factor + group.added_s;
      if (m_.has_transfers) ++live_in_service_;
      break;
    case WorkKind::transfer: {
      duration = item.handle_s * group.handle_factor + group.added_s;
      if (m_.has_transfers) ++live_in_service_;
      recorder_.transfer_ended(item.interval, item.type, now - item.arrival_s, true);
      recorder_.handled_work(item.interval, item.type, g);
      events_.push(now + duration, kCompletion, id, 0);
      leg_ended(id, now);  // may start other work: `item` is not used after this
      return;
    }
    case WorkKind::callback: {
      Issue& issue = issues_[item.issue];
      const auto& path = m_.type[item.type].paths[static_cast<std::size_t>(item.path)];
      const std::uint64_t attempt = issue.callback_attempts++;
      ++item.attempts;
      item.reached =
          keyed(&IssueStreams::reach, issue, attempt).uniform() < path.reach && issue.open;
      if (item.reached) {
        RandomStream talk = keyed(&IssueStreams::reach, issue, kCallbackTalk + attempt);
        duration = path.handle(talk) * group.handle_factor + group.added_s;
        recorder_.callback_reached(item.interval, item.type, now <= issue.promise_deadline_s);
        issue.promise_open = false;
      } else {
        duration = path.attempt_s;
      }
      recorder_.handled_work(item.interval, item.type, g);
      break;
    }
    case WorkKind::work_order:
    case WorkKind::audit:
      recorder_.handled_work(item.interval, item.type, g);
      break;
  }
  events_.push(now + duration, kCompletion, id, 0);
}

// Item `id` is finished by an agent of group g.
void Engine::issue_work_done(std::uint32_t id, std::size_t g, double now) {
  const WorkItem item = items_[id];  // a copy: new items may move the pool
  switch (item.kind) {
    case WorkKind::inbound:
    case WorkKind::transfer:
      if (m_.has_transfers) --live_in_service_;
      if (item.issue == kNoItem) {
        items_.release(id);
        free_agent(g, now);
      } else {
        contact_outcome(id, g, now);
      }
      break;
    case WorkKind::work_order: {
      const auto& path = m_.type[item.type].paths[static_cast<std::size_t>(item.path)];
      const double age = now - item.created_s;
      recorder_.work_order_done(item.interval, item.type, age, age <= path.deadline_s);
      recorder_.work_orders_open(item.type, --work_orders_open_[item.type], now);
      items_.release(id);
      Issue& issue = issues_[item.issue];
      if (issue.pending == id) issue.pending = kNoItem;
      if (issue.open) {
        if (issue.promise_open) issue.promise_open = false;  // settled, in time or late
        if (path.then_callback >= 0) {
          promise_callback(item.issue, path.then_callback, item.type, item.interval, now);
        } else {
          resolve(item.issue, false, g, now);
        }
      }
      free_agent(g, now);
      drop_ref(item.issue);
      break;
    }
    case WorkKind::callback: {
      const auto& path = m_.type[item.type].paths[static_cast<std::size_t>(item.path)];
      Issue& issue = issues_[item.issue];
      if (item.reached) {
        items_.release(id);
        if (issue.pending == id) issue.pending = kNoItem;
        resolve(item.issue, false, g, now);
        drop_ref(item.issue);
      } else if (issue.open && item.attempts < path.attempts && !ended_) {
        items_[id].group = -1;  // waits for its retry, in no queue
        events_.push(now + path.retry_after_s, kItemReady, id, items_[id].generation);
      } else {
        items_.release(id);
        if (issue.pending == id) issue.pending = kNoItem;
        if (issue.open && issue.customer_gone && !issue.promise_open) give_up(item.issue, now);
        drop_ref(item.issue);
      }
      free_agent(g, now);
      break;
    }
    case WorkKind::audit:
      items_.release(id);
      free_agent(g, now);
      break;
  }
  if (closing_ && m_.has_transfers) release_groups_with_nothing_to_do(now);
}

// A contact (inbound or transferred) about an issue ends: the agent resolves it, escalates it, or
// the customer keeps waiting for a promise already made.
void Engine::contact_outcome(std::uint32_t id, std::size_t g, double now) {
  const WorkItem contact = items_[id];
  const std::uint32_t k = contact.issue;
  const auto& type = m_.type[contact.type];
  bool hold_agent = false;
  Issue& issue = issues_[k];
  if (issue.open) {
    const int authority = m_.group[g].authority;
    bool resolved = false;
    int path = -1;  // -1: none (a promise is pending); -2: ask to call again
    if (!type.has_issue_model) {
      resolved = true;
    } else if (authority >= issue.level) {
      const std::uint64_t attempt = (static_cast<std::uint64_t>(issue.contacts) << 16) |
                                    static_cast<std::uint64_t>(issue.transfers);
      resolved =
          keyed(&IssueStreams::resolve, issue, attempt).uniform() < type.issues.resolve_probability;
      if (!resolved && issue.pending == kNoItem) path = type.issues.unresolved_path;
    } else if (issue.pending == kNoItem) {
      path = type.issues.path_by_level[static_cast<std::size_t>(issue.level - 1)];
      if (path < 0) path = type.issues.unresolved_path;
    }
    // Transfers are limited per issue (no endless loops).
    if (path >= 0 && type.paths[static_cast<std::size_t>(path)].kind == EscalationKind::transfer &&
        issue.transfers >= type.issues.max_transfers) {
      path = type.issues.unresolved_path;
      if (type.paths[static_cast<std::size_t>(path)].kind == EscalationKind::transfer) path = -2;
    }
    if (resolved) {
      resolve(k, issue.contacts == 1 && issue.work_orders == 0 && issue.callback_attempts == 0, g,
              now);
    } else if (path != -1) {
      const EscalationKind kind = path >= 0 ? type.paths[static_cast<std::size_t>(path)].kind
                                            : EscalationKind::ask_to_call_again;
      recorder_.escalated(contact.interval, contact.type, static_cast<int>(kind));
      if (path >= 0) {
        hold_agent = apply_path(k, path, contact, g, now);
      } else {
        failure(k, now);
      }
    }
  }
  items_.release(id);
  if (!hold_agent) free_agent(g, now);
  drop_ref(k);
}

// Starts escalation path `path` of the contact's type for issue k. Returns whether the agent of
// group g stays on the line (a warm transfer not yet answered).
bool Engine::apply_path(std::uint32_t k, int path_index, const WorkItem& contact, std::size_t g,
                        double now) {
  const auto& path = m_.type[contact.type].paths[static_cast<std::size_t>(path_index)];
  Issue& issue = issues_[k];
  switch (path.kind) {
    case EscalationKind::ask_to_call_again:
      failure(k, now);
      return false;
    case EscalationKind::transfer: {
      ++issue.transfers;
      const std::uint32_t leg = new_item(WorkKind::transfer, static_cast<std::size_t>(path.queue),
                                         contact.type, contact.interval, now);
      RandomStream handle = keyed(&IssueStreams::leg, issue, issue.transfers);
      items_[leg].handle_s = path.handle(handle);
      if (path.has_patience) {
        RandomStream hold = keyed(&IssueStreams::hold, issue, issue.transfers);
        items_[leg].patience_s = path.patience(hold);
      }
      items_[leg].issue = k;
      items_[leg].path = static_cast<std::int16_t>(path_index);
      items_[leg].holder = path.warm ? static_cast<std::int16_t>(g) : std::int16_t{-1};
      ++issue.refs;
      const bool warm = path.warm;
      enter_queue(leg, now);  // when answered at once, the warm agent is already free
      return warm;
    }
    case EscalationKind::work_order: {
      ++issue.work_orders;
      const std::uint32_t order =
          new_item(WorkKind::work_order, static_cast<std::size_t>(path.queue), contact.type,
                   contact.interval, now);
      RandomStream processing = keyed(&IssueStreams::processing, issue, issue.work_orders);
      const double deadline = now + path.deadline_s;
      items_[order].handle_s = path.processing(processing);
      if (m_.queue[static_cast<std::size_t>(path.queue)].by_deadline) {
        items_[order].key_s = deadline;
      }
      promise(k, order, path_index, deadline);
      recorder_.work_order_created(contact.interval, contact.type);
      recorder_.work_orders_open(contact.type, ++work_orders_open_[contact.type], now);
      if (path.has_hand_off) {
        RandomStream hand_off =
            keyed(&IssueStreams::processing, issue, kHandOff + issue.work_orders);
        events_.push(now + path.hand_off(hand_off), kItemReady, order, items_[order].generation);
      } else {
        enter_queue(order, now);
      }
      return false;
    }
    case EscalationKind::callback:
      promise_callback(k, path_index, contact.type, contact.interval, now);
      return false;
  }
  return false;
}

// Item `id` (a work order or a call-back of path `path_index`) is now what issue k waits for: a
// promise whose deadline is judged at `deadline_s`.
void Engine::promise(std::uint32_t k, std::uint32_t id, int path_index, double deadline_s) {
  Issue& issue = issues_[k];
  items_[id].issue = k;
  items_[id].path = static_cast<std::int16_t>(path_index);
  ++issue.refs;
  issue.pending = id;
  issue.promise_deadline_s = deadline_s;
  issue.promise_open = true;
  events_.push(deadline_s, kPromiseDeadline, k, issue.generation);
}

// A promise to call the customer of issue k back within the path's window.
void Engine::promise_callback(std::uint32_t k, int path_index, std::size_t c, std::int32_t interval,
                              double now) {
  const auto& path = m_.type[c].paths[static_cast<std::size_t>(path_index)];
  const std::uint32_t id =
      new_item(WorkKind::callback, static_cast<std::size_t>(path.queue), c, interval, now);
  const double deadline = now + path.within_s;
  items_[id].key_s = deadline;
  promise(k, id, path_index, deadline);
  recorder_.callback_promised(interval, c);
  enter_queue(id, now);
}

// A transfer leg was answered or the customer hung up on hold: a warm transfer frees the first
// agent now.
void Engine::leg_ended(std::uint32_t id, double now) {
  const std::int16_t holder = items_[id].holder;
  if (holder < 0) return;
  items_[id].holder = -1;
  free_agent(static_cast<std::size_t>(holder), now);
}

// ---- how issues end ---------------------------------------------------------------------------

void Engine::cancel_pending_callback(std::uint32_t k, double now) {
  Issue& issue = issues_[k];
  const std::uint32_t pending = issue.pending;
  if (pending == kNoItem) return;
  const WorkItem& item = items_[pending];
  if (item.kind != WorkKind::callback || item.group >= 0) return;  // being worked on: it ends
  if (item.state == ItemState::waiting) take_out_of_queue(pending, now);
  items_.release(pending);
  --issue.refs;
  issue.pending = kNoItem;
}

// Issue k is resolved by group g (g < 0: by nobody's authority in particular).
void Engine::resolve(std::uint32_t k, bool first_contact, std::size_t g, double now) {
  Issue& issue = issues_[k];
  if (!issue.open) return;
  issue.open = false;
  ++issue.generation;  // repeat calls and deadlines of this issue are void
  recorder_.issue_resolved(issue.interval, issue.type, now - issue.first_arrival_s, issue.contacts,
                           first_contact);
  cancel_pending_callback(k, now);
  if (issue.pending != kNoItem) issue.pending = kNoItem;  // a work order in progress goes on
  const CompiledScenario::Group& group = m_.group[g];
  if (group.audit_share > 0) {
    RandomStream draw = keyed(&IssueStreams::audit, issue, 0);
    if (draw.uniform() < group.audit_share) {
      const std::int32_t interval = issue.interval;
      const std::size_t type = issue.type;
      const std::uint32_t audit = new_item(
          WorkKind::audit, static_cast<std::size_t>(group.audit_queue), type, interval, now);
      items_[audit].handle_s = group.audit_processing(draw);
      recorder_.audit(interval, type);
      enter_queue(audit, now);
    }
  }
}

// The customer of issue k met a failure: hung up waiting, asked to call again, a promise missed.
// They call again (perhaps as a complaint) or, if not, give up once nothing is pending.
void Engine::failure(std::uint32_t k, double now) {
  Issue& issue = issues_[k];
  if (!issue.open || ended_) return;
  ++issue.failures;
  if (issue.repeat_pending) return;  // they will call again anyway
  const auto& type = m_.type[issue.current_type];
  if (type.has_repeat) {
    RandomStream draw = keyed(&IssueStreams::repeat, issue, issue.failures);
    if (draw.uniform() < type.repeat_probability) {
      const double delay = type.repeat_delay(draw);
      std::size_t next = issue.current_type;
      if (type.complaint_after > 0 && issue.failures >= type.complaint_after && !issue.complaint) {
        next = static_cast<std::size_t>(type.complaint_type);
        issue.complaint = true;
        issue.redraw_level = true;  // counted as a complaint when that call comes
      }
      const double when = after_open_time_s(next, now, delay);
      if (when < kInfinity) {
        issue.current_type = static_cast<std::uint16_t>(next);
        issue.repeat_pending = true;
        events_.push(when, kRepeatCall, k, issue.generation);
      }
      return;  // no opening left in the horizon: the issue stays open
    }
  }
  issue.customer_gone = true;
  if (issue.pending == kNoItem) give_up(k, now);
}

void Engine::give_up(std::uint32_t k, double now) {
  Issue& issue = issues_[k];
  if (!issue.open) return;
  issue.open = false;
  ++issue.generation;
  recorder_.issue_abandoned(issue.interval, issue.type);
  cancel_pending_callback(k, now);
}

// ---- timers -----------------------------------------------------------------------------------

// The deadline of a promise (work order, call-back window) passed: kept or missed?
void Engine::on_promise_deadline(std::uint32_t k, std::uint32_t generation, double now) {
  Issue& issue = issues_[k];
  if (!issue.open || issue.generation != generation || ended_ || !issue.promise_open ||
      now < issue.promise_deadline_s) {
    return;
  }
  issue.promise_open = false;
  failure(k, now);
  free_if_done(k);
}

// A call-back's retry is due, or a work order's hand-off is over: it joins its queue.
void Engine::on_item_ready(std::uint32_t id, std::uint32_t generation, double now) {
  WorkItem& item = items_[id];
  if (item.generation != generation || item.state != ItemState::in_service || item.group >= 0) {
    return;
  }
  if (item.kind == WorkKind::work_order) {  // handed off: done whatever became of its issue
    if (!ended_) enter_queue(id, now);      // (after the horizon it stays open)
    return;
  }
  const std::uint32_t k = item.issue;
  if (!issues_[k].open || ended_) {
    items_.release(id);
    if (issues_[k].pending == id) issues_[k].pending = kNoItem;
    drop_ref(k);
    return;
  }
  enter_queue(id, now);
}

// The customer of issue k calls again.
void Engine::on_repeat_call(std::uint32_t k, std::uint32_t generation, double now) {
  if (issues_[k].generation != generation || !issues_[k].open || ended_) return;
  Issue& issue = issues_[k];
  issue.repeat_pending = false;
  const std::size_t c = issue.current_type;
  const auto& type = m_.type[c];
  if (issue.redraw_level) {  // the first complaint call
    issue.level = static_cast<std::uint8_t>(draw_level(type, issue, 1));
    issue.redraw_level = false;
    recorder_.complaint(issue.interval, issue.type);
  }
  ++issue.contacts;
  const std::int32_t interval = current_interval_;
  const std::uint32_t id = new_item(WorkKind::inbound, c, c, interval, now);
  RandomStream handle = keyed(&IssueStreams::handle, issue, issue.contacts);
  items_[id].handle_s = type.handle(handle);
  if (type.has_patience) {
    RandomStream patience = keyed(&IssueStreams::patience, issue, issue.contacts);
    items_[id].patience_s = type.patience(patience);
  }
  items_[id].issue = k;
  ++issue.refs;
  recorder_.arrived(interval, c);
  recorder_.repeat_contact(interval, c);
  if (enter_queue(id, now)) recorder_.queued(interval, c);
}

// The clock time at which `delay_s` of contact type c's opening hours have passed since `from_s`
// (the delay runs only while the type is open: a customer told "call again in two hours" at 20:30
// calls at 08:30 the next open day), or infinity when that is after the simulated days.
double Engine::after_open_time_s(std::size_t c, double from_s, double delay_s) const {
  const double day_length = s_.horizon.day_length_s();
  const auto intervals = static_cast<int>(ipd_);
  const auto& open = m_.type[c].open;
  double t = from_s;
  double left = delay_s;
  for (int day = origin_day_ + static_cast<int>(std::floor(from_s / day_length)); day <= last_day_;
       ++day) {
    const double start = opening_s(day);
    t = std::max(t, start);
    for (auto step = static_cast<int>(std::floor((t - start) / interval_s_)); step < intervals;
         ++step) {
      if (open[pattern_interval(day, step)] == 0) continue;
      const double begin = std::max(t, start + static_cast<double>(step) * interval_s_);
      const double end = start + static_cast<double>(step + 1) * interval_s_;
      if (begin + left < end) return begin + left;
      left -= end - begin;
    }
  }
  return kInfinity;
}

// ---- reinforcement ----------------------------------------------------------------------------

// The length (or head) of inbound queue q changed: start or stop the rules that watch it.
void Engine::watch_reinforcement(std::size_t q, bool head_changed, double now) {
  const std::int64_t length = queues_[q].length;
  for (int r : m_.queue[q].reinforcements) {
    const auto& rule = m_.reinforcement[static_cast<std::size_t>(r)];
    bool watch_head = head_changed;
    if (reinforcing_[static_cast<std::size_t>(r)] != 0) {
      if (length > rule.stop_queue) continue;
      set_reinforcement(static_cast<std::size_t>(r), false, now);
      watch_head = true;  // an oldest-wait rule watches the head the queue has now
    }
    if (rule.start_queue > 0) {
      if (length >= rule.start_queue) set_reinforcement(static_cast<std::size_t>(r), true, now);
    } else if (watch_head && queues_[q].head != kNoItem) {
      const WorkItem& head = items_[queues_[q].head];
      events_.push(std::max(now, head.arrival_s + rule.start_oldest_wait_s), kReinforcementCheck,
                   queues_[q].head, head.generation);
    }
  }
}

void Engine::on_reinforcement_check(std::uint32_t id, std::uint32_t generation, double now) {
  const WorkItem& item = items_[id];
  if (item.state != ItemState::waiting || item.generation != generation) return;
  for (int r : m_.queue[item.queue].reinforcements) {
    const auto& rule = m_.reinforcement[static_cast<std::size_t>(r)];
    if (reinforcing_[static_cast<std::size_t>(r)] == 0 && rule.start_queue <= 0 &&
        now >= items_[id].arrival_s + rule.start_oldest_wait_s) {
      set_reinforcement(static_cast<std::size_t>(r), true, now);
    }
  }
}

void Engine::set_reinforcement(std::size_t r, bool active, double now) {
  reinforcing_[r] = active ? 1 : 0;
  const auto g = static_cast<std::size_t>(m_.reinforcement[r].group);
  int active_rules = 0;
  for (std::size_t other = 0; other < reinforcing_.size(); ++other) {
    if (m_.reinforcement[other].group == static_cast<int>(g)) active_rules += reinforcing_[other];
  }
  recorder_.reinforcing(g, active_rules > 0 ? 1 : 0, now);
  if (active) fill_idle_agents(g, now);
}

}  // namespace staffsim::sim
