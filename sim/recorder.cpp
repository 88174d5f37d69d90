#include "sim/recorder.hpp"

#include <algorithm>
#include <limits>

#include "sim/numbers.hpp"

namespace staffsim::sim {
namespace {

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
  into.reinforcing_s += from.reinforcing_s;
}

void accumulate(IssueTally& into, const IssueTally& from) {
  into.issues += from.issues;
  into.resolved += from.resolved;
  into.resolved_first_contact += from.resolved_first_contact;
  into.abandoned += from.abandoned;
  into.open_end += from.open_end;
  into.complaints += from.complaints;
  into.contacts_of_resolved += from.contacts_of_resolved;
  into.resolution_s += from.resolution_s;
  into.repeats += from.repeats;
  for (std::size_t k = 0; k < 4; ++k) into.escalated[k] += from.escalated[k];
  into.transfers_answered += from.transfers_answered;
  into.transfers_abandoned += from.transfers_abandoned;
  into.transfer_hold_s += from.transfer_hold_s;
  into.work_orders += from.work_orders;
  into.work_orders_done += from.work_orders_done;
  into.work_orders_in_time += from.work_orders_in_time;
  into.work_orders_open_end += from.work_orders_open_end;
  into.work_order_age_s += from.work_order_age_s;
  into.work_order_area_s += from.work_order_area_s;
  into.callbacks_promised += from.callbacks_promised;
  into.callbacks_reached += from.callbacks_reached;
  into.callbacks_kept += from.callbacks_kept;
  into.audits += from.audits;
}

}  // namespace

Recorder::Recorder(const CompiledScenario& model)
    : types_(static_cast<std::size_t>(model.types)),
      groups_count_(static_cast<std::size_t>(model.groups)),
      ipd_(static_cast<std::size_t>(model.intervals_per_day)),
      interval_s_(model.interval_s),
      intervals_(model.intervals),
      days_(model.days),
      contacts_(static_cast<std::size_t>(model.intervals) * types_),
      groups_(static_cast<std::size_t>(model.intervals) * groups_count_),
      handled_(static_cast<std::size_t>(model.intervals) * groups_count_ * types_, 0),
      queue_(types_),
      group_(groups_count_),
      pending_(static_cast<std::size_t>(model.intervals) * types_, 0),
      histogram_(static_cast<std::size_t>(model.intervals) * types_, nullptr),
      day_histogram_(static_cast<std::size_t>(model.days) * types_),
      day_open_intervals_(static_cast<std::size_t>(model.days) * types_, model.intervals_per_day),
      day_p90_(static_cast<std::size_t>(model.days) * types_, kNaN),
      horizon_histogram_(types_),
      reinforcing_(groups_count_) {
  if (model.record_load) {
    record_load_ = true;
    for (const auto& t : model.scenario.contact_types) {
      type_group_.push_back(static_cast<std::size_t>(t.routing.front().group));
    }
    load_.assign(groups_count_, 0);
    load_since_.assign(groups_count_, 0.0);
    load_time_.resize(static_cast<std::size_t>(model.intervals) * groups_count_);
  }
  if (model.tracks_issues) {
    issues_.resize(static_cast<std::size_t>(model.intervals) * types_);
    resolution_.resize(static_cast<std::size_t>(model.days) * types_);
    work_order_age_.resize(static_cast<std::size_t>(model.days) * types_);
    work_orders_open_.resize(types_);
  }
}

