// The properties of error messages shared by the targets (fuzz_targets.hpp).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_targets.hpp"

namespace staffsim::fuzz {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return lines;
    start = end + 1;
  }
}

// Reads the digits at `at` (advancing it); false when there are none or too many.
bool read_number(std::string_view text, std::size_t& at, std::size_t& value) {
  const std::size_t start = at;
  value = 0;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9' && at - start < 12) {
    value = value * 10 + static_cast<std::size_t>(text[at] - '0');
    ++at;
  }
  return at > start && (at == text.size() || text[at] < '0' || text[at] > '9');
}

[[noreturn]] void violated(const std::string& what, const std::string& message) {
  throw PropertyViolation(what + "\n--- the message:\n" + message);
}

}  // namespace

void check_scenario_message(const std::string& message, const std::string& file,
                            std::string_view text) {
  const std::vector<std::string_view> lines = split_lines(text);
  const std::string prefix = file + ":";
  for (std::string_view line : split_lines(message)) {
    if (line.starts_with("in variant \"") && line.ends_with("\":")) continue;
    if (!line.starts_with(prefix)) {
      violated("a line of the error does not start with \"" + prefix + "line:col: \": \"" +
                   std::string(line) + "\"",
               message);
    }
    std::size_t at = prefix.size(), row = 0, column = 0;
    if (!read_number(line, at, row) || line.substr(at, 1) != ":" ||
        !read_number(line, ++at, column) || line.substr(at, 2) != ": ") {
      violated("a line of the error has no line:col position: \"" + std::string(line) + "\"",
               message);
    }
    if (row < 1 || row > lines.size()) {
      violated("line " + std::to_string(row) + " is outside the input's " +
                   std::to_string(lines.size()) + " lines: \"" + std::string(line) + "\"",
               message);
    }
    if (column < 1 || column > lines[row - 1].size() + 1) {
      violated("column " + std::to_string(column) + " is outside line " + std::to_string(row) +
                   " (" + std::to_string(lines[row - 1].size()) + " characters): \"" +
                   std::string(line) + "\"",
               message);
    }
  }
}

void check_csv_message(const std::string& message, const std::string& file, std::string_view text) {
  const std::string prefix = file + ":";
  if (!message.starts_with(prefix)) violated("the error does not name the file " + file, message);
  std::size_t at = prefix.size(), row = 0;
  if (message.substr(at, 1) == " ") return;  // about the whole file
  if (!read_number(message, at, row) || message.substr(at, 2) != ": ") {
    violated("the error has neither \"" + prefix + "line: \" nor \"" + prefix + " \"", message);
  }
  const std::size_t lines = split_lines(text).size();
  if (row < 1 || row > lines) {
    violated("line " + std::to_string(row) + " is outside the input's " + std::to_string(lines) +
                 " lines",
             message);
  }
}

}  // namespace staffsim::fuzz
