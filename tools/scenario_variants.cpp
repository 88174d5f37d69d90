// Plans of one scenario file: the scenario and its `variants:` (named overrides), and scenarios
// with overrides from the command line (sweep --vary). See tools/scenario_yaml.hpp.
//
// An override is merged into the scenario document before the loader reads it, so that every
// value of a variant is checked exactly like the same value in the scenario, and reported at its
// own position in the file:
//   - a mapping merges into a mapping key by key (keys the scenario does not set are added);
//   - under contact_types and agent_groups, a mapping keyed by names merges into the items of
//     those names;
//   - anything else replaces the scenario's value (a list replaces a list).
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "tools/cli_error.hpp"
#include "tools/file_io.hpp"
#include "tools/nearest_name.hpp"
#include "tools/scenario_loader.hpp"
#include "tools/scenario_yaml.hpp"
#include "tools/yaml_reader.hpp"

namespace staffsim::tools {
namespace {

// Sections a variant may not override, and why.
const char* forbidden_reason(const std::string& key) {
  if (key == "name") return "a variant is named by its key in variants";
  if (key == "variants") return "variants do not nest";
  if (key == "horizon") return "plans compare only over the same horizon";
  if (key == "seed" || key == "replications") {
    return "plans compare under the same random numbers: give --seed or --replications to the "
           "command instead";
  }
  return nullptr;
}

// The names of a list of named items ("contact_types", "agent_groups").
std::vector<std::string> item_names(const YAML::Node& list) {
  std::vector<std::string> names;
  for (const auto& item : list) {
    if (item.IsMap() && item["name"] && item["name"].IsScalar()) {
      names.push_back(item["name"].Scalar());
    }
  }
  return names;
}

class OverrideMerger : private YamlReader {
 public:
  using YamlReader::parse;
  using YamlReader::throw_if_problems;
  explicit OverrideMerger(std::string file_name) : YamlReader(std::move(file_name)) {}

  // Merges the mapping `over` into the mapping node `target` (a scenario or a part of it).
  void merge(YAML::Node target, const Field& over, bool top_level) {
    if (!over.node.IsMap()) {
      problem(over, "expected a mapping of the fields to override, found " + describe(over.node));
      return;
    }
    std::set<std::string> seen;
    for (const auto& entry : over.node) {
      const YAML::Mark mark = entry.first.Mark();
      const Position at{mark.line, mark.column};
      if (!entry.first.IsScalar()) {
        problem_at(at, over.path, "expected a field name, found " + describe(entry.first));
        continue;
      }
      const std::string key = entry.first.Scalar();
      const std::string path = over.path.empty() ? key : over.path + "." + key;
      const Field value = child(entry.second, path, at);
      if (!seen.insert(key).second) {
        problem_at(at, path, "duplicate key " + quote(key) + ", expected each key once");
        continue;
      }
      if (top_level) {
        if (const char* reason = forbidden_reason(key)) {
          problem_at(at, path, "a variant cannot override " + key + ": " + reason);
          continue;
        }
      }
      const YAML::Node& existing_view = target;
      YAML::Node existing = existing_view[key];  // const access: does not insert
      if (!existing.IsDefined()) {
        target.force_insert(entry.first, entry.second);  // the loader checks the key
        continue;
      }
      if (top_level && (key == "contact_types" || key == "agent_groups") && existing.IsSequence() &&
          value.node.IsMap()) {
        merge_named(existing, value, key == "contact_types" ? "contact type" : "agent group");
      } else if (existing.IsMap() && value.node.IsMap()) {
        merge(existing, value, false);
      } else {
        replace(target, key, value.node);
      }
    }
  }

 private:
  // Items of a named list, overridden by name.
  // NOLINTNEXTLINE(performance-unnecessary-value-param): a YAML::Node is a handle, written through
  void merge_named(YAML::Node list, const Field& over, const std::string& what) {
    const std::vector<std::string> names = item_names(list);
    for (const auto& entry : over.node) {
      const YAML::Mark mark = entry.first.Mark();
      const Position at{mark.line, mark.column};
      const std::string name = entry.first.IsScalar() ? entry.first.Scalar() : "";
      const Field value = child(entry.second, over.path + "." + name, at);
      bool found = false;
      for (auto item : list) {
        if (item.IsMap() && item["name"] && item["name"].IsScalar() &&
            item["name"].Scalar() == name) {
          merge(item, value, false);
          found = true;
          break;
        }
      }
      if (!found) {
        problem_at(at, value.path,
                   "no " + what + " named " + quote(name) + did_you_mean(name, names) +
                       " (expected one of: " + join(names) + ")");
      }
    }
  }

