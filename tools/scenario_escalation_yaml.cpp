// The scenario sections about issues that outlive a call: `issues` and `repeat` of a contact type,
// the authority keys of an agent group, and `reinforcement` (scenarios/REFERENCE.md, "Issues and
// escalation"). Part of the scenario loader (tools/scenario_loader.hpp).
#include <algorithm>
#include <cmath>
#include <string>

#include "models/error.hpp"
#include "tools/cli_error.hpp"
#include "tools/scenario_loader.hpp"
#include "tools/units.hpp"

namespace staffsim::tools::detail {
namespace {

std::vector<std::string> valid(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) {
    if (!n.empty()) out.push_back(n);
  }
  return out;
}

std::string percent_text(double fraction) {
  return number_text(std::round(fraction * 1e6) / 1e4) + "%";
}

}  // namespace

std::optional<int> ScenarioLoader::group_ref(const Field& field) {
  auto text = scalar(field, "an agent group name");
  if (!text) return std::nullopt;
  auto it = std::find(group_names_.begin(), group_names_.end(), *text);
  if (text->empty() || it == group_names_.end()) {
    problem(field, "unknown agent group " + quote(*text) +
                       ", expected one of: " + join(valid(group_names_)));
    return std::nullopt;
  }
  const auto index = static_cast<int>(it - group_names_.begin());
  group_used_elsewhere_[static_cast<std::size_t>(index)] = true;
  return index;
}

std::optional<int> ScenarioLoader::type_ref(const Field& field) {
  auto text = scalar(field, "a contact type name");
  if (!text) return std::nullopt;
  auto it = std::find(type_names_.begin(), type_names_.end(), *text);
  if (text->empty() || it == type_names_.end()) {
    problem(field, "unknown contact type " + quote(*text) +
                       ", expected one of: " + join(valid(type_names_)));
    return std::nullopt;
  }
  return static_cast<int>(it - type_names_.begin());
}

// A key of `required_authority` or `escalation`: an authority level 1 to 9.
std::optional<int> ScenarioLoader::level_key(const YAML::Node& key, const Field& mapping_field) {
  const YAML::Mark mark = key.Mark();
  const Position position{mark.line, mark.column};
  const std::string expectation =
      "an authority level from 1 to " + std::to_string(sim::kMaxAuthority);
  if (!key.IsScalar()) {
    problem_at(position, mapping_field.path,
               "expected " + expectation + ", found " + describe(key));
    return std::nullopt;
  }
  const std::string& text = key.Scalar();
  const bool digit = text.size() == 1 && text[0] >= '1' && text[0] <= '9';
  if (!digit || text[0] - '0' > sim::kMaxAuthority) {
    problem_at(position, mapping_field.path + "." + text,
               "expected " + expectation + ", found " + quote(text));
    return std::nullopt;
  }
  return text[0] - '0';
}

