// `staffsim fit`: fits the distributions a scenario needs from a per-call log.
//
// For each contact type (or the one asked with --type) it reports
// - handle time: lognormal, gamma and exponential maximum-likelihood fits of the service times of
//   served calls (zero service times excluded and counted), with log-likelihood, AIC,
//   Kolmogorov-Smirnov distance and Anderson-Darling statistic; the lowest AIC is chosen
//   (models/duration_fit.hpp);
// - patience: censored estimates from the waits of all calls offered to agents (abandoned =
//   observed, served = censored at their wait): exponential and Weibull MLE, Kaplan-Meier survival
//   and quantiles, and the naive mean of abandon times for contrast (models/patience.hpp);
// - the abandonment rate, the share of repeat callers (24 h and 7 d windows) and the arrival
//   profile of calls offered to agents per weekday and interval (models/arrival_profile.hpp,
//   models/repeat_callers.hpp).
// With --out it writes a `contact_types:` block in the scenario format (scenarios/REFERENCE.md),
// all-or-nothing: arrivals.per_interval for all days or one weekday (--weekday), cut to the
// opening hours (--hours); handle_time as chosen by --handle-time (with `empirical`, a CSV of the
// service times per type next to the YAML); patience as the censored exponential MLE mean.
// The log formats are documented in tools/call_log_csv.hpp and in the command's help.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "models/arrival_profile.hpp"
#include "models/calendar.hpp"
#include "models/duration_fit.hpp"
#include "models/error.hpp"
#include "models/patience.hpp"
#include "models/repeat_callers.hpp"
#include "models/staffing.hpp"
#include "tools/call_log_csv.hpp"
#include "tools/cli_error.hpp"
#include "tools/cli_options.hpp"
#include "tools/commands.hpp"
#include "tools/csv.hpp"
#include "tools/datetime.hpp"
#include "tools/file_io.hpp"
#include "tools/scenario_writer.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr double kRepeatWindowDay_s = 86'400;
constexpr double kRepeatWindowWeek_s = 7 * 86'400;
constexpr std::array<double, 6> kSurvivalTimes_s = {10, 30, 60, 120, 300, 600};
constexpr std::array<double, 3> kPatienceQuantiles = {0.1, 0.25, 0.5};

struct FitOptions {
  std::string calls_path;
  std::string type;
  std::string interval;
  std::string weekday;      // "" = all
  std::string hours;        // "" = the hours the centre is open
  std::string handle_time;  // "" = best
  std::string out_path;
  std::string format;
};

// The target the written scenario's staffing is solved for, and states.
constexpr double kDefaultServiceLevel = 0.8;
constexpr double kDefaultServiceLevelWithin_s = 20;

std::string percent(double fraction) {
  return format_percent(fraction, 1);
}

std::string pad(std::string s, std::size_t width, bool left = false) {
  if (s.size() >= width) return s;
  return left ? s + std::string(width - s.size(), ' ') : std::string(width - s.size(), ' ') + s;
}

// Everything fitted for one contact type.
struct TypeReport {
  std::string name;
  std::size_t calls = 0, served = 0, abandoned = 0, ivr = 0, phantom = 0, queued = 0;
  std::size_t priority_calls = 0;
  std::size_t zero_service = 0;
  std::optional<models::DurationFits> handle_time;
  std::vector<double> service_times_s;  // positive service times, in file order
  std::string handle_time_note;         // why there is no fit
  std::vector<models::WaitObservation> waits;
  std::optional<models::KaplanMeierCurve> kaplan_meier;
  std::optional<models::ExponentialPatience> exponential_patience;
  std::optional<double> naive_patience_s;
  std::optional<models::WeibullPatience> weibull_patience;
  std::string weibull_note;
  std::size_t zero_second_abandons = 0;
  models::ArrivalProfile arrivals;
  models::RepeatShare repeats_day, repeats_week;
};

bool offered_to_agents(const CallRecord& call) {
  return counts(call, CallCount::offered);
}

// -1 = all days, else 0 = Monday ... 6 = Sunday.
int parse_weekday_flag(const std::string& text) {
  if (text.empty() || text == "all") return -1;
  try {
    return parse_weekday(text);
  } catch (const InvalidInput&) {
    throw InputError("--weekday: expected all or a weekday such as mon or monday, found " +
                     quote(text));
  }
}

// What --out writes as handle_time: the AIC choice, a named family, or the observations.
enum class HandleTimeChoice { best, lognormal, gamma, exponential, empirical };

HandleTimeChoice parse_handle_time_choice(const std::string& text) {
  if (text.empty() || text == "best") return HandleTimeChoice::best;
  if (text == "lognormal") return HandleTimeChoice::lognormal;
  if (text == "gamma") return HandleTimeChoice::gamma;
  if (text == "exponential") return HandleTimeChoice::exponential;
  if (text == "empirical") return HandleTimeChoice::empirical;
  throw InputError(
      "--handle-time: expected best, lognormal, gamma, exponential or empirical, found \"" + text +
      "\"");
}

// The part of the day written to the YAML file: intervals [first, first + count).
struct DayWindow {
  int first = 0;
  int count = 0;
  std::int64_t start_s = 0;
};

