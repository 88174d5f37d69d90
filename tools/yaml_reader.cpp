#include "tools/yaml_reader.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "models/error.hpp"
#include "sim/limits.hpp"
#include "tools/cli_error.hpp"
#include "tools/datetime.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return quote(node.Scalar());
    case YAML::NodeType::Sequence:
      return node.size() == 0 ? "an empty list" : "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    default:
      return "nothing";
  }
}

YamlReader::YamlReader(std::string file_name) : file_name_(std::move(file_name)) {}

std::optional<Field> YamlReader::parse(std::string_view text) {
  // yaml-cpp reads a byte order mark or NUL bytes as UTF-16 or UTF-32, where its positions are no
  // longer those of the file: a scenario is UTF-8 text.
  if (text.starts_with("\xFE\xFF") || text.starts_with("\xFF\xFE")) {
    problem_at({0, 0}, "", "expected UTF-8 text, found a UTF-16 or UTF-32 byte order mark");
    return std::nullopt;
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    const std::size_t line_start = text.rfind('\n', nul) + 1;  // npos + 1 = 0 on line 1
    problem_at({static_cast<int>(std::count(text.begin(), text.begin() + nul, '\n')),
                static_cast<int>(nul - line_start)},
               "", "expected UTF-8 text, found a NUL byte");
    return std::nullopt;
  }
  try {
    return Field{YAML::Load(std::string(text)), "", {0, 0}};
  } catch (const YAML::ParserException& e) {
    problem_at({std::max(e.mark.line, 0), std::max(e.mark.column, 0)}, "",
               "invalid YAML: " + printable(e.msg));
  }
  return std::nullopt;
}

// --- problems ------------------------------------------------------------------------------------

void YamlReader::problem(const Field& field, const std::string& message) {
  problem_at(field.position, field.path, message);
}

void YamlReader::problem_at(Position position, const std::string& path,
                            const std::string& message) {
  std::string text = file_name_ + ":" + std::to_string(position.line + 1) + ":" +
                     std::to_string(position.column + 1) + ": ";
  if (!path.empty()) text += printable(path) + ": ";  // a key may hold any character
  // So may the values a message repeats, such as a file name that could not be read.
  problems_.push_back({position, text + printable(message)});
}

void YamlReader::throw_if_problems() {
  if (problems_.empty()) return;
  std::stable_sort(problems_.begin(), problems_.end(), [](const Problem& a, const Problem& b) {
    return std::pair(a.position.line, a.position.column) <
           std::pair(b.position.line, b.position.column);
  });
  std::string message;
  for (const auto& p : problems_) {
    if (!message.empty()) message += "\n";
    message += p.message;
  }
  throw InputError(message);
}

// --- structure -----------------------------------------------------------------------------------

Field YamlReader::child(const YAML::Node& node, const std::string& path, Position fallback) {
  YAML::Mark mark = node.Mark();
  Position position = fallback;
  // Empty values ("key:" with nothing after it) carry the position of whatever follows them.
  if (!node.IsNull() && mark.line >= 0) position = {mark.line, mark.column};
  return {node, path, position};
}

std::optional<Mapping> YamlReader::mapping(const Field& field,
                                           const std::vector<std::string>& allowed,
                                           const std::string& expectation) {
  if (!field.node.IsMap()) {
    problem(field, "expected " + expectation + ", found " + describe(field.node));
    return std::nullopt;
  }
  Mapping map(field);
  for (const auto& entry : field.node) {
    const YAML::Node& key_node = entry.first;
    YAML::Mark key_mark = key_node.Mark();
    Position key_position{key_mark.line, key_mark.column};
    std::string prefix = field.path.empty() ? "" : field.path + ".";
    if (!key_node.IsScalar()) {
      problem_at(
          key_position, field.path,
          "expected a key such as " + quote(allowed.front()) + ", found " + describe(key_node));
      continue;
    }
    const std::string& key = key_node.Scalar();
    std::string path = prefix + key;
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      problem_at(key_position, path,
                 "unknown key " + quote(key) + ", expected one of: " + join(allowed));
      continue;
    }
    auto previous = map.entries.find(key);
    if (previous != map.entries.end()) {
      problem_at(key_position, path,
                 "duplicate key " + quote(key) + ", expected each key once (first given at line " +
                     std::to_string(previous->second.position.line + 1) + ")");
      continue;
    }
    map.entries.emplace(key, child(entry.second, path, key_position));
    map.order.push_back(key);
  }
  return map;
}