// issues: {required_authority, resolve_probability, escalation, unresolved, max_transfers}
void ScenarioLoader::issues(const Field& field, sim::ContactType& type, int type_index) {
  auto map = mapping(
      field,
      {"required_authority", "resolve_probability", "escalation", "unresolved", "max_transfers"},
      "a mapping such as {required_authority: {1: 70%, 2: 30%}, escalation: "
      "{2: ask_to_call_again}}");
  if (!map) return;
  TypeExtras& extras = type_extras_[static_cast<std::size_t>(type_index)];
  extras.issues.emplace(field);
  sim::IssueModel model;
  bool ok = true;
  bool levels_known = true;  // required_authority read, or left at its default
  if (auto f = map->find("required_authority")) {
    if (!f->node.IsMap() || f->node.size() == 0) {
      problem(*f, "expected a share per authority level such as {1: 70%, 2: 20%, 3: 10%}, found " +
                      describe(f->node));
      ok = false;
    } else {
      std::vector<double> shares;
      double sum = 0;
      std::vector<bool> seen(sim::kMaxAuthority + 1, false);
      for (const auto& entry : f->node) {
        auto level = level_key(entry.first, *f);
        if (!level) {
          ok = false;
          continue;
        }
        const Field share_field =
            child(entry.second, f->path + "." + std::to_string(*level), f->position);
        if (seen[static_cast<std::size_t>(*level)]) {
          problem(share_field,
                  "duplicate level " + std::to_string(*level) + ", expected each level once");
          ok = false;
          continue;
        }
        seen[static_cast<std::size_t>(*level)] = true;
        auto share = fraction(share_field, true);
        if (!share) {
          ok = false;
          continue;
        }
        if (shares.size() < static_cast<std::size_t>(*level)) {
          shares.resize(static_cast<std::size_t>(*level), 0.0);
        }
        shares[static_cast<std::size_t>(*level - 1)] = *share;
        sum += *share;
      }
      if (ok && std::abs(sum - 1) > 1e-9) {
        problem(*f, "expected shares that sum to 100%, found " + percent_text(sum));
        ok = false;
      }
      if (ok) model.required_authority = shares;
    }
    levels_known = ok;
  }
  if (auto f = map->find("resolve_probability")) {
    auto v = fraction(*f, true);
    ok = ok && v;
    if (v) model.resolve_probability = *v;
  }
  if (auto f = map->find("max_transfers")) {
    auto v = integer(*f, 0);
    if (v && *v > 100) {
      problem(*f, "expected at most 100 transfers, found " + quote(f->node.Scalar()));
      v.reset();
    }
    ok = ok && v;
    if (v) model.max_transfers = static_cast<int>(*v);
  }
  if (auto f = map->find("unresolved")) {
    auto path = escalation(*f, type_index, 0);
    ok = ok && path;
    if (path) model.unresolved = *path;
    // Kept for `then: callback`, which repeats these terms (read once, reported once).
    extras.unresolved_read = true;
    if (path && path->kind == sim::EscalationKind::callback)
      extras.unresolved_callback = path->callback;
  }
  if (auto f = map->find("escalation")) {
    extras.escalation.emplace(*f);
    if (!f->node.IsMap()) {
      problem(*f,
              "expected an escalation per authority level such as {2: {transfer: {to: "
              "team_leads}}}, found " +
                  describe(f->node));
      ok = false;
    } else {
      for (const auto& entry : f->node) {
        auto level = level_key(entry.first, *f);
        if (!level) {
          ok = false;
          continue;
        }
        const Field item = child(entry.second, f->path + "." + std::to_string(*level),
                                 {entry.first.Mark().line, entry.first.Mark().column});
        if (static_cast<std::size_t>(*level) <= model.escalation.size() &&
            model.escalation[static_cast<std::size_t>(*level - 1)]) {
          problem(item, "duplicate level " + std::to_string(*level) + ", expected each level once");
          ok = false;
          continue;
        }
        if (static_cast<std::size_t>(*level) > model.escalation.size()) {
          model.escalation.resize(static_cast<std::size_t>(*level));
        }
        auto path = escalation(item, type_index, *level);
        ok = ok && path;
        if (path) model.escalation[static_cast<std::size_t>(*level - 1)] = *path;
      }
    }
  }
  if (levels_known && model.escalation.size() > model.required_authority.size()) {
    if (auto f = map->find("escalation")) {
      problem(*f, "expected escalations only for levels issues can require (1 to " +
                      std::to_string(model.required_authority.size()) + "), found level " +
                      std::to_string(model.escalation.size()));
      ok = false;
    }
  }
  if (ok) type.issues = model;
}

