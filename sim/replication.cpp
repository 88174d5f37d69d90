#include "sim/replication.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

#include "sim/event_queue.hpp"
#include "sim/random.hpp"
#include "sim/wait_histogram.hpp"

namespace staffsim::sim {

CompiledScenario::CompiledScenario(const Scenario& s)
    : scenario(s),
      types(static_cast<int>(s.contact_types.size())),
      groups(static_cast<int>(s.agent_groups.size())),
      intervals_per_day(s.horizon.intervals_per_day),
      days(s.horizon.days),
      intervals(s.horizon.total_intervals()),
      periods(s.horizon.total_intervals() + s.horizon.days + 1),
      candidates(s.agent_groups.size()),
      scripted_arrivals_s(s.contact_types.size()) {
  type.reserve(s.contact_types.size());
  for (int c = 0; c < types; ++c) {
    const ContactType& t = s.contact_types[static_cast<std::size_t>(c)];
    Type compiled{t.name,
                  t.priority,
                  t.arrivals.day_cv,
                  DurationSampler(t.handle_time),
                  t.patience.has_value(),
                  DurationSampler(t.patience ? *t.patience : DurationDistribution{Deterministic{}}),
                  t.targets.service_level ? t.targets.service_level->within_s : 20.0,
                  {},
                  {},
                  {}};
    // A group listed twice may take the contact after the shorter of its delays; its place in the
    // preference order is its first appearance.
    std::vector<Route> routes;
    for (const RouteStep& step : t.routing) {
      auto same = std::find_if(routes.begin(), routes.end(),
                               [&](const Route& r) { return r.group == step.group; });
      if (same == routes.end()) {
        routes.push_back({step.group, step.after_s});
      } else {
        same->after_s = std::min(same->after_s, step.after_s);
      }
    }
    for (const Route& r : routes) {
      if (r.after_s == 0) {
        compiled.groups_at_arrival.push_back(r.group);
      } else if (std::find(compiled.delays_s.begin(), compiled.delays_s.end(), r.after_s) ==
                 compiled.delays_s.end()) {
        compiled.delays_s.push_back(r.after_s);
      }
      candidates[static_cast<std::size_t>(r.group)].push_back({c, t.priority, r.after_s});
    }
    std::sort(compiled.delays_s.begin(), compiled.delays_s.end());
    compiled.groups_by_delay.resize(compiled.delays_s.size());
    for (std::size_t i = 0; i < compiled.delays_s.size(); ++i) {
      for (const Route& r : routes) {
        if (r.after_s == compiled.delays_s[i]) compiled.groups_by_delay[i].push_back(r.group);
      }
    }
    type.push_back(std::move(compiled));
  }
  for (auto& list : candidates) {
    std::stable_sort(list.begin(), list.end(), [](const Candidate& a, const Candidate& b) {
      return a.priority > b.priority;
    });
  }
}

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Kinds of heap events, in their order at equal times. Interval boundaries (first) and arrivals
// (last) are kept outside the heap: one pending boundary, one pending arrival per contact type.
enum EventKind : unsigned { kCompletion = 1, kOverflowDelay = 2, kAbandonment = 3 };

enum class ContactState : std::uint8_t { free, waiting, in_service };

// A contact in the system. Records live in a pool and are recycled through a free list; a waiting
// contact is linked into its queue by index (prev/next), so it can be unlinked in O(1) and, in a
// later model, moved to another queue or followed by new work without touching the event list.
// `generation` changes whenever the contact leaves a queue: pending abandonment and overflow
// events carry the generation they were scheduled for and are ignored once it has changed.
struct Contact {
  double arrival_s = 0;  // day-local clock
  double handle_s = 0;
  double patience_s = 0;
  std::uint64_t serial = 0;    // generation order within the replication, the last tie-break
  std::int32_t interval = -1;  // interval of the day of arrival; -1 during warm-up
  std::uint32_t type = 0;
  std::uint32_t prev = kNone;
  std::uint32_t next = kNone;  // next in queue, or next free record
  std::uint32_t generation = 0;
  std::int32_t group = -1;       // serving group
  std::uint32_t next_delay = 0;  // index of the next overflow delay to expire
  ContactState state = ContactState::free;
};

struct Queue {
  std::uint32_t head = kNone;
  std::uint32_t tail = kNone;
  std::int64_t length = 0;
  double last_change_s = 0;
};

struct GroupState {
  int staffed = 0;  // scheduled agents
  int idle = 0;
  int busy = 0;  // idle + busy = agents on duty (> staffed only while busy agents finish)
  double last_change_s = 0;
};

void accumulate(ContactTally& into, const ContactTally& from) {
  into.offered += from.offered;
  into.answered += from.answered;
  into.abandoned += from.abandoned;
  into.short_abandoned += from.short_abandoned;
  into.answered_within_target += from.answered_within_target;
  into.unanswered_at_close += from.unanswered_at_close;
  into.queued += from.queued;
  into.wait_answered_s += from.wait_answered_s;
  into.wait_all_s += from.wait_all_s;
  into.queue_area_s += from.queue_area_s;
  into.max_queue = std::max(into.max_queue, from.max_queue);
}

void accumulate(GroupTally& into, const GroupTally& from) {
  into.busy_agent_s += from.busy_agent_s;
  into.on_duty_agent_s += from.on_duty_agent_s;
  into.handled += from.handled;
}

class Replication {
 public:
  Replication(const CompiledScenario& model, std::uint64_t seed, int replication)
      : m_(model),
        s_(model.scenario),
        types_(static_cast<std::size_t>(model.types)),
        groups_(static_cast<std::size_t>(model.groups)),
        ipd_(static_cast<std::size_t>(model.intervals_per_day)),
        interval_s_(model.scenario.horizon.interval_s),
        short_abandon_s_(model.scenario.short_abandon_s),
        queues_(types_),
        group_state_(groups_),
        next_arrival_s_(types_, kInfinity),
        arrival_cursor_s_(types_, 0),
        arrival_interval_(types_, 0),
        rate_factor_(types_, 1),
        script_position_(types_, 0),
        day_contacts_(ipd_ * types_),
        day_histograms_(ipd_ * types_),
        day_groups_(ipd_ * groups_),
        day_handled_(ipd_ * groups_ * types_, 0),
        horizon_histograms_(types_) {
    const auto r = static_cast<std::uint64_t>(replication);
    for (const auto& t : m_.type) {
      arrivals_.emplace_back(seed, r, "arrivals/" + t.name);
      handle_.emplace_back(seed, r, "handle/" + t.name);
      patience_.emplace_back(seed, r, "patience/" + t.name);
      busyness_.emplace_back(seed, r, "busyness/" + t.name);
    }
    const auto periods = static_cast<std::size_t>(m_.periods);
    out_.contacts.resize(periods * types_);
    out_.groups.resize(periods * groups_);
    out_.handled.assign(periods * groups_ * types_, 0);
    std::size_t most_agents = 0;
    for (const auto& g : s_.agent_groups) {
      most_agents +=
          static_cast<std::size_t>(*std::max_element(g.staffing.begin(), g.staffing.end()));
    }
    events_.reserve(2 * most_agents + 1024);
  }