void Recorder::enter_interval(std::int64_t interval, double now) {
  for (std::size_t c = 0; c < types_; ++c) queue_length(c, queue_[c].value, now);
  for (std::size_t g = 0; g < groups_count_; ++g) {
    group_agents(g, group_[g].busy, group_[g].on_duty, now);
  }
  for (std::size_t c = 0; c < work_orders_open_.size(); ++c) {
    work_orders_open(c, work_orders_open_[c].value, now);
  }
  for (std::size_t g = 0; g < groups_count_; ++g) {
    reinforcing(g, static_cast<int>(reinforcing_[g].value), now);
  }
  if (record_load_) {
    for (std::size_t g = 0; g < groups_count_; ++g) flush_load(g, now);
    interval_end_ = now + interval_s_;
  }
  current_ = interval;
  if (current_ >= 0) {
    for (std::size_t c = 0; c < types_; ++c) {
      ContactTally& t = contacts_[static_cast<std::size_t>(current_) * types_ + c];
      t.max_queue = std::max(t.max_queue, queue_[c].value);
    }
  }
}

void Recorder::intervals_over(std::int64_t interval) {
  interval = std::min(interval, intervals_ - 1);
  while (over_through_ < interval) {
    ++over_through_;
    for (std::size_t c = 0; c < types_; ++c) {
      const std::size_t at = static_cast<std::size_t>(over_through_) * types_ + c;
      if (pending_[at] == 0) close_histogram(at);
    }
  }
}

void Recorder::flush_load(std::size_t g, double now) {
  if (current_ >= 0) {
    const double dt = std::min(now, interval_end_) - load_since_[g];
    if (dt > 0) {
      auto& time = load_time_[static_cast<std::size_t>(current_) * groups_count_ + g];
      const auto n = static_cast<std::size_t>(load_[g]);
      if (time.size() <= n) time.resize(n + 1, 0.0);
      time[n] += dt;
    }
  }
  load_since_[g] = now;
}

void Recorder::load_changed(std::size_t g, std::int64_t delta, double now) {
  flush_load(g, now);
  load_[g] += delta;
}

void Recorder::restart(double now) {
  if (record_load_) {
    std::fill(load_.begin(), load_.end(), 0);
    std::fill(load_since_.begin(), load_since_.end(), now);
  }
  for (auto& q : queue_) q = TimeWeighted{0, now};
  for (auto& g : group_) g = GroupClock{0, 0, now};
  for (auto& w : work_orders_open_) w = TimeWeighted{0, now};
  for (auto& r : reinforcing_) r = TimeWeighted{0, now};
}

// ---- issues and escalation ----------------------------------------------------------------------

void Recorder::issue_opened(std::int32_t interval, std::size_t type) {
  if (IssueTally* t = issue_at(interval, type)) ++t->issues;
}

void Recorder::issue_resolved(std::int32_t interval, std::size_t type, double resolution_s,
                              int contacts, bool first_contact) {
  IssueTally* t = issue_at(interval, type);
  if (t == nullptr) return;
  ++t->resolved;
  if (first_contact) ++t->resolved_first_contact;
  t->contacts_of_resolved += contacts;
  t->resolution_s += resolution_s;
  resolution_[(static_cast<std::size_t>(interval) / ipd_) * types_ + type].add(resolution_s);
}

void Recorder::issue_abandoned(std::int32_t interval, std::size_t type) {
  if (IssueTally* t = issue_at(interval, type)) ++t->abandoned;
}

void Recorder::issue_open_at_end(std::int32_t interval, std::size_t type) {
  if (IssueTally* t = issue_at(interval, type)) ++t->open_end;
}

void Recorder::complaint(std::int32_t interval, std::size_t type) {
  if (IssueTally* t = issue_at(interval, type)) ++t->complaints;
}

void Recorder::repeat_contact(std::int32_t interval, std::size_t type) {
  if (IssueTally* t = issue_at(interval, type)) ++t->repeats;
}

void Recorder::escalated(std::int32_t interval, std::size_t type, int kind) {
  if (IssueTally* t = issue_at(interval, type)) ++t->escalated[kind];
}

void Recorder::transfer_ended(std::int32_t interval, std::size_t type, double hold_s,
                              bool answered) {
  IssueTally* t = issue_at(interval, type);
  if (t == nullptr) return;
  ++(answered ? t->transfers_answered : t->transfers_abandoned);
  t->transfer_hold_s += hold_s;
}