// One escalation: ask_to_call_again, or {transfer: ...}, {work_order: ...}, {callback: ...}.
// `level` is the authority level it escalates (0 for `unresolved`).
std::optional<sim::Escalation> ScenarioLoader::escalation(const Field& field, int type_index,
                                                          int level) {
  const std::string expectation =
      "ask_to_call_again, or a mapping with one of transfer, work_order or callback";
  sim::Escalation e;
  if (field.node.IsScalar()) {
    if (field.node.Scalar() == "ask_to_call_again") return e;
    problem(field, "expected " + expectation + ", found " + describe(field.node));
    return std::nullopt;
  }
  auto map = mapping(field, {"transfer", "work_order", "callback"}, expectation);
  if (!map) return std::nullopt;
  if (map->order.size() != 1) {
    // An only key that is unknown was reported as such.
    if (!map->order.empty() || field.node.size() == 0) {
      problem(field, "expected exactly one of transfer, work_order or callback, found " +
                         (map->order.empty() ? std::string("none") : join(map->order)));
    }
    return std::nullopt;
  }
  const std::string& kind = map->order.front();
  const Field body = *map->find(kind);
  bool ok = true;
  auto need_authority = [&](const Field& to_field, int group) {
    if (level > 0) authority_needs_.push_back({to_field, group, level});
  };
  if (kind == "transfer") {
    e.kind = sim::EscalationKind::transfer;
    auto t = mapping(body, {"to", "warm", "handle_time", "patience"},
                     "a mapping such as {to: team_leads, warm: true, handle_time: {...}}");
    if (!t) return std::nullopt;
    if (auto f = required(*t, "to")) {
      auto g = group_ref(*f);
      ok = ok && g;
      if (g) {
        e.transfer.to = *g;
        need_authority(*f, *g);
      }
    } else {
      ok = false;
    }
    if (auto f = t->find("warm")) {
      auto v = boolean(*f);
      ok = ok && v;
      if (v) e.transfer.warm = *v;
    }
    if (auto f = required(*t, "handle_time")) {
      auto d = distribution(*f);
      ok = ok && d;
      if (d) e.transfer.handle_time = *d;
    } else {
      ok = false;
    }
    if (auto f = t->find("patience")) {
      auto d = distribution(*f);
      ok = ok && d;
      if (d) e.transfer.patience = *d;
    }
  } else if (kind == "work_order") {
    e.kind = sim::EscalationKind::work_order;
    auto w = mapping(body, {"to", "deadline", "processing", "hand_off", "then"},
                     "a mapping such as {to: back_office, deadline: 48h, processing: {...}}");
    if (!w) return std::nullopt;
    if (auto f = required(*w, "to")) {
      auto g = group_ref(*f);
      ok = ok && g;
      if (g) {
        e.work_order.to = *g;
        need_authority(*f, *g);
      }
    } else {
      ok = false;
    }
    if (auto f = required(*w, "deadline")) {
      auto v = duration(*f, false);
      ok = ok && v;
      if (v) e.work_order.deadline_s = *v;
    } else {
      ok = false;
    }
    if (auto f = required(*w, "processing")) {
      auto d = distribution(*f);
      ok = ok && d;
      if (d) e.work_order.processing = *d;
    } else {
      ok = false;
    }
    if (auto f = w->find("hand_off")) {
      auto d = distribution(*f);
      ok = ok && d;
      if (d) e.work_order.hand_off = *d;
    }
    if (auto f = w->find("then")) {
      // `then: callback` uses the type's `unresolved` call-back; or {callback: {...}} its own.
      if (f->node.IsScalar() && f->node.Scalar() == "callback") {
        const TypeExtras& extras = type_extras_[static_cast<std::size_t>(type_index)];
        const YAML::Node unresolved = extras.issues->node["unresolved"];
        if (extras.unresolved_callback) {
          e.work_order.then_callback = *extras.unresolved_callback;
        } else if (unresolved && unresolved.IsMap() && unresolved["callback"]) {
          ok = false;  // its terms are broken, and reported where they are written
        } else {
          problem(*f,
                  "expected an unresolved call-back for then: callback to repeat, or then: "
                  "{callback: {group: ..., within: ...}}, found no unresolved call-back");
          ok = false;
        }
      } else {
        auto then = mapping(*f, {"callback"}, "callback, or {callback: {group: ..., within: ...}}");
        if (!then) return std::nullopt;
        if (auto c = required(*then, "callback")) {
          auto cb = callback(*c);
          ok = ok && cb;
          if (cb) e.work_order.then_callback = *cb;
        } else {
          ok = false;
        }
      }
    }
  } else {
    e.kind = sim::EscalationKind::callback;
    auto cb = callback(body);
    ok = ok && cb;
    if (cb) e.callback = *cb;
  }
  if (!ok) return std::nullopt;
  return e;
}