DayWindow parse_hours(const std::string& text, double interval_s) {
  const auto [start, end] = flag_value("--hours", text, parse_clock_range_s);
  const auto interval = static_cast<std::int64_t>(interval_s);
  const auto start_s = static_cast<std::int64_t>(start), end_s = static_cast<std::int64_t>(end);
  if (start_s % interval != 0 || end_s % interval != 0) {
    throw InputError("--hours: expected times on the grid of " + format_duration(interval_s) +
                     " intervals, found " + quote(text));
  }
  return DayWindow{static_cast<int>(start_s / interval),
                   static_cast<int>((end_s - start_s) / interval), start_s};
}

// The hours the centre is open, read from the log: from the first to the last interval of the day
// in which agents answered a call on at least half of the observed days (of `weekday`, or all).
// A call answered at night now and then does not open the centre.
DayWindow open_hours(const CallLog& log, int weekday, double interval_s) {
  const auto interval = static_cast<std::int64_t>(interval_s);
  const auto slots = static_cast<std::size_t>(models::kSecondsPerDay / interval);
  std::vector<std::set<std::int64_t>> answered_days(slots);
  for (const CallRecord& call : log.calls) {
    const std::int64_t day = models::day_of(call.arrival_local_s);
    if (!counts(call, CallCount::answered)) continue;
    if (weekday >= 0 && models::weekday_from_days(day) != weekday) continue;
    answered_days[static_cast<std::size_t>(models::second_of_day(call.arrival_local_s) / interval)]
        .insert(day);
  }
  const auto days = static_cast<std::size_t>(std::count_if(
      log.observed_days.begin(), log.observed_days.end(),
      [&](std::int64_t day) { return weekday < 0 || models::weekday_from_days(day) == weekday; }));
  std::optional<std::size_t> first, last;
  for (std::size_t i = 0; i < slots; ++i) {
    if (2 * answered_days[i].size() >= days && !answered_days[i].empty()) {
      if (!first) first = i;
      last = i;
    }
  }
  if (!first) {
    throw InputError("--hours: " + log.name +
                     " shows no interval in which agents answered calls on at least half of the "
                     "days; give --hours such as 07:00-21:00");
  }
  return DayWindow{static_cast<int>(*first), static_cast<int>(*last - *first + 1),
                   static_cast<std::int64_t>(*first) * interval};
}

std::vector<TypeReport> analyse(const CallLog& log, const std::vector<std::string>& types,
                                double interval_s) {
  // Repeat flags over every call offered to agents, whatever its type.
  std::vector<models::CallerContact> contacts;
  std::vector<std::size_t> contact_of_call(log.calls.size(), SIZE_MAX);
  for (std::size_t i = 0; i < log.calls.size(); ++i) {
    const CallRecord& call = log.calls[i];
    if (!offered_to_agents(call)) continue;
    contact_of_call[i] = contacts.size();
    contacts.push_back({static_cast<double>(call.arrival_local_s), call.customer});
  }
  const auto flags_day = models::classify_repeat_calls(contacts, kRepeatWindowDay_s);
  const auto flags_week = models::classify_repeat_calls(contacts, kRepeatWindowWeek_s);

  std::vector<TypeReport> reports;
  for (const std::string& type : types) {
    TypeReport r;
    r.name = type;
    std::vector<double> service_times;
    std::vector<std::int64_t> arrivals;
    std::vector<models::RepeatFlags> type_flags_day, type_flags_week;
    for (std::size_t i = 0; i < log.calls.size(); ++i) {
      const CallRecord& call = log.calls[i];
      if (call.type != type) continue;
      ++r.calls;
      switch (call.outcome) {
        case CallOutcome::served:
          ++r.served;
          if (call.service_s > 0) {
            service_times.push_back(call.service_s);
          } else {
            ++r.zero_service;
          }
          break;
        case CallOutcome::abandoned:
          ++r.abandoned;
          break;
        case CallOutcome::hung_up_in_ivr:
          ++r.ivr;
          break;
        case CallOutcome::phantom:
          ++r.phantom;
          break;
      }
      if (!offered_to_agents(call)) continue;
      if (call.queued) ++r.queued;
      if (call.priority == 2) ++r.priority_calls;
      r.waits.push_back({call.wait_s, call.outcome == CallOutcome::abandoned});
      arrivals.push_back(call.arrival_local_s);
      type_flags_day.push_back(flags_day[contact_of_call[i]]);
      type_flags_week.push_back(flags_week[contact_of_call[i]]);
    }
    r.service_times_s = service_times;
    try {
      r.handle_time = models::fit_durations(service_times);
    } catch (const InvalidInput& e) {
      r.handle_time_note = std::to_string(service_times.size()) +
                           " served calls with a positive service time; " +
                           (service_times.size() < 2 ? std::string("a fit needs at least 2")
                                                     : std::string(e.what()));
    }
    if (!r.waits.empty()) {
      r.kaplan_meier = models::kaplan_meier(r.waits);
      r.exponential_patience = models::fit_exponential_patience(r.waits);
      r.naive_patience_s = models::naive_mean_abandon_wait(r.waits);
      // Waits are recorded in whole seconds: a 0 s abandonment happened within the first second.
      std::vector<models::WaitObservation> weibull_waits = r.waits;
      for (auto& w : weibull_waits) {
        if (w.abandoned && w.wait_s == 0) {
          w.wait_s = 0.5;
          ++r.zero_second_abandons;
        }
      }
      try {
        r.weibull_patience = models::fit_weibull_patience(weibull_waits);
      } catch (const InvalidInput& e) {
        r.weibull_note = e.what();
      }
    }
    r.arrivals = models::arrival_profile(arrivals, log.observed_days, interval_s);
    r.repeats_day = models::summarize_repeats(type_flags_day);
    r.repeats_week = models::summarize_repeats(type_flags_week);
    reports.push_back(std::move(r));
  }
  return reports;
}

