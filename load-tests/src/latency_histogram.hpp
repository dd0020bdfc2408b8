// Latency histogram with ~3% relative precision (log-linear buckets) and exact min/max/sum.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace djust::load::detail {

// Records durations in microseconds. Values below 64 us get exact buckets; above,
// each power of two is split into 32 buckets, so a reported percentile is at most
// ~3% above the true value (and never above the recorded maximum). Merging is
// exact, so per-thread histograms can be summed at the end.
class latency_histogram {
 public:
  static constexpr int sub_bits = 5;                       // 32 buckets per power of two
  static constexpr int max_exponent = 40;                  // ~12.7 days in microseconds
  static constexpr std::size_t bucket_count = 64 + (max_exponent - 6 + 1) * 32;

  void record(std::uint64_t micros) noexcept;
  void merge(const latency_histogram& other) noexcept;

  std::uint64_t count() const noexcept { return count_; }
  std::uint64_t min() const noexcept { return count_ ? min_ : 0; }
  std::uint64_t max() const noexcept { return max_; }
  double mean() const noexcept { return count_ ? static_cast<double>(sum_) / count_ : 0.0; }
  // The value at quantile q in [0, 1] (0.99 for p99): the upper edge of the bucket holding
  // the ceil(q * count)-th smallest value, clamped to [min, max]. 0 when empty.
  std::uint64_t percentile(double q) const noexcept;

  // Non-empty buckets as (lower edge, upper edge inclusive, count), ascending.
  struct bucket {
    std::uint64_t low;
    std::uint64_t high;
    std::uint64_t count;
  };
  std::vector<bucket> buckets() const;

  static std::size_t index_of(std::uint64_t micros) noexcept;
  static std::uint64_t lower_edge(std::size_t index) noexcept;
  static std::uint64_t upper_edge(std::size_t index) noexcept;  // inclusive

 private:
  std::array<std::uint64_t, bucket_count> counts_{};
  std::uint64_t count_ = 0;
  std::uint64_t sum_ = 0;
  std::uint64_t min_ = UINT64_MAX;
  std::uint64_t max_ = 0;
};

}  // namespace djust::load::detail
