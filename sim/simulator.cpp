#include "sim/simulator.hpp"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "models/error.hpp"
#include "sim/compiled_scenario.hpp"
#include "sim/numbers.hpp"
#include "sim/replication.hpp"

namespace staffsim::sim {
namespace {

std::string format_number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string plan_name(std::size_t p) {
  return "plan " + std::to_string(p + 1);
}

void check_comparable(const Scenario& base, const Scenario& plan, std::size_t p) {
  const Horizon& a = base.horizon;
  const Horizon& b = plan.horizon;
  auto differ = [&](const std::string& what, const std::string& theirs, const std::string& ours) {
    throw InvalidInput(plan_name(p) + " has " + what + " " + theirs + ", plan 1 has " + ours +
                       ": plans compare only over the same horizon");
  };
  if (a.interval_s != b.interval_s) {
    differ("intervals of", format_number(b.interval_s) + " s", format_number(a.interval_s) + " s");
  }
  if (a.intervals_per_day != b.intervals_per_day) {
    differ("intervals per day", std::to_string(b.intervals_per_day),
           std::to_string(a.intervals_per_day));
  }
  if (a.days != b.days) differ("days", std::to_string(b.days), std::to_string(a.days));
  if (a.day_start_s != b.day_start_s) {
    differ("a day start at", format_number(b.day_start_s) + " s",
           format_number(a.day_start_s) + " s");
  }
  if (a.start_date != b.start_date) {
    differ("a start date", b.start_date ? std::to_string(*b.start_date) : "none",
           a.start_date ? std::to_string(*a.start_date) : "none");
  }
  const auto& x = base.contact_types;
  const auto& y = plan.contact_types;
  for (std::size_t c = 0; c < std::max(x.size(), y.size()); ++c) {
    if (c < x.size() && c < y.size() && x[c].stream_key() == y[c].stream_key()) continue;
    const std::string theirs = c < y.size() ? "\"" + y[c].stream_key() + "\"" : "none";
    const std::string ours = c < x.size() ? "\"" + x[c].stream_key() + "\"" : "none";
    throw InvalidInput(plan_name(p) + " has contact type " + std::to_string(c + 1) + " " + theirs +
                       ", plan 1 has " + ours +
                       ": plans compare only with the same contact types (by key), in order");
  }
}

// Half-width of an estimate; NaN when undefined.
double half_width(const Estimate& e) {
  return (e.ci_high - e.ci_low) / 2;
}

}  // namespace

PrecisionCheck check_precision(const std::vector<const Scenario*>& plans,
                               const std::vector<Results>& results, const Precision& precision) {
  PrecisionCheck worst;
  auto consider = [&](std::size_t p, std::size_t c, std::int64_t interval, const char* kpi,
                      const Estimate& e, double limit) {
    if (!(limit > 0) || !std::isfinite(e.mean)) return;  // not checked, or undefined (no calls)
    const double half = half_width(e);
    const double ratio = std::isfinite(half) ? half / limit : kInfinity;
    if (ratio <= worst.ratio) return;
    worst = {ratio <= 1, p, c, interval, kpi, half, limit, ratio};
  };
  for (std::size_t p = 0; p < plans.size(); ++p) {
    const Results& r = results[p];
    for (std::size_t c = 0; c < plans[p]->contact_types.size(); ++c) {
      const Targets& targets = plans[p]->contact_types[c].targets;
      const bool none = !targets.service_level && !targets.max_abandon && !targets.max_asa_s;
      auto check = [&](std::int64_t interval, const ContactKpis& k) {
        if (none || targets.service_level) {
          consider(p, c, interval, "service_level", k.service_level, precision.service_level);
        }
        if (none || targets.max_abandon) {
          consider(p, c, interval, "abandon_rate", k.abandon_rate, precision.abandon_rate);
        }
        if (targets.max_asa_s) {
          const double limit =
              precision.asa_s > 0 ? precision.asa_s : precision.asa_of_target * *targets.max_asa_s;
          consider(p, c, interval, "asa_s", k.asa_s, limit);
        }
      };
      for (std::size_t i = 0; i < r.by_type_interval.size(); ++i) {
        check(static_cast<std::int64_t>(i), r.by_type_interval[i][c]);
      }
      check(-1, r.by_type[c]);
    }
  }
  return worst;
}

Results simulate(const Scenario& scenario, const RunOptions& options) {
  Comparison comparison = simulate_plans({&scenario}, options);
  return std::move(comparison.plans.front());
}

Comparison simulate_plans(const std::vector<const Scenario*>& plans, const RunOptions& options) {
  if (plans.empty()) throw InvalidInput("no plan to simulate");
  for (const Scenario* plan : plans) {
    validate(*plan);
  }
  for (std::size_t p = 1; p < plans.size(); ++p) check_comparable(*plans.front(), *plans[p], p);
  if (options.threads < 0) {
    throw InvalidInput("threads must be non-negative, found " + std::to_string(options.threads));
  }
  if (options.replications_override < 0) {
    throw InvalidInput("replications_override must be non-negative, found " +
                       std::to_string(options.replications_override));
  }
  if (options.precision && options.precision->max_replications < 1) {
    throw InvalidInput("precision.max_replications must be at least 1, found " +
                       std::to_string(options.precision->max_replications));
  }
  const Scenario& first = *plans.front();
  int target =
      options.replications_override > 0 ? options.replications_override : first.replications;
  const int cap =
      options.precision ? std::max(options.precision->max_replications, target) : target;
  const std::uint64_t seed = options.seed_override.value_or(first.seed);
  std::vector<std::unique_ptr<CompiledScenario>> models;
  for (const Scenario* plan : plans) {
    models.push_back(std::make_unique<CompiledScenario>(*plan));
    models.back()->record_load = options.record_load;
  }

  // Replications run on a thread pool and enter the reduction in replication order: a finished
  // replication waits in `ready` until those before it are reduced. Workers run at most `window`
  // replications ahead of the reduction, so memory stays bounded.
  Reduction reduction(plans);
  const int hardware = static_cast<int>(std::thread::hardware_concurrency());
  const int pool_size = std::max(1, options.threads > 0 ? options.threads : hardware);
  const int window = 2 * pool_size;
  std::mutex mutex;
  std::condition_variable changed;
  std::map<int, std::vector<ReplicationTally>> ready;
  int next = 0;
  int reduced = 0;
  std::exception_ptr failure;
  auto fail = [&](std::exception_ptr error) {  // with the mutex held
    if (!failure) failure = std::move(error);
    changed.notify_all();
  };
  auto worker = [&] {
    for (;;) {
      int r = 0;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return failure || next >= target || next < reduced + window; });
        if (failure || next >= target) return;
        r = next++;
      }
      std::vector<ReplicationTally> tallies(plans.size());
      try {
        for (std::size_t p = 0; p < plans.size(); ++p) {
          tallies[p] = run_replication(*models[p], seed, r);
        }
      } catch (...) {
        const std::lock_guard<std::mutex> lock(mutex);
        fail(std::current_exception());
        return;
      }
      const std::lock_guard<std::mutex> lock(mutex);
      ready.emplace(r, std::move(tallies));
      while (!failure && !ready.empty() && ready.begin()->first == reduced) {
        auto node = ready.extract(ready.begin());
        try {
          reduction.add(node.mapped());
          ++reduced;
          if (options.progress) options.progress(reduced, target);
        } catch (...) {
          fail(std::current_exception());
        }
      }
      changed.notify_all();
    }
  };
  for (;;) {
    const int threads = std::clamp(pool_size, 1, target - next);
    if (threads == 1) {
      worker();
    } else {
      std::vector<std::thread> pool;
      pool.reserve(static_cast<std::size_t>(threads));
      for (int i = 0; i < threads; ++i) pool.emplace_back(worker);
      for (auto& thread : pool) thread.join();
    }
    if (failure) std::rethrow_exception(failure);
    if (!options.precision || target >= cap) break;
    const Comparison so_far = reduction.results();
    const PrecisionCheck check = check_precision(plans, so_far.plans, *options.precision);
    if (check.reached) break;
    // Half-widths shrink like 1/sqrt(R): aim 10% past the estimate, at least 10 more.
    const double wanted =
        std::ceil(static_cast<double>(target) * std::min(check.ratio * check.ratio, 1e6) * 1.1);
    target = static_cast<int>(std::min<double>(cap, std::max<double>(target + 10, wanted)));
  }
  Comparison out = reduction.results();
  for (auto& r : out.plans) r.seed = seed;
  for (auto& r : out.differences) r.seed = seed;
  return out;
}

}  // namespace staffsim::sim