std::string render_handle_time(const TypeReport& r) {
  std::string out = "Handle time\n";
  if (!r.handle_time) {
    return out + "  no fit: " + r.handle_time_note + " (" + std::to_string(r.zero_service) +
           " with service 0 s)\n";
  }
  const models::DurationFits& fits = *r.handle_time;
  const models::DurationSample& s = fits.sample;
  out += "  " + std::to_string(s.count) + " served calls with service > 0 s (" +
         std::to_string(r.zero_service) + " with service 0 s excluded)\n";
  out += "  sample: mean " + format_fixed(s.mean_s, 1) + " s, sd " + format_fixed(s.sd_s, 1) +
         " s, median " + format_decimal(s.median_s, 1) + " s, range " + format_decimal(s.min_s, 1) +
         "-" + format_decimal(s.max_s, 1) + " s\n";
  out += "  " + pad("family", 13, true) + pad("parameters", 30, true) + pad("mean s", 9) +
         pad("sd s", 9) + pad("log-lik", 14) + pad("AIC", 14) + pad("KS", 8) + pad("AD", 10) + "\n";
  for (const auto& fit : fits.fits) {
    std::string parameters;
    switch (fit.family) {
      case models::DurationFamily::lognormal:
        parameters =
            "mu=" + format_fixed(fit.log_mean, 4) + " sigma=" + format_fixed(fit.log_sd, 4);
        break;
      case models::DurationFamily::gamma:
        parameters =
            "shape=" + format_fixed(fit.shape, 4) + " scale=" + format_fixed(fit.scale_s, 1) + "s";
        break;
      case models::DurationFamily::exponential:
        parameters = "mean=" + format_fixed(fit.mean_s, 1) + "s";
        break;
    }
    out += "  " + pad(std::string(models::family_name(fit.family)), 13, true) +
           pad(parameters, 30, true) + pad(format_fixed(fit.mean_s, 1), 9) +
           pad(format_fixed(fit.sd_s, 1), 9) + pad(format_fixed(fit.log_likelihood, 1), 14) +
           pad(format_fixed(fit.aic, 1), 14) + pad(format_fixed(fit.ks_distance, 4), 8) +
           pad(format_fixed(fit.anderson_darling, 1), 10) + "\n";
  }
  out += "  chosen (lowest AIC): " + std::string(models::family_name(fits.best().family)) + "\n";
  return out;
}

std::string render_patience(const TypeReport& r) {
  std::string out = "Patience (censored: served calls count as waiting at least their wait)\n";
  if (r.waits.empty()) return out + "  no call was offered to an agent\n";
  const auto& exp = *r.exponential_patience;
  const auto& km = *r.kaplan_meier;
  const std::size_t offered = r.served + r.abandoned;
  out += "  " + std::to_string(offered) +
         " calls offered to agents: " + std::to_string(r.abandoned) + " abandoned, " +
         std::to_string(r.served) + " served (" + std::to_string(r.queued) + " of them queued)\n";
  out +=
      "  abandonment: " + percent(static_cast<double>(r.abandoned) / static_cast<double>(offered)) +
      " of calls offered to agents, " +
      (r.queued > 0 ? percent(static_cast<double>(r.abandoned) / static_cast<double>(r.queued))
                    : "-") +
      " of calls that queued\n";
  if (exp.abandons == 0) {
    out += "  exponential MLE mean: unbounded (no abandonment in " +
           format_fixed(exp.total_wait_s, 0) + " s of waiting)\n";
  } else {
    out += "  exponential MLE mean: " + format_fixed(exp.mean_s(), 1) + " s (standard error " +
           format_fixed(exp.std_error_s(), 1) + " s) = " + format_fixed(exp.total_wait_s, 0) +
           " s waited / " + std::to_string(exp.abandons) + " abandons\n";
  }
  if (r.weibull_patience) {
    const auto& w = *r.weibull_patience;
    const double exp_aic = 2.0 - 2.0 * exp.log_likelihood();
    const double weibull_aic = 4.0 - 2.0 * w.log_likelihood;
    out += "  Weibull MLE: shape " + format_fixed(w.shape, 3) + ", scale " +
           format_fixed(w.scale_s, 1) + " s (mean " + format_fixed(w.mean_s(), 1) + " s, median " +
           format_fixed(w.median_s(), 1) + " s); AIC " + format_fixed(weibull_aic, 1) +
           " vs exponential " + format_fixed(exp_aic, 1) +
           (r.zero_second_abandons > 0
                ? " (" + std::to_string(r.zero_second_abandons) + " abandons at 0 s taken as 0.5 s)"
                : std::string()) +
           "\n";
  } else if (exp.abandons > 0) {
    out += "  Weibull MLE: no fit (" + r.weibull_note + ")\n";
  }
  out += "  Kaplan-Meier survival:";
  for (double t : kSurvivalTimes_s) {
    out += " S(" + format_duration(t) + ")=" + format_fixed(km.survival_at(t), 3);
  }
  out += "\n  Kaplan-Meier quantiles:";
  for (double p : kPatienceQuantiles) {
    const auto q = km.quantile_s(p);
    out += " " + (p == 0.5 ? std::string("median") : format_decimal(100 * p, 0) + "%") + " " +
           (q ? format_decimal(*q, 1) + " s" : std::string("not reached"));
    if (q && p == 0.5) {
      const auto step =
          std::find_if(km.steps.begin(), km.steps.end(),
                       [&](const models::KaplanMeierStep& s) { return s.time_s == *q; });
      out += " (" + std::to_string(step->at_risk) + " still waiting, S standard error " +
             format_fixed(step->std_error, 3) + ")";
    }
    if (p != kPatienceQuantiles.back()) out += ",";
  }
  out += "\n  naive mean of abandon times (biased low, for contrast only): " +
         (r.naive_patience_s ? format_fixed(*r.naive_patience_s, 1) + " s" : std::string("-")) +
         "\n";
  return out;
}

