#include "sim/optimize.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "models/error.hpp"

namespace staffsim::sim {
namespace {

using Staffing = std::vector<std::vector<int>>;  // [group][horizon interval], on duty

class Search {
 public:
  Search(const Scenario& scenario, const OptimizeOptions& options)
      : scenario_(scenario), options_(options) {
    const auto groups = scenario.agent_groups.size();
    planned_.assign(groups, false);
    for (const auto& t : scenario.contact_types) {
      planned_[static_cast<std::size_t>(t.routing.front().group)] = true;
    }
  }

  const std::vector<bool>& planned() const { return planned_; }
  int simulations() const { return simulations_; }

  int staffing_of(std::size_t g, int on_duty) const {
    return options_.to_staffing ? options_.to_staffing(static_cast<int>(g), on_duty) : on_duty;
  }

  Scenario with(const Staffing& n) const {
    Scenario s = scenario_;
    for (std::size_t g = 0; g < n.size(); ++g) {
      if (!planned_[g]) continue;
      for (std::size_t i = 0; i < n[g].size(); ++i) {
        s.agent_groups[g].staffing[i] = staffing_of(g, n[g][i]);
      }
    }
    return s;
  }

  Results simulate(const Staffing& n, bool record_load) {
    RunOptions run = options_.run;
    run.precision.reset();
    run.record_load = record_load;
    ++simulations_;
    const Scenario s = with(n);
    return sim::simulate(s, run);
  }

  // One ISA step: per planned group and interval, the smallest n with P(L >= n) <= alpha.
  Staffing isa_step(const Staffing& n, const Results& r, double alpha) const {
    Staffing next = n;
    const std::size_t groups = n.size();
    for (std::size_t g = 0; g < groups; ++g) {
      if (!planned_[g]) continue;
      for (std::size_t i = 0; i < n[g].size(); ++i) {
        const auto& dist = r.load_distribution[i * groups + g];
        double total = 0;
        for (double p : dist) total += p;
        if (!(total > 1e-9)) continue;  // closed: the group has no time in this interval
        // P(L >= m) for m from the top down; the smallest m whose tail is <= alpha.
        double tail = 0;
        int m = static_cast<int>(dist.size());
        for (std::size_t k = dist.size(); k-- > 0;) {
          if ((tail + dist[k]) / total > alpha) break;
          tail += dist[k];
          m = static_cast<int>(k);
        }
        next[g][i] = m;
      }
    }
    return next;
  }

  // The ISA fixed point for alpha from `n`, with its results.
  std::pair<Staffing, Results> fixed_point(Staffing n, double alpha) {
    Results r = simulate(n, true);
    for (int k = 0; k < options_.isa_iterations; ++k) {
      Staffing next = isa_step(n, r, alpha);
      if (next == n) return {n, r};
      n = std::move(next);
      r = simulate(n, true);
    }
    return {n, r};
  }

