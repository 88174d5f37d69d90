// staffsim: the command line. One place maps every error to a message on stderr and an exit code.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "tools/cli_error.hpp"
#include "tools/commands.hpp"

int main(int argc, char** argv) {
  using namespace staffsim::tools;
  CLI::App app{"staffsim: contact-centre forecasting, staffing and simulation"};
  app.set_version_flag("--version", "staffsim 0.1.0");
  app.require_subcommand(1);
  add_erlang_command(app);
  add_run_command(app);
  add_forecast_command(app);
  add_backtest_command(app);
  add_fit_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "staffsim: error: " << e.what() << "\n";
    std::cerr << "Run with --help for more information.\n";
    return kExitUsage;
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