std::string render_repeats(const TypeReport& r) {
  std::string out = "Repeat callers (calls offered to agents from identified customers: " +
                    std::to_string(r.repeats_day.identified_calls) + ")\n";
  if (r.repeats_day.identified_calls == 0) return out + "  no identified customer\n";
  out += "  followed by another call of the same customer within 24h: " +
         percent(r.repeats_day.share_followed()) +
         ", within 7d: " + percent(r.repeats_week.share_followed()) + "\n";
  out += "  preceded by a call of the same customer within 24h: " +
         percent(r.repeats_day.share_preceded()) +
         ", within 7d: " + percent(r.repeats_week.share_preceded()) + "\n";
  return out;
}

std::string render_arrivals(const TypeReport& r) {
  const models::ArrivalProfile& p = r.arrivals;
  std::string out = "Arrival profile: mean calls offered to agents per " +
                    format_duration(p.interval_s) +
                    " interval (intervals with no call on any weekday omitted)\n";
  out += "  " + pad("start", 6, true);
  for (int w = 0; w < 7; ++w) out += pad(std::string(weekday_short_name(w)), 8);
  out += pad("all", 8) + "\n  " + pad("days", 6, true);
  for (int w = 0; w < 7; ++w) out += pad(std::to_string(p.days_observed[w]), 8);
  out += pad(std::to_string(p.total_days_observed), 8) + "\n";
  for (int i = 0; i < p.intervals_per_day; ++i) {
    bool any = p.mean_all_days[i] > 0;
    if (!any) continue;
    out += "  " + pad(clock_of(static_cast<std::int64_t>(i * p.interval_s)), 6, true);
    for (int w = 0; w < 7; ++w) out += pad(format_fixed(p.mean_per_interval[w][i], 1), 8);
    out += pad(format_fixed(p.mean_all_days[i], 1), 8) + "\n";
  }
  return out;
}

std::string render_text(const CallLog& log, const std::vector<TypeReport>& reports) {
  std::size_t phantom = 0, ivr = 0, priority = 0, offered = 0;
  for (const auto& call : log.calls) {
    if (call.outcome == CallOutcome::phantom) ++phantom;
    if (call.outcome == CallOutcome::hung_up_in_ivr) ++ivr;
    if (offered_to_agents(call)) {
      ++offered;
      if (call.priority == 2) ++priority;
    }
  }
  std::string out = "Call log " + log.name + " (" + std::string(format_name(log.format)) +
                    " format): " + std::to_string(log.calls.size()) + " calls on " +
                    std::to_string(log.observed_days.size()) + " days, " +
                    format_local_date(log.observed_days.front() * models::kSecondsPerDay) + " to " +
                    format_local_date(log.observed_days.back() * models::kSecondsPerDay) + "\n";
  out += "  " + std::to_string(offered) +
         " offered to agents; not used: " + std::to_string(phantom) + " phantom records, " +
         std::to_string(ivr) + " hung up in the IVR\n";
  if (log.format == CallLogFormat::anonymous_bank) {
    out +=
        "  priority customers: " + std::to_string(priority) + " calls offered to agents (" +
        percent(offered > 0 ? static_cast<double>(priority) / static_cast<double>(offered) : 0.0) +
        "); the centre credits them 1.5 min of waiting on arrival. The fits ignore priority.\n";
  }
  for (const auto& r : reports) {
    out += "\n== Contact type " + r.name + ": " + std::to_string(r.calls) + " calls (" +
           std::to_string(r.served) + " served, " + std::to_string(r.abandoned) + " abandoned, " +
           std::to_string(r.ivr) + " hung up in the IVR, " + std::to_string(r.phantom) +
           " phantom)\n";
    if (log.format == CallLogFormat::anonymous_bank) {
      out += "  " + std::to_string(r.priority_calls) + " of the " +
             std::to_string(r.served + r.abandoned) +
             " calls offered to agents are from priority customers\n";
    }
    out += render_handle_time(r) + render_patience(r) + render_repeats(r) + render_arrivals(r);
  }
  return out;
}

