// End-to-end tests of `staffsim fit`: the binary is run on the real Anonymous Bank log and on a
// small hand-made log, and its output, exit status and YAML file are checked against figures
// computed here independently (by direct reading of the CSV and by hand).
#include <gtest/gtest.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class FitCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("staffsim_fit_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  RunResult run(const std::string& arguments) const {
    const std::string command = std::string("'") + STAFFSIM_BINARY + "' fit " + arguments + " >'" +
                                (dir_ / "stdout").string() + "' 2>'" + (dir_ / "stderr").string() +
                                "'";
    const int status = std::system(command.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir_ / "stdout");
    r.err = slurp(dir_ / "stderr");
    return r;
  }

  fs::path write(const std::string& name, const std::string& content) const {
    std::ofstream(dir_ / name) << content;
    return dir_ / name;
  }

  fs::path dir_;
};

const std::string kSmallLog = std::string(STAFFSIM_SOURCE_DIR) + "/tests/data/fit_small_calls.csv";

// Hand-worked figures of tests/data/fit_small_calls.csv, type A:
//   waits 0s 30a 60s 10a 20s 0s 0s (a = abandoned, s = served): exponential mean = 120 s / 2 =
//   60 s; naive mean (30 + 10) / 2 = 20 s; Kaplan-Meier S(10) = 3/4, S(30) = 3/4 * 1/2 -> median
//   30 s; abandonment 2/7 = 28.6% of offered, 2/4 = 50.0% of queued; positive service times
//   100, 200, 400, 300 (one 0 s excluded), mean 250 s; identified calls 6, followed within 24 h by
//   the same customer: 2 (33.3%), within 7 d: 3 (50.0%).
TEST_F(FitCommand, SmallHandMadeLog) {
  const fs::path out = dir_ / "types.yaml";
  const RunResult r =
      run("--history '" + kSmallLog + "' --interval 1h --weekday mon --hours 00:00-24:00 --out '" +
          out.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("== Contact type A: 7 calls (5 served, 2 abandoned"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("4 served calls with service > 0 s (1 with service 0 s excluded)"),
            std::string::npos);
  EXPECT_NE(r.out.find("sample: mean 250.0 s"), std::string::npos);
  EXPECT_NE(r.out.find("exponential  mean=250.0s"), std::string::npos);
  EXPECT_NE(r.out.find("abandonment: 28.6% of calls offered to agents, 50.0% of calls that queued"),
            std::string::npos);
  EXPECT_NE(r.out.find("exponential MLE mean: 60.0 s (standard error 42.4 s) = 120 s waited / 2 "
                       "abandons"),
            std::string::npos);
  EXPECT_NE(r.out.find("Kaplan-Meier quantiles: 10% 10 s, 25% 10 s, median 30 s"),
            std::string::npos);
  EXPECT_NE(r.out.find("naive mean of abandon times (biased low, for contrast only): 20.0 s"),
            std::string::npos);
  EXPECT_NE(r.out.find("within 24h: 33.3%, within 7d: 50.0%"), std::string::npos);
  EXPECT_NE(r.out.find("exponential MLE mean: unbounded (no abandonment in 5 s of waiting)"),
            std::string::npos);

  const YAML::Node root = YAML::LoadFile(out.string());
  const YAML::Node types = root["contact_types"];
  ASSERT_TRUE(types.IsSequence());
  ASSERT_EQ(types.size(), 2u);
  const YAML::Node a = types[0];
  EXPECT_EQ(a["name"].as<std::string>(), "A");
  const auto per_interval = a["arrivals"]["per_interval"].as<std::vector<double>>();
  ASSERT_EQ(per_interval.size(), 24u);
  // Mondays 4 and 11 March: 08:05, 08:40, 08:00 in hour 8 and 09:10 in hour 9, over 2 Mondays.
  for (std::size_t i = 0; i < 24; ++i) {
    EXPECT_EQ(per_interval[i], i == 8 ? 1.5 : i == 9 ? 0.5 : 0.0) << i;
  }
  EXPECT_EQ(a["patience"]["distribution"].as<std::string>(), "exponential");
  EXPECT_EQ(a["patience"]["mean"].as<std::string>(), "60s");
  const std::string family = a["handle_time"]["distribution"].as<std::string>();
  EXPECT_TRUE(family == "lognormal" || family == "gamma" || family == "exponential") << family;
  // Type B never abandons: no patience entry. Type C has no served call: left out, with a comment.
  EXPECT_EQ(types[1]["name"].as<std::string>(), "B");
  EXPECT_FALSE(types[1]["patience"].IsDefined());
  EXPECT_NE(slurp(out).find("# C left out: 0 served calls with a positive service time"),
            std::string::npos);
  EXPECT_NE(r.out.find("  no fit: 0 served calls with a positive service time; a fit needs at "
                       "least 2 (0 with service 0 s)"),
            std::string::npos);
}

TEST_F(FitCommand, HoursCutTheWrittenProfile) {
  const fs::path out = dir_ / "types.yaml";
  const RunResult r =
      run("--history '" + kSmallLog + "' --interval 1h --weekday tue --hours 08:00-10:00 --out '" +
          out.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string yaml = slurp(out);
  EXPECT_NE(yaml.find("\nhorizon: {interval: 1h, intervals: 2, start: \"08:00\"}\n"),
            std::string::npos)
      << yaml;
  // Tuesday 5 March: A at 08:15 and 08:20, and at 23:50 outside the hours; B at 12:00 and 12:10.
  EXPECT_NE(yaml.find("  # A: 1 calls per day arrive outside the written hours and are left out"),
            std::string::npos);
  EXPECT_NE(yaml.find("  # B: 2 calls per day arrive outside the written hours and are left out"),
            std::string::npos);
  const YAML::Node types = YAML::LoadFile(out.string())["contact_types"];
  EXPECT_EQ(types[0]["arrivals"]["per_interval"].as<std::vector<double>>(),
            (std::vector<double>{2.0, 0.0}));
  EXPECT_EQ(types[1]["arrivals"]["per_interval"].as<std::vector<double>>(),
            (std::vector<double>{0.0, 0.0}));
}

TEST_F(FitCommand, HandleTimeChoiceNamedFamilyOrEmpirical) {
  const fs::path out = dir_ / "plan types.yaml";
  RunResult r =
      run("--history '" + kSmallLog + "' --handle-time exponential --out '" + out.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  YAML::Node types = YAML::LoadFile(out.string())["contact_types"];
  EXPECT_EQ(types[0]["handle_time"]["distribution"].as<std::string>(), "exponential");
  EXPECT_EQ(types[0]["handle_time"]["mean"].as<std::string>(), "250s");  // (100+200+400+300)/4
  EXPECT_FALSE(types[0]["handle_time"]["sd"].IsDefined());

  r = run("--history '" + kSmallLog + "' --handle-time empirical --out '" + out.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  types = YAML::LoadFile(out.string())["contact_types"];
  EXPECT_EQ(types[0]["handle_time"]["distribution"].as<std::string>(), "empirical");
  EXPECT_EQ(types[0]["handle_time"]["file"].as<std::string>(), "plan types.A.handle_time.csv");
  EXPECT_EQ(types[0]["handle_time"]["column"].as<std::string>(), "handle_time_s");
  // The positive service times of A in file order; the 0 s one is left out.
  EXPECT_EQ(slurp(dir_ / "plan types.A.handle_time.csv"), "handle_time_s\n100\n200\n400\n300\n");
  EXPECT_EQ(slurp(dir_ / "plan types.B.handle_time.csv"), "handle_time_s\n50\n70\n");

  // A failure writes none of the files.
  const fs::path other = dir_ / "other.yaml";
  r = run("--history '" + kSmallLog + "' --type C --handle-time empirical --out '" +
          other.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(fs::exists(other));
  EXPECT_FALSE(fs::exists(dir_ / "other.C.handle_time.csv"));
}

TEST_F(FitCommand, TypeFilterAndDefaultInterval) {
  const RunResult r = run("--history '" + kSmallLog + "' --type B");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("Contact type A"), std::string::npos);
  EXPECT_NE(r.out.find("== Contact type B: 2 calls"), std::string::npos);
  EXPECT_NE(r.out.find("mean calls offered to agents per 30m interval"), std::string::npos);
  EXPECT_NE(r.out.find("  12:00      0.0     2.0     0.0"), std::string::npos) << r.out;
}

TEST_F(FitCommand, BadInputFailsWithExitOneAndWritesNothing) {
  const fs::path out = dir_ / "types.yaml";
  const std::string to_out = " --out '" + out.string() + "'";
  const std::string header = "arrival,wait_s,outcome,service_s,type\n";
  const fs::path no_column =
      write("no_column.csv", "arrival,wait_s,outcome\n2024-03-04T08:15:00,3,served\n");
  const fs::path bad_time = write("bad_time.csv", header + "2024-03-04 8h,3,served,60,A\n");
  const fs::path negative = write("negative.csv", header + "2024-03-04T08:15:00,3,served,-60,A\n");
  const fs::path empty = write("empty.csv", header);
  const fs::path unserved = write("unserved.csv", header + "2024-03-04T08:15:00,3,abandoned,,A\n");
  struct Case {
    std::string arguments;
    std::string message;
  };
  const std::vector<Case> cases{
      {"--history '" + no_column.string() + "'",
       no_column.string() +
           ":1: missing column \"service_s\" (columns are: arrival, wait_s, outcome)"},
      {"--history '" + bad_time.string() + "'",
       bad_time.string() + ":2: arrival: expected an ISO 8601 local date-time such as "
                           "1999-01-01T07:00:00, found \"2024-03-04 8h\""},
      {"--history '" + negative.string() + "'",
       negative.string() + ":2: service_s: expected a duration in seconds >= 0, found \"-60\""},
      {"--history '" + empty.string() + "'",
       empty.string() + ":1: expected at least one call after the header, found none"},
      {"--history '" + unserved.string() + "'",
       unserved.string() + ": no contact type has enough served calls for a handle-time fit"},
      {"--history '" + kSmallLog + "' --type D",
       "--type: unknown contact type \"D\" (types in " + kSmallLog + ": A, B, C)"},
      {"--history '" + kSmallLog + "' --type A,X",
       "--type: unknown contact type \"X\" (types in " + kSmallLog + ": A, B, C)"},
      {"--history '" + kSmallLog + "' --type C",
       "--type C: cannot write a contact type without a handle-time fit: 0 served calls with a "
       "positive service time; a fit needs at least 2"},
      {"--history '" + kSmallLog + "' --interval 7m",
       "--interval: expected a length that divides a day, in whole seconds, such as 5m, 15m, 30m "
       "or 1h, found \"7m\""},
      {"--history '" + kSmallLog + "' --interval soon",
       "--interval: expected a duration with its unit such as 20s, 5m or 1.5h, found \"soon\""},
      {"--history '" + kSmallLog + "' --hours 7-21",
       "--hours: expected a part of the day such as 07:00-21:00 (start before end, end at most "
       "24:00), found \"7-21\""},
      {"--history '" + kSmallLog + "' --hours 07:15-21:00",
       "--hours: expected times on the grid of 30m intervals, found \"07:15-21:00\""},
      {"--history '" + kSmallLog + "' --handle-time weibull",
       "--handle-time: expected best, lognormal, gamma, exponential or empirical, found "
       "\"weibull\""},
      {"--history '" + kSmallLog + "' --weekday moonday",
       "--weekday: expected all or a weekday such as mon or monday, found \"moonday\""},
      {"--history '" + kSmallLog + "' --weekday sunday",
       "--weekday: " + kSmallLog + " has no Sunday, found \"sunday\""},
  };
  for (const Case& c : cases) {
    const RunResult r = run(c.arguments + to_out);
    EXPECT_EQ(r.exit_code, 1) << c.arguments;
    EXPECT_EQ(r.err, "staffsim: error: " + c.message + "\n") << c.arguments;
    EXPECT_EQ(r.out, "") << c.arguments;
    EXPECT_FALSE(fs::exists(out)) << c.arguments;
  }
  // A file that cannot be read is an I/O error (exit 3).
  const RunResult missing = run("--history '" + (dir_ / "absent.csv").string() + "'" + to_out);
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_FALSE(fs::exists(out));
  // An output that cannot be written is an I/O error too, and nothing is printed as done.
  const RunResult unwritable = run("--history '" + kSmallLog + "' --out '" +
                                   (dir_ / "no_such_dir" / "x.yaml").string() + "'");
  EXPECT_EQ(unwritable.exit_code, 3);
  EXPECT_EQ(unwritable.out, "");
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

// Figures of the real log computed directly from its CSV, without staffsim's code.
struct TypeTruth {
  double wait_total_s = 0;
  int abandons = 0;
  int offered = 0;
  double service_sum = 0, service_log_sum = 0, service_log_sq_sum = 0;
  int service_count = 0;
};

std::map<std::string, TypeTruth> read_truth(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  std::map<std::string, TypeTruth> truth;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string field; std::getline(fields, field, ',');) f.push_back(field);
    f.resize(16);
    // 4 type, 8 q_start, 10 q_time_s, 11 outcome, 14 ser_time_s
    TypeTruth& t = truth[f[4]];
    const bool served = f[11] == "AGENT";
    const bool abandoned = f[11] == "HANG" && !f[8].empty();
    if (!served && !abandoned) continue;
    ++t.offered;
    t.wait_total_s += std::stod(f[10]);
    if (abandoned) ++t.abandons;
    const double service = std::stod(f[14]);
    if (served && service > 0) {
      ++t.service_count;
      t.service_sum += service;
      t.service_log_sum += std::log(service);
      t.service_log_sq_sum += std::log(service) * std::log(service);
    }
  }
  return truth;
}

double seconds_of(const YAML::Node& node) {
  std::string s = node.as<std::string>();
  EXPECT_EQ(s.back(), 's') << s;
  s.pop_back();
  return std::stod(s);
}

TEST_F(FitCommand, RealAnonymousBankLog) {
  const std::string log = std::string(STAFFSIM_SHARED_DATA_DIR) + "/anonbank_calls_train.csv";
  ASSERT_TRUE(fs::exists(log)) << "the real call log is missing: " << log
                               << " (STAFFSIM_SHARED_DATA_DIR must hold anonbank_calls_train.csv)";
  const fs::path out = dir_ / "bank.yaml";
  const RunResult r =
      run("--history '" + log + "' --hours 00:00-24:00 --out '" + out.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(Anonymous Bank format): 49790 calls on 45 days, 1999-01-01 to "
                       "1999-10-16"),
            std::string::npos);
  EXPECT_NE(r.out.find("not used: 325 phantom records, 2104 hung up in the IVR"),
            std::string::npos);

  const auto truth = read_truth(log);
  const YAML::Node types = YAML::LoadFile(out.string())["contact_types"];
  // AA has no served call and is left out; the six documented types are written.
  ASSERT_EQ(types.size(), 6u);
  for (const YAML::Node& type : types) {
    const std::string name = type["name"].as<std::string>();
    SCOPED_TRACE(name);
    const TypeTruth& t = truth.at(name);
    // Patience: total wait of all offered calls / abandons (printed to 0.1 s).
    EXPECT_NEAR(seconds_of(type["patience"]["mean"]), t.wait_total_s / t.abandons, 0.05);
    // Arrivals: the per-interval means add up to offered calls / 45 observed days.
    const auto per_interval = type["arrivals"]["per_interval"].as<std::vector<double>>();
    ASSERT_EQ(per_interval.size(), 48u);
    double total = 0;
    for (double v : per_interval) total += v;
    EXPECT_NEAR(total, t.offered / 45.0, 48 * 0.00005 + 1e-9);
    // Handle time: the gamma and exponential MLE means are the sample mean; the lognormal MLE mean
    // is exp(mu + sigma^2 / 2) with mu, sigma^2 the mean and (1/n) variance of the logs.
    const std::string family = type["handle_time"]["distribution"].as<std::string>();
    const double n = t.service_count;
    const double mu = t.service_log_sum / n;
    const double sigma2 = t.service_log_sq_sum / n - mu * mu;
    const double expected_mean =
        family == "lognormal" ? std::exp(mu + sigma2 / 2) : t.service_sum / n;
    EXPECT_NEAR(seconds_of(type["handle_time"]["mean"]), expected_mean,
                0.05 + 1e-9 * expected_mean);
    if (family == "lognormal") {
      EXPECT_NEAR(seconds_of(type["handle_time"]["sd"]),
                  expected_mean * std::sqrt(std::expm1(sigma2)), 0.05 + 1e-6 * expected_mean);
    }
  }
}

// fit --out writes a scenario that runs as it is: over the hours the centre is open (the data
// README: Sunday to Thursday 07:00-24:00), a default target, one group staffed for it.
TEST_F(FitCommand, ScenarioRunsAsItIsOverOpeningHours) {
  const std::string log = std::string(STAFFSIM_SHARED_DATA_DIR) + "/anonbank_calls_train.csv";
  const fs::path out = dir_ / "bank.yaml";
  RunResult r = run("--history '" + log + "' --type PS,NW --out '" + out.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\nWrote " + out.string() + ", a scenario that runs as it is\n"),
            std::string::npos);
  const YAML::Node root = YAML::LoadFile(out.string());
  EXPECT_EQ(root["horizon"]["interval"].as<std::string>(), "30m");
  const std::string start = root["horizon"]["start"].as<std::string>();
  const int intervals = root["horizon"]["intervals"].as<int>();
  // Open by 07:00 and until midnight; not through the night.
  EXPECT_LE(start, "07:00");
  EXPECT_GE(start, "05:00");
  const int start_s = std::stoi(start.substr(0, 2)) * 3600 + std::stoi(start.substr(3, 2)) * 60;
  EXPECT_EQ(start_s + intervals * 1800, 86400);
  ASSERT_EQ(root["contact_types"].size(), 2u);
  EXPECT_EQ(root["contact_types"][0]["name"].as<std::string>(), "PS");  // in the order asked
  EXPECT_EQ(root["contact_types"][1]["name"].as<std::string>(), "NW");
  for (const YAML::Node& type : root["contact_types"]) {
    EXPECT_EQ(type["arrivals"]["per_interval"].size(), static_cast<std::size_t>(intervals));
    EXPECT_EQ(type["targets"]["service_level"]["at_least"].as<std::string>(), "80%");
  }
  ASSERT_EQ(root["agent_groups"].size(), 1u);
  const auto staffing = root["agent_groups"][0]["staffing"].as<std::vector<int>>();
  EXPECT_EQ(staffing.size(), static_cast<std::size_t>(intervals));
  EXPECT_EQ(root["routing"]["PS"][0]["group"].as<std::string>(), "agents");

  // It runs as it is.
  const std::string command = std::string("'") + STAFFSIM_BINARY + "' run '" + out.string() +
                              "' --replications 2 >/dev/null 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0);
}

// --format json and csv of the report; options that only shape --out need --out.
TEST_F(FitCommand, ReportFormatsAndOptionsThatNeedOut) {
  RunResult r = run("--history '" + kSmallLog + "' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const YAML::Node json = YAML::Load(r.out);  // JSON is YAML
  EXPECT_EQ(json["records"].as<int>(), 10);
  EXPECT_EQ(json["contact_types"][0]["name"].as<std::string>(), "A");
  EXPECT_EQ(json["contact_types"][0]["served"].as<int>(), 5);
  EXPECT_EQ(json["contact_types"][0]["patience"]["exponential_mean_s"].as<double>(), 60.0);
  EXPECT_EQ(json["contact_types"][0]["patience"]["kaplan_meier_median_s"].as<double>(), 30.0);
  r = run("--history '" + kSmallLog + "' --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      r.out.rfind("contact_type,calls,served,abandoned,hung_up_in_ivr,phantom,abandon_rate,", 0),
      0u)
      << r.out;
  EXPECT_NE(r.out.find("\nA,7,5,2,0,0,0.2857142857,"), std::string::npos) << r.out;
  r = run("--history '" + kSmallLog + "' --weekday mon");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --weekday: applies to the scenario written with --out; give --out "
            "FILE.yaml\n");
  r = run("--calls '" + kSmallLog + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "staffsim: error: fit: unknown flag \"--calls\", did you mean \"--history\"? (the call "
            "log to fit, as in forecast and backtest; --calls is a count of calls in erlang)\n"
            "Run with --help for more information.\n");
}

}  // namespace