 private:
  const Scenario& scenario_;
  const OptimizeOptions& options_;
  std::vector<bool> planned_;
  int simulations_ = 0;
};

double hours(const Results& r) {
  return r.agent_hours.mean;
}

}  // namespace

TargetGaps target_gaps(const Scenario& scenario, const Results& results) {
  TargetGaps out;
  std::set<std::pair<int, std::int64_t>> gaps;
  for (std::size_t c = 0; c < scenario.contact_types.size(); ++c) {
    const ContactType& type = scenario.contact_types[c];
    const Targets& t = type.targets;
    if (!t.service_level && !t.max_abandon && !t.max_asa_s) continue;
    const int g = type.routing.front().group;
    auto fails = [&t](const ContactKpis& k) {
      return (t.service_level && k.verdicts.service_level != TargetVerdict::met) ||
             (t.max_abandon && k.verdicts.abandon_rate != TargetVerdict::met) ||
             (t.max_asa_s && k.verdicts.asa != TargetVerdict::met);
    };
    bool interval_gap = false;
    for (std::size_t i = 0; i < results.by_type_interval.size(); ++i) {
      const ContactKpis& k = results.by_type_interval[i][c];
      if (!(k.offered.mean > 0) || !fails(k)) continue;
      gaps.insert({g, static_cast<std::int64_t>(i)});
      interval_gap = true;
    }
    if (fails(results.by_type[c])) {
      out.met = false;
      if (!interval_gap) {  // every interval met but not the horizon: reinforce them all
        for (std::size_t i = 0; i < results.by_type_interval.size(); ++i) {
          if (results.by_type_interval[i][c].offered.mean > 0) {
            gaps.insert({g, static_cast<std::int64_t>(i)});
          }
        }
      }
    }
  }
  if (!gaps.empty()) out.met = false;
  out.gaps.assign(gaps.begin(), gaps.end());
  return out;
}

OptimizeResult optimize_staffing(const Scenario& scenario, const Staffing& start_on_duty,
                                 const OptimizeOptions& options) {
  validate(scenario);
  Search search(scenario, options);
  OptimizeResult out;
  out.planned = search.planned();
  const std::size_t groups = scenario.agent_groups.size();
  Staffing start(groups);
  for (std::size_t g = 0; g < groups; ++g) {
    start[g] = out.planned[g] ? start_on_duty.at(g) : scenario.agent_groups[g].staffing;
    if (start[g].size() != scenario.agent_groups[g].staffing.size()) {
      throw InvalidInput("start_on_duty[" + std::to_string(g) + "] has " +
                         std::to_string(start[g].size()) + " intervals, expected " +
                         std::to_string(scenario.agent_groups[g].staffing.size()));
    }
  }
  const Scenario start_scenario = search.with(start);
  for (std::size_t g = 0; g < groups; ++g)
    out.start.push_back(start_scenario.agent_groups[g].staffing);
  out.start_results = search.simulate(start, false);

  // Step 2: the largest alpha (log-scale bisection) whose ISA fixed point meets every target.
  bool found = false;
  Staffing best;
  Results best_results;
  auto consider = [&](double alpha, Staffing n, Results r) {
    if (!target_gaps(scenario, r).met) return false;
    if (!found || hours(r) < hours(best_results)) {
      found = true;
      best = std::move(n);
      best_results = std::move(r);
      out.alpha = alpha;
    }
    return true;
  };
  // The starting plan is a candidate too: the search keeps it when nothing cheaper meets the
  // targets.
  consider(0, start, out.start_results);
  auto [low_n, low_r] = search.fixed_point(start, options.alpha_low);
  Staffing fallback = low_n;
  Results fallback_results = low_r;
  if (consider(options.alpha_low, low_n, low_r) || found) {
    double lo = std::log(options.alpha_low), hi = std::log(options.alpha_high);
    Staffing warm = low_n;
    for (int step = 0; step < options.alpha_steps; ++step) {
      const double mid = (lo + hi) / 2;
      auto [n, r] = search.fixed_point(warm, std::exp(mid));
      if (consider(std::exp(mid), n, r)) {
        lo = mid;
        warm = best;
      } else {
        hi = mid;
      }
    }
  } else {
    out.alpha = options.alpha_low;
  }

  // Step 3: repair what alpha alone does not meet.
  Staffing n = found ? best : fallback;
  Results r = found ? best_results : fallback_results;
  for (int k = 0; k < options.repair_iterations; ++k) {
    const TargetGaps gaps = target_gaps(scenario, r);
    if (gaps.met) break;
    for (const auto& [g, i] : gaps.gaps) {
      ++n[static_cast<std::size_t>(g)][static_cast<std::size_t>(i)];
      ++out.repairs;
    }
    r = search.simulate(n, false);
  }
  out.met = target_gaps(scenario, r).met;
  const Scenario final_scenario = search.with(n);
  for (std::size_t g = 0; g < groups; ++g) {
    out.staffing.push_back(final_scenario.agent_groups[g].staffing);
  }
  out.on_duty = n;
  out.results = std::move(r);
  out.simulations = search.simulations();
  return out;
}

}  // namespace staffsim::sim
