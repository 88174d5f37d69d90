// A histogram of long durations (seconds) on a logarithmic scale, for quantiles of times that run
// from minutes to weeks (issue resolution times, work-order ages) in constant memory.
//
// Durations below 1 s share the first bin [0, 1); from 1 s on, bin k covers [r^(k-1), r^k) with
// r = 1.02, up to r^kBins (about 113 days); longer ones share the last bin, whose upper edge is the
// largest value seen. quantile(p) returns the smallest x with P(X <= x) >= p, interpolating
// linearly inside its bin: relative error at most 2%. NaN when empty.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

namespace staffsim::sim {

class LogHistogram {
 public:
  static constexpr int kBins = 500;  // 1.02^499 s = 113 days
  static constexpr double kRatio = 1.02;

  void add(double seconds) {
    ++count_;
    max_ = std::max(max_, seconds);
    ++bins_[static_cast<std::size_t>(bin_of(seconds))];
  }
  void merge(const LogHistogram& other) {
    count_ += other.count_;
    max_ = std::max(max_, other.max_);
    for (std::size_t i = 0; i < bins_.size(); ++i) bins_[i] += other.bins_[i];
  }
  std::int64_t count() const { return count_; }

  double quantile(double p) const {
    if (count_ == 0) return std::numeric_limits<double>::quiet_NaN();
    const double rank = p * static_cast<double>(count_);
    double cumulative = 0;
    for (int i = 0; i < kBins; ++i) {
      const double in_bin = static_cast<double>(bins_[static_cast<std::size_t>(i)]);
      if (in_bin > 0 && cumulative + in_bin >= rank) {
        const double low = lower_edge(i);
        const double high =
            i == kBins - 1 ? std::max(max_, low) : std::min(lower_edge(i + 1), max_);
        return low + (rank - cumulative) / in_bin * (std::max(high, low) - low);
      }
      cumulative += in_bin;
    }
    return max_;
  }

  static int bin_of(double seconds) {
    if (!(seconds >= 1)) return 0;
    const int k = 1 + static_cast<int>(std::log(seconds) / std::log(kRatio));
    return std::min(k, kBins - 1);
  }
  static double lower_edge(int bin) { return bin == 0 ? 0.0 : std::pow(kRatio, bin - 1); }

 private:
  std::int64_t count_ = 0;
  double max_ = 0;
  std::array<std::uint32_t, kBins> bins_{};
};

}  // namespace staffsim::sim