// callback: {group, within, reach, attempts, retry_after, attempt_time, handle_time}
std::optional<sim::CallbackPolicy> ScenarioLoader::callback(const Field& field) {
  auto map = mapping(
      field, {"group", "within", "reach", "attempts", "retry_after", "attempt_time", "handle_time"},
      "a mapping such as {group: outbound, within: 4h, reach: 70%, attempts: 3}");
  if (!map) return std::nullopt;
  sim::CallbackPolicy c;
  bool ok = true;
  if (auto f = required(*map, "group")) {
    auto g = group_ref(*f);
    ok = ok && g;
    if (g) c.group = *g;
  } else {
    ok = false;
  }
  if (auto f = required(*map, "within")) {
    auto v = duration(*f, false);
    ok = ok && v;
    if (v) c.within_s = *v;
  } else {
    ok = false;
  }
  if (auto f = map->find("reach")) {
    auto v = fraction(*f, true);
    if (v && *v <= 0) {
      problem(*f, "expected a reach above 0% and at most 100%, found " + quote(f->node.Scalar()));
      v.reset();
    }
    ok = ok && v;
    if (v) c.reach = *v;
  }
  if (auto f = map->find("attempts")) {
    auto v = integer(*f, 1);
    if (v && *v > 100) {
      problem(*f, "expected at most 100 attempts, found " + quote(f->node.Scalar()));
      v.reset();
    }
    ok = ok && v;
    if (v) c.attempts = static_cast<int>(*v);
  }
  if (auto f = map->find("retry_after")) {
    auto v = duration(*f, true);
    ok = ok && v;
    if (v) c.retry_after_s = *v;
  }
  if (auto f = map->find("attempt_time")) {
    auto v = duration(*f, true);
    ok = ok && v;
    if (v) c.attempt_s = *v;
  }
  if (auto f = map->find("handle_time")) {
    auto d = distribution(*f);
    ok = ok && d;
    if (d) c.handle_time = *d;
  }
  if (!ok) return std::nullopt;
  return c;
}

// repeat: {probability, delay, complaint_after, complaint_type}
void ScenarioLoader::repeat(const Field& field, sim::ContactType& type, int type_index) {
  auto map = mapping(field, {"probability", "delay", "complaint_after", "complaint_type"},
                     "a mapping such as {probability: 60%, delay: {distribution: exponential, "
                     "mean: 2h}}");
  if (!map) return;
  sim::RepeatBehaviour r;
  bool ok = true;
  if (auto f = required(*map, "probability")) {
    auto v = fraction(*f, true);
    ok = ok && v;
    if (v) r.probability = *v;
  } else {
    ok = false;
  }
  if (auto f = required(*map, "delay")) {
    auto d = distribution(*f);
    ok = ok && d;
    if (d) r.delay = *d;
  } else {
    ok = false;
  }
  const auto after = map->find("complaint_after");
  const auto complaint = map->find("complaint_type");
  if (after) {
    auto v = integer(*after, 1);
    if (v && *v > 100) {
      problem(*after, "expected at most 100 failed contacts, found " + quote(after->node.Scalar()));
      v.reset();
    }
    ok = ok && v;
    if (v) r.complaint_after = static_cast<int>(*v);
  }
  if (complaint) {
    auto c = type_ref(*complaint);
    if (c && *c == type_index) {
      problem(*complaint, "expected another contact type for complaints, found " +
                              quote(complaint->node.Scalar()) + " itself");
      c.reset();
    }
    ok = ok && c;
    if (c) {
      r.complaint_type = *c;
      type_extras_[static_cast<std::size_t>(*c)].complaint_target = true;
    }
  }
  if (after && !complaint) {
    problem(field, "missing required key \"complaint_type\" with complaint_after");
    ok = false;
  } else if (complaint && !after) {
    problem(field, "missing required key \"complaint_after\" with complaint_type");
    ok = false;
  }
  if (ok) type.repeat = r;
}

