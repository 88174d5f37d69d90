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
#include <optional>
#include <string>
#include <vector>

#include "models/arrival_profile.hpp"
#include "models/calendar.hpp"
#include "models/duration_fit.hpp"
#include "models/error.hpp"
#include "models/patience.hpp"
#include "models/repeat_callers.hpp"
#include "tools/call_log_csv.hpp"
#include "tools/cli_error.hpp"
#include "tools/commands.hpp"
#include "tools/datetime.hpp"
#include "tools/file_io.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

namespace fs = std::filesystem;

constexpr std::array<const char*, 7> kWeekdayNames = {"Mon", "Tue", "Wed", "Thu",
                                                      "Fri", "Sat", "Sun"};
constexpr std::array<const char*, 7> kWeekdayKeys = {"mon", "tue", "wed", "thu",
                                                     "fri", "sat", "sun"};
constexpr double kRepeatWindowDay_s = 86'400;
constexpr double kRepeatWindowWeek_s = 7 * 86'400;
constexpr std::array<double, 6> kSurvivalTimes_s = {10, 30, 60, 120, 300, 600};
constexpr std::array<double, 3> kPatienceQuantiles = {0.1, 0.25, 0.5};

struct FitOptions {
  std::string calls_path;
  std::string type;
  std::string interval = "30m";
  std::string weekday = "all";
  std::string hours = "00:00-24:00";
  std::string handle_time = "best";
  std::string out_path;
};

std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

