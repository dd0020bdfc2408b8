// Tests of the Prometheus rendering of runtime metrics.
#include <gtest/gtest.h>

#include "djust/actors/metrics.hpp"

namespace djust::live {
namespace {

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

TEST(metrics, renders_counters_and_gauges) {
  runtime_metrics m;
  m.sockets.add(3);
  m.sockets.add(-1);
  m.events_total.inc(5);
  m.views.set(4);
  m.view_memory_bytes.set(4000);
  std::string text = m.render_prometheus();
  EXPECT_TRUE(has_line(text, "# TYPE djust_sockets gauge"));
  EXPECT_TRUE(has_line(text, "djust_sockets 2"));
  EXPECT_TRUE(has_line(text, "djust_events_total 5"));
  EXPECT_TRUE(has_line(text, "djust_view_memory_bytes_per_view 1000"));
}

TEST(metrics, histogram_buckets_are_cumulative) {
  runtime_metrics m;
  m.render_seconds.observe(0.00004);
  m.render_seconds.observe(0.0003);
  m.render_seconds.observe(10.0);
  std::string text = m.render_prometheus();
  EXPECT_TRUE(has_line(text, "djust_render_seconds_bucket{le=\"5e-05\"} 1"));
  EXPECT_TRUE(has_line(text, "djust_render_seconds_bucket{le=\"0.0005\"} 2"));
  EXPECT_TRUE(has_line(text, "djust_render_seconds_bucket{le=\"2.5\"} 2"));
  EXPECT_TRUE(has_line(text, "djust_render_seconds_bucket{le=\"+Inf\"} 3"));
  EXPECT_TRUE(has_line(text, "djust_render_seconds_count 3"));
  EXPECT_TRUE(has_line(text, "djust_render_seconds_sum 10.0003"));
}

}  // namespace
}  // namespace djust::live