// A type's name (under `name_key`) and what happened to its calls.
Json type_counts(const TypeReport& r, const char* name_key) {
  Json j;
  j[name_key] = r.name;
  j["calls"] = r.calls;
  j["served"] = r.served;
  j["abandoned"] = r.abandoned;
  j["hung_up_in_ivr"] = r.ivr;
  j["phantom"] = r.phantom;
  return j;
}

// The report as JSON: the figures of the text, as numbers (times in seconds, shares fractions).
Json report_json(const CallLog& log, const std::vector<TypeReport>& reports) {
  Json root;
  root["log"] = log.name;
  root["format"] = std::string(format_name(log.format));
  root["records"] = log.calls.size();
  root["days"] = log.observed_days.size();
  root["first_day"] = format_local_date(log.observed_days.front() * models::kSecondsPerDay);
  root["last_day"] = format_local_date(log.observed_days.back() * models::kSecondsPerDay);
  Json types = Json::array();
  for (const TypeReport& r : reports) {
    Json t = type_counts(r, "name");
    t["queued"] = r.queued;
    if (r.handle_time) {
      Json h;
      h["observations"] = r.handle_time->sample.count;
      h["zero_service_excluded"] = r.zero_service;
      h["mean_s"] = r.handle_time->sample.mean_s;
      h["sd_s"] = r.handle_time->sample.sd_s;
      h["median_s"] = r.handle_time->sample.median_s;
      Json fits = Json::array();
      for (const auto& fit : r.handle_time->fits) {
        fits.push_back({{"family", models::family_name(fit.family)},
                        {"mean_s", fit.mean_s},
                        {"sd_s", fit.sd_s},
                        {"log_likelihood", fit.log_likelihood},
                        {"aic", fit.aic},
                        {"ks_distance", fit.ks_distance},
                        {"anderson_darling", fit.anderson_darling}});
      }
      h["fits"] = fits;
      h["chosen"] = models::family_name(r.handle_time->best().family);
      t["handle_time"] = h;
    } else {
      t["handle_time"] = nullptr;
    }
    if (r.exponential_patience) {
      Json p;
      const auto& e = *r.exponential_patience;
      p["offered"] = r.served + r.abandoned;
      p["abandons"] = e.abandons;
      p["total_wait_s"] = e.total_wait_s;
      if (e.abandons > 0) {
        p["exponential_mean_s"] = e.mean_s();
        p["exponential_std_error_s"] = e.std_error_s();
      }
      const auto median = r.kaplan_meier->quantile_s(0.5);
      if (median) p["kaplan_meier_median_s"] = *median;
      if (r.naive_patience_s) p["naive_mean_of_abandon_times_s"] = *r.naive_patience_s;
      if (r.weibull_patience) {
        p["weibull"] = {{"shape", r.weibull_patience->shape},
                        {"scale_s", r.weibull_patience->scale_s}};
      }
      t["patience"] = p;
    } else {
      t["patience"] = nullptr;
    }
    t["repeat_callers"] = {{"identified_calls", r.repeats_day.identified_calls},
                           {"followed_within_24h", r.repeats_day.share_followed()},
                           {"followed_within_7d", r.repeats_week.share_followed()},
                           {"preceded_within_24h", r.repeats_day.share_preceded()},
                           {"preceded_within_7d", r.repeats_week.share_preceded()}};
    Json profile;
    profile["interval_s"] = r.arrivals.interval_s;
    profile["mean_all_days"] = r.arrivals.mean_all_days;
    Json by_weekday;
    for (int w = 0; w < 7; ++w) {
      by_weekday[std::string(weekday_short_name(w))] = r.arrivals.mean_per_interval[w];
    }
    profile["mean_by_weekday"] = by_weekday;
    t["arrival_profile"] = profile;
    types.push_back(t);
  }
  root["contact_types"] = types;
  return root;
}

// The report as CSV: one line per contact type with its main figures.
std::string report_csv(const std::vector<TypeReport>& reports) {
  std::vector<Json> rows;
  for (const TypeReport& r : reports) {
    Json j = type_counts(r, "contact_type");
    const std::size_t offered = r.served + r.abandoned;
    if (offered > 0) {
      j["abandon_rate"] = static_cast<double>(r.abandoned) / static_cast<double>(offered);
    }
    if (r.handle_time) {
      const auto& best = r.handle_time->best();
      j["handle_time_family"] = models::family_name(best.family);
      j["handle_time_mean_s"] = best.mean_s;
      j["handle_time_sd_s"] = best.sd_s;
    }
    if (r.exponential_patience && r.exponential_patience->abandons > 0) {
      j["patience_exponential_mean_s"] = r.exponential_patience->mean_s();
    }
    if (r.kaplan_meier) {
      if (const auto median = r.kaplan_meier->quantile_s(0.5)) {
        j["patience_kaplan_meier_median_s"] = *median;
      }
    }
    if (r.naive_patience_s) j["patience_naive_mean_s"] = *r.naive_patience_s;
    j["repeat_followed_within_24h"] = r.repeats_day.share_followed();
    j["repeat_followed_within_7d"] = r.repeats_week.share_followed();
    rows.push_back(std::move(j));
  }
  return records_csv(rows);
}

