// The scenario loader's internals (tools/ only; the public entry points are in
// tools/scenario_yaml.hpp): one class that reads each section of a scenario with the validating
// YAML reader (tools/yaml_reader.hpp) and builds the sim::Scenario. Its sections live in
// scenario_yaml.cpp (horizon, contact types, arrivals, distributions, targets, agent groups,
// hours, routing) and scenario_escalation_yaml.cpp (issues, escalation paths, repeat calls,
// authority and its cost, reinforcement).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario.hpp"
#include "tools/forecast_source.hpp"
#include "tools/opening_hours.hpp"
#include "tools/yaml_reader.hpp"

namespace staffsim::tools::detail {

// Validates a scenario document and builds the Scenario, collecting every problem on the way.
class ScenarioLoader : private YamlReader {
 public:
  ScenarioLoader(std::string file_name, std::string base_dir)
      : YamlReader(std::move(file_name)), base_dir_(std::move(base_dir)) {}

  sim::Scenario load(std::string_view text);
  // A document already parsed (a scenario with a variant's overrides merged in); positions are
  // those of its nodes. The `variants` section is not read here (tools/scenario_variants.cpp).
  sim::Scenario load(const YAML::Node& root);

 private:
  sim::Scenario load_root(const std::optional<Field>& top);

  // --- scenario parts ---------------------------------------------------------------------------
  void horizon(const Field& field, sim::Scenario& scenario);
  template <typename T>
  std::optional<std::vector<T>> per_interval(
      const Field& field, const std::function<std::optional<T>(const Field&)>& one);
  void contact_type(const Field& field, sim::ContactType& type, int type_index);
  void arrivals(const Field& field, sim::Arrivals& arrivals);
  std::optional<std::vector<double>> forecast_calls(const Field& field,
                                                    std::optional<sim::ArrivalsOrigin>& origin);
  std::optional<sim::DurationDistribution> distribution(const Field& field);
  void targets(const Field& field, sim::Targets& targets);
  void agent_group(const Field& field, sim::AgentGroup& group);
  // `group`: the name of the group whose staffing it is (the rows of a file with a group column).
  std::optional<std::vector<int>> staffing_file(const Field& field, const std::string& group);
  std::string file_path(const std::string& name) const;  // relative to the scenario's folder
  std::optional<sim::OpenIntervals> hours(const Field& field);
  std::optional<OpeningRule> opening_rule(const Field& field);
  // A per-interval list that gives something (contacts, agents) in an interval the hours close.
  void check_nothing_while_closed(const Field& list_field, const std::vector<double>& values,
                                  const sim::OpenIntervals& open, const std::string& what);
  void routing(const Field& field, sim::Scenario& scenario,
               const std::vector<Field>& group_name_fields);

  // --- issues and escalation (scenario_escalation_yaml.cpp) -------------------------------------
  // References by name to a group or a contact type (names read before any section).
  std::optional<int> group_ref(const Field& field);
  std::optional<int> type_ref(const Field& field);
  void issues(const Field& field, sim::ContactType& type, int type_index);
  std::optional<sim::Escalation> escalation(const Field& field, int type_index, int level);
  std::optional<sim::CallbackPolicy> callback(const Field& field);
  std::optional<int> level_key(const YAML::Node& key, const Field& mapping_field);
  void repeat(const Field& field, sim::ContactType& type, int type_index);
  void group_authority(const Mapping& map, sim::AgentGroup& group);
  void reinforcement(const Field& field, sim::Scenario& scenario);
  // Checks that need every section read: authority of escalation targets, escalation paths for
  // every level, complaint types, types without arrivals.
  void cross_checks(const sim::Scenario& scenario, const std::vector<Field>& type_fields);

  // A target of an escalation whose authority must cover the level it takes.
  struct AuthorityNeed {
    Field to;
    int group;
    int level;
  };
  struct TypeExtras {
    std::optional<Field> issues;            // the `issues` field
    std::optional<Field> escalation;        // issues.escalation
    std::optional<Field> repeat_complaint;  // repeat.complaint_type
    bool unresolved_read = false;
    std::optional<sim::CallbackPolicy> unresolved_callback;  // for work orders' then: callback
    std::optional<Field> key;                                // the `key` field, when given
    bool has_arrivals = true;
    bool complaint_target = false;
  };
  std::vector<std::string> type_names_;  // in file order; "" where a name is invalid
  std::vector<std::string> group_names_;
  std::vector<bool> group_used_elsewhere_;  // an escalation, audit or reinforcement target
  std::vector<AuthorityNeed> authority_needs_;
  std::vector<TypeExtras> type_extras_;

  std::string base_dir_;
  bool horizon_ok_ = false;
  sim::Horizon horizon_;  // the horizon as read (when horizon_ok_)
  // Forecasts made for this scenario (share 100%): contact types that split one history's
  // forecast by share make it once.
  struct MadeForecast {
    ForecastSource source;
    std::vector<double> calls;
    sim::ArrivalsOrigin origin;
  };
  std::vector<MadeForecast> forecasts_;
  // Calls one contact type may receive in one interval (sim::kMaxArrivalRatePerS).
  double max_calls_per_interval() const { return sim::kMaxArrivalRatePerS * horizon_.interval_s; }
};

}  // namespace staffsim::tools::detail
