#include "sim/engine.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "sim/duration_sampler.hpp"

namespace staffsim::sim {
namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
}

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
      next_arrival_s_(types_, kInfinity),
      arrival_cursor_s_(types_, 0),
      arrival_open_s_(types_, 0),
      arrival_rates_(types_, nullptr),
      arrival_first_interval_(types_, -1),
      arrival_step_(types_, 0),
      rate_factor_(types_, 1),
      script_position_(types_, 0) {
  const auto r = static_cast<std::uint64_t>(replication);
  for (const auto& t : m_.type) {
    arrivals_.emplace_back(seed, r, "arrivals/" + t.name);
    handle_.emplace_back(seed, r, "handle/" + t.name);
    patience_.emplace_back(seed, r, "patience/" + t.name);
    busyness_.emplace_back(seed, r, "busyness/" + t.name);
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
      for (auto& q : queues_) q = WorkQueue{};
      for (auto& g : group_) g = Group{};
      closing_ = false;
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
    const double heap_s = events_.empty() ? kInfinity : events_.top().time_s;
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
        default:
          on_abandonment(e.subject, e.tag, now);
          break;
      }
    } else {
      now = arrival_s;
      on_arrival(next_type_, now);
    }
    ++events;
  }
  // Nothing can happen any more: whoever still waits had nobody left to serve them.
  for (std::size_t q = 0; q < queues_.size(); ++q) {
    while (queues_[q].head != kNoItem) abandon(queues_[q].head, now, true);
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
// go home once their agents finish. Callers nobody on duty may serve are closed now.
void Engine::on_close(double now) {
  const std::int32_t last = horizon_interval(day_, static_cast<int>(ipd_) - 1);
  if (last >= 0) recorder_.intervals_over(last);
  closing_ = true;
  for (std::size_t g = 0; g < groups_; ++g) {
    group_[g].held = group_[g].staffed > 0 && may_serve_someone_waiting(g);
    if (!group_[g].held) release(g, now);
  }
  for (std::size_t q = 0; q < queues_.size(); ++q) {
    bool served = false;
    for (std::size_t g = 0; g < groups_ && !served; ++g) {
      if (!group_[g].held) continue;
      for (const auto& candidate : m_.group[g].candidates) {
        if (candidate.queue == static_cast<int>(q)) served = true;
      }
    }
    while (!served && queues_[q].head != kNoItem) abandon(queues_[q].head, now, true);
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
  }
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
  const std::int32_t interval = item.interval;
  recorder_.arrived(interval, c);
  schedule_next_arrival(c);
  choose_next_arrival();
  if (offer_to_idle_agent(id, m_.queue[c].groups_at_entry, now)) return;
  recorder_.queued(interval, c);
  wait(id, now);
}

// ---- routing --------------------------------------------------------------------------------

// A new item goes to an idle agent of the first of `groups` that has one.
bool Engine::offer_to_idle_agent(std::uint32_t id, const std::vector<int>& groups, double now) {
  for (int g : groups) {
    Group& group = group_[static_cast<std::size_t>(g)];
    if (group.idle > 0) {
      --group.idle;
      ++group.busy;
      report_group(static_cast<std::size_t>(g), now);
      start_service(id, static_cast<std::size_t>(g), now);
      return true;
    }
  }
  return false;
}

// The one routine that chooses work for a free agent of group g: among the queue heads the group
// may take now, the best service level, then the earliest key, then the earliest generated. The
// head of a queue is its first item, and if the group may not take it yet (its overflow delay has
// not expired) it may take no other item of that queue either.
std::uint32_t Engine::best_waiting_item(std::size_t g, double now) const {
  std::uint32_t best = kNoItem;
  int best_level = 0;
  for (const auto& candidate : m_.group[g].candidates) {
    if (best != kNoItem && candidate.level > best_level) break;
    const std::uint32_t head = queues_[static_cast<std::size_t>(candidate.queue)].head;
    if (head == kNoItem) continue;
    const WorkItem& item = items_[head];
    if (!(item.arrival_s + candidate.after_s <= now)) continue;
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
    const std::uint32_t next = best_waiting_item(g, now);
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
  const std::uint32_t next = best_waiting_item(g, now);
  if (next != kNoItem) {
    start_service(next, g, now);
    return;
  }
  --group.busy;
  ++group.idle;
  report_group(g, now);
}

// ---- service, waiting and abandonment -------------------------------------------------------

// An agent of group g, already counted busy, starts on item `id` (waiting or just arrived).
void Engine::start_service(std::uint32_t id, std::size_t g, double now) {
  WorkItem& item = items_[id];
  if (item.state == ItemState::waiting) leave_queue(id, now);
  item.state = ItemState::in_service;
  item.group = static_cast<std::int32_t>(g);
  const double wait = now - item.arrival_s;
  recorder_.answered(item.interval, item.type, g, wait, wait <= m_.type[item.type].sl_threshold_s);
  events_.push(now + item.handle_s, kCompletion, id, 0);
}

void Engine::on_completion(std::uint32_t id, double now) {
  const auto g = static_cast<std::size_t>(items_[id].group);
  items_.release(id);
  agent_done(g, now);
}

void Engine::wait(std::uint32_t id, double now) {
  WorkItem& item = items_[id];
  WorkQueue& q = queues_[item.queue];
  items_.push(q, id);
  if (item.queue < types_) recorder_.queue_length(item.queue, q.length, now);
  const std::uint32_t generation = item.generation;
  if (m_.type[item.type].has_patience) {
    events_.push(now + item.patience_s, kAbandonment, id, generation);
  }
  const auto& delays = m_.queue[item.queue].delays_s;
  if (!delays.empty()) {
    item.next_delay = 0;
    events_.push(item.arrival_s + delays[0], kOverflowDelay, id, generation);
  }
}

void Engine::leave_queue(std::uint32_t id, double now) {
  const std::uint32_t q = items_[id].queue;
  items_.unlink(queues_[q], id);
  if (q < types_) recorder_.queue_length(q, queues_[q].length, now);
  if (closing_) release_groups_with_nothing_to_do(now);
}

// The overflow delay of a waiting item expired: the groups it opens may take it now.
void Engine::on_overflow_delay(std::uint32_t id, std::uint32_t generation, double now) {
  WorkItem& item = items_[id];
  if (item.state != ItemState::waiting || item.generation != generation) return;
  const auto& queue = m_.queue[item.queue];
  if (offer_to_idle_agent(id, queue.groups_by_delay[item.next_delay], now)) return;
  if (++item.next_delay < queue.delays_s.size()) {
    events_.push(item.arrival_s + queue.delays_s[item.next_delay], kOverflowDelay, id, generation);
  }
}

void Engine::on_abandonment(std::uint32_t id, std::uint32_t generation, double now) {
  const WorkItem& item = items_[id];
  if (item.state != ItemState::waiting || item.generation != generation) return;
  abandon(id, now, false);
}

void Engine::abandon(std::uint32_t id, double now, bool at_close) {
  const WorkItem& item = items_[id];
  const double wait = now - item.arrival_s;
  const std::int32_t interval = item.interval;
  const std::size_t type = item.type;
  leave_queue(id, now);
  recorder_.abandoned(interval, type, wait, wait < short_abandon_s_, at_close);
  items_.release(id);
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
    if (group_[g].held && !may_serve_someone_waiting(g)) release(g, now);
  }
}

bool Engine::may_serve_someone_waiting(std::size_t g) const {
  for (const auto& candidate : m_.group[g].candidates) {
    if (queues_[static_cast<std::size_t>(candidate.queue)].length > 0) return true;
  }
  return false;
}

}  // namespace staffsim::sim
