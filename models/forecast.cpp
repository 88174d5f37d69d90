#include "models/forecast.hpp"

#include <algorithm>
#include <array>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <limits>
#include <string>

#include "models/calendar.hpp"
#include "models/error.hpp"
#include "models/ets.hpp"
#include "models/nelder_mead.hpp"

namespace staffsim::models {
namespace {

constexpr double kTiny = 1e-12;

// Calendar effects on the daily total (see the header).
enum CalendarEffect {
  kAfterClosure,
  kFirstOpenDay,  // first, second, third open day of the month
  kSecondOpenDay,
  kThirdOpenDay,
  kLastOpenDay,  // last open day of the month
  kCalendarEffectCount
};

// The first `n` days of a history: the information available at a rolling origin.
struct View {
  const IntervalSeries& series;
  std::size_t n;
  std::span<const std::int64_t> closed_days;  // known closures after the history

  std::int64_t first_day() const { return series.day(0); }
  std::int64_t last_day() const { return series.day(n - 1); }
  int slots() const { return series.slot_count(); }
};

bool contains(std::span<const std::int64_t> days, std::int64_t day) {
  return std::find(days.begin(), days.end(), day) != days.end();
}

// The previous date before `day` whose weekday is open.
std::int64_t previous_open_date(const std::array<bool, 7>& open, std::int64_t day) {
  for (std::int64_t d = day - 1; d >= day - 7; --d) {
    if (open[weekday_from_days(d)]) return d;
  }
  return day - 7;
}

// True when `date` is known to be closed: an open-weekday date missing inside the viewed
// history's range, or a listed future closure. Dates before the history count as open.
bool is_closed_date(const View& view, const std::array<bool, 7>& open, std::int64_t date) {
  if (!open[weekday_from_days(date)] || date < view.first_day()) return false;
  if (date <= view.last_day()) {
    const auto index = view.series.find_day(date);
    return !index || *index >= view.n;
  }
  return contains(view.closed_days, date);
}

bool after_closure(const View& view, const std::array<bool, 7>& open, std::int64_t day) {
  return is_closed_date(view, open, previous_open_date(open, day));
}

std::array<bool, kCalendarEffectCount> calendar_categories(const View& view,
                                                           const std::array<bool, 7>& open,
                                                           std::int64_t day) {
  std::array<bool, kCalendarEffectCount> in{};
  in[kAfterClosure] = after_closure(view, open, day);
  const CivilDate civil = civil_from_days(day);
  const std::int64_t month_start = day - (civil.day - 1);
  int index = 1;  // open day of the month
  for (std::int64_t d = month_start; d < day; ++d) {
    if (open[weekday_from_days(d)] && !is_closed_date(view, open, d)) ++index;
  }
  if (index <= 3) in[kFirstOpenDay + index - 1] = true;
  std::int64_t next = day + 1;
  while (!open[weekday_from_days(next)] || is_closed_date(view, open, next)) ++next;
  in[kLastOpenDay] = civil_from_days(next).month != civil.month;
  return in;
}

struct CalendarAdjustment {
  std::array<double, kCalendarEffectCount> log_effect{};
  std::vector<double> day_scale;  // per viewed day: 1 / its calendar factor

