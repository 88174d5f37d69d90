// The staffsim subcommands. Each adds itself to the application; its callback throws
// staffsim::Error subclasses on failure, which main() turns into a message and an exit code
// (see tools/cli_error.hpp).
#pragma once

#include <CLI/CLI.hpp>

namespace staffsim::tools {

void add_erlang_command(CLI::App& app);
void add_run_command(CLI::App& app);
void add_compare_command(CLI::App& app);
void add_sweep_command(CLI::App& app);
void add_optimize_command(CLI::App& app);
void add_plan_command(CLI::App& app);
void add_forecast_command(CLI::App& app);  // forecast
void add_backtest_command(CLI::App& app);  // backtest
void add_fit_command(CLI::App& app);

}  // namespace staffsim::tools
