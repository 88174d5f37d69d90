#include "tools/scenario_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "models/calendar.hpp"
#include "models/error.hpp"
#include "models/forecast.hpp"
#include "tools/cli_error.hpp"
#include "tools/csv.hpp"
#include "tools/datetime.hpp"
#include "tools/file_io.hpp"
#include "tools/forecast_source.hpp"
#include "tools/opening_hours.hpp"
#include "tools/scenario_loader.hpp"
#include "tools/staffing_file.hpp"
#include "tools/units.hpp"
#include "tools/yaml_reader.hpp"

namespace staffsim::tools {
namespace {

constexpr double kDay_s = static_cast<double>(models::kSecondsPerDay);
constexpr double kMaxArrivalFactor = 100;  // 10,000%

}  // namespace

namespace detail {

void ScenarioLoader::horizon(const Field& field, sim::Scenario& scenario) {
  auto map = mapping(field,
                     {"interval", "intervals", "start", "days", "warmup", "warmup_days",
                      "days_independent", "start_date"},
                     "a mapping such as {interval: 30m, intervals: 28, start: \"07:00\"}");
  if (!map) return;
  bool ok = true;
  sim::Horizon& h = scenario.horizon;
  if (auto f = required(*map, "interval")) {
    auto v = duration(*f, false);
    ok = ok && v;
    if (v) h.interval_s = *v;
  } else {
    ok = false;
  }
  std::optional<Field> intervals_field = required(*map, "intervals");
  if (intervals_field) {
    auto v = integer(*intervals_field, 1);
    ok = ok && v;
    if (v) h.intervals_per_day = static_cast<int>(std::min<long long>(*v, 1'000'000));
    if (v && *v > 1'000'000) {
      problem(*intervals_field,
              "expected at most 1000000 intervals, found " + quote(intervals_field->node.Scalar()));
      ok = false;
    }
  } else {
    ok = false;
  }
  std::optional<double> start = 0.0;
  if (auto f = map->find("start")) {
    start = clock(*f);
    if (start) h.day_start_s = *start;
  }
  if (auto f = map->find("days")) {
    auto v = integer(*f, 1);
    ok = ok && v;
    if (v && *v > 10000) {
      problem(*f, "expected at most 10000 days, found " + quote(f->node.Scalar()));
      ok = false;
    }
    if (v) h.days = static_cast<int>(std::min<long long>(*v, 10000));
  }
  // The simulator holds every interval of the horizon: intervals x days is limited too.
  if (ok && static_cast<long long>(h.intervals_per_day) * h.days > sim::kMaxHorizonIntervals) {
    const auto days_field = map->find("days");
    problem(days_field ? *days_field : *intervals_field,
            "expected intervals x days at most " + std::to_string(sim::kMaxHorizonIntervals) +
                ", found " + std::to_string(h.intervals_per_day) + " x " + std::to_string(h.days) +
                " = " + std::to_string(static_cast<long long>(h.intervals_per_day) * h.days));
    ok = false;
  }
  if (auto f = map->find("warmup")) {
    auto v = duration(*f, true);
    if (v) h.warmup_s = *v;
  }
  if (auto f = map->find("days_independent")) {
    auto v = boolean(*f);
    if (v) h.days_independent = *v;
  }
  if (auto f = map->find("warmup_days")) {
    auto v = integer(*f, 0);
    if (v && *v > sim::kMaxWarmupDays) {
      problem(*f, "expected at most " + std::to_string(sim::kMaxWarmupDays) +
                      " warm-up days, found " + quote(f->node.Scalar()));
    } else if (v && *v > 0 && h.days_independent) {
      problem(*f,
              "expected no warm-up days with days_independent: true (each day starts empty; "
              "use warmup for a warm-up before every day), found " +
                  quote(f->node.Scalar()));
    } else if (v) {
      h.warmup_days = static_cast<int>(*v);
    }
  }
  if (auto f = map->find("start_date")) {
    auto text = scalar(*f, "a date such as 2003-10-13");
    if (text) {
      try {
        h.start_date = parse_local_date(*text) / models::kSecondsPerDay;
      } catch (const InvalidInput& e) {
        problem(*f, e.what());
      }
    }
  }
  if (ok && start) {
    double end = h.day_start_s + h.interval_s * h.intervals_per_day;
    if (end > kDay_s + 1e-9) {
      problem(*intervals_field, "expected the day to end by 24:00, found " +
                                    format_clock(h.day_start_s) + " + " +
                                    std::to_string(h.intervals_per_day) + " x " +
                                    format_duration(h.interval_s) + " = " + format_clock(end));
      ok = false;
    }
  }
  horizon_ok_ = ok;
  horizon_ = h;
}

// One value for every interval: a single value (the same all day), a list of one value per
// interval of a day (repeated on every day), or one per interval of the whole horizon.
template <typename T>
std::optional<std::vector<T>> ScenarioLoader::per_interval(
    const Field& field, const std::function<std::optional<T>(const Field&)>& one) {
  if (field.node.IsScalar()) {
    auto v = one(field);
    if (!v || !horizon_ok_) return std::nullopt;
    return std::vector<T>(static_cast<std::size_t>(horizon_.intervals_per_day) * horizon_.days, *v);
  }
  if (!field.node.IsSequence()) {
    (void)one(field);  // reports "expected ..., found a mapping"
    return std::nullopt;
  }
  std::vector<Field> items = sequence(field, "a list");
  std::vector<T> values;
  bool ok = true;
  for (const auto& item : items) {
    auto v = one(item);
    if (v) {
      values.push_back(*v);
    } else {
      ok = false;
    }
  }
  if (!horizon_ok_) return std::nullopt;
  const std::size_t per_day = static_cast<std::size_t>(horizon_.intervals_per_day);
  const std::size_t total = per_day * static_cast<std::size_t>(horizon_.days);
  if (items.size() != per_day && items.size() != total) {
    std::string expectation = std::to_string(per_day) + " values (one per interval)";
    if (horizon_.days > 1) {
      expectation = std::to_string(per_day) + " values (one per interval of a day) or " +
                    std::to_string(total) + " (one per interval of all " +
                    std::to_string(horizon_.days) + " days)";
    }
    problem(field, "expected " + expectation + ", found " + std::to_string(items.size()));
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  std::vector<T> expanded;
  expanded.reserve(total);
  while (expanded.size() < total) expanded.insert(expanded.end(), values.begin(), values.end());
  return expanded;
}

void ScenarioLoader::arrivals(const Field& field, sim::Arrivals& arrivals) {
  // The source of arrivals is exactly one of these keys.
  const std::vector<std::string> sources = {"per_interval", "rate", "forecast"};
  auto map = mapping(field, {"per_interval", "rate", "forecast", "day_cv", "factor"},
                     "a mapping such as {per_interval: [120, 180]}, {rate: 2/s} or "
                     "{forecast: {history: calls.csv}}");
  if (!map) return;
  std::vector<std::string> given;
  for (const auto& key : map->order) {
    if (std::find(sources.begin(), sources.end(), key) != sources.end()) given.push_back(key);
  }
  if (given.empty()) {
    problem(field, "missing arrival source, expected one of: " + join(sources));
  } else if (given.size() > 1) {
    problem(*map->find(given[1]), "expected exactly one arrival source, found " + join(given));
  } else if (given[0] == "per_interval") {
    Field f = *map->find("per_interval");
    auto counts = per_interval<double>(f, [this](const Field& x) -> std::optional<double> {
      auto count = number(x, true);
      if (count && horizon_ok_ && *count > max_calls_per_interval()) {
        problem(x, "expected at most " + number_text(max_calls_per_interval()) + " calls in " +
                       format_duration(horizon_.interval_s) + " (" +
                       number_text(sim::kMaxArrivalRatePerS) + " a second), found " +
                       quote(x.node.Scalar()));
        return std::nullopt;
      }
      return count;
    });
    if (counts) {
      arrivals.rate_per_s.clear();
      for (double count : *counts) arrivals.rate_per_s.push_back(count / horizon_.interval_s);
    }
  } else if (given[0] == "rate") {
    Field f = *map->find("rate");
    auto rates = per_interval<double>(f, [this](const Field& x) { return rate(x); });
    if (rates) arrivals.rate_per_s = *rates;
  } else {
    const Field f = *map->find("forecast");
    auto counts = forecast_calls(f, arrivals.origin);
    if (counts && horizon_ok_) {
      const auto most = std::max_element(counts->begin(), counts->end());
      if (most != counts->end() && *most > max_calls_per_interval()) {
        problem(f, "expected at most " + number_text(max_calls_per_interval()) + " calls in " +
                       format_duration(horizon_.interval_s) + " (" +
                       number_text(sim::kMaxArrivalRatePerS) + " a second), found " +
                       number_text(*most) + " in the forecast");
        counts.reset();
      }
    }
    if (counts) {
      arrivals.rate_per_s.clear();
      for (double count : *counts) arrivals.rate_per_s.push_back(count / horizon_.interval_s);
    }
  }
  if (auto f = map->find("day_cv")) {
    auto v = fraction(*f, false);
    if (v && *v > sim::kMaxDayCv) {
      problem(*f, "expected a day CV of at most " + number_text(sim::kMaxDayCv * 100) +
                      "%, found " + quote(f->node.Scalar()));
    } else if (v) {
      arrivals.day_cv = *v;
    }
  }
  // A what-if multiplier of every rate: 120% is a fifth more contacts.
  if (auto f = map->find("factor")) {
    auto v = fraction(*f, false);
    if (v && *v > kMaxArrivalFactor) {
      problem(*f, "expected a factor of at most " + number_text(kMaxArrivalFactor * 100) +
                      "%, found " + quote(f->node.Scalar()));
    } else if (v) {
      for (double& rate : arrivals.rate_per_s) rate *= *v;
      const auto most = std::max_element(arrivals.rate_per_s.begin(), arrivals.rate_per_s.end());
      if (most != arrivals.rate_per_s.end() && *most > sim::kMaxArrivalRatePerS) {
        problem(*f, "expected a factor that keeps every rate at most " +
                        number_text(sim::kMaxArrivalRatePerS) + " a second, found " +
                        quote(f->node.Scalar()) + " (" + number_text(*most) +
                        " a second in the busiest interval)");
      }
    }
  }
}

// arrivals.forecast: {history: FILE, method, weeks, from, closed, share} or {file: FILE, from,
// share}; see tools/forecast_source.hpp.
std::optional<std::vector<double>> ScenarioLoader::forecast_calls(
    const Field& field, std::optional<sim::ArrivalsOrigin>& origin) {
  auto map = mapping(field, {"history", "file", "method", "weeks", "from", "closed", "share"},
                     "a mapping such as {history: calls.csv, method: auto} or "
                     "{file: forecast.csv}");
  if (!map) return std::nullopt;
  ForecastSource source;
  bool ok = true;
  const auto history = map->find("history");
  const auto file = map->find("file");
  if (history && file) {
    problem(*file,
            "expected either history (a call history to forecast from) or file (a forecast "
            "CSV), found both");
    ok = false;
  } else if (!history && !file) {
    problem(field,
            "missing key, expected history (a call history to forecast from) or file (a "
            "forecast CSV)");
    ok = false;
  }
  auto path_of = [&](const Field& f) -> std::optional<std::string> {
    auto text = scalar(f, "a CSV file name");
    if (!text) return std::nullopt;
    return file_path(*text);
  };
  if (history) {
    auto path = path_of(*history);
    ok = ok && path;
    if (path) source.history_path = *path;
  }
  if (file) {
    auto path = path_of(*file);
    ok = ok && path;
    if (path) source.forecast_path = *path;
  }
  for (const char* key : {"method", "weeks", "closed"}) {
    if (auto f = map->find(key); f && file) {
      problem(*f, std::string("expected ") + key +
                      " only with history: a forecast file is used as it is");
      ok = false;
    }
  }
  if (auto f = map->find("method")) {
    auto text = scalar(*f, "a forecast method");
    ok = ok && text;
    if (text) {
      try {
        models::parse_method_name(*text);
        source.method = *text;
      } catch (const InvalidInput& e) {
        problem(*f, e.what());
        ok = false;
      }
    }
  }
  if (auto f = map->find("weeks")) {
    auto v = integer(*f, 1);
    if (v && *v > kMaxWeekdayMeanWeeks) {
      problem(*f, "expected at most " + std::to_string(kMaxWeekdayMeanWeeks) + " weeks, found " +
                      quote(f->node.Scalar()));
      v.reset();
    }
    ok = ok && v;
    if (v) source.weekday_mean_weeks = static_cast<int>(*v);
  }
  auto date = [&](const Field& f) -> std::optional<std::int64_t> {
    auto text = scalar(f, "a date such as 2003-10-13");
    if (!text) return std::nullopt;
    try {
      return parse_local_date(*text) / models::kSecondsPerDay;
    } catch (const InvalidInput& e) {
      problem(f, e.what());
      return std::nullopt;
    }
  };
  if (auto f = map->find("from")) {
    source.from_day = date(*f);
    ok = ok && source.from_day;
  }
  if (auto f = map->find("closed")) {
    for (const Field& d : sequence(*f, "a list of dates such as [2003-10-13]")) {
      auto day = date(d);
      ok = ok && day;
      if (day) source.closed_days.push_back(*day);
    }
  }
  if (auto f = map->find("share")) {
    auto v = fraction(*f, true);
    if (v && *v <= 0) {
      problem(*f, "expected a share above 0% and at most 100%, found " + quote(f->node.Scalar()));
      v.reset();
    }
    ok = ok && v;
    if (v) source.share = *v;
  }
  if (!ok || !horizon_ok_) return std::nullopt;
  try {
    ForecastSource whole = source;
    whole.share = 1;
    auto made = std::find_if(forecasts_.begin(), forecasts_.end(),
                             [&](const MadeForecast& m) { return m.source == whole; });
    if (made == forecasts_.end()) {
      MadeForecast m{whole, {}, {}};
      m.calls = forecast_calls_for_horizon(whole, horizon_, &m.origin);
      forecasts_.push_back(std::move(m));
      made = std::prev(forecasts_.end());
    }
    origin = made->origin;
    std::vector<double> calls = made->calls;
    for (double& c : calls) c *= source.share;
    return calls;
  } catch (const Error& e) {
    problem(history ? *history : *file, e.what());
  }
  return std::nullopt;
}

std::optional<sim::DurationDistribution> ScenarioLoader::distribution(const Field& field) {
  const std::vector<std::string> families = {"exponential", "lognormal",     "gamma",
                                             "weibull",     "deterministic", "empirical"};
  const std::string expectation =
      "a mapping such as {distribution: lognormal, mean: 300s, sd: 200s}";
  if (!field.node.IsMap()) {
    problem(field, "expected " + expectation + ", found " + describe(field.node));
    return std::nullopt;
  }
  // The family decides which other keys are valid, so read it first.
  std::optional<std::string> family;
  std::optional<Field> family_field;
  for (const auto& entry : field.node) {
    if (entry.first.IsScalar() && entry.first.Scalar() == "distribution") {
      YAML::Mark mark = entry.first.Mark();
      family_field.emplace(
          child(entry.second, field.path + ".distribution", {mark.line, mark.column}));
      family = scalar(*family_field, "a distribution family (" + join(families) + ")");
      break;
    }
  }
  if (!family) {
    if (!family_field) {
      problem(field, "missing required key \"distribution\", expected one of: " + join(families));
    }
    return std::nullopt;
  }
  std::vector<std::string> parameters;
  if (*family == "exponential") parameters = {"mean"};
  if (*family == "lognormal" || *family == "gamma") parameters = {"mean", "sd"};
  if (*family == "weibull") parameters = {"shape", "scale"};
  if (*family == "deterministic") parameters = {"value"};
  if (*family == "empirical") parameters = {"file", "column"};
  if (parameters.empty()) {
    problem(*family_field,
            "unknown distribution " + quote(*family) + ", expected one of: " + join(families));
    return std::nullopt;
  }
  std::vector<std::string> allowed = {"distribution"};
  allowed.insert(allowed.end(), parameters.begin(), parameters.end());
  auto map = mapping(field, allowed, expectation);
  if (!map) return std::nullopt;
  std::map<std::string, std::optional<double>> durations;
  bool all_present = true;
  for (const auto& p : parameters) {
    if (!map->find(p)) {
      problem(field, "missing required key " + quote(p) + " for a " + *family + " distribution");
      all_present = false;
    }
  }
  if (!all_present) return std::nullopt;
  if (*family == "exponential") {
    auto mean = duration(*map->find("mean"), false);
    if (mean) return sim::Exponential{*mean};
  } else if (*family == "lognormal" || *family == "gamma") {
    auto mean = duration(*map->find("mean"), false);
    auto sd = duration(*map->find("sd"), false);
    if (!mean || !sd) return std::nullopt;
    if (*family == "lognormal") return sim::Lognormal{*mean, *sd};
    return sim::Gamma{*mean, *sd};
  } else if (*family == "weibull") {
    auto shape = number(*map->find("shape"), false);
    auto scale = duration(*map->find("scale"), false);
    if (shape && scale) {
      const sim::Weibull weibull{*shape, *scale};
      if (!(sim::mean_of(weibull) <= sim::kMaxDurationS)) {
        problem(*map->find("shape"),
                "expected a shape that keeps the mean, scale x Gamma(1 + 1/shape), at most 366d, "
                "found " +
                    quote(map->find("shape")->node.Scalar()));
        return std::nullopt;
      }
      return weibull;
    }
  } else if (*family == "deterministic") {
    auto value = duration(*map->find("value"), true);
    if (value) return sim::Deterministic{*value};
  } else {
    Field file_field = *map->find("file");
    auto file = scalar(file_field, "a CSV file name");
    auto column = scalar(*map->find("column"), "a column name");
    if (!file || !column) return std::nullopt;
    std::filesystem::path path = *file;
    if (path.is_relative() && !base_dir_.empty()) path = std::filesystem::path(base_dir_) / path;
    try {
      CsvTable table = CsvTable::read(path.string());
      std::size_t index = table.column(*column);
      sim::Empirical empirical;
      for (const auto& row : table.rows()) {
        double value = table.number(row, index);
        if (value < 0 || value > sim::kMaxDurationS) {
          throw InputError(
              table.where(row) + *column + ": expected a duration in seconds from 0 to " +
              number_text(sim::kMaxDurationS) + " (366 days), found " + quote(row.fields[index]));
        }
        if (empirical.values_s.size() == sim::kMaxEmpiricalValues) {
          throw InputError(table.where(row) + "expected at most " +
                           std::to_string(sim::kMaxEmpiricalValues) + " values in column " +
                           quote(*column) + ", found more");
        }
        empirical.values_s.push_back(value);
      }
      if (empirical.values_s.empty()) {
        problem(file_field, "expected at least one value in column " + quote(*column) + " of " +
                                path.string() + ", found none");
        return std::nullopt;
      }
      return empirical;
    } catch (const Error& e) {
      problem(file_field, e.what());
    }
  }
  return std::nullopt;
}

void ScenarioLoader::targets(const Field& field, sim::Targets& targets) {
  auto map = mapping(field, {"service_level", "max_abandon", "max_asa"},
                     "a mapping such as {service_level: {within: 20s, at_least: 80%}}");
  if (!map) return;
  if (auto f = map->find("service_level")) {
    auto sl = mapping(*f, {"within", "at_least", "definition"},
                      "a mapping such as {within: 20s, at_least: 80%}");
    if (sl) {
      sim::ServiceLevelTarget target;
      bool ok = true;
      if (auto w = required(*sl, "within")) {
        auto v = duration(*w, true);
        ok = ok && v;
        if (v) target.within_s = *v;
      } else {
        ok = false;
      }
      if (auto a = required(*sl, "at_least")) {
        auto v = fraction(*a, true);
        ok = ok && v;
        if (v) target.at_least = *v;
      } else {
        ok = false;
      }
      if (auto d = sl->find("definition")) {
        const std::string choices = "offered, answered, exclude_short_abandons";
        auto text = scalar(*d, "one of: " + choices);
        if (text && *text == "offered") {
          target.definition = sim::ServiceLevelDefinition::offered;
        } else if (text && *text == "answered") {
          target.definition = sim::ServiceLevelDefinition::answered;
        } else if (text && *text == "exclude_short_abandons") {
          target.definition = sim::ServiceLevelDefinition::exclude_short_abandons;
        } else if (text) {
          problem(*d, "unknown service-level definition " + quote(*text) +
                          ", expected one of: " + choices);
        }
      }
      if (ok) targets.service_level = target;
    }
  }
  if (auto f = map->find("max_abandon")) {
    auto v = fraction(*f, true);
    if (v) targets.max_abandon = *v;
  }
  if (auto f = map->find("max_asa")) {
    auto v = duration(*f, true);
    if (v) targets.max_asa_s = *v;
  }
}

void ScenarioLoader::contact_type(const Field& field, sim::ContactType& type, int type_index) {
  auto map = mapping(field,
                     {"name", "key", "priority", "arrivals", "handle_time", "patience", "targets",
                      "hours", "issues", "repeat"},
                     "a mapping such as {name: general, arrivals: ..., handle_time: ...}");
  if (!map) return;
  // `name` was read by the caller (it must be known before routing is checked).
  if (auto f = map->find("key")) {
    if (auto v = name(*f)) {
      type.key = *v;
      type_extras_[static_cast<std::size_t>(type_index)].key.emplace(*f);
    }
  }
  if (auto f = map->find("priority")) {
    auto text = scalar(*f, "a whole number");
    if (text) {
      auto v = integer(*f, std::numeric_limits<int>::min());
      if (v && (*v > std::numeric_limits<int>::max())) {
        problem(*f, "expected a whole number, found " + quote(*text));
      } else if (v) {
        type.priority = static_cast<int>(*v);
      }
    }
  }
  // Only a complaint type may have no arrivals of its own (checked once every type is read).
  if (auto f = map->find("arrivals")) {
    arrivals(*f, type.arrivals);
  } else {
    type_extras_[static_cast<std::size_t>(type_index)].has_arrivals = false;
    if (horizon_ok_) {
      type.arrivals.rate_per_s.assign(static_cast<std::size_t>(horizon_.total_intervals()), 0.0);
    }
  }
  if (auto f = required(*map, "handle_time")) {
    auto d = distribution(*f);
    if (d) type.handle_time = *d;
  }
  if (auto f = map->find("patience")) {
    auto d = distribution(*f);
    if (d) type.patience = *d;
  }
  if (auto f = map->find("targets")) targets(*f, type.targets);
  if (auto f = map->find("issues")) issues(*f, type, type_index);
  if (auto f = map->find("repeat")) repeat(*f, type, type_index);
  if (auto f = map->find("hours")) {
    if (auto open = hours(*f)) {
      type.open = *open;
      auto arrivals_field = map->find("arrivals");
      for (const char* key : {"per_interval", "rate"}) {
        if (!arrivals_field || !arrivals_field->node.IsMap() || !arrivals_field->node[key] ||
            !arrivals_field->node[key].IsSequence()) {
          continue;
        }
        const YAML::Node list = arrivals_field->node[key];
        const Field list_field =
            child(list, arrivals_field->path + "." + key, arrivals_field->position);
        check_nothing_while_closed(list_field, type.arrivals.rate_per_s, type.open, "contacts");
      }
    }
  }
}

void ScenarioLoader::agent_group(const Field& field, sim::AgentGroup& group) {
  auto map = mapping(field,
                     {"name", "staffing", "shrinkage", "hours", "authority", "authority_cost",
                      "first", "reserve", "order", "callbacks_when", "cost_per_hour"},
                     "a mapping such as {name: frontline, staffing: 40}");
  if (!map) return;
  group_authority(*map, group);
  if (auto f = required(*map, "staffing"); f && f->node.IsMap()) {
    auto staffing = staffing_file(*f, group.name);
    if (staffing) group.staffing = *staffing;
  } else if (f) {
    auto staffing = per_interval<int>(*f, [this](const Field& x) -> std::optional<int> {
      const auto v = integer(x, 0);
      if (v && *v > 1'000'000) {
        problem(x, "expected at most 1000000 agents, found " + quote(x.node.Scalar()));
        return std::nullopt;
      }
      if (v) return static_cast<int>(*v);
      return std::nullopt;
    });
    if (staffing) group.staffing = *staffing;
  }
  // The share of the scheduled agents off the phones: 0 <= s < 1 (100% would leave nobody).
  if (auto f = map->find("shrinkage")) {
    if (auto text = scalar(*f, "a percentage such as 30%")) {
      std::optional<double> v;
      try {
        v = parse_fraction(*text);
      } catch (const InvalidInput&) {
      }
      if (v && *v >= 0 && *v < 1) {
        group.shrinkage = *v;
      } else {
        problem(*f,
                "expected a shrinkage from 0% to below 100% (the share of the scheduled agents "
                "off the phones), found " +
                    quote(*text));
      }
    }
  }
  if (auto f = map->find("hours")) {
    if (auto open = hours(*f)) {
      group.open = *open;
      auto staffing_field = map->find("staffing");
      if (staffing_field && staffing_field->node.IsSequence()) {
        check_nothing_while_closed(
            *staffing_field, std::vector<double>(group.staffing.begin(), group.staffing.end()),
            group.open, "agents");
      }
    }
  }
}

std::optional<OpeningRule> ScenarioLoader::opening_rule(const Field& field) {
  auto time_range = [&](const Field& f) -> std::optional<std::pair<double, double>> {
    auto text = scalar(f, "a time range such as \"09:00-17:00\"");
    if (!text) return std::nullopt;
    std::pair<double, double> range;
    try {
      range = parse_time_range(*text);
    } catch (const InvalidInput& e) {
      problem(f, e.what());
      return std::nullopt;
    }
    if (!horizon_ok_) return std::nullopt;
    const double open = horizon_.day_start_s;
    const double close = open + horizon_.window_s();
    if (range.first < open - 0.5 || range.second > close + 0.5) {
      problem(f, "expected hours within the horizon's day " + format_clock(open) + "-" +
                     (close >= kDay_s ? std::string("24:00") : format_clock(close)) + ", found " +
                     quote(*text));
      return std::nullopt;
    }
    for (double t : {range.first, range.second}) {
      const double steps = (t - open) / horizon_.interval_s;
      if (std::abs(steps - std::round(steps)) * horizon_.interval_s > 0.5) {
        problem(f, "expected hours on the horizon's " + format_duration(horizon_.interval_s) +
                       " interval grid (starting " + format_clock(open) + "), found " +
                       quote(*text));
        return std::nullopt;
      }
    }
    return range;
  };
  OpeningRule rule;
  if (field.node.IsScalar()) {
    auto range = time_range(field);
    if (!range) return std::nullopt;
    rule.from_s = range->first;
    rule.to_s = range->second;
    return rule;
  }
  auto map = mapping(field, {"days", "time"},
                     "opening hours such as \"09:00-17:00\" or {days: mon-fri, time: "
                     "\"09:00-17:00\"}");
  if (!map) return std::nullopt;
  bool ok = true;
  if (auto f = required(*map, "days")) {
    rule.weekdays = Weekdays{};
    auto add = [&](const Field& d) {
      auto text = scalar(d, "weekdays such as mon-fri");
      if (!text) {
        ok = false;
        return;
      }
      try {
        const Weekdays days = parse_weekdays(*text);
        for (std::size_t i = 0; i < 7; ++i) rule.weekdays[i] = rule.weekdays[i] || days[i];
      } catch (const InvalidInput& e) {
        problem(d, e.what());
        ok = false;
      }
    };
    if (f->node.IsSequence()) {
      const auto items = sequence(*f, "a list of weekdays such as [mon, tue]");
      if (items.empty()) {
        problem(*f, "expected at least one weekday, found an empty list");
        ok = false;
      }
      for (const Field& d : items) add(d);
    } else {
      add(*f);
    }
  } else {
    ok = false;
  }
  if (auto f = required(*map, "time")) {
    auto range = time_range(*f);
    ok = ok && range;
    if (range) {
      rule.from_s = range->first;
      rule.to_s = range->second;
    }
  } else {
    ok = false;
  }
  if (!ok) return std::nullopt;
  return rule;
}

std::optional<sim::OpenIntervals> ScenarioLoader::hours(const Field& field) {
  std::vector<OpeningRule> rules;
  bool ok = true;
  if (field.node.IsSequence()) {
    const auto items = sequence(field, "a list of opening hours");
    if (items.empty()) {
      problem(field, "expected opening hours such as \"09:00-17:00\", found an empty list");
      return std::nullopt;
    }
    for (const Field& item : items) {
      auto rule = opening_rule(item);
      ok = ok && rule;
      if (rule) rules.push_back(*rule);
    }
  } else {
    auto rule = opening_rule(field);
    ok = ok && rule;
    if (rule) rules.push_back(*rule);
  }
  if (!ok || !horizon_ok_) return std::nullopt;
  sim::OpenIntervals open = open_intervals(rules, horizon_);
  if (std::find(open.begin(), open.end(), 1) == open.end()) {
    problem(field, "expected hours that open at least once in the horizon's " +
                       std::to_string(horizon_.days) + (horizon_.days == 1 ? " day" : " days") +
                       ", found none open");
    return std::nullopt;
  }
  return open;
}

void ScenarioLoader::check_nothing_while_closed(const Field& list_field,
                                                const std::vector<double>& values,
                                                const sim::OpenIntervals& open,
                                                const std::string& what) {
  const std::size_t items = list_field.node.size();
  const auto ipd = static_cast<std::size_t>(horizon_.intervals_per_day);
  if (items == 0 || ipd == 0) return;
  // A one-day pattern is only used on the days the hours open its interval (it may well be
  // closed at weekends); a whole-horizon list says what it gives to each interval.
  const bool pattern = items == ipd && values.size() > ipd;
  for (std::size_t i = 0; i < (pattern ? ipd : values.size()) && i < open.size(); ++i) {
    bool closed = open[i] == 0;
    for (std::size_t j = i + ipd; pattern && closed && j < open.size(); j += ipd) {
      closed = open[j] == 0;
    }
    if (!closed || !(values[i] > 0)) continue;
    const Field f =
        child(list_field.node[i % items], list_field.path + "[" + std::to_string(i % items) + "]",
              list_field.position);
    const std::string when =
        format_clock(horizon_.day_start_s + static_cast<double>(i % ipd) * horizon_.interval_s) +
        " interval" +
        (pattern ? " is closed on every day"
                 : " of day " + std::to_string(1 + i / ipd) + " is closed") +
        " by its hours";
    problem(f, "expected 0 " + what + " (the " + when + "), found " + describe(f.node));
    return;
  }
}

// agent_groups[].staffing: {file: FILE, column: agents}; see tools/staffing_file.hpp.
std::optional<std::vector<int>> ScenarioLoader::staffing_file(const Field& field,
                                                              const std::string& group) {
  auto map = mapping(field, {"file", "column"}, "a mapping such as {file: staffing.csv}");
  if (!map) return std::nullopt;
  std::optional<std::string> path, column = "agents";
  const auto file = required(*map, "file");
  if (file) path = scalar(*file, "a CSV file name");
  if (auto f = map->find("column")) column = scalar(*f, "a column name");
  if (!path || !column || !horizon_ok_) return std::nullopt;
  try {
    return staffing_for_horizon(file_path(*path), *column, horizon_, group);
  } catch (const Error& e) {
    problem(*file, e.what());
  }
  return std::nullopt;
}

std::string ScenarioLoader::file_path(const std::string& name) const {
  std::filesystem::path path = name;
  if (path.is_relative() && !base_dir_.empty()) path = std::filesystem::path(base_dir_) / path;
  return path.string();
}

void ScenarioLoader::routing(const Field& field, sim::Scenario& scenario,
                             const std::vector<Field>& group_fields) {
  std::vector<std::string> type_names;
  std::vector<std::string> valid_type_names;  // for messages: without unnamed or invalid ones
  for (const auto& type : scenario.contact_types) {
    type_names.push_back(type.name);
    if (!type.name.empty()) valid_type_names.push_back(type.name);
  }
  std::vector<std::string> group_names;
  std::vector<std::string> valid_group_names;
  for (const auto& group : scenario.agent_groups) {
    group_names.push_back(group.name);
    if (!group.name.empty()) valid_group_names.push_back(group.name);
  }
  // Keys are contact type names: check duplicates by hand (unknown names are reported below).
  if (!field.node.IsMap()) {
    problem(field, "expected a mapping from each contact type to its list of groups, found " +
                       describe(field.node));
    return;
  }
  std::vector<bool> routed(type_names.size(), false);
  std::vector<bool> group_used = group_used_elsewhere_;
  group_used.resize(group_names.size(), false);
  // A broken routing entry may have meant any group: only a fully read routing can tell that a
  // group serves nobody.
  bool every_entry_read = true;
  for (const auto& entry : field.node) {
    YAML::Mark key_mark = entry.first.Mark();
    Position key_position{key_mark.line, key_mark.column};
    if (!entry.first.IsScalar()) {
      problem_at(key_position, "routing",
                 "expected a contact type name as key, found " + describe(entry.first));
      every_entry_read = false;
      continue;
    }
    const std::string& type_name = entry.first.Scalar();
    std::string path = "routing." + type_name;
    auto type_it = std::find(type_names.begin(), type_names.end(), type_name);
    if (type_it == type_names.end()) {
      problem_at(key_position, path,
                 "unknown contact type " + quote(type_name) +
                     ", expected one of: " + join(valid_type_names));
      every_entry_read = false;
      continue;
    }
    auto type_index = static_cast<std::size_t>(type_it - type_names.begin());
    if (routed[type_index]) {
      problem_at(key_position, path,
                 "duplicate key " + quote(type_name) + ", expected each contact type once");
      every_entry_read = false;
      continue;
    }
    routed[type_index] = true;
    Field list = child(entry.second, path, key_position);
    std::vector<Field> steps = sequence(list, "a list of groups such as [{group: frontline}]");
    if (list.node.IsSequence() && steps.empty()) {
      problem(list, "expected at least one group, found an empty list");
    }
    std::vector<sim::RouteStep> route;
    bool ok = list.node.IsSequence() && !steps.empty();
    std::vector<bool> in_this_route(group_names.size(), false);
    for (const auto& step_field : steps) {
      auto step = mapping(step_field, {"group", "after"}, "a mapping such as {group: frontline}");
      if (!step) {
        ok = false;
        continue;
      }
      sim::RouteStep route_step;
      if (auto g = required(*step, "group")) {
        auto group_name = scalar(*g, "an agent group name");
        if (group_name) {
          auto group_it = std::find(group_names.begin(), group_names.end(), *group_name);
          if (group_it == group_names.end()) {
            problem(*g, "unknown agent group " + quote(*group_name) +
                            ", expected one of: " + join(valid_group_names));
            ok = false;
          } else {
            auto index = static_cast<std::size_t>(group_it - group_names.begin());
            if (in_this_route[index]) {
              problem(*g, "expected each group once per contact type, found " + quote(*group_name) +
                              " again");
              ok = false;
            }
            in_this_route[index] = true;
            group_used[index] = true;
            route_step.group = static_cast<int>(index);
          }
        } else {
          ok = false;
        }
      } else {
        ok = false;
      }
      if (auto a = step->find("after")) {
        auto v = duration(*a, true);
        if (v) {
          route_step.after_s = *v;
        } else {
          ok = false;
        }
      }
      route.push_back(route_step);
    }
    if (ok) scenario.contact_types[type_index].routing = route;
    every_entry_read = every_entry_read && ok;
  }
  for (std::size_t t = 0; t < type_names.size(); ++t) {
    if (!routed[t] && !type_names[t].empty()) {
      problem(field, "no entry for contact type " + quote(type_names[t]) +
                         ", expected a list of groups for every contact type");
    }
  }
  for (std::size_t g = 0; g < group_names.size() && every_entry_read; ++g) {
    if (!group_used[g] && !group_names[g].empty()) {
      problem(group_fields[g], "agent group " + quote(group_names[g]) +
                                   " serves no contact type, expected it in at least one routing "
                                   "list");
    }
  }
}

sim::Scenario ScenarioLoader::load(std::string_view text) {
  return load_root(parse(text));
}

sim::Scenario ScenarioLoader::load(const YAML::Node& root) {
  return load_root(Field{root, "", {0, 0}});
}

sim::Scenario ScenarioLoader::load_root(const std::optional<Field>& top) {
  sim::Scenario scenario;
  if (top) {
    auto map = mapping(*top,
                       {"name", "horizon", "replications", "seed", "short_abandon", "contact_types",
                        "agent_groups", "routing", "reinforcement", "variants"},
                       "a scenario mapping with the keys name, horizon, contact_types, "
                       "agent_groups and routing");
    if (map) {
      if (auto f = required(*map, "name")) {
        auto v = scalar(*f, "a scenario name");
        if (v && v->empty()) problem(*f, "expected a scenario name, found \"\"");
        if (v) scenario.name = *v;
      }
      if (auto f = required(*map, "horizon")) horizon(*f, scenario);
      if (auto f = map->find("replications")) {
        auto v = integer(*f, 1);
        if (v && *v > sim::kMaxReplications) {
          problem(*f, "expected at most " + std::to_string(sim::kMaxReplications) +
                          " replications, found " + quote(f->node.Scalar()));
        } else if (v) {
          scenario.replications = static_cast<int>(*v);
        }
      }
      if (auto f = map->find("seed")) {
        auto v = unsigned_integer(*f);
        if (v) scenario.seed = *v;
      }
      if (auto f = map->find("short_abandon")) {
        auto v = duration(*f, true);
        if (v) scenario.short_abandon_s = *v;
      }
      // Names first: routing refers to them.
      std::vector<Field> type_fields;
      std::vector<Field> type_name_fields;
      if (auto f = required(*map, "contact_types")) {
        type_fields = sequence(*f, "a list of contact types");
        if (f->node.IsSequence() && type_fields.empty()) {
          problem(*f, "expected at least one contact type, found an empty list");
        }
      }
      std::vector<Field> group_fields;
      if (auto f = required(*map, "agent_groups")) {
        group_fields = sequence(*f, "a list of agent groups");
        if (f->node.IsSequence() && group_fields.empty()) {
          problem(*f, "expected at least one agent group, found an empty list");
        }
      }
      auto read_names = [this](const std::vector<Field>& fields, const std::string& what,
                               std::vector<Field>& name_fields) {
        std::vector<std::string> names;
        std::map<std::string, Position> seen;
        for (const auto& item : fields) {
          std::string found;
          std::optional<Field> name_field;
          if (item.node.IsMap()) {
            // Position of the first "name" key; its absence is reported with the other keys.
            for (const auto& entry : item.node) {
              if (entry.first.IsScalar() && entry.first.Scalar() == "name") {
                YAML::Mark m = entry.first.Mark();
                name_field.emplace(child(entry.second, item.path + ".name", {m.line, m.column}));
                auto n = name(*name_field);
                if (n) found = *n;
                break;
              }
            }
            if (!name_field) problem(item, "missing required key \"name\"");
          }
          if (!found.empty()) {
            auto [at, inserted] = seen.emplace(found, name_field->position);
            if (!inserted) {
              problem(*name_field, "duplicate " + what + " name " + quote(found) +
                                       ", expected unique names (first given at line " +
                                       std::to_string(at->second.line + 1) + ")");
              found.clear();
            }
          }
          names.push_back(found);
          name_fields.push_back(name_field ? *name_field : item);
        }
        return names;
      };
      std::vector<Field> group_name_fields;
      std::vector<std::string> type_names =
          read_names(type_fields, "contact type", type_name_fields);
      std::vector<std::string> group_names =
          read_names(group_fields, "agent group", group_name_fields);
      type_names_ = type_names;
      group_names_ = group_names;
      group_used_elsewhere_.assign(group_names.size(), false);
      type_extras_.resize(type_fields.size());
      scenario.contact_types.resize(type_fields.size());
      for (std::size_t i = 0; i < type_fields.size(); ++i) {
        scenario.contact_types[i].name = type_names[i];
        contact_type(type_fields[i], scenario.contact_types[i], static_cast<int>(i));
      }
      scenario.agent_groups.resize(group_fields.size());
      for (std::size_t i = 0; i < group_fields.size(); ++i) {
        scenario.agent_groups[i].name = group_names[i];
        agent_group(group_fields[i], scenario.agent_groups[i]);
      }
      if (auto f = map->find("reinforcement")) reinforcement(*f, scenario);
      if (auto f = required(*map, "routing")) {
        routing(*f, scenario, group_name_fields);
      }
      if (!has_problems()) cross_checks(scenario, type_fields);
    }
  }
  if (!has_problems()) {
    // The checks above cover every invariant; this is the library's own guard against a gap.
    try {
      sim::validate(scenario);
    } catch (const InvalidInput& e) {
      problem_at({0, 0}, "", e.what());
    }
  }
  throw_if_problems();
  return scenario;
}

}  // namespace detail

sim::Scenario parse_scenario_yaml(std::string_view text, const std::string& file_name,
                                  const std::string& base_dir) {
  return detail::ScenarioLoader(file_name, base_dir).load(text);
}

sim::Scenario load_scenario_file(const std::string& path) {
  std::string text = read_file(path);
  std::string base_dir = std::filesystem::path(path).parent_path().string();
  return parse_scenario_yaml(text, display_name(path), base_dir);
}

}  // namespace staffsim::tools
