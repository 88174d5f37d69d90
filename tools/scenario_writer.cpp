#include "tools/scenario_writer.hpp"

#include <cstdio>

#include "tools/datetime.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

template <typename T, typename Format>
std::string flow_list(const std::vector<T>& values, Format format) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + format(values[i]);
  return out + "]";
}

std::string comment_lines(const std::vector<std::string>& lines, const std::string& indent) {
  std::string out;
  for (const auto& line : lines) out += indent + "# " + line + "\n";
  return out;
}

}  // namespace

std::string yaml_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string yaml_duration(double seconds) {
  return format_decimal(seconds, 1) + "s";
}

std::string render_scenario(const ScenarioDraft& d) {
  std::string out = comment_lines(d.comments, "");
  out += "name: " + yaml_quoted(d.name) + "\n";
  out += "horizon: {interval: " + format_duration(d.interval_s) +
         ", intervals: " + std::to_string(d.intervals_per_day) + ", start: \"" +
         format_clock(d.day_start_s) + "\"";
  if (d.days != 1) out += ", days: " + std::to_string(d.days);
  if (d.warmup_s > 0) out += ", warmup: " + format_duration(d.warmup_s);
  out += "}\n";
  out += "replications: " + std::to_string(d.replications) + "\n";
  out += "seed: " + std::to_string(d.seed) + "\n";
  out += "contact_types:\n";
  for (const auto& t : d.contact_types) {
    out += comment_lines(t.comments, "  ");
    out += "  - name: " + yaml_quoted(t.name) + "\n";
    out += "    arrivals: {per_interval: " +
           flow_list(t.calls_per_interval, [](double v) { return format_decimal(v, 4); }) + "}\n";
    out += "    handle_time: " +
           (t.handle_time_yaml.empty()
                ? "{distribution: exponential, mean: " + yaml_duration(t.handle_time_mean_s) + "}"
                : t.handle_time_yaml) +
           "\n";
    if (t.patience_mean_s) {
      out +=
          "    patience: {distribution: exponential, mean: " + yaml_duration(*t.patience_mean_s) +
          "}\n";
    } else if (t.patience_fixed_s) {
      out += "    patience: {distribution: deterministic, value: " +
             yaml_duration(*t.patience_fixed_s) + "}\n";
    }
    std::vector<std::string> targets;
    if (t.service_level) {
      targets.push_back("service_level: {within: " + yaml_duration(t.service_level->within_s) +
                        ", at_least: " + format_decimal(100 * t.service_level->at_least, 4) +
                        "%, definition: " + t.service_level->definition + "}");
    }
    if (t.max_abandon)
      targets.push_back("max_abandon: " + format_decimal(100 * *t.max_abandon, 4) + "%");
    if (t.max_asa_s) targets.push_back("max_asa: " + yaml_duration(*t.max_asa_s));
    if (!targets.empty()) {
      out += "    targets: {";
      for (std::size_t i = 0; i < targets.size(); ++i) out += (i ? ", " : "") + targets[i];
      out += "}\n";
    }
  }
  out += "agent_groups:\n";
  for (const auto& g : d.agent_groups) {
    out += comment_lines(g.comments, "  ");
    out += "  - name: " + yaml_quoted(g.name) + "\n";
    out += "    staffing: " + flow_list(g.staffing, [](int v) { return std::to_string(v); }) + "\n";
  }
  out += "routing:\n";
  for (const auto& t : d.contact_types) {
    out += "  " + yaml_quoted(t.name) + ": " +
           flow_list(t.groups,
                     [](const std::string& g) { return "{group: " + yaml_quoted(g) + "}"; }) +
           "\n";
  }
  return out;
}

}  // namespace staffsim::tools