void Recorder::work_order_created(std::int32_t interval, std::size_t type) {
  if (IssueTally* t = issue_at(interval, type)) ++t->work_orders;
}

void Recorder::work_order_done(std::int32_t interval, std::size_t type, double age_s,
                               bool in_time) {
  IssueTally* t = issue_at(interval, type);
  if (t == nullptr) return;
  ++t->work_orders_done;
  if (in_time) ++t->work_orders_in_time;
  t->work_order_age_s += age_s;
  work_order_age_[(static_cast<std::size_t>(interval) / ipd_) * types_ + type].add(age_s);
}

void Recorder::work_order_open_at_end(std::int32_t interval, std::size_t type) {
  if (IssueTally* t = issue_at(interval, type)) ++t->work_orders_open_end;
}

void Recorder::work_orders_open(std::size_t type, std::int64_t open, double now) {
  TimeWeighted& w = work_orders_open_[type];
  if (current_ >= 0) {
    issues_[static_cast<std::size_t>(current_) * types_ + type].work_order_area_s +=
        static_cast<double>(w.value) * (now - w.since_s);
  }
  w.value = open;
  w.since_s = now;
}

void Recorder::callback_promised(std::int32_t interval, std::size_t type) {
  if (IssueTally* t = issue_at(interval, type)) ++t->callbacks_promised;
}

void Recorder::callback_reached(std::int32_t interval, std::size_t type, bool kept) {
  IssueTally* t = issue_at(interval, type);
  if (t == nullptr) return;
  ++t->callbacks_reached;
  if (kept) ++t->callbacks_kept;
}

void Recorder::audit(std::int32_t interval, std::size_t type) {
  if (IssueTally* t = issue_at(interval, type)) ++t->audits;
}

void Recorder::handled_work(std::int32_t interval, std::size_t type, std::size_t g) {
  if (interval < 0) return;
  const std::size_t group_at = static_cast<std::size_t>(interval) * groups_count_ + g;
  ++groups_[group_at].handled;
  ++handled_[group_at * types_ + type];
}

void Recorder::reinforcing(std::size_t g, int reinforcing, double now) {
  TimeWeighted& r = reinforcing_[g];
  if (current_ >= 0) {
    groups_[static_cast<std::size_t>(current_) * groups_count_ + g].reinforcing_s +=
        static_cast<double>(r.value) * (now - r.since_s);
  }
  r.value = reinforcing;
  r.since_s = now;
}

WaitHistogram* Recorder::new_histogram() {
  if (!spare_.empty()) {
    WaitHistogram* h = spare_.back();
    spare_.pop_back();
    return h;
  }
  storage_.push_back(std::make_unique<WaitHistogram>());
  return storage_.back().get();
}

void Recorder::close_histogram(std::size_t at) {
  pending_[at] = -1;  // closed: nothing more is reported for it
  const std::size_t interval = at / types_;
  const std::size_t c = at % types_;
  const std::size_t day_at = (interval / ipd_) * types_ + c;
  WaitHistogram* h = histogram_[at];
  if (h != nullptr) {
    contacts_[at].wait_p90_s = h->quantile(0.9);
    if (!day_histogram_[day_at]) day_histogram_[day_at] = std::make_unique<WaitHistogram>();
    day_histogram_[day_at]->merge(*h);
    h->clear();
    spare_.push_back(h);
    histogram_[at] = nullptr;
  } else {
    contacts_[at].wait_p90_s = kNaN;
  }
  if (--day_open_intervals_[day_at] == 0) {
    if (day_histogram_[day_at]) {
      day_p90_[day_at] = day_histogram_[day_at]->quantile(0.9);
      horizon_histogram_[c].merge(*day_histogram_[day_at]);
      day_histogram_[day_at].reset();
    }
  }
}

