#include "tools/commands.hpp"

namespace staffsim::tools {

void add_erlang_command(CLI::App& app) {
  app.add_subcommand("erlang", "Erlang B/C/A: evaluate a staffing level or find the agents needed");
}

}  // namespace staffsim::tools
