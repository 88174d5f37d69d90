// A validating YAML reader for the files planners write (scenarios, plans, variants).
//
// It walks a document parsed by yaml-cpp and checks every value it is asked for, collecting every
// problem instead of stopping at the first. Each problem is one line
//   file:line:col: yaml.path: expected ..., found ...
// (1-based line and column; yaml.path such as "contact_types[0].handle_time.mean"), e.g.
//   plan.yaml:3:5: horizon.interval: expected a duration with its unit such as 20s, 5m or 1.5h,
//   found "30" (no unit)
// throw_if_problems() throws one InputError with all of them, in file order. Mappings are checked
// for unknown keys (the message lists the valid ones) and duplicate keys (yaml-cpp accepts them
// silently). Values are never clamped: a value out of range is a problem.
//
// Units are those of tools/units.hpp: durations carry their unit ("20s", "5m", "1.5h") and are
// returned in seconds, rates their interval ("2.5/s", "90/h") and are returned per second,
// fractions are "80%" or "0.8", clock times "07:00" are returned in seconds since midnight.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tools/cli_error.hpp"  // quote, join

namespace staffsim::tools {

// 0-based position in the YAML text (yaml-cpp's convention); printed 1-based.
struct Position {
  int line = 0;
  int column = 0;
};

// A node with its path ("contact_types[0].handle_time.mean") and the position to report it at.
// Never assigned: assigning a YAML::Node rebinds the node it shares with the document.
struct Field {
  Field(const YAML::Node& node_in, std::string path_in, Position position_in)
      : node(node_in), path(std::move(path_in)), position(position_in) {}
  Field(const Field&) = default;
  Field& operator=(const Field&) = delete;

  YAML::Node node;
  std::string path;
  Position position;
};

// A mapping's entries by key (first occurrence), after checking for unknown and duplicate keys.
class Mapping {
 public:
  explicit Mapping(const Field& self_field) : self(self_field) {}
  // The entry of `key`, or nullopt when the mapping does not have it.
  std::optional<Field> find(const std::string& key) const {
    auto it = entries.find(key);
    if (it == entries.end()) return std::nullopt;
    return it->second;
  }
  std::map<std::string, Field> entries;
  std::vector<std::string> order;  // keys in file order
  Field self;                      // the mapping itself
};

// What a node is, for "found ..." in messages: the quoted scalar, "a list", "an empty list",
// "a mapping" or "nothing".
std::string describe(const YAML::Node& node);

// Reads the fields of one YAML file and collects the problems found in them. Each reader below
// returns the value, or reports a problem and returns nullopt (an empty list for sequence()).
class YamlReader {
 public:
  // `file_name` prefixes every message.
  explicit YamlReader(std::string file_name);

  // Parses YAML text. Returns the document as the root Field (path "", position 1:1), or reports
  // "invalid YAML: ..." at the position of the syntax error and returns nullopt.
  std::optional<Field> parse(std::string_view text);

  // --- structure --------------------------------------------------------------------------------
  // The node of a mapping entry or sequence item with its path. An empty value ("key:" with
  // nothing after it) is reported at `fallback` (its key's position), not where yaml-cpp puts it.
  static Field child(const YAML::Node& node, const std::string& path, Position fallback);

  // A mapping whose keys are all in `allowed`; each unknown or duplicate key is reported and
  // skipped. `expectation` says what was expected when the field is not a mapping at all.
  std::optional<Mapping> mapping(const Field& field, const std::vector<std::string>& allowed,
                                 const std::string& expectation);
  // The entry of `key`; reports "missing required key" at the mapping when it has none.
  std::optional<Field> required(const Mapping& map, const std::string& key);
  // The items of a list (paths "field[0]", "field[1]", ...); empty when the field is not a list.
  std::vector<Field> sequence(const Field& field, const std::string& expectation);

  // --- scalars ----------------------------------------------------------------------------------
  // The text of a scalar; `expectation` says what was expected when the field is not a scalar.
  std::optional<std::string> scalar(const Field& field, const std::string& expectation);
  // A name of letters, digits, _ or -.
  std::optional<std::string> name(const Field& field);
  // A duration with its unit, in seconds: positive, or non-negative when `allow_zero`.
  std::optional<double> duration(const Field& field, bool allow_zero);
  // A non-negative rate with its interval, per second.
  std::optional<double> rate(const Field& field);
  // A non-negative fraction ("80%" or "0.8"), at most 1 when `at_most_one`.
  std::optional<double> fraction(const Field& field, bool at_most_one);
  // A plain number: positive, or non-negative when `allow_zero`.
  std::optional<double> number(const Field& field, bool allow_zero);
  // A whole number of at least `minimum` (64-bit).
  std::optional<long long> integer(const Field& field, long long minimum);
  // A whole number from 0 to 2^64 - 1 (a random seed).
  std::optional<std::uint64_t> unsigned_integer(const Field& field);
  // A clock time of day ("07:00", "07:30:15"), in seconds since midnight.
  std::optional<double> clock(const Field& field);
  // true or false.
  std::optional<bool> boolean(const Field& field);

  // --- problems ---------------------------------------------------------------------------------
  // Reports a problem with a field: "file:line:col: path: message".
  void problem(const Field& field, const std::string& message);
  // Reports a problem at a position; an empty path gives "file:line:col: message".
  void problem_at(Position position, const std::string& path, const std::string& message);
  bool has_problems() const { return !problems_.empty(); }
  // Throws one InputError listing every problem reported so far, one a line, sorted by position
  // (problems at the same position in the order reported). Does nothing when there are none.
  void throw_if_problems();

 private:
  struct Problem {
    Position position;
    std::string message;  // already prefixed with file:line:col
  };

  std::string file_name_;
  std::vector<Problem> problems_;
};

// The position of the value at `path` ("contact_types[0].targets.max_asa") in the YAML `text`, or
// nullopt when the text does not parse or holds no such value: for messages about a value that the
// loader accepted but a later step cannot use (the targets `staffsim plan` cannot solve for).
std::optional<Position> position_of(std::string_view text, std::string_view path);

}  // namespace staffsim::tools