// A file-name-safe spelling of a contact type name.
std::string file_safe(const std::string& name) {
  std::string out;
  for (char c : name) {
    const bool safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
    out += safe ? c : '_';
  }
  return out;
}

// The fit written for a type: the AIC choice or the family asked for.
const models::DurationFit& chosen_fit(const TypeReport& r, HandleTimeChoice choice) {
  std::size_t index = r.handle_time->chosen;
  if (choice == HandleTimeChoice::lognormal) index = 0;
  if (choice == HandleTimeChoice::gamma) index = 1;
  if (choice == HandleTimeChoice::exponential) index = 2;
  return r.handle_time->fits[index];
}

// The mean handle time the scenario gets for a type (the written distribution's mean).
double written_handle_time_mean(const TypeReport& r, HandleTimeChoice choice) {
  return choice == HandleTimeChoice::empirical ? r.handle_time->sample.mean_s
                                               : chosen_fit(r, choice).mean_s;
}

// Agents per interval for the default target on the pooled load of the written types: Erlang A
// with the call-weighted mean handle time and patience (Erlang C when nobody abandons).
std::vector<int> starting_staffing(const std::vector<const TypeReport*>& types,
                                   const std::vector<std::vector<double>>& calls,
                                   const std::vector<double>& handle_time_s, double interval_s) {
  models::StaffingTargets targets;
  targets.service_level = models::ServiceLevelGoal{
      kDefaultServiceLevel, kDefaultServiceLevelWithin_s, models::ServiceLevelBasis::offered};
  std::vector<int> staffing;
  for (std::size_t i = 0; i < calls.front().size(); ++i) {
    double total = 0, work = 0, patient = 0, patience_sum = 0;
    for (std::size_t t = 0; t < types.size(); ++t) {
      const double n = calls[t][i];
      total += n;
      work += n * handle_time_s[t];
      const auto& e = types[t]->exponential_patience;
      if (e && e->abandons > 0) {
        patient += n;
        patience_sum += n * e->mean_s();
      }
    }
    if (total <= 0) {
      staffing.push_back(0);
      continue;
    }
    models::Workload w{total / interval_s, work / total, patient > 0 ? patience_sum / patient : 0};
    const auto model = patient > 0 ? models::QueueModel::erlang_a : models::QueueModel::erlang_c;
    staffing.push_back(models::required_agents(model, w, targets).agents);
  }
  return staffing;
}

// A scenario needs a handle time for every type written: a type asked for by --type must have a
// fit, and at least one type must.
void check_writable(const CallLog& log, const std::vector<TypeReport>& reports,
                    const std::string& requested_types) {
  for (const TypeReport& r : reports) {
    if (!r.handle_time && !requested_types.empty()) {
      throw InputError(
          "--type " + r.name +
          ": cannot write a contact type without a handle-time fit: " + r.handle_time_note);
    }
  }
  if (std::none_of(reports.begin(), reports.end(),
                   [](const TypeReport& r) { return r.handle_time.has_value(); })) {
    throw InputError(log.name + ": no contact type has enough served calls for a handle-time fit");
  }
}

