// Log-linear latency histogram: bucket arithmetic, percentiles, merging.
#include "latency_histogram.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace djust::load::detail {

std::size_t latency_histogram::index_of(std::uint64_t v) noexcept {
  if (v < 64) return static_cast<std::size_t>(v);
  int e = 63 - std::countl_zero(v);  // floor(log2 v) >= 6
  if (e > max_exponent) return bucket_count - 1;
  std::uint64_t sub = (v >> (e - sub_bits)) & 31;
  return 64 + static_cast<std::size_t>(e - 6) * 32 + static_cast<std::size_t>(sub);
}

std::uint64_t latency_histogram::lower_edge(std::size_t i) noexcept {
  if (i < 64) return i;
  int e = static_cast<int>((i - 64) / 32) + 6;
  std::uint64_t sub = (i - 64) % 32;
  return (std::uint64_t{1} << e) + (sub << (e - sub_bits));
}

std::uint64_t latency_histogram::upper_edge(std::size_t i) noexcept {
  if (i < 64) return i;
  if (i + 1 >= bucket_count) return UINT64_MAX;
  return lower_edge(i + 1) - 1;
}

void latency_histogram::record(std::uint64_t v) noexcept {
  ++counts_[index_of(v)];
  ++count_;
  sum_ += v;
  min_ = std::min(min_, v);
  max_ = std::max(max_, v);
}

void latency_histogram::merge(const latency_histogram& o) noexcept {
  for (std::size_t i = 0; i < bucket_count; ++i) counts_[i] += o.counts_[i];
  count_ += o.count_;
  sum_ += o.sum_;
  min_ = std::min(min_, o.min_);
  max_ = std::max(max_, o.max_);
}

std::uint64_t latency_histogram::percentile(double q) const noexcept {
  if (count_ == 0) return 0;
  q = std::clamp(q, 0.0, 1.0);
  auto rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_)));
  rank = std::clamp<std::uint64_t>(rank, 1, count_);
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < bucket_count; ++i) {
    seen += counts_[i];
    if (seen >= rank) return std::clamp(upper_edge(i), min_, max_);
  }
  return max_;
}

std::vector<latency_histogram::bucket> latency_histogram::buckets() const {
  std::vector<bucket> out;
  for (std::size_t i = 0; i < bucket_count; ++i)
    if (counts_[i] != 0) out.push_back({lower_edge(i), upper_edge(i), counts_[i]});
  return out;
}

}  // namespace djust::load::detail
