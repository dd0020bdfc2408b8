// HTML report: self-contained (no external references), escaped, with the SVG charts present.
#include <gtest/gtest.h>

#include "report.hpp"

namespace djust::load::detail {
namespace {

run_results sample() {
  run_results r;
  r.scenario = "presence<script>";
  r.sessions = 10;
  r.connected = 10;
  for (std::uint64_t v = 100; v < 5000; v += 7) r.round_trip.record(v);
  r.delivery.record(40000);
  r.join_time.record(3000);
  for (int s = 0; s < 5; ++s) r.timeline.push_back({double(s), 1, 20, 20, 900, 4000, 4900});
  return r;
}

TEST(ReportHtml, SelfContainedWithCharts) {
  std::string h = to_html(sample());
  EXPECT_EQ(h.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(h.find("src="), std::string::npos);
  EXPECT_EQ(h.find("href="), std::string::npos);
  EXPECT_EQ(h.find("<script"), std::string::npos);
  EXPECT_EQ(h.find("<link"), std::string::npos);
  EXPECT_NE(h.find("presence&lt;script&gt;"), std::string::npos);
  EXPECT_NE(h.find("aria-label=\"event round-trip over time\""), std::string::npos);
  EXPECT_NE(h.find("<polyline"), std::string::npos);
  EXPECT_NE(h.find("aria-label=\"event round-trip\""), std::string::npos);
  EXPECT_NE(h.find("aria-label=\"broadcast delivery\""), std::string::npos);
  std::size_t svgs = 0;
  for (std::size_t p = 0; (p = h.find("<svg", p)) != std::string::npos; ++p) ++svgs;
  EXPECT_EQ(svgs, 4u);
}

TEST(ReportHtml, EmptyRunSaysSoInsteadOfDrawing) {
  run_results r;
  r.scenario = "idle";
  std::string h = to_html(r);
  EXPECT_NE(h.find("No events, so no latency over time."), std::string::npos);
  EXPECT_NE(h.find("event round-trip: no samples."), std::string::npos);
  EXPECT_EQ(h.find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace djust::load::detail