// The authority keys of an agent group.
void ScenarioLoader::group_authority(const Mapping& map, sim::AgentGroup& group) {
  if (auto f = map.find("authority")) {
    auto v = integer(*f, 1);
    if (v && *v > sim::kMaxAuthority) {
      problem(*f, "expected an authority level from 1 to " + std::to_string(sim::kMaxAuthority) +
                      ", found " + quote(f->node.Scalar()));
    } else if (v) {
      group.authority = static_cast<int>(*v);
    }
  }
  if (auto f = map.find("authority_cost")) {
    auto cost = mapping(*f, {"handle_time_factor", "added_time", "audit_share", "audit"},
                        "a mapping such as {handle_time_factor: 1.15, audit_share: 5%, audit: "
                        "{to: back_office, processing: {...}}}");
    if (cost) {
      if (auto c = cost->find("handle_time_factor")) {
        auto v = number(*c, false);
        if (v) group.authority_cost.handle_time_factor = *v;
      }
      if (auto c = cost->find("added_time")) {
        auto v = duration(*c, true);
        if (v) group.authority_cost.added_s = *v;
      }
      const auto share = cost->find("audit_share");
      if (share) {
        auto v = fraction(*share, true);
        if (v) group.authority_cost.audit_share = *v;
      }
      if (auto a = cost->find("audit")) {
        auto audit = mapping(*a, {"to", "processing"},
                             "a mapping such as {to: back_office, processing: {...}}");
        if (audit) {
          sim::AuditWork work;
          bool ok = true;
          if (auto t = required(*audit, "to")) {
            auto g = group_ref(*t);
            ok = ok && g;
            if (g) work.to = *g;
          } else {
            ok = false;
          }
          if (auto p = required(*audit, "processing")) {
            auto d = distribution(*p);
            ok = ok && d;
            if (d) work.processing = *d;
          } else {
            ok = false;
          }
          if (ok) group.authority_cost.audit = work;
        }
      } else if (share && group.authority_cost.audit_share > 0) {
        problem(*share,
                "expected audit: {to: ..., processing: ...} with an audit share above 0%, "
                "found none");
      }
    }
  }
  const auto first = map.find("first");
  const auto reserve = map.find("reserve");
  if (first) {
    auto text = scalar(*first, "escalations or calls");
    if (text && *text == "escalations") {
      group.first = sim::ServiceOrder::escalations_first;
    } else if (text && *text == "calls") {
      group.first = sim::ServiceOrder::calls_first;
    } else if (text) {
      problem(*first, "expected escalations or calls, found " + quote(*text));
    }
  }
  if (reserve) {
    auto v = integer(*reserve, 0);
    if (v && first && group.first == sim::ServiceOrder::calls_first) {
      problem(*reserve,
              "expected no reserve with first: calls (agents kept for escalations "
              "serve escalations first), found " +
                  quote(reserve->node.Scalar()));
    } else if (v && *v > 1'000'000) {
      problem(*reserve, "expected at most 1000000 agents, found " + quote(reserve->node.Scalar()));
    } else if (v) {
      group.reserve = static_cast<int>(*v);
    }
  }
  if (auto f = map.find("order")) {
    auto text = scalar(*f, "fifo or earliest_deadline");
    if (text && *text == "fifo") {
      group.order = sim::WorkOrderOrder::fifo;
    } else if (text && *text == "earliest_deadline") {
      group.order = sim::WorkOrderOrder::earliest_deadline;
    } else if (text) {
      problem(*f, "expected fifo or earliest_deadline, found " + quote(*text));
    }
  }
  if (auto f = map.find("callbacks_when")) {
    auto rule = mapping(*f, {"queue_empty", "idle_at_least"},
                        "a mapping such as {queue_empty: true, idle_at_least: 1}");
    if (rule) {
      if (auto q = rule->find("queue_empty")) {
        auto v = boolean(*q);
        if (v) group.callbacks_when.queue_empty = *v;
      }
      if (auto i = rule->find("idle_at_least")) {
        auto v = integer(*i, 0);
        if (v && *v > 1'000'000) {
          problem(*i, "expected at most 1000000 agents, found " + quote(i->node.Scalar()));
        } else if (v) {
          group.callbacks_when.idle_at_least = static_cast<int>(*v);
        }
      }
    }
  }
  if (auto f = map.find("cost_per_hour")) {
    auto v = number(*f, true);
    if (v) group.cost_per_hour = *v;
  }
}

