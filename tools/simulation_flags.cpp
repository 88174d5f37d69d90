#include "tools/simulation_flags.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/limits.hpp"
#include "tools/cli_error.hpp"
#include "tools/cli_options.hpp"
#include "tools/datetime.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

constexpr std::int64_t kMaxThreads = 1024;

}  // namespace

void add_simulation_flags(CLI::App* command, SimulationFlags& flags) {
  command->add_option("--replications", flags.replications,
                      "Independent replications, 1 to 1000000 (overrides the scenario's "
                      "`replications`; with --precision, the first batch)");
  command->add_option("--seed", flags.seed,
                      "Random seed, 0 to 2^64 - 1 (overrides the scenario's `seed`)");
  command->add_option("--threads", flags.threads,
                      "Worker threads, 0 to 1024 (default 0 = all hardware threads; results do "
                      "not depend on it)");
  command->add_option("--precision", flags.precision,
                      "Run replications until the 95% half-width of every target KPI, in every "
                      "interval and over the horizon, is within this: 1% (service level and "
                      "abandon rate +-1 point, ASA +-1% of its target) or per KPI, e.g. "
                      "service_level=0.5%,abandon_rate=1%,asa=2s");
  command->add_option("--max-replications", flags.max_replications,
                      "The most replications --precision may run (default 2000)");
}

void add_check_flags(CLI::App* command, CheckFlags& flags) {
  command
      ->add_option("--check", flags.check,
                   "Exit 5 when a target is missed over the horizon or in any interval; "
                   "--check=strict also exits 6 when one is uncertain (outputs are written "
                   "first)")
      ->expected(0, 1)
      ->default_str("normal");
  command->add_option("--junit", flags.junit,
                      "Write the targets as JUnit XML to this file: one test case per target and "
                      "contact type (- = standard output)");
}

sim::Precision parse_precision(const std::string& text) {
  sim::Precision p;
  const std::string expected =
      "expected a share such as 1%, or limits per KPI such as "
      "service_level=0.5%,abandon_rate=1%,asa=2s";
  if (text.find('=') == std::string::npos) {
    double share = 0;
    try {
      share = parse_fraction(text);
    } catch (const InvalidInput&) {
      throw InvalidInput(expected + ", found " + quote(text));
    }
    if (!(share > 0) || share >= 1) {
      throw InvalidInput("expected a share above 0% and below 100%, found " + quote(text));
    }
    p.service_level = p.abandon_rate = p.asa_of_target = share;
    return p;
  }
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    const std::string part = text.substr(start, comma - start);
    const std::size_t eq = part.find('=');
    if (eq == std::string::npos) throw InvalidInput(expected + ", found " + quote(part));
    const std::string kpi = part.substr(0, eq);
    const std::string value = part.substr(eq + 1);
    auto share = [&] {
      double v = 0;
      try {
        v = parse_fraction(value);
      } catch (const InvalidInput& e) {
        throw InvalidInput(kpi + ": " + e.what());
      }
      if (!(v > 0) || v >= 1) {
        throw InvalidInput(kpi + ": expected a share above 0% and below 100%, found " +
                           quote(value));
      }
      return v;
    };
    if (kpi == "service_level") {
      p.service_level = share();
    } else if (kpi == "abandon_rate") {
      p.abandon_rate = share();
    } else if (kpi == "asa") {
      if (!value.empty() && value.back() == '%') {
        p.asa_of_target = share();
      } else {
        try {
          p.asa_s = parse_duration_s(value);
        } catch (const InvalidInput& e) {
          throw InvalidInput("asa: " + std::string(e.what()));
        }
        if (!(p.asa_s > 0))
          throw InvalidInput("asa: expected a positive duration, found " + quote(value));
      }
    } else {
      throw InvalidInput("unknown KPI " + quote(kpi) +
                         ", expected service_level, abandon_rate or asa");
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return p;
}

sim::RunOptions run_options(const SimulationFlags& flags) {
  sim::RunOptions options;
  if (!flags.replications.empty()) {
    options.replications_override = static_cast<int>(
        integer_flag("--replications", flags.replications, 1, sim::kMaxReplications));
  }
  if (!flags.seed.empty()) {
    options.seed_override = flag_value("--seed", flags.seed, parse_unsigned);  // 64-bit
  }
  if (!flags.threads.empty()) {
    options.threads = static_cast<int>(integer_flag("--threads", flags.threads, 0, kMaxThreads));
  }
  if (!flags.precision.empty()) {
    options.precision = flag_value("--precision", flags.precision, [](std::string_view t) {
      return parse_precision(std::string(t));
    });
  }
  if (!flags.max_replications.empty()) {
    if (!options.precision) {
      throw InputError(
          "--max-replications: applies only with --precision (it caps the "
          "replications --precision may run)");
    }
    options.precision->max_replications = static_cast<int>(
        integer_flag("--max-replications", flags.max_replications, 1, sim::kMaxReplications));
  }
  if (::isatty(STDERR_FILENO) == 1) {
    options.progress = [](int done, int total) {
      std::fprintf(stderr, "\rsimulating: replication %d of %d", done, total);
      if (done == total) std::fprintf(stderr, "\r%*s\r", 40, "");
      std::fflush(stderr);
    };
  }
  return options;
}

namespace {

// "about 320 million", "about 12 billion", "about 45,000" (two significant digits).
std::string rough_count(double n) {
  char buf[64];
  if (n >= 1e9) {
    std::snprintf(buf, sizeof buf, "about %.2g billion", n / 1e9);
  } else if (n >= 1e6) {
    std::snprintf(buf, sizeof buf, "about %.2g million", n / 1e6);
  } else {
    const double unit = n >= 100 ? std::pow(10.0, std::floor(std::log10(n)) - 1) : 1.0;
    std::string digits = std::to_string(static_cast<long long>(std::round(n / unit) * unit));
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
      digits.insert(static_cast<std::size_t>(i), ",");
    }
    return "about " + digits;
  }
  return buf;
}

}  // namespace

