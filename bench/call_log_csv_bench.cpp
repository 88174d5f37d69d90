// Cost of reading the real Anonymous Bank call log (49,790 rows, 16 columns, 6.7 MB): CSV split,
// field validation and date-time parsing. Skipped with a message when the data are absent.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "tools/call_log_csv.hpp"
#include "tools/file_io.hpp"

namespace {

void BM_ParseAnonymousBankLog(benchmark::State& state) {
  const std::string path = std::string(STAFFSIM_SHARED_DATA_DIR) + "/anonbank_calls_train.csv";
  if (!std::filesystem::exists(path)) {
    state.SkipWithError(("missing " + path).c_str());
    return;
  }
  const std::string text = staffsim::tools::read_file(path);
  std::size_t calls = 0;
  for (auto _ : state) {
    const auto log = staffsim::tools::parse_call_log(text, path);
    calls = log.calls.size();
    benchmark::DoNotOptimize(log);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(calls));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ParseAnonymousBankLog)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