ReplicationTally Recorder::finish(double now) {
  enter_interval(current_, now);
  for (std::size_t at = 0; at < pending_.size(); ++at) {
    if (pending_[at] >= 0) close_histogram(at);
  }
  const auto intervals = static_cast<std::size_t>(intervals_);
  const auto days = static_cast<std::size_t>(days_);
  const std::size_t periods = intervals + days + 1;
  const std::size_t horizon = intervals + days;
  ReplicationTally out;
  out.contacts.resize(periods * types_);
  out.groups.resize(periods * groups_count_);
  out.handled.assign(periods * groups_count_ * types_, 0);
  std::copy(contacts_.begin(), contacts_.end(), out.contacts.begin());
  std::copy(groups_.begin(), groups_.end(), out.groups.begin());
  std::copy(handled_.begin(), handled_.end(), out.handled.begin());
  for (std::size_t i = 0; i < intervals; ++i) {
    const std::size_t day = intervals + i / ipd_;
    for (std::size_t c = 0; c < types_; ++c) {
      accumulate(out.contacts[day * types_ + c], contacts_[i * types_ + c]);
    }
    for (std::size_t g = 0; g < groups_count_; ++g) {
      accumulate(out.groups[day * groups_count_ + g], groups_[i * groups_count_ + g]);
      for (std::size_t c = 0; c < types_; ++c) {
        out.handled[(day * groups_count_ + g) * types_ + c] +=
            handled_[(i * groups_count_ + g) * types_ + c];
      }
    }
  }
  for (std::size_t d = 0; d < days; ++d) {
    const std::size_t day = intervals + d;
    for (std::size_t c = 0; c < types_; ++c) {
      ContactTally& t = out.contacts[day * types_ + c];
      t.wait_p90_s = day_p90_[d * types_ + c];
      accumulate(out.contacts[horizon * types_ + c], t);
    }
    for (std::size_t g = 0; g < groups_count_; ++g) {
      accumulate(out.groups[horizon * groups_count_ + g], out.groups[day * groups_count_ + g]);
      for (std::size_t c = 0; c < types_; ++c) {
        out.handled[(horizon * groups_count_ + g) * types_ + c] +=
            out.handled[(day * groups_count_ + g) * types_ + c];
      }
    }
  }
  for (std::size_t c = 0; c < types_; ++c) {
    out.contacts[horizon * types_ + c].wait_p90_s = horizon_histogram_[c].quantile(0.9);
  }
  if (!issues_.empty()) {
    out.issues.resize(periods * types_);
    std::copy(issues_.begin(), issues_.end(), out.issues.begin());
    for (std::size_t i = 0; i < intervals * types_; ++i) {
      out.issues[i].resolution_p90_s = kNaN;
      out.issues[i].work_order_age_p90_s = kNaN;
    }
    for (std::size_t i = 0; i < intervals; ++i) {
      const std::size_t day = intervals + i / ipd_;
      for (std::size_t c = 0; c < types_; ++c) {
        accumulate(out.issues[day * types_ + c], issues_[i * types_ + c]);
      }
    }
    for (std::size_t c = 0; c < types_; ++c) {
      LogHistogram resolution, age;
      for (std::size_t d = 0; d < days; ++d) {
        IssueTally& t = out.issues[(intervals + d) * types_ + c];
        t.resolution_p90_s = resolution_[d * types_ + c].quantile(0.9);
        t.work_order_age_p90_s = work_order_age_[d * types_ + c].quantile(0.9);
        resolution.merge(resolution_[d * types_ + c]);
        age.merge(work_order_age_[d * types_ + c]);
        accumulate(out.issues[horizon * types_ + c], t);
      }
      out.issues[horizon * types_ + c].resolution_p90_s = resolution.quantile(0.9);
      out.issues[horizon * types_ + c].work_order_age_p90_s = age.quantile(0.9);
    }
  }
  out.contacts_generated = generated_;
  out.events = events_;
  out.peak_contacts = peak_pool_;
  out.load_time = std::move(load_time_);
  return out;
}

}  // namespace staffsim::sim
