#include "sim/engine.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "sim/duration_sampler.hpp"
#include "sim/numbers.hpp"

namespace staffsim::sim {
Engine::Engine(const CompiledScenario& model, std::uint64_t seed, int replication)
    : m_(model),
      s_(model.scenario),
      types_(static_cast<std::size_t>(model.types)),
      groups_(static_cast<std::size_t>(model.groups)),
      ipd_(static_cast<std::size_t>(model.intervals_per_day)),
      interval_s_(model.interval_s),
      short_abandon_s_(model.scenario.short_abandon_s),
      recorder_(model),
      queues_(static_cast<std::size_t>(model.queues)),
      group_(groups_),
      first_contacts_(types_, 0),
      work_orders_open_(types_, 0),
      reinforcing_(model.reinforcement.size(), 0),
      next_arrival_s_(types_, kInfinity),
      arrival_cursor_s_(types_, 0),
      arrival_open_s_(types_, 0),
      arrival_rates_(types_, nullptr),
      arrival_first_interval_(types_, -1),
      arrival_step_(types_, 0),
      arrival_day_key_(types_, 0),
      rate_factor_(types_, 1),
      script_position_(types_, 0) {
  const auto r = static_cast<std::uint64_t>(replication);
  for (const auto& t : m_.type) {
    arrival_base_.push_back(stream_base(seed, r, "arrivals/" + t.key));
    arrivals_.push_back(RandomStream::keyed(arrival_base_.back(), 0, 0));
    handle_.emplace_back(seed, r, "handle/" + t.key);
    patience_.emplace_back(seed, r, "patience/" + t.key);
    busyness_.emplace_back(seed, r, "busyness/" + t.key);
    const std::string issue = "issue/" + t.key + "/";
    auto base = [&](const char* what) { return stream_base(seed, r, issue + what); };
    streams_.push_back({base("authority"), base("resolve"), base("repeat"), base("handle"),
                        base("patience"), base("leg"), base("hold"), base("reach"),
                        base("processing"), base("audit")});
  }
  std::size_t most_agents = 0;
  for (const auto& g : m_.group) most_agents += static_cast<std::size_t>(g.most_agents);
  events_.reserve(2 * most_agents + 1024);
}

ReplicationTally Engine::run() {
  const Horizon& h = s_.horizon;
  if (h.days_independent) {
    for (int d = 0; d < h.days; ++d) {  // each day alone, from empty, on its own clock
      events_.clear();
      items_.clear();
      issues_.clear();
      free_issue_ = kNoItem;
      for (auto& q : queues_) q = WorkQueue{};
      for (auto& g : group_) g = Group{};
      std::fill(reinforcing_.begin(), reinforcing_.end(), 0);
      std::fill(work_orders_open_.begin(), work_orders_open_.end(), 0);
      live_waiting_ = 0;
      live_in_service_ = 0;
      closing_ = false;
      ended_ = false;
      origin_day_ = d;
      simulate_days(d, d, h.warmup_s);
    }
  } else {
    origin_day_ = 0;
    simulate_days(-h.warmup_days, h.days - 1, h.warmup_s);
  }
  return recorder_.finish(last_event_s_);
}

// ---- the clock ------------------------------------------------------------------------------

void Engine::simulate_days(int first_day, int last_day, double warmup_s) {
  first_day_ = first_day;
  last_day_ = last_day;
  day_ = first_day;
  step_ = kDayStart;
  warmup_s_ = warmup_s;
  next_boundary_s_ = boundary_time();
  double now = next_boundary_s_;
  recorder_.restart(now);
  std::int64_t events = 0;
  for (;;) {
    const double boundary_s = next_boundary_s_;
    double heap_s = kInfinity;
    if (!events_.empty()) heap_s = events_.top().time_s;
    const double arrival_s = next_arrival_s_[next_type_];
    if (boundary_s <= heap_s && boundary_s <= arrival_s) {
      if (boundary_s == kInfinity) break;
      now = boundary_s;
      if (step_ != kDayStart) ++events;
      on_boundary(now);
      continue;
    }
    if (heap_s <= arrival_s) {
      const Event e = events_.pop();
      now = e.time_s;
      switch (e.kind()) {
        case kCompletion:
          on_completion(e.subject, now);
          break;
        case kOverflowDelay:
          on_overflow_delay(e.subject, e.tag, now);
          break;
        case kAbandonment:
          on_abandonment(e.subject, e.tag, now);
          break;
        case kPromiseDeadline:
          on_promise_deadline(e.subject, e.tag, now);
          break;
        case kItemReady:
          on_item_ready(e.subject, e.tag, now);
          break;
        case kReinforcementCheck:
          on_reinforcement_check(e.subject, e.tag, now);
          break;
        default:
          on_repeat_call(e.subject, e.tag, now);
          break;
      }
    } else {
      now = arrival_s;
      on_arrival(next_type_, now);
    }
    ++events;
  }
  // Nothing can happen any more: whoever still waits on the line had nobody left to serve them;
  // work waiting for the next day and open issues stay open.
  for (std::size_t q = 0; q < queues_.size(); ++q) {
    if (!m_.queue[q].live) continue;
    while (queues_[q].head != kNoItem) abandon(queues_[q].head, now, true);
  }
  for (std::uint32_t id = 0; id < items_.size(); ++id) {  // waiting, or still being handed off
    const WorkItem& item = items_[id];
    if (item.kind == WorkKind::work_order && item.state != ItemState::free) {
      recorder_.work_order_open_at_end(item.interval, item.type);
    }
  }
  for (const Issue& issue : issues_) {
    if (issue.open) recorder_.issue_open_at_end(issue.interval, issue.type);
  }
  recorder_.events(events);
  recorder_.pool_size(static_cast<std::int64_t>(items_.size()));
  last_event_s_ = now;
}

double Engine::opening_s(int day) const {
  return static_cast<double>(day - origin_day_) * s_.horizon.day_length_s();
}

double Engine::boundary_time() const {
  const double open = opening_s(day_);
  if (step_ == kDayStart) return open - (day_ == first_day_ ? warmup_s_ : 0.0);
  return open + static_cast<double>(step_) * interval_s_;
}

std::size_t Engine::pattern_interval(int day, int step) const {
  const int days = m_.days;
  const int pattern_day = ((day % days) + days) % days;
  return static_cast<std::size_t>(pattern_day) * ipd_ + static_cast<std::size_t>(step);
}

std::int32_t Engine::horizon_interval(int day, int step) const {
  if (day < 0 || step < 0) return -1;
  return static_cast<std::int32_t>(static_cast<std::int64_t>(day) * m_.intervals_per_day + step);
}

void Engine::on_boundary(double now) {
  const auto intervals = static_cast<int>(ipd_);
  if (step_ == kDayStart) {
    on_day_start(now);
    step_ = 0;
  } else if (step_ < intervals) {
    on_interval_start(step_, now);
    ++step_;
    // Open around the clock: the next day follows without a close.
    if (step_ == intervals && s_.horizon.open_around_the_clock() && day_ < last_day_) {
      ++day_;
      step_ = kDayStart;
    }
  } else {
    on_close(now);
    if (day_ == last_day_) {
      ended_ = true;
      next_boundary_s_ = kInfinity;
      return;
    }
    ++day_;
    step_ = kDayStart;
  }
  next_boundary_s_ = boundary_time();
}

void Engine::on_day_start(double now) {
  if (day_ == first_day_) {
    // The first interval's agents are on duty from the start (of the warm-up, if any).
    recorder_.enter_interval(-1, now);
    current_interval_ = -1;
    for (std::size_t g = 0; g < groups_; ++g) {
      const int staffed = m_.group[g].staffing[pattern_interval(day_, 0)];
      group_[g] = Group{staffed, staffed, 0, false};
      report_group(g, now);
    }
  }
  for (std::size_t c = 0; c < types_; ++c) start_arrivals(c, now);
  choose_next_arrival();
}

void Engine::on_interval_start(int step, double now) {
  const std::int32_t interval = horizon_interval(day_, step);
  recorder_.enter_interval(interval, now);
  current_interval_ = interval;
  if (interval > 0) recorder_.intervals_over(interval - 1);
  if (step == 0 && closing_) {
    closing_ = false;
    for (auto& g : group_) g.held = false;
  }
  for (std::size_t g = 0; g < groups_; ++g) {
    set_staffing(g, m_.group[g].staffing[pattern_interval(day_, step)], now);
  }
}

// End of the day's last interval: no more arrivals today. A group whose agents may serve a caller
// still waiting keeps the last interval's agents on duty until no such caller waits; the others
// go home once their agents finish. Callers nobody on duty may serve are closed now. Work that is
// not a caller on the line (work orders, call-backs) waits for the next day.
void Engine::on_close(double now) {
  const std::int32_t last = horizon_interval(day_, static_cast<int>(ipd_) - 1);
  if (last >= 0) recorder_.intervals_over(last);
  closing_ = true;
  for (std::size_t g = 0; g < groups_; ++g) {
    group_[g].held = group_[g].staffed > 0 && has_work_at_close(g);
    if (!group_[g].held) release(g, now);
  }
  for (std::size_t q = 0; q < queues_.size(); ++q) {
    if (!m_.queue[q].live || served_after_close(q)) continue;
    while (queues_[q].head != kNoItem) abandon(queues_[q].head, now, true);
  }
}

// ---- arrivals -------------------------------------------------------------------------------

void Engine::start_arrivals(std::size_t c, double from_s) {
  const double cv = m_.type[c].day_cv;
  rate_factor_[c] = cv > 0 ? sample_busyness_factor(cv, busyness_[c]) : 1.0;
  arrival_cursor_s_[c] = from_s;
  arrival_open_s_[c] = opening_s(day_);
  arrival_rates_[c] = m_.type[c].rate_per_s.data() + pattern_interval(day_, 0);
  arrival_first_interval_[c] = horizon_interval(day_, 0);
  arrival_step_[c] = from_s < arrival_open_s_[c] ? -1 : 0;
  arrival_day_key_[c] = static_cast<std::uint64_t>(static_cast<std::int64_t>(day_) + (1 << 20));
  start_interval_stream(c);
  script_position_[c] = 0;
  schedule_next_arrival(c);
}

// Next arrival of type c: exponential gaps at the current interval's rate; a gap that crosses the
// interval's end is discarded and restarted from the boundary (exact by memorylessness). After the
// day's last interval there is none until the next day starts.
void Engine::schedule_next_arrival(std::size_t c) {
  const double open = arrival_open_s_[c];
  const auto& script = m_.scripted_arrivals_s[c];
  if (!script.empty()) {
    const double close = static_cast<double>(ipd_) * interval_s_;
    for (;;) {
      const std::size_t i = script_position_[c]++;
      if (i >= script.size() || script[i] >= close) {
        next_arrival_s_[c] = kInfinity;
        return;
      }
      const double t = open + script[i];
      if (t < arrival_cursor_s_[c]) continue;  // in a warm-up this day does not have
      next_arrival_s_[c] = t;
      arrival_step_[c] = script[i] < 0 ? -1 : static_cast<std::int64_t>(script[i] / interval_s_);
      return;
    }
  }
  double cursor = arrival_cursor_s_[c];
  std::int64_t k = arrival_step_[c];
  const double* rates = arrival_rates_[c];
  for (;;) {
    const double end_s = open + static_cast<double>(k + 1) * interval_s_;
    const double rate = rate_factor_[c] * rates[std::max<std::int64_t>(k, 0)];
    if (rate > 0) {
      const double t = cursor + arrivals_[c].exponential() / rate;
      if (t < end_s) {
        arrival_cursor_s_[c] = t;
        arrival_step_[c] = k;
        next_arrival_s_[c] = t;
        return;
      }
    }
    cursor = end_s;
    ++k;
    if (k >= static_cast<std::int64_t>(ipd_)) {
      arrival_cursor_s_[c] = cursor;
      arrival_step_[c] = k;
      next_arrival_s_[c] = kInfinity;
      return;
    }
    arrival_step_[c] = k;
    start_interval_stream(c);
  }
}

// Each interval of each day draws its arrivals from its own stream, keyed by (day, interval): a
// change of one interval's rate (a what-if) leaves the arrivals of every other interval as they
// were, so that plans compare under common random numbers interval by interval.
void Engine::start_interval_stream(std::size_t c) {
  arrivals_[c] = RandomStream::keyed(arrival_base_[c], arrival_day_key_[c],
                                     static_cast<std::uint64_t>(arrival_step_[c] + 1));
}

void Engine::choose_next_arrival() {
  std::size_t best = 0;
  for (std::size_t c = 1; c < types_; ++c) {
    if (next_arrival_s_[c] < next_arrival_s_[best]) best = c;
  }
  next_type_ = best;
}

void Engine::on_arrival(std::size_t c, double now) {
  const auto& type = m_.type[c];
  const std::uint32_t id = items_.allocate();
  WorkItem& item = items_[id];
  item.arrival_s = now;
  item.key_s = now;
  item.handle_s = type.handle(handle_[c]);
  item.patience_s = type.has_patience ? type.patience(patience_[c]) : kInfinity;
  item.serial = serial_++;
  item.interval = arrival_first_interval_[c] < 0 || arrival_step_[c] < 0
                      ? -1
                      : arrival_first_interval_[c] + static_cast<std::int32_t>(arrival_step_[c]);
  item.type = static_cast<std::uint32_t>(c);
  item.queue = static_cast<std::uint32_t>(c);
  item.group = -1;
  item.issue = kNoItem;
  item.kind = WorkKind::inbound;
  const std::int32_t interval = item.interval;
  recorder_.arrived(interval, c);
  if (type.tracks_issues) open_issue(id, c, now);
  schedule_next_arrival(c);
  choose_next_arrival();
  if (offer_to_idle_agent(id, m_.queue[c].groups_at_entry, now)) return;
  recorder_.queued(interval, c);
  wait(id, now);
}

// ---- routing --------------------------------------------------------------------------------

// A new item goes to an idle agent of the first of `groups` that has one and may take it.
bool Engine::offer_to_idle_agent(std::uint32_t id,
                                 const std::vector<CompiledScenario::EntryGroup>& groups,
                                 double now) {
  for (const auto& entry : groups) {
    const auto g = static_cast<std::size_t>(entry.group);
    Group& group = group_[g];
    if (group.idle > 0) {
      if (entry.condition != Condition::always &&
          !allowed({0, 0, 0, entry.condition, entry.reinforcement}, g, group.idle - 1)) {
        continue;
      }
      --group.idle;
      ++group.busy;
      report_group(g, now);
      start_service(id, g, now);
      return true;
    }
  }
  return false;
}

// Whether a candidate's condition lets group g take its work now, `idle_others` of the group's
// other agents being idle.
bool Engine::allowed(const CompiledScenario::Candidate& candidate, std::size_t g,
                     int idle_others) const {
  const CompiledScenario::Group& group = m_.group[g];
  switch (candidate.condition) {
    case Condition::always:
      return true;
    case Condition::reserve:
      return idle_others >= group.reserve;
    case Condition::callbacks:
      return (!group.callbacks_need_empty_queues || live_waiting_ == 0) &&
             idle_others + 1 >= group.callbacks_idle_at_least;
    case Condition::reinforcement:
      return reinforcing_[static_cast<std::size_t>(candidate.reinforcement)] != 0;
  }
  return true;
}

// The one routine that chooses work for a free agent of group g: among the queue heads the group
// may take now, the best service level, then the earliest key, then the earliest generated. The
// head of a queue is its first item, and if the group may not take it yet (its overflow delay has
// not expired) it may take no other item of that queue either.
std::uint32_t Engine::best_waiting_item(std::size_t g, int idle_others, double now) const {
  std::uint32_t best = kNoItem;
  int best_level = 0;
  for (const auto& candidate : m_.group[g].candidates) {
    if (best != kNoItem && candidate.level > best_level) break;
    const std::uint32_t head = queues_[static_cast<std::size_t>(candidate.queue)].head;
    if (head == kNoItem) continue;
    const WorkItem& item = items_[head];
    if (!(item.arrival_s + candidate.after_s <= now)) continue;
    if (candidate.condition != Condition::always && !allowed(candidate, g, idle_others)) continue;
    if (best == kNoItem || WorkPool::goes_before(item, items_[best])) {
      best = head;
      best_level = candidate.level;
    }
  }
  return best;
}

// Idle agents of group g take waiting work while there is some they may take.
void Engine::fill_idle_agents(std::size_t g, double now) {
  Group& group = group_[g];
  while (group.idle > 0) {
    const std::uint32_t next = best_waiting_item(g, group.idle - 1, now);
    if (next == kNoItem) return;
    --group.idle;
    ++group.busy;
    report_group(g, now);
    start_service(next, g, now);
  }
}

// An agent of group g finished its work: it leaves if the staffing dropped, else takes the best
// waiting item, else becomes idle.
void Engine::agent_done(std::size_t g, double now) {
  Group& group = group_[g];
  if (group.idle + group.busy > group.staffed) {
    --group.busy;
    report_group(g, now);
    return;
  }
  const std::uint32_t next = best_waiting_item(g, group.idle, now);
  if (next != kNoItem) {
    start_service(next, g, now);
    return;
  }
  --group.busy;
  ++group.idle;
  report_group(g, now);
}

bool Engine::enter_queue(std::uint32_t id, double now) {
  const auto& queue = m_.queue[items_[id].queue];
  if (offer_to_idle_agent(id, queue.groups_at_entry, now)) return false;
  wait(id, now);
  return true;
}

void Engine::free_agent(std::size_t g, double now) {
  agent_done(g, now);
}

void Engine::take_out_of_queue(std::uint32_t id, double now) {
  leave_queue(id, now);
}

// ---- service, waiting and abandonment -------------------------------------------------------

// An agent of group g, already counted busy, starts on item `id` (waiting or new).
void Engine::start_service(std::uint32_t id, std::size_t g, double now) {
  WorkItem& item = items_[id];
  if (item.state == ItemState::waiting) leave_queue(id, now);
  item.state = ItemState::in_service;
  item.group = static_cast<std::int32_t>(g);
  if (item.kind == WorkKind::inbound) {
    const double wait = now - item.arrival_s;
    recorder_.answered(item.interval, item.type, g, wait,
                       wait <= m_.type[item.type].sl_threshold_s);
    if (item.issue == kNoItem && !m_.group[g].has_authority_cost && !m_.has_transfers) {
      events_.push(now + item.handle_s, kCompletion, id, 0);
      return;
    }
  }
  start_issue_work(id, g, now);
}

void Engine::on_completion(std::uint32_t id, double now) {
  const WorkItem& item = items_[id];
  const auto g = static_cast<std::size_t>(item.group);
  if (item.issue == kNoItem && item.kind == WorkKind::inbound && !m_.has_transfers) {
    items_.release(id);
    agent_done(g, now);
    return;
  }
  issue_work_done(id, g, now);
}

void Engine::wait(std::uint32_t id, double now) {
  WorkItem& item = items_[id];
  const std::size_t q = item.queue;
  WorkQueue& queue = queues_[q];
  const auto& spec = m_.queue[q];
  items_.push(queue, id);
  if (q < types_) recorder_.queue_length(q, queue.length, now);
  const std::uint32_t generation = item.generation;
  if (spec.live) ++live_waiting_;
  if (item.patience_s != kInfinity) {
    events_.push(now + item.patience_s, kAbandonment, id, generation);
  }
  if (!spec.delays_s.empty()) {
    item.next_delay = 0;
    events_.push(item.arrival_s + spec.delays_s[0], kOverflowDelay, id, generation);
  }
  if (!spec.reinforcements.empty()) watch_reinforcement(q, queue.head == id, now);
  // A caller who joins a queue after the close (a transfer made in the close-out) and whom no
  // group still on duty may take is closed at once, as the callers waiting at the close were.
  if (closing_ && spec.live && !served_after_close(q)) abandon(id, now, true);
}

void Engine::leave_queue(std::uint32_t id, double now) {
  const std::uint32_t q = items_[id].queue;
  const bool was_head = queues_[q].head == id;
  items_.unlink(queues_[q], id);
  if (q < types_) recorder_.queue_length(q, queues_[q].length, now);
  const auto& spec = m_.queue[q];
  if (spec.live && --live_waiting_ == 0 && m_.has_callbacks) {
    // Nobody waits on the line any more: outbound agents may turn to their call-backs.
    for (std::size_t g = 0; g < groups_; ++g) {
      if (m_.group[g].has_callbacks && group_[g].idle > 0) fill_idle_agents(g, now);
    }
  }
  if (!spec.reinforcements.empty()) watch_reinforcement(q, was_head, now);
  if (closing_) release_groups_with_nothing_to_do(now);
}

// The overflow delay of a waiting item expired: the groups it opens may take it now.
void Engine::on_overflow_delay(std::uint32_t id, std::uint32_t generation, double now) {
  WorkItem& item = items_[id];
  if (item.state != ItemState::waiting || item.generation != generation) return;
  const auto& queue = m_.queue[item.queue];
  for (int g : queue.groups_by_delay[item.next_delay]) {
    Group& group = group_[static_cast<std::size_t>(g)];
    if (group.idle > 0 && (m_.group[static_cast<std::size_t>(g)].reserve == 0 ||
                           group.idle - 1 >= m_.group[static_cast<std::size_t>(g)].reserve)) {
      --group.idle;
      ++group.busy;
      report_group(static_cast<std::size_t>(g), now);
      start_service(id, static_cast<std::size_t>(g), now);
      return;
    }
  }
  if (++item.next_delay < queue.delays_s.size()) {
    events_.push(item.arrival_s + queue.delays_s[item.next_delay], kOverflowDelay, id, generation);
  }
}

void Engine::on_abandonment(std::uint32_t id, std::uint32_t generation, double now) {
  const WorkItem& item = items_[id];
  if (item.state != ItemState::waiting || item.generation != generation) return;
  abandon(id, now, false);
}

// A customer waiting on the line hangs up (or, at the close, nobody is left to serve them).
void Engine::abandon(std::uint32_t id, double now, bool at_close) {
  const WorkItem& item = items_[id];
  const double wait = now - item.arrival_s;
  const std::int32_t interval = item.interval;
  const std::size_t type = item.type;
  const std::uint32_t issue = item.issue;
  const WorkKind kind = item.kind;
  leave_queue(id, now);
  if (kind == WorkKind::transfer) {
    recorder_.transfer_ended(interval, type, wait, false);
    leg_ended(id, now);
  } else {
    recorder_.abandoned(interval, type, wait, wait < short_abandon_s_, at_close);
  }
  items_.release(id);
  if (issue != kNoItem) {
    failure(issue, now);
    drop_ref(issue);
  }
}

// ---- agents ---------------------------------------------------------------------------------

// Rising staffing: the new agents are idle at once and take waiting work. Dropping: idle agents
// leave at once, busy ones when they finish.
void Engine::set_staffing(std::size_t g, int staffed, double now) {
  Group& group = group_[g];
  const int on_duty = group.idle + group.busy;
  group.staffed = staffed;
  if (staffed > on_duty) {
    group.idle += staffed - on_duty;
    report_group(g, now);
    fill_idle_agents(g, now);
  } else if (staffed < on_duty && group.idle > 0) {
    group.idle -= std::min(group.idle, on_duty - staffed);
    report_group(g, now);
  }
}

// Every agent of the group leaves when idle.
void Engine::release(std::size_t g, double now) {
  Group& group = group_[g];
  group.staffed = 0;
  group.idle = 0;
  group.held = false;
  report_group(g, now);
}

void Engine::release_groups_with_nothing_to_do(double now) {
  for (std::size_t g = 0; g < groups_; ++g) {
    if (group_[g].held && !has_work_at_close(g)) release(g, now);
  }
}

// After the close a group has work while a caller it may serve waits on the line, or, for a
// group that takes transfers, while a caller is still with an agent (and may be transferred).
bool Engine::has_work_at_close(std::size_t g) const {
  for (const auto& candidate : m_.group[g].candidates) {
    const auto q = static_cast<std::size_t>(candidate.queue);
    if (m_.queue[q].live && queues_[q].length > 0 && may_serve_at_close(candidate, g)) return true;
  }
  return m_.group[g].takes_transfers && live_in_service_ > 0;
}

// Whether group g, kept on its last interval's staffing after the close, may take the callers of
// a candidate queue at all: not for a reinforcement that is off, nor for calls its reserve keeps
// from it.
bool Engine::may_serve_at_close(const CompiledScenario::Candidate& candidate, std::size_t g) const {
  switch (candidate.condition) {
    case Condition::reserve:
      return group_[g].staffed > m_.group[g].reserve;
    case Condition::reinforcement:
      return reinforcing_[static_cast<std::size_t>(candidate.reinforcement)] != 0;
    case Condition::callbacks:
      return false;  // call-backs are no callers on the line
    case Condition::always:
      break;
  }
  return true;
}

// After the close: whether a group still on duty may take the callers of live queue q.
bool Engine::served_after_close(std::size_t q) const {
  for (std::size_t g = 0; g < groups_; ++g) {
    if (!group_[g].held) continue;
    for (const auto& candidate : m_.group[g].candidates) {
      if (candidate.queue == static_cast<int>(q) && may_serve_at_close(candidate, g)) return true;
    }
  }
  return false;
}

}  // namespace staffsim::sim