  // NOLINTNEXTLINE(performance-unnecessary-value-param): a YAML::Node is a handle, written through
  static void replace(YAML::Node map, const std::string& key, const YAML::Node& value) {
    for (auto entry : map) {
      if (entry.first.IsScalar() && entry.first.Scalar() == key) {
        entry.second = value;  // the entry now shares the override's node, position included
        return;
      }
    }
  }
};

std::string base_dir_of(const std::string& path) {
  return std::filesystem::path(path).parent_path().string();
}

// The file's text parsed anew: each variant merges into a fresh copy of the document (yaml-cpp's
// Clone drops positions).
YAML::Node fresh_document(const std::string& text) {
  return YAML::Load(text);
}

// Problems of values from the command line have no position in the file (yaml-cpp's null mark,
// printed as line 0): they name the option instead.
std::string name_the_option(std::string message, const std::string& file,
                            const std::string& origin) {
  const std::string unplaced = file + ":0:0: ";
  for (std::size_t at = message.find(unplaced); at != std::string::npos;
       at = message.find(unplaced, at)) {
    message.replace(at, unplaced.size(), origin.empty() ? "" : origin + ": ");
  }
  return message;
}

// A copy of a parsed value made of new nodes, which have no position (yaml-cpp's null mark).
YAML::Node unplaced_copy(const YAML::Node& node) {
  if (node.IsScalar()) return YAML::Node(node.Scalar());
  if (node.IsSequence()) {
    YAML::Node copy(YAML::NodeType::Sequence);
    for (const auto& item : node) copy.push_back(unplaced_copy(item));
    return copy;
  }
  if (node.IsMap()) {
    YAML::Node copy(YAML::NodeType::Map);
    for (const auto& entry : node) copy[entry.first.Scalar()] = unplaced_copy(entry.second);
    return copy;
  }
  return YAML::Node();
}

}  // namespace

std::vector<NamedScenario> load_scenario_plans(const std::string& path) {
  const std::string text = read_file(path);
  const std::string file = display_name(path);
  const std::string base_dir = base_dir_of(path);
  std::vector<NamedScenario> plans;
  plans.push_back({"", file, parse_scenario_yaml(text, file, base_dir)});
  // The scenario's plan is named after its file ("default" for scenarios/default.yaml).
  plans.front().name =
      is_standard_stream(path) ? "stdin" : std::filesystem::path(path).stem().string();

  // The scenario is valid, so the document parses and is a mapping. (No second parse for a
  // scenario without variants.)
  if (text.find("variants") == std::string::npos) return plans;
  const YAML::Node root = fresh_document(text);
  const YAML::Node variants = root["variants"];
  if (!variants) return plans;
  if (!variants.IsMap() || variants.size() == 0) {
    const YAML::Mark mark = variants.Mark();
    throw InputError(file + ":" + std::to_string(mark.line + 1) + ":" +
                     std::to_string(mark.column + 1) +
                     ": variants: expected a mapping of variant names to the fields they "
                     "override, found " +
                     describe(variants));
  }
  std::set<std::string> names = {plans.front().name};
  std::vector<std::string> errors;
  for (const auto& entry : variants) {
    const YAML::Mark at = entry.first.Mark();
    const std::string name = entry.first.IsScalar() ? entry.first.Scalar() : "";
    const std::string position =
        file + ":" + std::to_string(at.line + 1) + ":" + std::to_string(at.column + 1) + ": ";
    if (name.empty()) {
      errors.push_back(position + "variants: expected a variant name, found " +
                       describe(entry.first));
      continue;
    }
    if (!names.insert(name).second) {
      errors.push_back(position + "variants." + name +
                       ": expected a name no other plan has, found " + quote(name) + " again");
      continue;
    }
    YAML::Node document = fresh_document(text);
    YAML::Node own = document["variants"][name];
    OverrideMerger merger(file);
    merger.merge(document, Field{own, "variants." + name, {at.line, at.column}}, true);
    try {
      merger.throw_if_problems();
      detail::ScenarioLoader loader(file, base_dir);
      plans.push_back({name, file + ", variant " + name, loader.load(document)});
      plans.back().scenario.name = plans.front().scenario.name + ", variant " + name;
    } catch (const InputError& e) {
      errors.push_back("in variant " + quote(name) + ":\n" + e.what());
    }
  }
  if (!errors.empty()) {
    std::string message;
    for (const auto& e : errors) message += (message.empty() ? "" : "\n") + e;
    throw InputError(message);
  }
  return plans;
}

sim::Scenario load_scenario_with_overrides(const std::string& path,
                                           const std::vector<Override>& overrides) {
  const std::string text = read_file(path);
  const std::string file = display_name(path);
  sim::Scenario base = parse_scenario_yaml(text, file, base_dir_of(path));
  YAML::Node document = fresh_document(text);
  const std::vector<std::string> groups = item_names(document["agent_groups"]);
  const std::vector<std::string> types = item_names(document["contact_types"]);
  const std::set<std::string> sections = {"horizon",       "replications",  "seed",
                                          "short_abandon", "contact_types", "agent_groups",
                                          "routing",       "reinforcement"};
  for (const Override& o : overrides) {
    // "frontline.staffing" = "agent_groups.frontline.staffing" when frontline names a group.
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
      const std::size_t dot = o.path.find('.', start);
      parts.push_back(o.path.substr(start, dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    auto is = [](const std::vector<std::string>& names, const std::string& n) {
      return std::find(names.begin(), names.end(), n) != names.end();
    };
    if (!sections.count(parts[0])) {
      if (is(groups, parts[0])) {
        parts.insert(parts.begin(), "agent_groups");
      } else if (is(types, parts[0])) {
        parts.insert(parts.begin(), "contact_types");
      } else {
        std::vector<std::string> known(sections.begin(), sections.end());
        known.insert(known.end(), groups.begin(), groups.end());
        known.insert(known.end(), types.begin(), types.end());
        throw InputError(o.origin + ": unknown field " + quote(o.path) + ": " + quote(parts[0]) +
                         " is neither a scenario section nor an agent group or contact type" +
                         did_you_mean(parts[0], known));
      }
    }
    for (const auto& part : parts) {
      if (part.empty())
        throw InputError(o.origin + ": expected a field path such as frontline.staffing, found " +
                         quote(o.path));
    }
    if (const char* reason = forbidden_reason(parts[0]); reason && parts[0] != "horizon") {
      throw InputError(o.origin + ": " + parts[0] + " cannot be varied: " + reason);
    }
    if (parts[0] == "horizon") {
      throw InputError(o.origin +
                       ": the horizon cannot be varied: points compare only over the "
                       "same horizon");
    }
    // The override as a nested mapping; its nodes have no position in the file, and messages
    // about them name the option instead (below).
    // (Built inside out with new handles: assigning a YAML::Node to another rebinds the node.)
    std::vector<YAML::Node> chain;
    chain.reserve(parts.size() + 1);
    try {
      chain.push_back(unplaced_copy(YAML::Load(o.value)));
    } catch (const YAML::Exception& e) {
      throw InputError(o.origin + ": expected a value written as in a scenario, found " +
                       quote(o.value) + " (" + printable(e.msg) + ")");
    }
    for (std::size_t i = parts.size(); i-- > 0;) {
      chain.emplace_back(YAML::NodeType::Map);
      chain.back()[parts[i]] = chain[chain.size() - 2];
    }
    const YAML::Node& over = chain.back();
    OverrideMerger merger(file);
    merger.merge(document, Field{over, "", {-1, -1}}, true);
    try {
      merger.throw_if_problems();
    } catch (const InputError& e) {
      throw InputError(name_the_option(e.what(), file, o.origin));
    }
  }
  try {
    detail::ScenarioLoader loader(file, base_dir_of(path));
    sim::Scenario scenario = loader.load(document);
    scenario.name = base.name;
    return scenario;
  } catch (const InputError& e) {
    // The scenario itself is valid: the problem comes from the overrides. The loader places
    // their values at the key they replace.
    std::string origins;
    for (const Override& o : overrides) origins += (origins.empty() ? "" : ", ") + o.origin;
    std::string message = name_the_option(e.what(), file, "");
    throw InputError(origins + ":\n" + message);
  }
}

}  // namespace staffsim::tools