  ReplicationTally run() {
    for (int d = 0; d < m_.days; ++d) simulate_day(d);
    const std::size_t horizon =
        static_cast<std::size_t>(m_.intervals) + static_cast<std::size_t>(m_.days);
    for (std::size_t c = 0; c < types_; ++c) {
      out_.contacts[horizon * types_ + c].wait_p90_s = horizon_histograms_[c].quantile(0.9);
    }
    return std::move(out_);
  }

 private:
  // ---- the day loop -------------------------------------------------------------------------

  void simulate_day(int day) {
    day_ = day;
    first_interval_ = static_cast<std::size_t>(day) * ipd_;
    const double start_s = -s_.horizon.warmup_s;
    events_.clear();
    contacts_.clear();
    free_head_ = kNone;
    total_waiting_ = 0;
    current_ = -1;
    closing_ = false;
    for (auto& q : queues_) q = Queue{kNone, kNone, 0, start_s};
    for (std::size_t g = 0; g < groups_; ++g) {
      const int staffed = s_.agent_groups[g].staffing[first_interval_];
      group_state_[g] = GroupState{staffed, staffed, 0, start_s};
    }
    for (std::size_t c = 0; c < types_; ++c) {
      const double cv = m_.type[c].day_cv;
      rate_factor_[c] = cv > 0 ? sample_busyness_factor(cv, busyness_[c]) : 1.0;
      arrival_cursor_s_[c] = start_s;
      script_position_[c] = 0;
      arrival_interval_[c] = start_s < 0 ? -1 : 0;
      schedule_next_arrival(c);
    }
    choose_next_arrival();
    std::size_t boundary = 0;  // next interval boundary; ipd_ is the close of the day
    double now = start_s;
    std::int64_t events = 0;
    for (;;) {
      const double boundary_s =
          boundary <= ipd_ ? static_cast<double>(boundary) * interval_s_ : kInfinity;
      const double heap_s = events_.empty() ? kInfinity : events_.top().time_s;
      const double arrival_s = next_arrival_s_[next_type_];
      if (boundary_s <= heap_s && boundary_s <= arrival_s) {
        if (boundary_s == kInfinity) break;
        now = boundary_s;
        on_boundary(boundary++, now);
      } else if (heap_s <= arrival_s) {
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
    close_unanswered(now);
    for (std::size_t c = 0; c < types_; ++c) touch_queue(c, now);
    for (std::size_t g = 0; g < groups_; ++g) touch_group(g, now);
    out_.events += events;
    out_.peak_contacts = std::max(out_.peak_contacts, static_cast<std::int64_t>(contacts_.size()));
    finish_day();
  }

  void on_boundary(std::size_t boundary, double now) {
    if (boundary == ipd_) {  // end of the last interval: no more arrivals; finish the day
      closing_ = true;
      if (total_waiting_ == 0) release_all_agents(now);
      return;
    }
    for (std::size_t c = 0; c < types_; ++c) touch_queue(c, now);
    for (std::size_t g = 0; g < groups_; ++g) touch_group(g, now);
    current_ = static_cast<std::int64_t>(boundary);
    for (std::size_t c = 0; c < types_; ++c) {
      auto& tally = day_contacts_[boundary * types_ + c];
      tally.max_queue = std::max(tally.max_queue, queues_[c].length);
    }
    for (std::size_t g = 0; g < groups_; ++g) {
      set_staffing(g, s_.agent_groups[g].staffing[first_interval_ + boundary], now);
    }
  }

  // ---- arrivals -----------------------------------------------------------------------------

  // Next arrival of type c: exponential gaps at the current interval's rate; a gap that crosses
  // the interval's end is discarded and restarted from the boundary (exact by memorylessness).
  void schedule_next_arrival(std::size_t c) {
    const auto& script = m_.scripted_arrivals_s[c];
    if (!script.empty()) {
      const std::size_t i = script_position_[c]++;
      const double day_end_s = static_cast<double>(ipd_) * interval_s_;
      const double t = i < script.size() && script[i] < day_end_s ? script[i] : kInfinity;
      next_arrival_s_[c] = t;
      arrival_interval_[c] = t < 0 ? -1 : static_cast<std::int64_t>(t / interval_s_);
      return;
    }
    double cursor = arrival_cursor_s_[c];
    std::int64_t k = arrival_interval_[c];
    const auto& rates = s_.contact_types[c].arrivals.rate_per_s;
    for (;;) {
      const double end_s = static_cast<double>(k + 1) * interval_s_;
      const double rate =
          rate_factor_[c] *
          rates[first_interval_ + static_cast<std::size_t>(std::max<std::int64_t>(k, 0))];
      if (rate > 0) {
        const double t = cursor + arrivals_[c].exponential() / rate;
        if (t < end_s) {
          arrival_cursor_s_[c] = t;
          arrival_interval_[c] = k;
          next_arrival_s_[c] = t;
          return;
        }
      }
      cursor = end_s;
      ++k;
      if (k >= static_cast<std::int64_t>(ipd_)) {
        arrival_cursor_s_[c] = cursor;
        arrival_interval_[c] = k;
        next_arrival_s_[c] = kInfinity;
        return;
      }
    }
  }

  void choose_next_arrival() {
    std::size_t best = 0;
    for (std::size_t c = 1; c < types_; ++c) {
      if (next_arrival_s_[c] < next_arrival_s_[best]) best = c;
    }
    next_type_ = best;
  }

  void on_arrival(std::size_t c, double now) {
    const auto& type = m_.type[c];
    const std::uint32_t id = allocate_contact();
    Contact& k = contacts_[id];
    k.arrival_s = now;
    k.handle_s = type.handle(handle_[c]);
    k.patience_s = type.has_patience ? type.patience(patience_[c]) : kInfinity;
    k.serial = serial_++;
    k.interval = static_cast<std::int32_t>(arrival_interval_[c]);
    k.type = static_cast<std::uint32_t>(c);
    k.group = -1;
    ++out_.contacts_generated;
    ContactTally* tally = k.interval >= 0
                              ? &day_contacts_[static_cast<std::size_t>(k.interval) * types_ + c]
                              : nullptr;
    if (tally) ++tally->offered;
    schedule_next_arrival(c);
    choose_next_arrival();
    for (int g : type.groups_at_arrival) {
      GroupState& group = group_state_[static_cast<std::size_t>(g)];
      if (group.idle > 0) {
        touch_group(static_cast<std::size_t>(g), now);
        --group.idle;
        ++group.busy;
        start_service(id, g, now);
        return;
      }
    }
    if (tally) ++tally->queued;
    enqueue(id, now);
    const std::uint32_t generation = k.generation;
    if (type.has_patience) events_.push(now + k.patience_s, kAbandonment, id, generation);
    if (!type.delays_s.empty()) {
      k.next_delay = 0;
      events_.push(now + type.delays_s[0], kOverflowDelay, id, generation);
    }
  }

  // ---- service ------------------------------------------------------------------------------

  // Starts serving contact `id` (waiting or just arrived) by an agent of group g whose counters
  // the caller has already moved to busy.
  void start_service(std::uint32_t id, int g, double now) {
    Contact& k = contacts_[id];
    if (k.state == ContactState::waiting) remove_from_queue(id, now);
    k.state = ContactState::in_service;
    k.group = g;
    const double wait = now - k.arrival_s;
    if (k.interval >= 0) {
      const auto interval = static_cast<std::size_t>(k.interval);
      const auto index = interval * types_ + k.type;
      ContactTally& tally = day_contacts_[index];
      ++tally.answered;
      tally.wait_answered_s += wait;
      tally.wait_all_s += wait;
      if (wait <= m_.type[k.type].sl_threshold_s) ++tally.answered_within_target;
      day_histograms_[index].add(wait);
      const auto group_index = interval * groups_ + static_cast<std::size_t>(g);
      ++day_groups_[group_index].handled;
      ++day_handled_[group_index * types_ + k.type];
    }
    events_.push(now + k.handle_s, kCompletion, id, 0);
  }

  void on_completion(std::uint32_t id, double now) {
    const auto g = static_cast<std::size_t>(contacts_[id].group);
    free_contact(id);
    GroupState& group = group_state_[g];
    touch_group(g, now);
    if (group.idle + group.busy > group.staffed) {  // staffing dropped: this agent leaves
      --group.busy;
      return;
    }
    const std::uint32_t next = pick_waiting_contact(g, now);
    if (next != kNone) {
      start_service(next, static_cast<int>(g), now);
    } else {
      --group.busy;
      ++group.idle;
    }
  }

  // Among the waiting contacts group g may serve now: highest priority, then longest waiting,
  // then earliest generated. The head of each type's queue is its longest-waiting contact, and
  // if it may not yet be served by g no other contact of that type may.
  std::uint32_t pick_waiting_contact(std::size_t g, double now) const {
    std::uint32_t best = kNone;
    int best_priority = 0;
    for (const auto& candidate : m_.candidates[g]) {
      if (best != kNone && candidate.priority < best_priority) break;
      const std::uint32_t head = queues_[static_cast<std::size_t>(candidate.type)].head;
      if (head == kNone) continue;
      const Contact& k = contacts_[head];
      if (!(k.arrival_s + candidate.after_s <= now)) continue;
      if (best == kNone || k.arrival_s < contacts_[best].arrival_s ||
          (k.arrival_s == contacts_[best].arrival_s && k.serial < contacts_[best].serial)) {
        best = head;
        best_priority = candidate.priority;
      }
    }
    return best;
  }

  void on_overflow_delay(std::uint32_t id, std::uint32_t generation, double now) {
    Contact& k = contacts_[id];
    if (k.state != ContactState::waiting || k.generation != generation) return;
    const auto& type = m_.type[k.type];
    for (int g : type.groups_by_delay[k.next_delay]) {
      GroupState& group = group_state_[static_cast<std::size_t>(g)];
      if (group.idle > 0) {
        touch_group(static_cast<std::size_t>(g), now);
        --group.idle;
        ++group.busy;
        start_service(id, g, now);
        return;
      }
    }
    if (++k.next_delay < type.delays_s.size()) {
      events_.push(k.arrival_s + type.delays_s[k.next_delay], kOverflowDelay, id, generation);
    }
  }

  void on_abandonment(std::uint32_t id, std::uint32_t generation, double now) {
    Contact& k = contacts_[id];
    if (k.state != ContactState::waiting || k.generation != generation) return;
    record_abandonment(id, now, false);
  }

  void record_abandonment(std::uint32_t id, double now, bool at_close) {
    Contact& k = contacts_[id];
    const double wait = now - k.arrival_s;
    remove_from_queue(id, now);
    if (k.interval >= 0) {
      const auto index = static_cast<std::size_t>(k.interval) * types_ + k.type;
      ContactTally& tally = day_contacts_[index];
      ++tally.abandoned;
      if (at_close) {
        ++tally.unanswered_at_close;
      } else if (wait < short_abandon_s_) {
        ++tally.short_abandoned;
      }
      tally.wait_all_s += wait;
      day_histograms_[index].add(wait);
    }
    free_contact(id);
  }

  // Contacts still waiting when nothing else can happen: no agent able to take them is on duty.
  void close_unanswered(double now) {
    for (std::size_t c = 0; c < types_; ++c) {
      while (queues_[c].head != kNone) record_abandonment(queues_[c].head, now, true);
    }
  }

  // ---- staffing -----------------------------------------------------------------------------

  void set_staffing(std::size_t g, int staffed, double now) {
    GroupState& group = group_state_[g];
    touch_group(g, now);
    const int on_duty = group.idle + group.busy;
    group.staffed = staffed;
    if (staffed > on_duty) {
      group.idle += staffed - on_duty;
      while (group.idle > 0) {
        const std::uint32_t next = pick_waiting_contact(g, now);
        if (next == kNone) break;
        --group.idle;
        ++group.busy;
        start_service(next, static_cast<int>(g), now);
      }
    } else if (staffed < on_duty) {
      group.idle -= std::min(group.idle, on_duty - staffed);
    }
  }

  // After the close, once no contact waits: every agent leaves when idle.
  void release_all_agents(double now) {
    for (std::size_t g = 0; g < groups_; ++g) {
      touch_group(g, now);
      group_state_[g].staffed = 0;
      group_state_[g].idle = 0;
    }
  }

  // ---- queues and the contact pool ----------------------------------------------------------

  void enqueue(std::uint32_t id, double now) {
    Contact& k = contacts_[id];
    const std::size_t c = k.type;
    Queue& q = queues_[c];
    touch_queue(c, now);
    k.state = ContactState::waiting;
    k.prev = q.tail;
    k.next = kNone;
    if (q.tail != kNone) {
      contacts_[q.tail].next = id;
    } else {
      q.head = id;
    }
    q.tail = id;
    ++q.length;
    ++total_waiting_;
    if (current_ >= 0) {
      auto& tally = day_contacts_[static_cast<std::size_t>(current_) * types_ + c];
      tally.max_queue = std::max(tally.max_queue, q.length);
    }
  }

  void remove_from_queue(std::uint32_t id, double now) {
    Contact& k = contacts_[id];
    const std::size_t c = k.type;
    Queue& q = queues_[c];
    touch_queue(c, now);
    if (k.prev != kNone) {
      contacts_[k.prev].next = k.next;
    } else {
      q.head = k.next;
    }
    if (k.next != kNone) {
      contacts_[k.next].prev = k.prev;
    } else {
      q.tail = k.prev;
    }
    k.prev = k.next = kNone;
    k.state = ContactState::in_service;
    ++k.generation;
    --q.length;
    --total_waiting_;
    if (closing_ && total_waiting_ == 0) release_all_agents(now);
  }

  std::uint32_t allocate_contact() {
    if (free_head_ != kNone) {
      const std::uint32_t id = free_head_;
      free_head_ = contacts_[id].next;
      return id;
    }
    contacts_.emplace_back();
    return static_cast<std::uint32_t>(contacts_.size() - 1);
  }

  void free_contact(std::uint32_t id) {
    Contact& k = contacts_[id];
    k.state = ContactState::free;
    k.next = free_head_;
    free_head_ = id;
  }

  // ---- time-weighted statistics -------------------------------------------------------------

  void touch_queue(std::size_t c, double now) {
    Queue& q = queues_[c];
    if (current_ >= 0) {
      day_contacts_[static_cast<std::size_t>(current_) * types_ + c].queue_area_s +=
          static_cast<double>(q.length) * (now - q.last_change_s);
    }
    q.last_change_s = now;
  }

  void touch_group(std::size_t g, double now) {
    GroupState& group = group_state_[g];
    if (current_ >= 0) {
      const double dt = now - group.last_change_s;
      GroupTally& tally = day_groups_[static_cast<std::size_t>(current_) * groups_ + g];
      tally.busy_agent_s += group.busy * dt;
      tally.on_duty_agent_s += (group.busy + group.idle) * dt;
    }
    group.last_change_s = now;
  }

  // Moves the day's interval statistics into the replication tally (interval, day and horizon
  // periods) and clears them for the next day.
  void finish_day() {
    const std::size_t intervals = static_cast<std::size_t>(m_.intervals);
    const std::size_t day_period = intervals + static_cast<std::size_t>(day_);
    const std::size_t horizon_period = intervals + static_cast<std::size_t>(m_.days);
    for (std::size_t c = 0; c < types_; ++c) {
      WaitHistogram& day_histogram = day_scratch_histogram();
      for (std::size_t j = 0; j < ipd_; ++j) {
        const std::size_t index = j * types_ + c;
        ContactTally tally = day_contacts_[index];
        tally.wait_p90_s = day_histograms_[index].quantile(0.9);
        out_.contacts[(first_interval_ + j) * types_ + c] = tally;
        accumulate(out_.contacts[day_period * types_ + c], tally);
        day_histogram.merge(day_histograms_[index]);
        day_histograms_[index].clear();
        day_contacts_[index] = ContactTally{};
      }
      ContactTally& day_tally = out_.contacts[day_period * types_ + c];
      day_tally.wait_p90_s = day_histogram.quantile(0.9);
      accumulate(out_.contacts[horizon_period * types_ + c], day_tally);
      horizon_histograms_[c].merge(day_histogram);
    }
    for (std::size_t g = 0; g < groups_; ++g) {
      for (std::size_t j = 0; j < ipd_; ++j) {
        const std::size_t index = j * groups_ + g;
        const GroupTally& tally = day_groups_[index];
        out_.groups[(first_interval_ + j) * groups_ + g] = tally;
        accumulate(out_.groups[day_period * groups_ + g], tally);
        accumulate(out_.groups[horizon_period * groups_ + g], tally);
        day_groups_[index] = GroupTally{};
        for (std::size_t c = 0; c < types_; ++c) {
          const std::int64_t handled = day_handled_[index * types_ + c];
          out_.handled[((first_interval_ + j) * groups_ + g) * types_ + c] = handled;
          out_.handled[(day_period * groups_ + g) * types_ + c] += handled;
          out_.handled[(horizon_period * groups_ + g) * types_ + c] += handled;
          day_handled_[index * types_ + c] = 0;
        }
      }
    }
  }

  WaitHistogram& day_scratch_histogram() {
    scratch_.clear();
    return scratch_;
  }

  const CompiledScenario& m_;
  const Scenario& s_;
  const std::size_t types_, groups_, ipd_;
  const double interval_s_, short_abandon_s_;

  std::vector<RandomStream> arrivals_, handle_, patience_, busyness_;
  std::vector<Contact> contacts_;
  std::uint32_t free_head_ = kNone;
  std::vector<Queue> queues_;
  std::int64_t total_waiting_ = 0;
  std::vector<GroupState> group_state_;
  EventQueue events_;
  std::vector<double> next_arrival_s_;
  std::vector<double> arrival_cursor_s_;
  std::vector<std::int64_t> arrival_interval_;
  std::vector<double> rate_factor_;
  std::vector<std::size_t> script_position_;
  std::size_t next_type_ = 0;
  std::uint64_t serial_ = 0;

  int day_ = 0;
  std::size_t first_interval_ = 0;  // global index of the day's first interval
  std::int64_t current_ = -1;       // interval of the day collecting clock-time statistics
  bool closing_ = false;

  std::vector<ContactTally> day_contacts_;     // [interval of day * types + type]
  std::vector<WaitHistogram> day_histograms_;  // [interval of day * types + type]
  std::vector<GroupTally> day_groups_;         // [interval of day * groups + group]
  std::vector<std::int64_t> day_handled_;  // [(interval of day * groups + group) * types + type]
  std::vector<WaitHistogram> horizon_histograms_;
  WaitHistogram scratch_;
  ReplicationTally out_;
};

}  // namespace

ReplicationTally run_replication(const CompiledScenario& model, std::uint64_t seed,
                                 int replication) {
  Replication r(model, seed, replication);
  return r.run();
}

}  // namespace staffsim::sim
