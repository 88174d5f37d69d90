// staffsim: the command line. One place maps every error to a message on stderr and an exit code.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "tools/cli_error.hpp"
#include "tools/cli_options.hpp"
#include "tools/commands.hpp"
#include "tools/file_io.hpp"

namespace {

int run(int argc, char** argv) {
  using namespace staffsim::tools;
  install_interrupt_handlers();
  CLI::App app{"staffsim: contact-centre forecasting, staffing and simulation"};
  app.set_version_flag("--version", "staffsim 0.1.0");
  app.require_subcommand(1);
  add_erlang_command(app);
  add_run_command(app);
  add_plan_command(app);
  add_compare_command(app);
  add_sweep_command(app);
  add_optimize_command(app);
  add_forecast_command(app);
  add_backtest_command(app);
  add_fit_command(app);
  // Flags that had another name in another subcommand, or none of their own.
  const std::vector<RenamedFlag> renamed = {
      {"fit", "--calls", "--history",
       "the call log to fit, as in forecast and backtest; --calls is a count of calls in erlang"},
      {"backtest", "--horizon", "--days", "open days ahead, as in forecast"},
      {"forecast", "--k", "--weeks", "the k of weekday_mean"},
      {"backtest", "--k", "--weeks", "the k of weekday_mean"},
  };
  try {
    check_command_line(app, std::vector<std::string>(argv + 1, argv + argc), renamed);
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "staffsim: error: " << e.what() << "\n";
    std::cerr << "Run with --help for more information.\n";
    return kExitUsage;
  } catch (const UsageError& e) {
    std::cerr << "staffsim: error: " << e.what() << "\n";
    std::cerr << "Run with --help for more information.\n";
    return kExitUsage;
  } catch (const CheckFailed& e) {
    std::cerr << "staffsim: check failed: " << e.what() << "\n";
    return e.exit_code();
  } catch (const IoError& e) {
    std::cerr << "staffsim: error: " << e.what() << "\n";
    return kExitIo;
  } catch (const staffsim::Error& e) {
    std::cerr << "staffsim: error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "staffsim: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (...) {  // building the command line failed: nothing else can throw out of run
    std::fputs("staffsim: internal error\n", stderr);
    return staffsim::tools::kExitInternal;
  }
}