std::optional<Field> YamlReader::required(const Mapping& map, const std::string& key) {
  auto found = map.find(key);
  if (!found) problem(map.self, "missing required key " + quote(key));
  return found;
}

std::vector<Field> YamlReader::sequence(const Field& field, const std::string& expectation) {
  std::vector<Field> items;
  if (!field.node.IsSequence()) {
    problem(field, "expected " + expectation + ", found " + describe(field.node));
    return items;
  }
  std::size_t index = 0;
  for (const auto& item : field.node) {
    items.push_back(child(item, field.path + "[" + std::to_string(index) + "]", field.position));
    ++index;
  }
  return items;
}

// --- scalars -------------------------------------------------------------------------------------

std::optional<std::string> YamlReader::scalar(const Field& field, const std::string& expectation) {
  if (!field.node.IsScalar()) {
    problem(field, "expected " + expectation + ", found " + describe(field.node));
    return std::nullopt;
  }
  return field.node.Scalar();
}

std::optional<std::string> YamlReader::name(const Field& field) {
  const std::string expectation = "a name of letters, digits, _ or -";
  auto text = scalar(field, expectation);
  if (!text) return std::nullopt;
  bool ok = !text->empty() && std::all_of(text->begin(), text->end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
  if (!ok) {
    problem(field, "expected " + expectation + ", found " + quote(*text));
    return std::nullopt;
  }
  return text;
}

std::optional<double> YamlReader::duration(const Field& field, bool allow_zero) {
  auto text = scalar(field, "a duration with its unit such as 20s, 5m or 1.5h");
  if (!text) return std::nullopt;
  double seconds = 0;
  try {
    seconds = parse_duration_s(*text);
  } catch (const InvalidInput& e) {
    problem(field, e.what());
    return std::nullopt;
  }
  if (seconds < 0 || (!allow_zero && seconds == 0)) {
    problem(field, std::string("expected a ") + (allow_zero ? "non-negative" : "positive") +
                       " duration, found " + quote(*text));
    return std::nullopt;
  }
  return seconds;
}

std::optional<double> YamlReader::rate(const Field& field) {
  auto text = scalar(field, "a rate with its interval such as 2.5/s, 90/h or 120/30m");
  if (!text) return std::nullopt;
  double per_s = 0;
  try {
    per_s = parse_rate_per_s(*text);
  } catch (const InvalidInput& e) {
    problem(field, e.what());
    return std::nullopt;
  }
  if (per_s < 0) {
    problem(field, "expected a non-negative rate, found " + quote(*text));
    return std::nullopt;
  }
  if (per_s > sim::kMaxArrivalRatePerS) {
    problem(field, "expected a rate of at most " + number_text(sim::kMaxArrivalRatePerS) +
                       "/s, found " + quote(*text));
    return std::nullopt;
  }
  return per_s;
}

std::optional<double> YamlReader::fraction(const Field& field, bool at_most_one) {
  auto text = scalar(field, "a percentage such as 80% or a fraction such as 0.8");
  if (!text) return std::nullopt;
  double value = 0;
  try {
    value = parse_fraction(*text);
  } catch (const InvalidInput& e) {
    problem(field, e.what());
    return std::nullopt;
  }
  if (value < 0 || (at_most_one && value > 1)) {
    problem(field, std::string("expected ") +
                       (at_most_one ? "a fraction between 0% and 100%" : "a non-negative value") +
                       ", found " + quote(*text));
    return std::nullopt;
  }
  return value;
}

std::optional<double> YamlReader::number(const Field& field, bool allow_zero) {
  const std::string expectation = allow_zero ? "a non-negative number" : "a positive number";
  auto text = scalar(field, expectation);
  if (!text) return std::nullopt;
  double value = 0;
  try {
    value = parse_number(*text);
  } catch (const InvalidInput&) {
    problem(field, "expected " + expectation + ", found " + quote(*text));
    return std::nullopt;
  }
  if (value < 0 || (!allow_zero && value == 0)) {
    problem(field, "expected " + expectation + ", found " + quote(*text));
    return std::nullopt;
  }
  return value;
}

std::optional<long long> YamlReader::integer(const Field& field, long long minimum) {
  std::string expectation = "a whole number";
  if (minimum == 0) expectation = "a non-negative whole number";
  if (minimum > 0) expectation = "a whole number of at least " + std::to_string(minimum);
  auto text = scalar(field, expectation);
  if (!text) return std::nullopt;
  try {
    // A negative minimum is a type's limit (priority: int), stated by the caller.
    const long long value =
        parse_integer(*text, minimum < 0 ? std::numeric_limits<long long>::min() : minimum);
    if (value >= minimum) return value;
  } catch (const InvalidInput& e) {
    problem(field, e.what());
    return std::nullopt;
  }
  problem(field, "expected " + expectation + ", found " + quote(*text));
  return std::nullopt;
}

std::optional<std::uint64_t> YamlReader::unsigned_integer(const Field& field) {
  auto text = scalar(field, "a non-negative whole number");
  if (!text) return std::nullopt;
  try {
    return parse_unsigned(*text);
  } catch (const InvalidInput& e) {
    problem(field, e.what());
    return std::nullopt;
  }
}

std::optional<double> YamlReader::clock(const Field& field) {
  auto text = scalar(field, "a clock time such as \"07:00\"");
  if (!text) return std::nullopt;
  try {
    return parse_clock_s(*text);
  } catch (const InvalidInput& e) {
    problem(field, e.what());
    return std::nullopt;
  }
}

std::optional<bool> YamlReader::boolean(const Field& field) {
  auto text = scalar(field, "true or false");
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  problem(field, "expected true or false, found " + quote(*text));
  return std::nullopt;
}

std::optional<Position> position_of(std::string_view text, std::string_view path) {
  YAML::Node node;
  try {
    node.reset(YAML::Load(std::string(text)));
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  // Segments "name" or "name[index]", separated by dots.
  std::size_t at = 0;
  while (at < path.size()) {
    std::size_t end = path.find('.', at);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(at, end - at);
    at = end + 1;
    std::optional<std::size_t> index;
    if (const std::size_t open = segment.find('['); open != std::string_view::npos) {
      const std::string_view digits = segment.substr(open + 1, segment.size() - open - 2);
      index = 0;
      for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        *index = *index * 10 + static_cast<std::size_t>(c - '0');
      }
      segment = segment.substr(0, open);
    }
    if (!segment.empty()) {
      if (!node.IsMap()) return std::nullopt;
      YAML::Node value;
      bool found = false;
      for (const auto& entry : node) {
        if (entry.first.IsScalar() && entry.first.Scalar() == segment) {
          value = entry.second;
          found = true;
          break;
        }
      }
      if (!found) return std::nullopt;
      node.reset(value);  // rebinds (operator= would write into the document)
    }
    if (index) {
      if (!node.IsSequence() || *index >= node.size()) return std::nullopt;
      const YAML::Node item = node[*index];
      node.reset(item);
    }
  }
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0 || mark.column < 0) return std::nullopt;
  return Position{mark.line, mark.column};
}

}  // namespace staffsim::tools
