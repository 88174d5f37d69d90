#include "models/staffing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "models/erlang.hpp"
#include "models/error.hpp"

namespace staffsim::models {
namespace {

std::string percent_text(double fraction) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.10g%%", fraction * 100);
  return buf;
}

std::string seconds_text(double seconds) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.10gs", seconds);
  return buf;
}

void require(bool ok, const std::string& message) {
  if (!ok) throw InvalidInput(message);
}

void check_shrinkage(double shrinkage) {
  require(std::isfinite(shrinkage) && shrinkage >= 0 && shrinkage < 1,
          "shrinkage must be at least 0% and below 100%, found " + percent_text(shrinkage));
}

bool is_fraction(double p) {
  return std::isfinite(p) && p > 0 && p <= 1;
}

void check_targets(QueueModel model, const StaffingTargets& t) {
  const bool any = t.service_level || t.max_asa_s || t.max_wait_probability || t.max_abandon ||
                   t.max_occupancy || t.max_block;
  require(any,
          "no staffing target given: set a service level, ASA, wait probability, "
          "abandonment, occupancy or blocking target");
  if (t.service_level) {
    const ServiceLevelGoal& sl = *t.service_level;
    require(
        std::isfinite(sl.at_least) && sl.at_least > 0 && sl.at_least < 1,
        "service-level target must be above 0% and below 100%, found " + percent_text(sl.at_least));
    require(std::isfinite(sl.within_s) && sl.within_s >= 0,
            "service-level threshold must be non-negative, found " + seconds_text(sl.within_s));
  }
  if (t.max_asa_s) {
    require(std::isfinite(*t.max_asa_s) && *t.max_asa_s > 0,
            "ASA target must be positive, found " + seconds_text(*t.max_asa_s));
  }
  if (t.max_wait_probability) {
    require(is_fraction(*t.max_wait_probability),
            "wait-probability target must be above 0% and at most 100%, found " +
                percent_text(*t.max_wait_probability));
  }
  if (t.max_abandon) {
    require(is_fraction(*t.max_abandon),
            "abandonment target must be above 0% and at most 100%, found " +
                percent_text(*t.max_abandon));
  }
  if (t.max_occupancy) {
    require(is_fraction(*t.max_occupancy),
            "occupancy target must be above 0% and at most 100%, found " +
                percent_text(*t.max_occupancy));
  }
  if (t.max_block) {
    require(is_fraction(*t.max_block), "blocking target must be above 0% and at most 100%, found " +
                                           percent_text(*t.max_block));
  }
  check_shrinkage(t.shrinkage);
  const bool queue_targets =
      t.service_level || t.max_asa_s || t.max_wait_probability || t.max_abandon;
  if (model == QueueModel::erlang_b) {
    require(!queue_targets,
            "Erlang B has no queue: service level, ASA, wait probability and "
            "abandonment targets need Erlang C or A (use a blocking target)");
  } else {
    require(!t.max_block, "a blocking target needs Erlang B (Erlang C and A queue every contact)");
  }
  if (model != QueueModel::erlang_a) {
    require(!t.max_abandon, "an abandonment target needs Erlang A (give a mean patience)");
  }
}

void check_workload(QueueModel model, const Workload& w) {
  offered_load(w.rate_per_s, w.aht_s);  // validates rate and AHT
  if (model == QueueModel::erlang_a) {
    require(std::isfinite(w.patience_s) && w.patience_s > 0,
            "patience must be positive for Erlang A, found " + seconds_text(w.patience_s));
  }
}