// reinforcement: [{group, takes, start: {queue | oldest_wait}, stop: {queue}}]
void ScenarioLoader::reinforcement(const Field& field, sim::Scenario& scenario) {
  for (const Field& item : sequence(field, "a list of reinforcement rules")) {
    auto map = mapping(item, {"group", "takes", "start", "stop"},
                       "a mapping such as {group: second_line, takes: card, start: {queue: 20}, "
                       "stop: {queue: 5}}");
    if (!map) continue;
    sim::Reinforcement rule;
    bool ok = true;
    if (auto f = required(*map, "group")) {
      auto g = group_ref(*f);
      ok = ok && g;
      if (g) rule.group = *g;
    } else {
      ok = false;
    }
    if (auto f = required(*map, "takes")) {
      auto c = type_ref(*f);
      ok = ok && c;
      if (c) rule.type = *c;
    } else {
      ok = false;
    }
    if (auto f = required(*map, "start")) {
      auto start = mapping(*f, {"queue", "oldest_wait"}, "{queue: 20} or {oldest_wait: 2m}");
      if (start && start->order.size() != 1) {
        if (!start->order.empty() || f->node.size() == 0) {  // else: an unknown key, reported
          problem(*f, "expected exactly one of queue or oldest_wait, found " +
                          (start->order.empty() ? std::string("none") : join(start->order)));
        }
        ok = false;
      } else if (start) {
        if (auto q = start->find("queue")) {
          auto v = integer(*q, 1);
          ok = ok && v;
          if (v) rule.start_queue = *v;
        } else {
          auto v = duration(*start->find("oldest_wait"), false);
          ok = ok && v;
          if (v) rule.start_oldest_wait_s = *v;
        }
      } else {
        ok = false;
      }
    } else {
      ok = false;
    }
    if (auto f = map->find("stop")) {
      auto stop = mapping(*f, {"queue"}, "{queue: 5}");
      if (stop) {
        if (auto q = required(*stop, "queue")) {
          auto v = integer(*q, 0);
          if (v && rule.start_queue && *v >= *rule.start_queue) {
            problem(*q, "expected a stop below the start queue of " +
                            std::to_string(*rule.start_queue) + ", found " +
                            quote(q->node.Scalar()));
            v.reset();
          }
          ok = ok && v;
          if (v) rule.stop_queue = *v;
        } else {
          ok = false;
        }
      } else {
        ok = false;
      }
    }
    if (ok) scenario.reinforcement.push_back(rule);
  }
}

void ScenarioLoader::cross_checks(const sim::Scenario& scenario,
                                  const std::vector<Field>& type_fields) {
  auto authority = [&](int g) {
    return scenario.agent_groups[static_cast<std::size_t>(g)].authority;
  };
  for (const AuthorityNeed& need : authority_needs_) {
    if (authority(need.group) < need.level) {
      problem(need.to, "expected a group with authority " + std::to_string(need.level) +
                           " or more for level-" + std::to_string(need.level) + " issues, found " +
                           quote(group_names_[static_cast<std::size_t>(need.group)]) +
                           " (authority " + std::to_string(authority(need.group)) + ")");
    }
  }
  // Stream keys (a type's key, or its name) name the random streams: unique. Names are unique, so
  // of two types with one key at least one gave it as `key`: it is reported there.
  auto key_of = [&](std::size_t c) -> const std::string& {
    return scenario.contact_types[c].stream_key();
  };
  for (std::size_t c = 0; c < scenario.contact_types.size(); ++c) {
    for (std::size_t other = 0; other < c; ++other) {
      if (key_of(c) != key_of(other)) continue;
      const bool here = type_extras_[c].key.has_value();
      const std::size_t at = here ? c : other;
      problem(*type_extras_[at].key,
              "expected a key no other contact type uses (keys, by default the names, name the "
              "random streams), found " +
                  quote(key_of(c)) + " of contact type " +
                  quote(scenario.contact_types[here ? other : c].name));
    }
  }
  for (std::size_t c = 0; c < scenario.contact_types.size(); ++c) {
    const sim::ContactType& type = scenario.contact_types[c];
    const TypeExtras& extras = type_extras_[c];
    if (!extras.has_arrivals && !extras.complaint_target) {
      problem(type_fields[c],
              "missing required key \"arrivals\" (only a complaint type, which "
              "receives the complaints of another type, may have none)");
    }
    if (!type.issues) continue;
    const auto& levels = type.issues->required_authority;
    for (std::size_t l = 0; l < levels.size(); ++l) {
      if (levels[l] == 0) continue;
      const int level = static_cast<int>(l) + 1;
      if (l < type.issues->escalation.size() && type.issues->escalation[l]) continue;
      for (const sim::RouteStep& step : type.routing) {
        const sim::AgentGroup& g = scenario.agent_groups[static_cast<std::size_t>(step.group)];
        if (g.authority >= level) continue;
        problem(extras.escalation ? *extras.escalation : *extras.issues,
                "expected an escalation for level " + std::to_string(level) + " (group " + g.name +
                    " has authority " + std::to_string(g.authority) + " and takes " + type.name +
                    " contacts), found none");
        break;
      }
    }
  }
}

}  // namespace staffsim::tools::detail
