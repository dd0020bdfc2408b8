// latency_histogram: bucket edges, percentiles within 1/32, merging, empty and huge values.
#include "latency_histogram.hpp"

#include <gtest/gtest.h>

namespace djust::load::detail {
namespace {

TEST(LatencyHistogram, EmptyReportsZeros) {
  latency_histogram h;
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.percentile(0.99), 0u);
  EXPECT_EQ(h.min(), 0u);
  EXPECT_EQ(h.max(), 0u);
  EXPECT_TRUE(h.buckets().empty());
}

TEST(LatencyHistogram, SmallValuesAreExact) {
  latency_histogram h;
  for (std::uint64_t v = 1; v <= 50; ++v) h.record(v);
  EXPECT_EQ(h.percentile(0.5), 25u);
  EXPECT_EQ(h.percentile(0.9), 45u);
  EXPECT_EQ(h.percentile(1.0), 50u);
  EXPECT_EQ(h.min(), 1u);
  EXPECT_DOUBLE_EQ(h.mean(), 25.5);
}

TEST(LatencyHistogram, EdgesAreContiguousAndIndexRoundTrips) {
  for (std::size_t i = 0; i + 1 < latency_histogram::bucket_count; ++i) {
    ASSERT_EQ(latency_histogram::upper_edge(i) + 1, latency_histogram::lower_edge(i + 1)) << i;
    ASSERT_EQ(latency_histogram::index_of(latency_histogram::lower_edge(i)), i) << i;
    ASSERT_EQ(latency_histogram::index_of(latency_histogram::upper_edge(i)), i) << i;
  }
}

TEST(LatencyHistogram, PercentilesWithinOneThirtySecond) {
  latency_histogram h;
  for (std::uint64_t v = 1; v <= 100000; ++v) h.record(v);
  for (double q : {0.5, 0.9, 0.99, 0.999}) {
    double truth = q * 100000;
    double got = static_cast<double>(h.percentile(q));
    EXPECT_GE(got, truth) << q;
    EXPECT_LE(got, truth * (1 + 1.0 / 32)) << q;
  }
  EXPECT_EQ(h.percentile(1.0), 100000u);
}

TEST(LatencyHistogram, PercentileNeverExceedsMax) {
  latency_histogram h;
  h.record(1000);
  EXPECT_EQ(h.percentile(0.5), 1000u);
  EXPECT_EQ(h.percentile(0.999), 1000u);
}

TEST(LatencyHistogram, HugeValuesLandInTheLastBucket) {
  latency_histogram h;
  h.record(UINT64_MAX / 2);
  EXPECT_EQ(h.count(), 1u);
  EXPECT_EQ(h.max(), UINT64_MAX / 2);
  EXPECT_EQ(h.percentile(0.5), UINT64_MAX / 2);
}

TEST(LatencyHistogram, MergeEqualsRecordingEverything) {
  latency_histogram a, b, all;
  for (std::uint64_t v = 0; v < 5000; v += 3) {
    (v % 2 ? a : b).record(v * 7);
    all.record(v * 7);
  }
  a.merge(b);
  EXPECT_EQ(a.count(), all.count());
  EXPECT_EQ(a.min(), all.min());
  EXPECT_EQ(a.max(), all.max());
  for (double q : {0.1, 0.5, 0.99}) EXPECT_EQ(a.percentile(q), all.percentile(q));
}

TEST(LatencyHistogram, BucketsListOnlyNonEmptyInOrder) {
  latency_histogram h;
  h.record(5);
  h.record(5);
  h.record(1000);
  auto b = h.buckets();
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].low, 5u);
  EXPECT_EQ(b[0].count, 2u);
  EXPECT_LE(b[1].low, 1000u);
  EXPECT_GE(b[1].high, 1000u);
}

}  // namespace
}  // namespace djust::load::detail