// The first target missed at `agents` ("stability" for an unstable Erlang C queue), or nullptr
// when every target is met. Computes only the figures the targets need: this is the probe of the
// staffing search.
const char* missed_target(QueueModel model, const Workload& w, int agents,
                          const StaffingTargets& t) {
  auto sl_missed = [&](double offered, double answered) {
    const double sl = t.service_level->basis == ServiceLevelBasis::offered ? offered : answered;
    return !(sl >= t.service_level->at_least);
  };
  const double load = w.rate_per_s * w.aht_s;
  switch (model) {
    case QueueModel::erlang_b: {
      const double block = erlang_b(load, agents);
      if (t.max_occupancy && !(load * (1 - block) / agents <= *t.max_occupancy)) {
        return "occupancy";
      }
      if (t.max_block && !(block <= *t.max_block)) return "block";
      return nullptr;
    }
    case QueueModel::erlang_c: {
      const ErlangC c(w.rate_per_s, w.aht_s, agents);
      if (!c.stable()) return "stability";
      if (t.service_level) {
        const double sl = c.service_level(t.service_level->within_s);
        if (sl_missed(sl, sl)) return "service_level";
      }
      if (t.max_asa_s && !(c.asa_s() <= *t.max_asa_s)) return "asa";
      if (t.max_wait_probability && !(c.p_wait() <= *t.max_wait_probability)) {
        return "wait_probability";
      }
      if (t.max_occupancy && !(c.occupancy() <= *t.max_occupancy)) return "occupancy";
      return nullptr;
    }
    case QueueModel::erlang_a: {
      const ErlangA a(w.rate_per_s, w.aht_s, w.patience_s, agents);
      if (t.service_level) {
        const double offered = a.service_level(t.service_level->within_s);
        if (sl_missed(offered, offered / (1 - a.p_abandon()))) return "service_level";
      }
      if (t.max_asa_s && !(a.asa_s() <= *t.max_asa_s)) return "asa";
      if (t.max_wait_probability && !(a.p_wait() <= *t.max_wait_probability)) {
        return "wait_probability";
      }
      if (t.max_abandon && !(a.p_abandon() <= *t.max_abandon)) return "abandon";
      if (t.max_occupancy && !(a.occupancy() <= *t.max_occupancy)) return "occupancy";
      return nullptr;
    }
  }
  return nullptr;
}

double within_of(const StaffingTargets& t) {
  return t.service_level ? t.service_level->within_s : 20.0;
}

}  // namespace

const char* to_string(QueueModel model) {
  switch (model) {
    case QueueModel::erlang_b:
      return "erlang_b";
    case QueueModel::erlang_c:
      return "erlang_c";
    case QueueModel::erlang_a:
      return "erlang_a";
  }
  return "?";
}

const char* to_string(ServiceLevelBasis basis) {
  return basis == ServiceLevelBasis::offered ? "offered" : "answered";
}

QueueMetrics evaluate(QueueModel model, const Workload& w, int agents, double within_s) {
  check_workload(model, w);
  if (agents < 1) throw InvalidInput("agents must be at least 1, found " + std::to_string(agents));
  if (!(std::isfinite(within_s) && within_s >= 0)) {
    throw InvalidInput("service-level threshold must be non-negative, found " +
                       seconds_text(within_s));
  }
  QueueMetrics m;
  m.model = model;
  m.agents = agents;
  m.within_s = within_s;
  m.offered_load = w.rate_per_s * w.aht_s;
  switch (model) {
    case QueueModel::erlang_b: {
      m.p_block = erlang_b(m.offered_load, agents);
      m.occupancy = m.offered_load * (1 - m.p_block) / agents;
      break;
    }
    case QueueModel::erlang_c: {
      const ErlangC c(w.rate_per_s, w.aht_s, agents);
      m.stable = c.stable();
      if (m.stable) {
        m.occupancy = c.occupancy();
        m.p_wait = c.p_wait();
        m.service_level = c.service_level(within_s);
        m.service_level_answered = m.service_level;
        m.asa_s = c.asa_s();
        m.mean_wait_s = m.asa_s;
        m.p_abandon = 0;
      } else {
        m.occupancy = QueueMetrics::kUndefined;
      }
      break;
    }
    case QueueModel::erlang_a: {
      const ErlangA a(w.rate_per_s, w.aht_s, w.patience_s, agents);
      m.occupancy = a.occupancy();
      m.p_wait = a.p_wait();
      m.service_level = a.service_level(within_s);
      m.service_level_answered = a.service_level_answered(within_s);
      m.asa_s = a.asa_s();
      m.mean_wait_s = a.mean_wait_s();
      m.p_abandon = a.p_abandon();
      break;
    }
  }
  return m;
}

int agents_on_duty(int scheduled, double shrinkage) {
  check_shrinkage(shrinkage);
  require(scheduled >= 0,
          "scheduled agents must not be negative, found " + std::to_string(scheduled));
  return static_cast<int>(std::floor(scheduled * (1 - shrinkage) + 1e-9));
}

