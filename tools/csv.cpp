#include "tools/csv.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "tools/cli_error.hpp"
#include "tools/file_io.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {

namespace {

std::string csv_cell(const nlohmann::ordered_json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v.get<double>());
  return buf;
}

}  // namespace

std::string records_csv(const std::vector<nlohmann::ordered_json>& records) {
  std::vector<std::string> keys;
  for (const auto& r : records) {
    for (auto it = r.begin(); it != r.end(); ++it) {
      if (std::find(keys.begin(), keys.end(), it.key()) == keys.end()) keys.push_back(it.key());
    }
  }
  std::string out;
  for (std::size_t i = 0; i < keys.size(); ++i) out += (i ? "," : "") + keys[i];
  out += "\n";
  for (const auto& r : records) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i > 0) out += ",";
      if (r.contains(keys[i])) out += csv_cell(r[keys[i]]);
    }
    out += "\n";
  }
  return out;
}

CsvTable CsvTable::parse(std::string_view text, std::string name) {
  CsvTable table;
  table.name_ = std::move(name);
  std::size_t line = 1;
  std::size_t pos = 0;
  bool have_header = false;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // UTF-8 byte-order mark
  while (pos < text.size()) {
    std::size_t row_line = line;
    std::vector<std::string> fields;
    std::string field;
    bool in_quotes = false;
    bool row_done = false;
    bool any_char = false;
    while (pos < text.size() && !row_done) {
      char c = text[pos++];
      any_char = true;
      if (in_quotes) {
        if (c == '"') {
          if (pos < text.size() && text[pos] == '"') {
            field += '"';
            ++pos;
          } else {
            in_quotes = false;
          }
        } else {
          if (c == '\n') ++line;
          field += c;
        }
      } else if (c == '"') {
        in_quotes = true;
      } else if (c == ',') {
        fields.push_back(std::move(field));
        field.clear();
      } else if (c == '\n') {
        row_done = true;
        ++line;
      } else if (c == '\r' && pos < text.size() && text[pos] == '\n') {
        // handled by the '\n' on the next iteration
      } else {
        field += c;
      }
    }
    if (in_quotes) {
      throw InputError(table.name_ + ":" + std::to_string(row_line) +
                       ": unterminated quoted field");
    }
    if (!any_char) break;
    fields.push_back(std::move(field));
    if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
    if (!have_header) {
      table.header_ = std::move(fields);
      have_header = true;
      continue;
    }
    if (fields.size() != table.header_.size()) {
      throw InputError(table.name_ + ":" + std::to_string(row_line) + ": expected " +
                       std::to_string(table.header_.size()) + " fields as in the header, found " +
                       std::to_string(fields.size()));
    }
    table.rows_.push_back(Row{row_line, std::move(fields)});
  }
  if (!have_header) throw InputError(table.name_ + ": empty file, expected a header row");
  return table;
}

CsvTable CsvTable::read(const std::string& path) {
  return parse(read_file(path), display_name(path));
}

CsvTable CsvTable::with_rows(std::vector<Row> rows) const {
  CsvTable part;
  part.name_ = name_;
  part.header_ = header_;
  part.rows_ = std::move(rows);
  return part;
}

std::optional<std::size_t> CsvTable::find_column(std::string_view column) const {
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == column) return i;
  }
  return std::nullopt;
}

std::size_t CsvTable::column(std::string_view column) const {
  if (auto i = find_column(column)) return *i;
  std::string names;
  for (const auto& h : header_) {
    if (!names.empty()) names += ", ";
    names += h;
  }
  throw InputError(name_ + ":1: missing column " + quote(column) + " (columns are: " + names + ")");
}

std::string CsvTable::where(const Row& row) const {
  return name_ + ":" + std::to_string(row.line) + ": ";
}

double CsvTable::number(const Row& row, std::size_t column) const {
  try {
    return parse_number(row.fields.at(column));
  } catch (const InvalidInput& e) {
    throw InputError(where(row) + header_.at(column) + ": " + e.what());
  }
}

long long CsvTable::integer(const Row& row, std::size_t column) const {
  try {
    return parse_integer(row.fields.at(column));
  } catch (const InvalidInput& e) {
    throw InputError(where(row) + header_.at(column) + ": " + e.what());
  }
}

}  // namespace staffsim::tools