void check_run_size(const std::vector<const sim::Scenario*>& plans,
                    const sim::RunOptions& options) {
  double per_replication = 0;
  int replications = 0;
  for (const sim::Scenario* plan : plans) {
    per_replication += sim::expected_first_contacts(*plan);
    const int r =
        options.replications_override > 0 ? options.replications_override : plan->replications;
    replications = std::max(replications, r);
  }
  if (options.precision) replications = std::max(replications, options.precision->max_replications);
  const double total = per_replication * replications;
  const std::string what = std::string(options.precision ? "up to " : "") + rough_count(total) +
                           " contacts (" + std::to_string(replications) + " replications of " +
                           rough_count(per_replication) + ")";
  if (total > sim::kMaxRunContacts) {
    throw InputError("the run would simulate " + what + ", more than the limit of " +
                     rough_count(sim::kMaxRunContacts).substr(6) +
                     ": ask for fewer replications (--replications, --max-replications), days "
                     "or calls");
  }
  if (total >= sim::kAnnounceContacts) {
    std::fprintf(stderr, "simulating %s\n", what.c_str());
  }
}

std::string precision_line(const sim::RunOptions& options,
                           const std::vector<const sim::Scenario*>& plans,
                           const std::vector<sim::Results>& results) {
  if (!options.precision) return "";
  const sim::PrecisionCheck check = sim::check_precision(plans, results, *options.precision);
  const int replications = results.empty() ? 0 : results.front().replications;
  if (check.reached) {
    return "Precision: every target KPI within its limit after " + std::to_string(replications) +
           " replications\n";
  }
  const sim::Scenario& plan = *plans[check.plan];
  const bool seconds = std::string(check.kpi) == "asa_s";
  auto show = [seconds](double v) {
    if (!std::isfinite(v)) return std::string("undefined");
    return seconds ? format_decimal(v, 1) + "s" : format_decimal(v * 100, 1) + " points";
  };
  std::string where = "over the horizon";
  if (check.interval >= 0) {
    const sim::Horizon& h = plan.horizon;
    const std::int64_t of_day = check.interval % h.intervals_per_day;
    where = "at " + format_clock(h.day_start_s + static_cast<double>(of_day) * h.interval_s) +
            " on day " + std::to_string(1 + check.interval / h.intervals_per_day);
  }
  std::string kpi = check.kpi;
  if (kpi == "asa_s") kpi = "ASA";
  if (kpi == "service_level") kpi = "service level";
  if (kpi == "abandon_rate") kpi = "abandon rate";
  return "Precision: not reached after " + std::to_string(replications) +
         " replications (the cap, --max-replications): widest " +
         (plans.size() > 1 ? plan.name + " " : "") + plan.contact_types[check.type].name + " " +
         kpi + " " + where + ", +-" + show(check.half_width) + " (limit " + show(check.limit) +
         ")\n";
}

}  // namespace staffsim::tools
