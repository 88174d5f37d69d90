// A small CSV reader for the files planners hand to staffsim (histories, call logs, volumes).
//
// Format: UTF-8, comma separated, a header row, '\n' or "\r\n" line ends, fields optionally in
// double quotes ("" for a literal quote). Blank lines are skipped. Every row must have as many
// fields as the header. Errors are InputError with "file:line: ..." positions.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace staffsim::tools {

// Writes flat records (JSON objects of strings, numbers and booleans) as CSV: a header of every
// key in first-seen order, then one line per record (empty where a record lacks the key).
// Numbers print with 10 significant digits, integers exactly.
std::string records_csv(const std::vector<nlohmann::ordered_json>& records);

class CsvTable {
 public:
  struct Row {
    std::size_t line = 0;  // 1-based line number in the file
    std::vector<std::string> fields;
  };

  // Parses text; `name` is the file name used in messages.
  static CsvTable parse(std::string_view text, std::string name);
  // Reads and parses a file.
  static CsvTable read(const std::string& path);

  const std::string& name() const { return name_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<Row>& rows() const { return rows_; }

  // The same file (name, header) holding only `rows`, which keep their line numbers: a part of
  // the file read on its own (the rows of one group of a staffing file, say).
  CsvTable with_rows(std::vector<Row> rows) const;

  // Index of a column, or nullopt.
  std::optional<std::size_t> find_column(std::string_view column) const;
  // Index of a column; throws InputError "file:1: missing column \"x\" (columns are: a, b)".
  std::size_t column(std::string_view column) const;

  // "file:line: " prefix for messages about a row.
  std::string where(const Row& row) const;
  // Field helpers that throw InputError "file:line: column: expected ..., found \"...\"".
  double number(const Row& row, std::size_t column) const;
  long long integer(const Row& row, std::size_t column) const;

 private:
  std::string name_;
  std::vector<std::string> header_;
  std::vector<Row> rows_;
};

}  // namespace staffsim::tools