int agents_to_schedule(int agents, double shrinkage) {
  check_shrinkage(shrinkage);
  require(agents >= 0, "agents must not be negative, found " + std::to_string(agents));
  // ceil(N / (1 - s)), forgiving the rounding error of the division (70 / 0.7 is 100, not 101),
  // then settled on the smallest roster that agents_on_duty turns into N or more.
  const double exact = agents / (1 - shrinkage);
  auto scheduled = static_cast<long long>(std::ceil(exact - 1e-12 * exact));
  auto on_duty = [&](long long m) {
    return std::floor(static_cast<double>(m) * (1 - shrinkage) + 1e-9);
  };
  while (on_duty(scheduled) < agents) ++scheduled;
  while (scheduled > 0 && on_duty(scheduled - 1) >= agents) --scheduled;
  require(scheduled <= std::numeric_limits<int>::max(),
          "scheduled agents exceed " + std::to_string(std::numeric_limits<int>::max()));
  return static_cast<int>(scheduled);
}

StaffingResult required_agents(QueueModel model, const Workload& w, const StaffingTargets& t,
                               int max_agents) {
  check_workload(model, w);
  check_targets(model, t);
  const double within = within_of(t);
  StaffingResult result;
  if (w.rate_per_s == 0) {
    result.binding_target = "none";
    result.metrics.model = model;
    result.metrics.within_s = within;
    return result;
  }
  const double load = w.rate_per_s * w.aht_s;
  auto meets = [&](int n) { return missed_target(model, w, n, t) == nullptr; };

  // Every target improves with more agents. Start at the offered load (the answer is usually
  // within a few square roots of it), gallop in steps of sqrt(load) that double until the answer
  // is bracketed, then bisect. Erlang C needs more agents than the load to be stable at all.
  const int lowest = model == QueueModel::erlang_c
                         ? static_cast<int>(std::min<double>(std::floor(load) + 1, max_agents))
                         : 1;
  const int first_step = static_cast<int>(std::ceil(std::sqrt(std::max(load, 1.0))));
  int guess = static_cast<int>(std::clamp<double>(std::ceil(load), lowest, max_agents));
  int good = 0, bad = lowest - 1;  // meets(good) holds; meets(bad) fails (lowest - 1: by fiat)
  if (meets(guess)) {
    good = guess;
    for (int step = first_step; good > lowest;) {
      const int probe = std::max(lowest, good - step);
      if (!meets(probe)) {
        bad = probe;
        break;
      }
      good = probe;
      step = step > max_agents / 2 ? max_agents : 2 * step;
    }
  } else {
    bad = guess;
    for (int step = first_step;;) {
      if (bad >= max_agents) {
        throw InvalidInput("no staffing up to " + std::to_string(max_agents) +
                           " agents meets the targets");
      }
      const int probe = static_cast<int>(std::min<long long>(static_cast<long long>(bad) + step,
                                                             static_cast<long long>(max_agents)));
      if (meets(probe)) {
        good = probe;
        break;
      }
      bad = probe;
      step = step > max_agents / 2 ? max_agents : 2 * step;
    }
  }
  while (good - bad > 1) {
    const int mid = bad + (good - bad) / 2;
    (meets(mid) ? good : bad) = mid;
  }
  result.agents = good;
  result.metrics = evaluate(model, w, good, within);
  if (good == 1) {
    result.binding_target = "none";
  } else {
    const char* missed = missed_target(model, w, good - 1, t);
    result.binding_target = missed ? missed : "none";
  }
  result.scheduled_agents = agents_to_schedule(good, t.shrinkage);
  return result;
}

std::vector<StaffingResult> required_agents_series(QueueModel model,
                                                   const std::vector<Workload>& workloads,
                                                   const StaffingTargets& targets) {
  std::vector<StaffingResult> results;
  results.reserve(workloads.size());
  for (std::size_t i = 0; i < workloads.size(); ++i) {
    try {
      results.push_back(required_agents(model, workloads[i], targets));
    } catch (const InvalidInput& e) {
      throw InvalidInput("interval " + std::to_string(i + 1) + ": " + e.what());
    }
  }
  return results;
}

}  // namespace staffsim::models