// The scenario file and, for --handle-time empirical, one CSV of service times per contact type
// next to it (named <yaml stem>.<type>.handle_time.csv and referenced relative to the YAML's
// folder).
std::vector<PendingFile> render_scenario_files(const CallLog& log,
                                               const std::vector<TypeReport>& reports, int weekday,
                                               double interval_s, const DayWindow& window,
                                               bool hours_from_log, HandleTimeChoice choice,
                                               const std::string& out_path) {
  if (choice == HandleTimeChoice::empirical && is_standard_stream(out_path)) {
    throw InputError(
        "--out: --handle-time empirical writes a CSV next to the scenario, so the "
        "scenario needs a file name, found \"-\"");
  }
  std::vector<PendingFile> files(1);
  files[0].path = out_path;
  ScenarioDraft d;
  d.name = "Fitted from " + log.name;
  d.interval_s = interval_s;
  d.intervals_per_day = window.count;
  d.day_start_s = static_cast<double>(window.start_s);
  const std::string days_used =
      weekday < 0
          ? "all " + std::to_string(reports.front().arrivals.total_days_observed) + " observed days"
          : "the " + std::to_string(reports.front().arrivals.days_observed[weekday]) +
                " observed " + std::string(weekday_full_name(weekday)) + "s";
  d.comments = {
      "Fitted by staffsim fit from " + log.name + " (" + std::string(format_name(log.format)) +
          " format); runs as it is: staffsim run " + fs::path(out_path).filename().string(),
      "arrivals.per_interval: mean calls offered to agents in each " + format_duration(interval_s) +
          " interval from " + clock_of(window.start_s) + " to " +
          clock_of(window.start_s + static_cast<std::int64_t>(window.count * interval_s)) +
          ", over " + days_used + (hours_from_log ? ";" : "."),
  };
  if (hours_from_log) {
    d.comments.push_back(
        "  those are the hours the centre is open: agents answered calls in them "
        "on at least half of the days (--hours).");
  }
  d.comments.push_back(
      choice == HandleTimeChoice::empirical
          ? "handle_time: resampled from the observed positive service times (a CSV next to this "
            "file); patience: censored exponential maximum-likelihood mean."
      : choice == HandleTimeChoice::best
          ? "handle_time: maximum-likelihood family with the lowest AIC, by the mean and sd of the "
            "duration; patience: censored exponential maximum-likelihood mean."
          : "handle_time: maximum-likelihood fit of the family asked for, by the mean and sd of "
            "the duration; patience: censored exponential maximum-likelihood mean.");
  d.comments.push_back("targets: a default of " + format_percent(kDefaultServiceLevel, 0) +
                       " answered within " + format_duration(kDefaultServiceLevelWithin_s) +
                       " for every type; replace them with yours.");
  std::vector<const TypeReport*> written;
  std::vector<std::vector<double>> written_calls;
  std::vector<double> written_aht;
  for (const auto& r : reports) {
    if (!r.handle_time) {
      d.comments.push_back(r.name + " left out: " + r.handle_time_note);
      continue;
    }
    ScenarioDraft::ContactType type;
    type.name = r.name;
    const std::vector<double>& per_interval =
        weekday < 0 ? r.arrivals.mean_all_days : r.arrivals.mean_per_interval[weekday];
    double outside = 0;
    for (int i = 0; i < static_cast<int>(per_interval.size()); ++i) {
      if (i < window.first || i >= window.first + window.count) {
        outside += per_interval[i];
      } else {
        type.calls_per_interval.push_back(std::round(per_interval[i] * 1e4) / 1e4);
      }
    }
    if (outside > 0) {
      type.comments.push_back(r.name + ": " + format_decimal(outside, 2) +
                              " calls per day arrive outside the written hours and are left out");
    }
    if (choice == HandleTimeChoice::empirical) {
      const fs::path yaml_path(out_path);
      const std::string csv_name =
          yaml_path.stem().string() + "." + file_safe(r.name) + ".handle_time.csv";
      std::string csv = "handle_time_s\n";
      for (double v : r.service_times_s) csv += format_decimal(v, 3) + "\n";
      files.push_back({(yaml_path.parent_path() / csv_name).string(), std::move(csv)});
      type.handle_time_yaml =
          "{distribution: empirical, file: " + yaml_quoted(csv_name) + ", column: handle_time_s}";
    } else {
      const models::DurationFit& fit = chosen_fit(r, choice);
      type.handle_time_yaml = "{distribution: " + std::string(models::family_name(fit.family)) +
                              ", mean: " + yaml_duration(fit.mean_s);
      if (fit.family != models::DurationFamily::exponential) {
        type.handle_time_yaml += ", sd: " + yaml_duration(fit.sd_s);
      }
      type.handle_time_yaml += "}";
    }
    if (r.exponential_patience && r.exponential_patience->abandons > 0) {
      type.patience_mean_s = std::round(r.exponential_patience->mean_s() * 10) / 10;
    } else {
      type.comments.push_back("no abandonment observed: patience left out (nobody abandons)");
    }
    type.service_level =
        ScenarioDraft::ServiceLevel{kDefaultServiceLevelWithin_s, kDefaultServiceLevel, "offered"};
    type.groups = {"agents"};
    written.push_back(&r);
    written_calls.push_back(type.calls_per_interval);
    written_aht.push_back(written_handle_time_mean(r, choice));
    d.contact_types.push_back(std::move(type));
  }
  ScenarioDraft::AgentGroup group;
  group.name = "agents";
  group.comments = {
      "staffing: a starting point, not a plan: the agents Erlang " +
          std::string(std::any_of(written.begin(), written.end(),
                                  [](const TypeReport* r) {
                                    return r->exponential_patience &&
                                           r->exponential_patience->abandons > 0;
                                  })
                          ? "A"
                          : "C") +
          " needs in each interval for the target above,",
      "  on the load of all types together (call-weighted mean handle time and patience)."};
  group.staffing = starting_staffing(written, written_calls, written_aht, interval_s);
  d.agent_groups.push_back(std::move(group));
  files[0].content = render_scenario(d);
  return files;
}

