#include "tools/target_check.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "tools/cli_error.hpp"
#include "tools/html_page.hpp"  // html_escape: XML text and attributes too
#include "tools/report_common.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

std::string percent_text(double v) {
  if (!std::isfinite(v)) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", v * 100);
  return buffer;
}

std::string seconds_text(double v) {
  if (!std::isfinite(v)) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1fs", v);
  return buffer;
}

std::string with_interval(const sim::Estimate& e, std::string (*format)(double)) {
  return format(e.mean) + " [" + format(e.ci_low) + ", " + format(e.ci_high) + "]";
}

}  // namespace

std::string TargetOutcome::summary() const {
  std::string text = verdict_word(verdict) + ": " + horizon_value + " over the horizon (" +
                     verdict_word(horizon) + ")";
  if (intervals_missed > 0 || intervals_uncertain > 0) {
    text += "; by interval: " + std::to_string(intervals_missed) + " of " +
            std::to_string(intervals) + " missed";
    if (intervals_uncertain > 0) text += ", " + std::to_string(intervals_uncertain) + " uncertain";
  } else if (intervals > 0) {
    text += "; met in all " + std::to_string(intervals) + " intervals";
  }
  return text;
}

std::vector<TargetOutcome> target_outcomes(const std::string& plan, const sim::Scenario& scenario,
                                           const sim::Results& results) {
  std::vector<TargetOutcome> out;
  for (std::size_t c = 0; c < scenario.contact_types.size(); ++c) {
    const sim::ContactType& type = scenario.contact_types[c];
    auto judge = [&](const std::string& target, const std::string& label,
                     sim::TargetVerdict sim::TargetVerdicts::*which,
                     sim::Estimate sim::ContactKpis::*kpi, std::string (*format)(double)) {
      TargetOutcome o;
      o.plan = plan;
      o.type = type.name;
      o.target = target;
      o.label = label;
      o.horizon = results.by_type[c].verdicts.*which;
      o.horizon_value = with_interval(results.by_type[c].*kpi, format);
      for (const auto& interval : results.by_type_interval) {
        const sim::ContactKpis& k = interval[c];
        if (!(k.offered.mean > 0)) continue;
        ++o.intervals;
        if (k.verdicts.*which == sim::TargetVerdict::missed) ++o.intervals_missed;
        if (k.verdicts.*which == sim::TargetVerdict::uncertain) ++o.intervals_uncertain;
      }
      if (o.horizon == sim::TargetVerdict::missed || o.intervals_missed > 0) {
        o.verdict = sim::TargetVerdict::missed;
      } else if (o.horizon == sim::TargetVerdict::uncertain || o.intervals_uncertain > 0) {
        o.verdict = sim::TargetVerdict::uncertain;
      } else {
        o.verdict = sim::TargetVerdict::met;
      }
      out.push_back(std::move(o));
    };
    const sim::Targets& t = type.targets;
    if (t.service_level) {
      judge("service_level",
            "service level " + format_duration(t.service_level->within_s) +
                " >= " + percent_text(t.service_level->at_least),
            &sim::TargetVerdicts::service_level, &sim::ContactKpis::service_level, percent_text);
    }
    if (t.max_abandon) {
      judge("abandon_rate", "abandon rate <= " + percent_text(*t.max_abandon),
            &sim::TargetVerdicts::abandon_rate, &sim::ContactKpis::abandon_rate, percent_text);
    }
    if (t.max_asa_s) {
      judge("asa", "ASA <= " + format_duration(*t.max_asa_s), &sim::TargetVerdicts::asa,
            &sim::ContactKpis::asa_s, seconds_text);
    }
  }
  return out;
}

bool all_met(const std::vector<TargetOutcome>& outcomes) {
  for (const auto& o : outcomes) {
    if (o.verdict != sim::TargetVerdict::met) return false;
  }
  return true;
}

CheckMode check_mode(const std::string& value) {
  if (value.empty()) return CheckMode::off;
  if (value == "normal") return CheckMode::normal;
  if (value == "strict") return CheckMode::strict;
  throw InputError(
      "--check: expected nothing (fail on a missed target) or strict (also on an "
      "uncertain one), found " +
      quote(value));
}

void enforce_check(CheckMode mode, const std::vector<TargetOutcome>& outcomes) {
  if (mode == CheckMode::off) return;
  bool several_plans = false;
  for (const auto& o : outcomes) several_plans = several_plans || o.plan != outcomes.front().plan;
  std::string missed, uncertain;
  for (const auto& o : outcomes) {
    const std::string line =
        "\n  " + (several_plans ? o.plan + ": " : "") + o.type + " " + o.label + ": " + o.summary();
    if (o.verdict == sim::TargetVerdict::missed) missed += line;
    if (o.verdict == sim::TargetVerdict::uncertain) uncertain += line;
  }
  if (!missed.empty()) {
    throw CheckFailed(kExitTargetMissed, "targets missed:" + missed +
                                             (uncertain.empty() ? "" : "\nuncertain:" + uncertain));
  }
  if (mode == CheckMode::strict && !uncertain.empty()) {
    throw CheckFailed(
        kExitTargetUncertain,
        "targets uncertain (run more replications, e.g. with --precision):" + uncertain);
  }
}

std::string render_junit(const std::vector<TargetOutcome>& outcomes, bool strict) {
  std::map<std::string, std::vector<const TargetOutcome*>> by_plan;
  std::vector<std::string> order;
  for (const auto& o : outcomes) {
    if (!by_plan.count(o.plan)) order.push_back(o.plan);
    by_plan[o.plan].push_back(&o);
  }
  auto fails = [strict](const TargetOutcome& o) {
    return o.verdict == sim::TargetVerdict::missed ||
           (strict && o.verdict == sim::TargetVerdict::uncertain);
  };
  auto skipped = [strict](const TargetOutcome& o) {
    return !strict && o.verdict == sim::TargetVerdict::uncertain;
  };
  int failures = 0, skips = 0;
  for (const auto& o : outcomes) {
    failures += fails(o) ? 1 : 0;
    skips += skipped(o) ? 1 : 0;
  }
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml += "<testsuites name=\"staffsim targets\" tests=\"" + std::to_string(outcomes.size()) +
         "\" failures=\"" + std::to_string(failures) + "\" skipped=\"" + std::to_string(skips) +
         "\">\n";
  for (const auto& plan : order) {
    const auto& cases = by_plan[plan];
    int plan_failures = 0, plan_skips = 0;
    for (const auto* o : cases) {
      plan_failures += fails(*o) ? 1 : 0;
      plan_skips += skipped(*o) ? 1 : 0;
    }
    xml += "  <testsuite name=\"" + html_escape(plan) + "\" tests=\"" +
           std::to_string(cases.size()) + "\" failures=\"" + std::to_string(plan_failures) +
           "\" skipped=\"" + std::to_string(plan_skips) + "\">\n";
    for (const auto* o : cases) {
      xml += "    <testcase classname=\"" + html_escape("staffsim." + plan + "." + o->type) +
             "\" name=\"" + html_escape(o->label) + "\"";
      if (fails(*o)) {
        xml += ">\n      <failure message=\"" + html_escape(o->summary()) + "\" type=\"" +
               verdict_word(o->verdict) + "\"/>\n    </testcase>\n";
      } else if (skipped(*o)) {
        xml +=
            ">\n      <skipped message=\"" + html_escape(o->summary()) + "\"/>\n    </testcase>\n";
      } else {
        xml += "/>\n";
      }
    }
    xml += "  </testsuite>\n";
  }
  xml += "</testsuites>\n";
  return xml;
}

}  // namespace staffsim::tools