  double factor(const std::array<bool, kCalendarEffectCount>& in) const {
    double sum = 0;
    for (int c = 0; c < kCalendarEffectCount; ++c) sum += in[c] ? log_effect[c] : 0.0;
    return std::exp(sum);
  }
};

CalendarAdjustment calendar_adjustment(const View& view, const std::array<bool, 7>& open) {
  CalendarAdjustment adj;
  std::vector<std::array<bool, kCalendarEffectCount>> cats(view.n);
  std::vector<bool> plain(view.n, true);
  for (std::size_t i = 0; i < view.n; ++i) {
    cats[i] = calendar_categories(view, open, view.series.day(i));
    for (bool b : cats[i]) plain[i] = plain[i] && !b;
  }
  // Log ratio of each special day to the mean of the plain same weekdays one week before/after.
  std::vector<double> log_ratio(view.n, 0.0);
  std::vector<bool> usable(view.n, false);
  for (std::size_t i = 0; i < view.n; ++i) {
    if (plain[i] || view.series.total(i) <= 0) continue;
    const std::int64_t day = view.series.day(i);
    double ref = 0.0;
    int ref_count = 0;
    for (std::int64_t offset : {-7, 7}) {
      const auto j = view.series.find_day(day + offset);
      if (j && *j < view.n && plain[*j] && view.series.total(*j) > 0) {
        ref += view.series.total(*j);
        ++ref_count;
      }
    }
    if (ref_count == 0) continue;
    log_ratio[i] = std::log(view.series.total(i) / (ref / ref_count));
    usable[i] = true;
  }
  // Backfitting of the additive log effects, each shrunk toward 0 by n / (n + 2).
  for (int sweep = 0; sweep < 4; ++sweep) {
    for (int c = 0; c < kCalendarEffectCount; ++c) {
      double sum = 0.0;
      int count = 0;
      for (std::size_t i = 0; i < view.n; ++i) {
        if (!usable[i] || !cats[i][c]) continue;
        double others = 0.0;
        for (int o = 0; o < kCalendarEffectCount; ++o) {
          if (o != c && cats[i][o]) others += adj.log_effect[o];
        }
        sum += log_ratio[i] - others;
        ++count;
      }
      adj.log_effect[c] = count > 0 ? sum / (count + 2.0) : 0.0;
    }
  }
  adj.day_scale.resize(view.n);
  for (std::size_t i = 0; i < view.n; ++i) adj.day_scale[i] = 1.0 / adj.factor(cats[i]);
  return adj;
}

std::array<bool, 7> open_weekdays(const View& view) {
  std::array<bool, 7> open{};
  for (std::size_t i = 0; i < view.n; ++i) open[weekday_from_days(view.series.day(i))] = true;
  return open;
}

std::string weekday_name(int weekday) {
  static const char* const kNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
  return kNames[weekday];
}

void check_weekday_known(const std::array<bool, 7>& open, std::int64_t day) {
  if (!open[weekday_from_days(day)]) {
    throw InvalidInput("target_days: day " + std::to_string(day) + " is a " +
                       weekday_name(weekday_from_days(day)) +
                       ", a weekday the history never holds; forecast only open weekdays");
  }
}

// ---------------------------------------------------------------------------------------------
// Baselines.

std::vector<std::vector<double>> weekday_mean_forecast(const View& view, int weeks,
                                                       std::span<const std::int64_t> targets) {
  std::vector<std::vector<double>> out;
  for (std::int64_t target : targets) {
    const int wd = weekday_from_days(target);
    std::vector<double> mean(static_cast<std::size_t>(view.slots()), 0.0);
    int used = 0;
    for (std::size_t i = view.n; i-- > 0 && used < weeks;) {
      if (weekday_from_days(view.series.day(i)) != wd) continue;
      const auto counts = view.series.counts(i);
      for (std::size_t s = 0; s < mean.size(); ++s) mean[s] += counts[s];
      ++used;
    }
    for (double& m : mean) m /= used;
    out.push_back(std::move(mean));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// profile

struct ProfileModel {
  std::array<double, 7> weekday_factor{};
  double level = 0.0;
  std::array<std::vector<double>, 7> shares;
};

// Intraday shares per open weekday: the last 6 same weekdays, shrunk toward the pooled profile of
// the last 6 weeks (see the header).
std::array<std::vector<double>, 7> intraday_shares(const View& view,
                                                   const std::array<bool, 7>& open) {
  const std::size_t slots = static_cast<std::size_t>(view.slots());
  std::array<std::vector<double>, 7> shares;
  std::vector<double> pooled(slots, 0.0);
  double pooled_total = 0.0;
  for (std::size_t i = 0; i < view.n; ++i) {
    if (view.series.day(i) < view.last_day() - 41) continue;
    const auto c = view.series.counts(i);
    for (std::size_t s = 0; s < slots; ++s) pooled[s] += c[s];
    pooled_total += view.series.total(i);
  }
  for (double& p : pooled) {
    p = pooled_total > 0 ? p / pooled_total : 1.0 / static_cast<double>(slots);
  }
  for (int wd = 0; wd < 7; ++wd) {
    if (!open[wd]) continue;
    std::vector<double> own(slots, 0.0);
    double own_total = 0.0;
    int used = 0;
    for (std::size_t i = view.n; i-- > 0 && used < 6;) {
      if (weekday_from_days(view.series.day(i)) != wd) continue;
      const auto c = view.series.counts(i);
      for (std::size_t s = 0; s < slots; ++s) own[s] += c[s];
      own_total += view.series.total(i);
      ++used;
    }
    std::vector<double>& share = shares[wd];
    if (own_total <= 0) {
      share = pooled;
      continue;
    }
    double sampling = 0.0;
    double distance = 0.0;
    for (std::size_t s = 0; s < slots; ++s) {
      own[s] /= own_total;
      sampling += own[s] * (1.0 - own[s]) / own_total;
      distance += (own[s] - pooled[s]) * (own[s] - pooled[s]);
    }
    const double w_pooled = distance > 0 ? std::min(1.0, sampling / distance) : 1.0;
    share.assign(slots, 0.0);
    double norm = 0.0;
    for (std::size_t s = 0; s < slots; ++s) {
      // A slot this weekday never used (closed hours) stays closed.
      share[s] = own[s] > 0 || used < 2 ? (1.0 - w_pooled) * own[s] + w_pooled * pooled[s] : 0.0;
      norm += share[s];
    }
    for (double& v : share) v = norm > 0 ? v / norm : 0.0;
  }
  return shares;
}

ProfileModel fit_profile(const View& view, const std::array<bool, 7>& open,
                         const CalendarAdjustment& adj, int horizon_days) {
  ProfileModel model;
  std::vector<double> totals(view.n);
  for (std::size_t i = 0; i < view.n; ++i) totals[i] = view.series.total(i) * adj.day_scale[i];

  // Weekday factors over the last 8 weeks (all history for a weekday absent from that window).
  const std::int64_t window_start = view.last_day() - 55;
  std::array<double, 7> sum{};
  std::array<int, 7> count{};
  double all_sum = 0.0;
  int all_count = 0;
  for (std::size_t i = 0; i < view.n; ++i) {
    if (view.series.day(i) < window_start) continue;
    const int wd = weekday_from_days(view.series.day(i));
    sum[wd] += totals[i];
    ++count[wd];
  }
  for (int wd = 0; wd < 7; ++wd) {
    if (!open[wd] || count[wd] > 0) continue;
    for (std::size_t i = 0; i < view.n; ++i) {
      if (weekday_from_days(view.series.day(i)) == wd) {
        sum[wd] += totals[i];
        ++count[wd];
      }
    }
  }
  int open_count = 0;
  for (int wd = 0; wd < 7; ++wd) {
    if (!open[wd]) continue;
    all_sum += sum[wd] / count[wd];
    ++all_count;
    ++open_count;
  }
  const double mean_of_means = all_sum / all_count;
  for (int wd = 0; wd < 7; ++wd) {
    model.weekday_factor[wd] =
        open[wd] && mean_of_means > 0 ? (sum[wd] / count[wd]) / mean_of_means : 0.0;
  }

  // Level: simple exponential smoothing of the deseasonalised totals, alpha by least squares.
  std::vector<double> x;
  x.reserve(view.n);
  for (std::size_t i = 0; i < view.n; ++i) {
    const double f = model.weekday_factor[weekday_from_days(view.series.day(i))];
    x.push_back(f > 0 ? totals[i] / f : 0.0);
  }
  const std::size_t horizon = static_cast<std::size_t>(std::max(1, horizon_days));
  std::vector<double> levels(x.size());
  double best_sse = std::numeric_limits<double>::infinity();
  double best_level = x.back();
  for (double alpha = 0.02; alpha <= 0.8001; alpha += 0.02) {
    double level = x[0];
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (i > 0) level += alpha * (x[i] - level);
      levels[i] = level;
    }
    double sse = 0.0;
    for (std::size_t i = 4; i + 1 < x.size(); ++i) {
      for (std::size_t h = 1; h <= horizon && i + h < x.size(); ++h) {
        const double e = x[i + h] - levels[i];
        sse += e * e;
      }
    }
    if (sse < best_sse) {
      best_sse = sse;
      best_level = level;
    }
  }
  model.level = best_level;

  model.shares = intraday_shares(view, open);
  return model;
}

std::vector<std::vector<double>> profile_forecast(const View& view, const std::array<bool, 7>& open,
                                                  const CalendarAdjustment& adj, int horizon_days,
                                                  std::span<const std::int64_t> targets) {
  const ProfileModel model = fit_profile(view, open, adj, horizon_days);
  std::vector<std::vector<double>> out;
  for (std::int64_t target : targets) {
    const int wd = weekday_from_days(target);
    double total = model.level * model.weekday_factor[wd];
    total *= adj.factor(calendar_categories(view, open, target));
    std::vector<double> f(model.shares[wd].size());
    for (std::size_t s = 0; s < f.size(); ++s) f[s] = total * model.shares[wd][s];
    out.push_back(std::move(f));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// double_seasonal

struct HoltWintersState {
  double level = 0.0;
  std::vector<double> intraday;               // per slot
  std::array<std::vector<double>, 7> weekly;  // per weekday and slot
};

// Initial state from the first two weeks of the view.
HoltWintersState initial_state(const View& view, const CalendarAdjustment& adj) {
  const std::size_t slots = static_cast<std::size_t>(view.slots());
  HoltWintersState state;
  std::vector<double> slot_mean(slots, 0.0);
  std::array<std::vector<double>, 7> weekday_sum;
  std::array<int, 7> weekday_days{};
  int days = 0;
  for (std::size_t i = 0; i < view.n && view.series.day(i) < view.first_day() + 14; ++i) {
    const auto c = view.series.counts(i);
    const int wd = weekday_from_days(view.series.day(i));
    if (weekday_sum[wd].empty()) weekday_sum[wd].assign(slots, 0.0);
    for (std::size_t s = 0; s < slots; ++s) {
      slot_mean[s] += c[s] * adj.day_scale[i];
      weekday_sum[wd][s] += c[s] * adj.day_scale[i];
    }
    ++weekday_days[wd];
    ++days;
  }
  double grand = 0.0;
  for (double& m : slot_mean) {
    m /= days;
    grand += m;
  }
  grand /= static_cast<double>(slots);
  state.level = std::max(grand, kTiny);
  state.intraday.resize(slots);
  for (std::size_t s = 0; s < slots; ++s) state.intraday[s] = slot_mean[s] / state.level;
  for (int wd = 0; wd < 7; ++wd) {
    state.weekly[wd].assign(slots, 1.0);
    if (weekday_days[wd] == 0) continue;
    for (std::size_t s = 0; s < slots; ++s) {
      state.weekly[wd][s] =
          slot_mean[s] > kTiny ? weekday_sum[wd][s] / weekday_days[wd] / slot_mean[s] : 1.0;
    }
  }
  return state;
}

void update_day(HoltWintersState& st, const DoubleSeasonalParameters& p, int wd,
                std::span<const double> counts, double scale) {
  std::vector<double>& weekly = st.weekly[wd];
  for (std::size_t s = 0; s < counts.size(); ++s) {
    const double y = counts[s] * scale;
    const double di = st.intraday[s];
    const double we = weekly[s];
    const double seasonal = di * we;
    // A slot expecting under one call says little about the level (a ratio y / seasonal of a
    // near-empty night slot would swing it): the level then rests.
    if (seasonal > kTiny && st.level * seasonal >= 1.0) {
      st.level = p.alpha * y / seasonal + (1.0 - p.alpha) * st.level;
    }
    if (st.level > kTiny) {
      if (we > kTiny) st.intraday[s] = p.delta * y / (st.level * we) + (1.0 - p.delta) * di;
      if (di > kTiny) weekly[s] = p.omega * y / (st.level * di) + (1.0 - p.omega) * we;
    }
  }
}

// Runs the recursion over the view; if `sse` is given, accumulates the squared errors of the
// next-day forecasts made at each day end after the first two weeks.
HoltWintersState run_double_seasonal(const View& view, const CalendarAdjustment& adj,
                                     const DoubleSeasonalParameters& p, double* sse) {
  HoltWintersState st = initial_state(view, adj);
  const std::size_t slots = static_cast<std::size_t>(view.slots());
  for (std::size_t i = 0; i < view.n; ++i) {
    const int wd = weekday_from_days(view.series.day(i));
    const auto counts = view.series.counts(i);
    if (sse && view.series.day(i) >= view.first_day() + 14) {
      const double uplift = 1.0 / adj.day_scale[i];
      for (std::size_t s = 0; s < slots; ++s) {
        const double e = counts[s] - uplift * st.level * st.intraday[s] * st.weekly[wd][s];
        *sse += e * e;
      }
    }
    update_day(st, p, wd, counts, adj.day_scale[i]);
  }
  return st;
}

double logistic(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}
double logit(double p) {
  return std::log(p / (1.0 - p));
}

DoubleSeasonalParameters from_vector(const std::array<double, 3>& x) {
  return {logistic(x[0]), logistic(x[1]), logistic(x[2])};
}

DoubleSeasonalParameters fit_double_seasonal_view(const View& view, const CalendarAdjustment& adj) {
  auto objective = [&](const std::array<double, 3>& x) {
    for (double v : x) {
      if (v < -14.0 || v > 3.0) return std::numeric_limits<double>::infinity();
    }
    double sse = 0.0;
    run_double_seasonal(view, adj, from_vector(x), &sse);
    return std::isfinite(sse) ? sse : std::numeric_limits<double>::infinity();
  };
  // Nelder-Mead (standard coefficients) on logit-transformed parameters.
  const std::array<double, 3> start{logit(0.01), logit(0.05), logit(0.1)};
  return from_vector(nelder_mead(objective, start, 1.5, 60, 1e-7));
}

std::vector<std::vector<double>> double_seasonal_forecast(
    const View& view, const std::array<bool, 7>& open, const CalendarAdjustment& adj,
    const std::optional<DoubleSeasonalParameters>& given, std::span<const std::int64_t> targets) {
  const DoubleSeasonalParameters params = given ? *given : fit_double_seasonal_view(view, adj);
  const HoltWintersState st = run_double_seasonal(view, adj, params, nullptr);
  std::vector<std::vector<double>> out;
  for (std::int64_t target : targets) {
    const int wd = weekday_from_days(target);
    const double uplift = adj.factor(calendar_categories(view, open, target));
    std::vector<double> f(st.intraday.size());
    for (std::size_t s = 0; s < f.size(); ++s) {
      f[s] = std::max(0.0, uplift * st.level * st.intraday[s] * st.weekly[wd][s]);
    }
    out.push_back(std::move(f));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// ets

std::vector<std::vector<double>> ets_method_forecast(const View& view,
                                                     const std::array<bool, 7>& open,
                                                     const CalendarAdjustment& adj,
                                                     std::span<const std::int64_t> targets) {
  // The weekly season: the open weekdays in order.
  std::array<int, 7> position{};
  int seasons = 0;
  for (int wd = 0; wd < 7; ++wd) {
    if (open[wd]) position[wd] = seasons++;
  }
  std::vector<double> totals(view.n);
  std::vector<int> positions(view.n);
  for (std::size_t i = 0; i < view.n; ++i) {
    totals[i] = view.series.total(i) * adj.day_scale[i];
    positions[i] = position[weekday_from_days(view.series.day(i))];
  }
  std::optional<EtsFit> fit;
  if (view.n >= 2) fit = fit_ets(totals, positions, seasons);
  const auto shares = intraday_shares(view, open);
  std::vector<std::vector<double>> out;
  for (std::int64_t target : targets) {
    const int wd = weekday_from_days(target);
    // Steps ahead: open dates after the history up to the target, known closures excluded.
    int steps = 0;
    for (std::int64_t d = view.last_day() + 1; d <= target; ++d) {
      if (open[weekday_from_days(d)] && !contains(view.closed_days, d)) ++steps;
    }
    double total = fit ? ets_forecast(*fit, std::max(1, steps), position[wd]) : totals.front();
    total = std::max(0.0, total) * adj.factor(calendar_categories(view, open, target));
    std::vector<double> f(shares[wd].size());
    for (std::size_t s = 0; s < f.size(); ++s) f[s] = total * shares[wd][s];
    out.push_back(std::move(f));
  }
  return out;
}

void check_view(const IntervalSeries& history, std::size_t history_days,
                std::span<const std::int64_t> targets) {
  if (history.empty() || history_days == 0) {
    throw InvalidInput("history must hold at least one day, found none");
  }
  if (history_days > history.day_count()) {
    throw InvalidInput("history_days must be at most the days in the history (" +
                       std::to_string(history.day_count()) + "), found " +
                       std::to_string(history_days));
  }
  if (targets.empty()) throw InvalidInput("target_days must list at least one day, found none");
  std::int64_t previous = history.day(history_days - 1);
  for (std::int64_t t : targets) {
    if (t <= previous) {
      throw InvalidInput("target_days must be increasing and after the last history day " +
                         std::to_string(history.day(history_days - 1)) + ", found " +
                         std::to_string(t) + " after " + std::to_string(previous));
    }
    previous = t;
  }
}

}  // namespace

std::optional<MethodSpec> parse_method_name(std::string_view name, int weekday_mean_weeks) {
  if (name == "auto") return std::nullopt;
  MethodSpec spec;
  spec.weeks = weekday_mean_weeks;
  if (name == "seasonal_naive") {
    spec.method = ForecastMethod::kSeasonalNaive;
    spec.weeks = 1;
    return spec;
  }
  const std::pair<std::string_view, ForecastMethod> kNames[] = {
      {"weekday_mean", ForecastMethod::kWeekdayMean},
      {"profile", ForecastMethod::kProfile},
      {"double_seasonal", ForecastMethod::kDoubleSeasonal},
      {"combined", ForecastMethod::kCombined},
      {"ets", ForecastMethod::kEts}};
  for (const auto& [known, method] : kNames) {
    if (name == known) {
      spec.method = method;
      return spec;
    }
  }
  throw InvalidInput(
      "expected one of auto, seasonal_naive, weekday_mean, profile, double_seasonal, combined, "
      "ets, found \"" +
      std::string(name) + "\"");
}

std::string method_name(const MethodSpec& method) {
  switch (method.method) {
    case ForecastMethod::kSeasonalNaive:
      return "seasonal_naive";
    case ForecastMethod::kWeekdayMean:
      return "weekday_mean(k=" + std::to_string(method.weeks) + ")";
    case ForecastMethod::kProfile:
      return "profile";
    case ForecastMethod::kDoubleSeasonal:
      return "double_seasonal";
    case ForecastMethod::kCombined:
      return "combined";
    case ForecastMethod::kEts:
      return "ets";
  }
  return "unknown";
}

std::vector<std::vector<double>> point_forecast(const IntervalSeries& history,
                                                std::size_t history_days, const MethodSpec& method,
                                                std::span<const std::int64_t> target_days,
                                                std::span<const std::int64_t> closed_days) {
  check_view(history, history_days, target_days);
  const View view{history, history_days, closed_days};
  const auto open = open_weekdays(view);
  for (std::int64_t t : target_days) check_weekday_known(open, t);
  switch (method.method) {
    case ForecastMethod::kSeasonalNaive:
      return weekday_mean_forecast(view, 1, target_days);
    case ForecastMethod::kWeekdayMean:
      if (method.weeks < 1) {
        throw InvalidInput("weeks (k of weekday_mean) must be at least 1, found " +
                           std::to_string(method.weeks));
      }
      return weekday_mean_forecast(view, method.weeks, target_days);
    case ForecastMethod::kProfile:
      return profile_forecast(view, open, calendar_adjustment(view, open), method.horizon_days,
                              target_days);
    case ForecastMethod::kDoubleSeasonal:
      return double_seasonal_forecast(view, open, calendar_adjustment(view, open),
                                      method.double_seasonal, target_days);
    case ForecastMethod::kCombined: {
      const CalendarAdjustment adj = calendar_adjustment(view, open);
      auto a = profile_forecast(view, open, adj, method.horizon_days, target_days);
      const auto b = double_seasonal_forecast(view, open, adj, method.double_seasonal, target_days);
      for (std::size_t d = 0; d < a.size(); ++d) {
        for (std::size_t s = 0; s < a[d].size(); ++s) a[d][s] = 0.5 * (a[d][s] + b[d][s]);
      }
      return a;
    }
    case ForecastMethod::kEts:
      return ets_method_forecast(view, open, calendar_adjustment(view, open), target_days);
  }
  throw InvalidInput("method: unknown forecasting method");
}

DoubleSeasonalParameters fit_double_seasonal(const IntervalSeries& history,
                                             std::size_t history_days) {
  if (history.empty() || history_days == 0 || history_days > history.day_count()) {
    throw InvalidInput("history_days must be in [1, " + std::to_string(history.day_count()) +
                       "], found " + std::to_string(history_days));
  }
  const View view{history, history_days, {}};
  const auto open = open_weekdays(view);
  return fit_double_seasonal_view(view, calendar_adjustment(view, open));
}

double after_closure_uplift(const IntervalSeries& history, std::size_t history_days) {
  if (history.empty() || history_days == 0 || history_days > history.day_count()) {
    throw InvalidInput("history_days must be in [1, " + std::to_string(history.day_count()) +
                       "], found " + std::to_string(history_days));
  }
  const View view{history, history_days, {}};
  return std::exp(calendar_adjustment(view, open_weekdays(view)).log_effect[kAfterClosure]);
}

// ---------------------------------------------------------------------------------------------
// Prediction intervals.

namespace {

// P(Y <= q) for Y Poisson-Gamma with mean mu and squared coefficient of variation k of the
// Gamma factor.
double count_cdf(double q, double mu, double k) {
  if (q < 0) return 0.0;
  if (mu <= 0) return 1.0;
  if (k <= 1e-12) return boost::math::gamma_q(q + 1.0, mu);
  const double r = 1.0 / k;
  return boost::math::ibeta(r, q + 1.0, r / (r + mu));
}

// Smallest integer q >= 0 with pred(q), pred monotone; start near `guess`.
template <class Pred>
double smallest_integer(Pred pred, double guess) {
  double lo = std::max(0.0, std::floor(guess));
  double step = 1.0;
  double hi = lo;
  if (pred(lo)) {
    // Walk down to a point where pred fails (or 0).
    while (lo > 0) {
      const double next = std::max(0.0, lo - step);
      if (!pred(next)) {
        hi = lo;
        lo = next;
        break;
      }
      lo = next;
      hi = lo;
      step *= 2;
    }
    if (lo == 0 && pred(0.0)) return 0.0;
  } else {
    hi = lo + step;
    while (!pred(hi)) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
  }
  // Invariant: !pred(lo), pred(hi).
  while (hi - lo > 1) {
    const double mid = std::floor((lo + hi) / 2);
    if (pred(mid)) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return hi;
}

}  // namespace

double count_cdf(double calls, double mu, const Dispersion& dispersion) {
  return count_cdf(std::floor(calls), mu, dispersion.total_variance());
}

PredictionBounds prediction_bounds(double mu, const Dispersion& dispersion) {
  if (!(mu >= 0) || !std::isfinite(mu)) {
    throw InvalidInput("mu must be finite and >= 0, found " + std::to_string(mu));
  }
  if (!(dispersion.day_variance >= 0) || !(dispersion.slot_variance >= 0)) {
    throw InvalidInput("dispersion variances must be >= 0, found " +
                       std::to_string(dispersion.day_variance) + " and " +
                       std::to_string(dispersion.slot_variance));
  }
  PredictionBounds b;
  if (mu <= 0) return b;
  const double k = dispersion.total_variance();
  const double var = mu + k * mu * mu;
  const double sd = std::sqrt(var);
  const double skew = (mu + 3 * k * mu * mu + 2 * k * k * mu * mu * mu) / (var * sd);
  auto guess = [&](double z) { return mu + sd * (z + (z * z - 1) * skew / 6); };
  // lower = min{q : F(q) > a}, upper = min{q : F(q) >= 1 - a}.
  auto lower = [&](double a, double z) {
    return smallest_integer([&](double q) { return count_cdf(q, mu, k) > a; }, guess(z));
  };
  auto upper = [&](double a, double z) {
    return smallest_integer([&](double q) { return count_cdf(q, mu, k) >= 1 - a; }, guess(z));
  };
  b.lo80 = lower(0.1, -1.2815515655446004);
  b.hi80 = upper(0.1, 1.2815515655446004);
  b.lo95 = lower(0.025, -1.959963984540054);
  b.hi95 = upper(0.025, 1.959963984540054);
  return b;
}

}  // namespace staffsim::models
