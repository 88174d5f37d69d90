#include "tools/cli_options.hpp"

#include <algorithm>
#include <filesystem>

#include "tools/nearest_name.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

std::string_view format_text(OutputFormat format) {
  switch (format) {
    case OutputFormat::table:
      return "table";
    case OutputFormat::json:
      return "json";
    case OutputFormat::csv:
      return "csv";
  }
  return "";
}

// "a, b or c".
std::string either(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

// Every long name of the options of a command, "--help" included, in the order of its help.
std::vector<std::string> long_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
  }
  return names;
}

bool is_short_option(const CLI::App& command, const std::string& arg) {
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_snames()) {
      if (arg == "-" + name) return true;
    }
  }
  return false;
}

const CLI::Option* find_option(const CLI::App& command, const std::string& long_name) {
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) {
      if ("--" + name == long_name) return option;
    }
  }
  return nullptr;
}

bool looks_like_number(const std::string& arg) {
  try {
    parse_number(arg);
    return true;
  } catch (const InvalidInput&) {
    return false;
  }
}

[[noreturn]] void unknown_flag(const CLI::App& command, const std::string& flag,
                               const std::vector<RenamedFlag>& renamed) {
  const std::string prefix = command.get_name() + ": unknown flag " + quote(flag);
  for (const RenamedFlag& r : renamed) {
    if (r.subcommand == command.get_name() && r.old_name == flag) {
      throw UsageError(prefix + ", did you mean " + quote(r.new_name) + "? (" + r.note + ")");
    }
  }
  std::vector<std::string> names = long_names(command);
  // Compare without the dashes: "--replication" is one letter from "--replications".
  std::vector<std::string> bare;
  bare.reserve(names.size());
  for (const auto& n : names) bare.push_back(n.substr(2));
  const std::string typed = flag.substr(
      flag.find_first_not_of('-') == std::string::npos ? flag.size() : flag.find_first_not_of('-'));
  if (const auto near = nearest_name(typed, bare)) {
    throw UsageError(prefix + ", did you mean " + quote("--" + *near) + "?");
  }
  throw UsageError(prefix + ", expected one of: " + join(names));
}

}  // namespace

std::int64_t integer_flag(const std::string& flag, std::string_view text, std::int64_t minimum,
                          std::int64_t maximum) {
  return flag_value(flag, text,
                    [&](std::string_view t) { return parse_integer(t, minimum, maximum); });
}

OutputFormat output_format(const std::string& format, const std::string& out,
                           bool out_is_result_file, const std::vector<OutputFormat>& allowed) {
  std::vector<std::string> names;
  names.reserve(allowed.size());
  for (OutputFormat f : allowed) names.emplace_back(format_text(f));
  if (format.empty()) {
    OutputFormat chosen = OutputFormat::table;
    if (out_is_result_file) {
      const std::string extension = std::filesystem::path(out).extension().string();
      if (extension == ".csv") chosen = OutputFormat::csv;
      if (extension == ".json") chosen = OutputFormat::json;
    }
    if (std::find(allowed.begin(), allowed.end(), chosen) != allowed.end()) return chosen;
    return allowed.front();
  }
  for (OutputFormat f : allowed) {
    if (format == format_text(f)) return f;
  }
  throw InputError("--format: expected " + either(names) + ", found " + quote(format) +
                   did_you_mean(format, names));
}

void check_command_line(const CLI::App& app, const std::vector<std::string>& args,
                        const std::vector<RenamedFlag>& renamed) {
  std::vector<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    commands.push_back(sub->get_name());
  }
  if (args.empty()) {
    throw UsageError("missing subcommand, expected one of: " + join(commands));
  }
  if (args[0].size() > 1 && args[0][0] == '-') return;  // --help, --version: CLI11's to answer
  const auto found = std::find(commands.begin(), commands.end(), args[0]);
  if (found == commands.end()) {
    const auto near = nearest_name(args[0], commands);
    throw UsageError(
        "unknown subcommand " + quote(args[0]) +
        (near ? ", did you mean " + quote(*near) + "? (expected one of: " + join(commands) + ")"
              : ", expected one of: " + join(commands)));
  }
  const CLI::App& command = *app.get_subcommand(args[0]);
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") break;  // the rest are positional
    if (arg.rfind("--", 0) == 0) {
      const std::string name = arg.substr(0, arg.find('='));
      const CLI::Option* option = find_option(command, name);
      if (option == nullptr) unknown_flag(command, name, renamed);
      // Skip the value, whatever it looks like.
      if (option->get_expected_min() > 0 && name.size() == arg.size()) ++i;
    } else if (arg.size() > 1 && arg[0] == '-' && !looks_like_number(arg) &&
               !is_short_option(command, arg)) {
      unknown_flag(command, arg, renamed);
    }
  }
}

}  // namespace staffsim::tools