void run_fit(const FitOptions& options) {
  const OutputFormat format = output_format(options.format, options.out_path, false);
  if (options.out_path.empty()) {
    for (const auto& [flag, value] :
         {std::pair<const char*, const std::string*>{"--weekday", &options.weekday},
          {"--hours", &options.hours},
          {"--handle-time", &options.handle_time}}) {
      if (!value->empty()) {
        throw InputError(std::string(flag) +
                         ": applies to the scenario written with --out; give --out FILE.yaml");
      }
    }
  }
  const double interval_s = static_cast<double>(
      options.interval.empty() ? 1800
                               : flag_value("--interval", options.interval, parse_interval_s));
  const int weekday = parse_weekday_flag(options.weekday);
  const bool hours_from_log = options.hours.empty();
  std::optional<DayWindow> window;
  if (!hours_from_log) window = parse_hours(options.hours, interval_s);
  const HandleTimeChoice handle_time = parse_handle_time_choice(options.handle_time);
  const CallLog log = read_call_log(options.calls_path);
  const std::vector<std::string> types =
      flag_value("--type", options.type,
                 [&](std::string_view text) { return select_types(log, std::string(text)); });
  if (weekday >= 0 &&
      std::none_of(log.observed_days.begin(), log.observed_days.end(),
                   [&](std::int64_t day) { return models::weekday_from_days(day) == weekday; })) {
    throw InputError("--weekday: " + log.name + " has no " +
                     std::string(weekday_full_name(weekday)) + ", found " + quote(options.weekday));
  }
  const std::vector<TypeReport> reports = analyse(log, types, interval_s);
  std::string text;
  switch (format) {
    case OutputFormat::table:
      text = render_text(log, reports);
      break;
    case OutputFormat::json:
      text = report_json(log, reports).dump(2) + "\n";
      break;
    case OutputFormat::csv:
      text = report_csv(reports);
      break;
  }
  if (!options.out_path.empty()) {
    check_writable(log, reports, options.type);
    if (!window) window = open_hours(log, weekday, interval_s);
    const auto files = render_scenario_files(log, reports, weekday, interval_s, *window,
                                             hours_from_log, handle_time, options.out_path);
    if (is_standard_stream(options.out_path)) {
      std::cout << files[0].content;
      return;
    }
    write_files_atomically(files);
  }
  std::cout << text;
  if (!options.out_path.empty() && format == OutputFormat::table) {
    std::cout << "\nWrote " << options.out_path << ", a scenario that runs as it is\n";
  }
}

}  // namespace

void add_fit_command(CLI::App& app) {
  auto options = std::make_shared<FitOptions>();
  CLI::App* fit = app.add_subcommand(
      "fit", "Fit handle time, patience, arrival profile and repeat callers from a per-call log");
  fit->add_option("--history", options->calls_path,
                  std::string(shared_help::kHistory) + "; fit reads a per-call log, see below")
      ->required();
  fit->add_option("--type", options->type, shared_help::kType);
  fit->add_option("--interval", options->interval, shared_help::kInterval);
  fit->add_option("--weekday", options->weekday,
                  "Arrival profile written with --out: all (default) or a weekday, mon or monday");
  fit->add_option("--hours", options->hours,
                  "Part of the day written with --out, on the interval grid, e.g. 07:00-21:00 "
                  "(default: the hours the centre is open, from the log)");
  fit->add_option("--handle-time", options->handle_time,
                  "handle_time written with --out: best (lowest AIC, default), lognormal, gamma, "
                  "exponential, or empirical (a CSV of the service times next to the YAML)");
  fit->add_option("--format", options->format, shared_help::kFormatToTerminal);
  fit->add_option("--out", options->out_path,
                  "Write a scenario that runs as it is to this YAML file (one file, written whole "
                  "or not at all; - = standard output)");
  fit->footer(
      "Call log formats (CSV with a header row; times ISO 8601 local, e.g. 2024-03-04T08:15:00):\n"
      "  Anonymous Bank: vru_line,call_id,customer_key,priority,type,arrival,vru_exit,vru_time_s,\n"
      "    q_start,q_exit,q_time_s,outcome,ser_start,ser_exit,ser_time_s,agent\n"
      "    (outcome AGENT served, HANG abandoned if q_start is set else hung up in the IVR,\n"
      "    PHANTOM ignored; customer_key 0 = not identified; priority 2 = priority customer)\n"
      "  generic: arrival,wait_s,outcome,service_s[,type][,customer]\n"
      "    wait_s   seconds in queue until answered or abandoned (>= 0)\n"
      "    outcome  served | abandoned\n"
      "    service_s handle time of a served call in seconds (ignored, may be empty, if "
      "abandoned)\n"
      "    type     contact type (without the column: \"default\")\n"
      "    customer caller key, whole number, 0 = not identified\n"
      "Arrival profile: calls offered to agents (served or abandoned in queue) at their arrival\n"
      "time; mean per interval over the days the log covers (a day with any record counts).\n"
      "Handle time: lognormal, gamma and exponential MLE, chosen by AIC; zero service times are\n"
      "excluded and counted. Patience: served calls are censored at their wait (Kaplan-Meier and\n"
      "exponential MLE = abandons / total waiting time). Repeat callers: share of calls followed\n"
      "(or preceded) by another call of the same customer within 24h / 7d.\n"
      "--out writes a scenario that runs as it is: the fitted types over the hours the centre is\n"
      "open (agents answered calls in them on at least half of the days; --hours to choose), a\n"
      "default target of 80% answered within 20s, and one agent group staffed by Erlang for it.");
  fit->callback([options] { run_fit(*options); });
}

}  // namespace staffsim::tools