// Shortest of "%.{decimals}f" without trailing zeros ("12.5", "3", "0.0417").
std::string trimmed(double value, int decimals) {
  std::string s = fixed(value, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::string percent(double fraction) {
  return fixed(100 * fraction, 1) + "%";
}

std::string pad(std::string s, std::size_t width, bool left = false) {
  if (s.size() >= width) return s;
  return left ? s + std::string(width - s.size(), ' ') : std::string(width - s.size(), ' ') + s;
}

std::string clock_text(std::int64_t second_of_day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(second_of_day / 3600),
                static_cast<int>(second_of_day / 60 % 60));
  return buf;
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
  return call.outcome == CallOutcome::served || call.outcome == CallOutcome::abandoned;
}

double parse_interval(const std::string& text) {
  double seconds = 0;
  try {
    seconds = parse_duration_s(text);
  } catch (const InvalidInput& e) {
    throw InputError(std::string("--interval: ") + e.what());
  }
  const bool divides_day = seconds >= 1 && seconds == std::floor(seconds) &&
                           seconds <= models::kSecondsPerDay &&
                           models::kSecondsPerDay % static_cast<std::int64_t>(seconds) == 0;
  if (!divides_day) {
    throw InputError(
        "--interval: expected a whole number of seconds dividing a day, such as 15m, 30m or 1h, "
        "found \"" +
        text + "\"");
  }
  return seconds;
}

// -1 = all days, else 0 = Monday ... 6 = Sunday.
int parse_weekday(const std::string& text) {
  if (text == "all") return -1;
  for (int w = 0; w < 7; ++w) {
    if (text == kWeekdayKeys[w]) return w;
  }
  throw InputError("--weekday: expected all, mon, tue, wed, thu, fri, sat or sun, found \"" + text +
                   "\"");
}

// What --out writes as handle_time: the AIC choice, a named family, or the observations.
enum class HandleTimeChoice { best, lognormal, gamma, exponential, empirical };

HandleTimeChoice parse_handle_time_choice(const std::string& text) {
  if (text == "best") return HandleTimeChoice::best;
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
  auto fail = [&] {
    throw InputError(
        "--hours: expected HH:MM-HH:MM on the interval grid, start before end, end at most "
        "24:00, such as 07:00-21:00, found \"" +
        text + "\"");
  };
  auto clock_s = [&](std::string_view t) -> std::int64_t {
    if (t.size() != 5 || t[2] != ':') fail();
    for (std::size_t i : {0, 1, 3, 4}) {
      if (t[i] < '0' || t[i] > '9') fail();
    }
    const int hours = (t[0] - '0') * 10 + (t[1] - '0');
    const int minutes = (t[3] - '0') * 10 + (t[4] - '0');
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) fail();
    return hours * 3600 + minutes * 60;
  };
  const std::size_t dash = text.find('-');
  if (dash == std::string::npos) fail();
  const std::int64_t start = clock_s(std::string_view(text).substr(0, dash));
  const std::int64_t end = clock_s(std::string_view(text).substr(dash + 1));
  const auto interval = static_cast<std::int64_t>(interval_s);
  if (start >= end || start % interval != 0 || end % interval != 0) fail();
  return DayWindow{static_cast<int>(start / interval), static_cast<int>((end - start) / interval),
                   start};
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
  out += "  sample: mean " + fixed(s.mean_s, 1) + " s, sd " + fixed(s.sd_s, 1) + " s, median " +
         trimmed(s.median_s, 1) + " s, range " + trimmed(s.min_s, 1) + "-" + trimmed(s.max_s, 1) +
         " s\n";
  out += "  " + pad("family", 13, true) + pad("parameters", 30, true) + pad("mean s", 9) +
         pad("sd s", 9) + pad("log-lik", 14) + pad("AIC", 14) + pad("KS", 8) + pad("AD", 10) + "\n";
  for (const auto& fit : fits.fits) {
    std::string parameters;
    switch (fit.family) {
      case models::DurationFamily::lognormal:
        parameters = "mu=" + fixed(fit.log_mean, 4) + " sigma=" + fixed(fit.log_sd, 4);
        break;
      case models::DurationFamily::gamma:
        parameters = "shape=" + fixed(fit.shape, 4) + " scale=" + fixed(fit.scale_s, 1) + "s";
        break;
      case models::DurationFamily::exponential:
        parameters = "mean=" + fixed(fit.mean_s, 1) + "s";
        break;
    }
    out += "  " + pad(std::string(models::family_name(fit.family)), 13, true) +
           pad(parameters, 30, true) + pad(fixed(fit.mean_s, 1), 9) + pad(fixed(fit.sd_s, 1), 9) +
           pad(fixed(fit.log_likelihood, 1), 14) + pad(fixed(fit.aic, 1), 14) +
           pad(fixed(fit.ks_distance, 4), 8) + pad(fixed(fit.anderson_darling, 1), 10) + "\n";
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
    out += "  exponential MLE mean: unbounded (no abandonment in " + fixed(exp.total_wait_s, 0) +
           " s of waiting)\n";
  } else {
    out += "  exponential MLE mean: " + fixed(exp.mean_s(), 1) + " s (standard error " +
           fixed(exp.std_error_s(), 1) + " s) = " + fixed(exp.total_wait_s, 0) + " s waited / " +
           std::to_string(exp.abandons) + " abandons\n";
  }
  if (r.weibull_patience) {
    const auto& w = *r.weibull_patience;
    const double exp_aic = 2.0 - 2.0 * exp.log_likelihood();
    const double weibull_aic = 4.0 - 2.0 * w.log_likelihood;
    out += "  Weibull MLE: shape " + fixed(w.shape, 3) + ", scale " + fixed(w.scale_s, 1) +
           " s (mean " + fixed(w.mean_s(), 1) + " s, median " + fixed(w.median_s(), 1) +
           " s); AIC " + fixed(weibull_aic, 1) + " vs exponential " + fixed(exp_aic, 1) +
           (r.zero_second_abandons > 0
                ? " (" + std::to_string(r.zero_second_abandons) + " abandons at 0 s taken as 0.5 s)"
                : std::string()) +
           "\n";
  } else if (exp.abandons > 0) {
    out += "  Weibull MLE: no fit (" + r.weibull_note + ")\n";
  }
  out += "  Kaplan-Meier survival:";
  for (double t : kSurvivalTimes_s) {
    out += " S(" + format_duration(t) + ")=" + fixed(km.survival_at(t), 3);
  }
  out += "\n  Kaplan-Meier quantiles:";
  for (double p : kPatienceQuantiles) {
    const auto q = km.quantile_s(p);
    out += " " + (p == 0.5 ? std::string("median") : trimmed(100 * p, 0) + "%") + " " +
           (q ? trimmed(*q, 1) + " s" : std::string("not reached"));
    if (q && p == 0.5) {
      const auto step =
          std::find_if(km.steps.begin(), km.steps.end(),
                       [&](const models::KaplanMeierStep& s) { return s.time_s == *q; });
      out += " (" + std::to_string(step->at_risk) + " still waiting, S standard error " +
             fixed(step->std_error, 3) + ")";
    }
    if (p != kPatienceQuantiles.back()) out += ",";
  }
  out += "\n  naive mean of abandon times (biased low, for contrast only): " +
         (r.naive_patience_s ? fixed(*r.naive_patience_s, 1) + " s" : std::string("-")) + "\n";
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
  for (const char* name : kWeekdayNames) out += pad(name, 8);
  out += pad("all", 8) + "\n  " + pad("days", 6, true);
  for (int w = 0; w < 7; ++w) out += pad(std::to_string(p.days_observed[w]), 8);
  out += pad(std::to_string(p.total_days_observed), 8) + "\n";
  for (int i = 0; i < p.intervals_per_day; ++i) {
    bool any = p.mean_all_days[i] > 0;
    if (!any) continue;
    out += "  " + pad(clock_text(static_cast<std::int64_t>(i * p.interval_s)), 6, true);
    for (int w = 0; w < 7; ++w) out += pad(fixed(p.mean_per_interval[w][i], 1), 8);
    out += pad(fixed(p.mean_all_days[i], 1), 8) + "\n";
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

std::string yaml_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string yaml_duration(double seconds) {
  return trimmed(seconds, 1) + "s";
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

// The YAML file and, for --handle-time empirical, one CSV of service times per contact type next
// to it (named <yaml stem>.<type>.handle_time.csv and referenced relative to the YAML's folder).
std::vector<PendingFile> render_yaml(const CallLog& log, const std::vector<TypeReport>& reports,
                                     int weekday, double interval_s, const DayWindow& window,
                                     HandleTimeChoice choice, const std::string& out_path,
                                     const std::string& requested_type) {
  std::vector<PendingFile> files(1);
  files[0].path = out_path;
  std::string out = "# Fitted by staffsim fit from " + log.name + " (" +
                    std::string(format_name(log.format)) + " format).\n";
  out += "# Pair with horizon: {interval: " + format_duration(interval_s) +
         ", intervals: " + std::to_string(window.count) + ", start: \"" +
         clock_text(window.start_s) + "\"}\n";
  out += "# arrivals.per_interval: mean calls offered to agents in each " +
         format_duration(interval_s) + " interval from " + clock_text(window.start_s) + ", over " +
         (weekday < 0 ? "all " + std::to_string(reports.front().arrivals.total_days_observed) +
                            " observed days"
                      : "the " + std::to_string(reports.front().arrivals.days_observed[weekday]) +
                            " observed " + kWeekdayNames[weekday] + "s") +
         ".\n";
  out +=
      std::string(
          choice == HandleTimeChoice::empirical
              ? "# handle_time: resampled from the observed positive service times (a CSV next to "
                "this file);\n#"
          : choice == HandleTimeChoice::best
              ? "# handle_time: maximum-likelihood family with the lowest AIC, by the "
                "mean and sd of the\n# duration;"
              : "# handle_time: maximum-likelihood fit of the family asked for, by the "
                "mean and sd of the\n# duration;") +
      " patience: censored exponential maximum-likelihood mean.\n";
  out += "contact_types:\n";
  int written = 0;
  for (const auto& r : reports) {
    if (!r.handle_time) {
      if (!requested_type.empty()) {
        throw InputError(
            "--type " + requested_type +
            ": cannot write a contact type without a handle-time fit: " + r.handle_time_note);
      }
      out += "  # " + r.name + " left out: " + r.handle_time_note + "\n";
      continue;
    }
    const std::vector<double>& per_interval =
        weekday < 0 ? r.arrivals.mean_all_days : r.arrivals.mean_per_interval[weekday];
    double outside = 0;
    for (int i = 0; i < static_cast<int>(per_interval.size()); ++i) {
      if (i < window.first || i >= window.first + window.count) outside += per_interval[i];
    }
    if (outside > 0) {
      out += "  # " + r.name + ": " + trimmed(outside, 2) +
             " calls per day arrive outside the written hours and are left out\n";
    }
    out += "  - name: " + yaml_string(r.name) + "\n";
    out += "    arrivals: {per_interval: [";
    for (int i = 0; i < window.count; ++i) {
      out += (i ? ", " : "") + trimmed(per_interval[window.first + i], 4);
    }
    out += "]}\n";
    if (choice == HandleTimeChoice::empirical) {
      const fs::path yaml_path(out_path);
      const std::string csv_name =
          yaml_path.stem().string() + "." + file_safe(r.name) + ".handle_time.csv";
      std::string csv = "handle_time_s\n";
      for (double v : r.service_times_s) csv += trimmed(v, 3) + "\n";
      files.push_back({(yaml_path.parent_path() / csv_name).string(), std::move(csv)});
      out += "    handle_time: {distribution: empirical, file: " + yaml_string(csv_name) +
             ", column: handle_time_s}\n";
    } else {
      std::size_t index = r.handle_time->chosen;
      if (choice == HandleTimeChoice::lognormal) index = 0;
      if (choice == HandleTimeChoice::gamma) index = 1;
      if (choice == HandleTimeChoice::exponential) index = 2;
      const models::DurationFit& fit = r.handle_time->fits[index];
      out += "    handle_time: {distribution: " + std::string(models::family_name(fit.family)) +
             ", mean: " + yaml_duration(fit.mean_s);
      if (fit.family != models::DurationFamily::exponential) {
        out += ", sd: " + yaml_duration(fit.sd_s);
      }
      out += "}\n";
    }
    if (r.exponential_patience && r.exponential_patience->abandons > 0) {
      out += "    patience: {distribution: exponential, mean: " +
             yaml_duration(r.exponential_patience->mean_s()) + "}\n";
    } else {
      out += "    # no abandonment observed: patience left out (nobody abandons)\n";
    }
    ++written;
  }
  if (written == 0) {
    throw InputError(log.name + ": no contact type has enough served calls for a handle-time fit");
  }
  files[0].content = std::move(out);
  return files;
}

void run_fit(const FitOptions& options) {
  const double interval_s = parse_interval(options.interval);
  const int weekday = parse_weekday(options.weekday);
  const DayWindow window = parse_hours(options.hours, interval_s);
  const HandleTimeChoice handle_time = parse_handle_time_choice(options.handle_time);
  const CallLog log = read_call_log(options.calls_path);
  std::vector<std::string> types = log.types();
  if (!options.type.empty()) {
    if (std::find(types.begin(), types.end(), options.type) == types.end()) {
      std::string names;
      for (const auto& t : types) names += (names.empty() ? "" : ", ") + t;
      throw InputError("--type: unknown contact type \"" + options.type + "\" (types in " +
                       log.name + ": " + names + ")");
    }
    types = {options.type};
  }
  if (weekday >= 0 &&
      std::none_of(log.observed_days.begin(), log.observed_days.end(),
                   [&](std::int64_t day) { return models::weekday_from_days(day) == weekday; })) {
    throw InputError("--weekday: " + log.name + " has no " + kWeekdayNames[weekday] + ", found \"" +
                     options.weekday + "\"");
  }
  const std::vector<TypeReport> reports = analyse(log, types, interval_s);
  const std::string text = render_text(log, reports);
  if (!options.out_path.empty()) {
    write_files_atomically(render_yaml(log, reports, weekday, interval_s, window, handle_time,
                                       options.out_path, options.type));
  }
  std::cout << text;
  if (!options.out_path.empty()) std::cout << "\nWrote " << options.out_path << "\n";
}

}  // namespace

void add_fit_command(CLI::App& app) {
  auto options = std::make_shared<FitOptions>();
  CLI::App* fit = app.add_subcommand(
      "fit", "Fit handle time, patience, arrival profile and repeat callers from a per-call log");
  fit->add_option("--calls", options->calls_path, "Per-call log (CSV), see the formats below")
      ->required();
  fit->add_option("--type", options->type, "Report only this contact type");
  fit->add_option("--interval", options->interval,
                  "Interval of the arrival profile, dividing a day (default 30m)");
  fit->add_option("--weekday", options->weekday,
                  "Arrival profile written with --out: all (default) or mon..sun");
  fit->add_option("--hours", options->hours,
                  "Part of the day written with --out, on the interval grid (default "
                  "00:00-24:00), e.g. 07:00-21:00");
  fit->add_option("--handle-time", options->handle_time,
                  "handle_time written with --out: best (lowest AIC, default), lognormal, gamma, "
                  "exponential, or empirical (a CSV of the service times next to the YAML)");
  fit->add_option("--out", options->out_path,
                  "Write a contact_types: block in the scenario format to this YAML file");
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
      "(or preceded) by another call of the same customer within 24h / 7d.");
  fit->callback([options] { run_fit(*options); });
}

}  // namespace staffsim::tools
