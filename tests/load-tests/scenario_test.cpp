// Scenarios: names, defaults, open-loop pacing that adds up to the asked rate, params, markers.
#include "scenario.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace djust::load::detail {
namespace {

TEST(Scenario, NamesRoundTrip) {
  for (auto k : {scenario_kind::counter, scenario_kind::search, scenario_kind::presence, scenario_kind::cursors,
                 scenario_kind::idle})
    EXPECT_EQ(parse_scenario(scenario_name(k)), k);
  EXPECT_FALSE(parse_scenario("Counter").has_value());
  EXPECT_FALSE(parse_scenario("").has_value());
}

// Events of all sessions due in [0, window) at the given rate.
double aggregate_rate(scenario_kind kind, std::uint64_t sessions, double rate, double window) {
  std::uint64_t n = 0;
  for (std::uint64_t i = 0; i < sessions; ++i) {
    pacing p = pacing_for(kind, i, sessions, rate);
    for (std::uint64_t k = 0; p.due(k) < window; ++k) ++n;
  }
  return static_cast<double>(n) / window;
}

TEST(Scenario, CounterPacingAddsUpToTheRate) {
  EXPECT_NEAR(aggregate_rate(scenario_kind::counter, 1000, 200, 50), 200, 200 * 0.02);
  EXPECT_NEAR(aggregate_rate(scenario_kind::counter, 10, 2000, 5), 2000, 2000 * 0.02);
}

TEST(Scenario, CounterOffsetsSpreadSessionsOverThePeriod) {
  pacing a = pacing_for(scenario_kind::counter, 0, 4, 2);  // one event per 2 s per session
  pacing b = pacing_for(scenario_kind::counter, 3, 4, 2);
  EXPECT_DOUBLE_EQ(a.burst_period, 2.0);
  EXPECT_DOUBLE_EQ(a.offset, 0.0);
  EXPECT_DOUBLE_EQ(b.offset, 1.5);
  EXPECT_DOUBLE_EQ(b.due(2), 5.5);
}

TEST(Scenario, SearchTypesBurstsOfKeystrokes) {
  pacing p = pacing_for(scenario_kind::search, 0, 100, 60);  // 0.6 events/s per session
  EXPECT_EQ(p.burst_len, search_word_length);
  EXPECT_DOUBLE_EQ(p.gap, search_keystroke_gap);
  EXPECT_DOUBLE_EQ(p.due(1) - p.due(0), search_keystroke_gap);
  EXPECT_DOUBLE_EQ(p.due(search_word_length) - p.due(0), p.burst_period);
  EXPECT_NEAR(aggregate_rate(scenario_kind::search, 100, 60, 100), 60, 60 * 0.03);
}

TEST(Scenario, SearchKeystrokesTightenWhenTheRateNeedsIt) {
  pacing p = pacing_for(scenario_kind::search, 0, 1, 100);  // 100 keys/s from one session
  EXPECT_NEAR(p.gap, 0.01, 1e-12);
  EXPECT_NEAR(aggregate_rate(scenario_kind::search, 1, 100, 10), 100, 2);
}

TEST(Scenario, IdleAndZeroRateSendNothing) {
  EXPECT_FALSE(pacing_for(scenario_kind::idle, 0, 10, 100).sends());
  EXPECT_FALSE(pacing_for(scenario_kind::counter, 0, 10, 0).sends());
  EXPECT_FALSE(pacing_for(scenario_kind::counter, 10, 10, 5).sends());
}

TEST(Scenario, SearchParamsTypeAWordPrefix) {
  auto p0 = event_params(scenario_kind::search, 0, 0);
  auto p2 = event_params(scenario_kind::search, 0, 2);
  ASSERT_NE(p0.find("value"), nullptr);
  EXPECT_EQ(p0.find("value")->as_string(), "t");
  EXPECT_EQ(p2.find("value")->as_string(), "tea");
}

TEST(Scenario, CursorParamsStayOnTheCanvas) {
  for (std::uint64_t k = 0; k < 100; ++k) {
    auto p = event_params(scenario_kind::cursors, 12345, k);
    EXPECT_LT(p.find("x")->as_int(), 1000);
    EXPECT_LT(p.find("y")->as_int(), 700);
  }
  EXPECT_TRUE(event_params(scenario_kind::counter, 0, 0).empty());
}

TEST(Scenario, PresenceMarkersRoundTrip) {
  auto p = event_params(scenario_kind::presence, 0, 42);
  std::string text = p.find("text")->as_string();
  EXPECT_EQ(broadcast_marker("<li>" + text + "</li>"), 42u);
  EXPECT_EQ(broadcast_marker("djl#3# then djl#12#"), 12u);
  EXPECT_FALSE(broadcast_marker("djl#").has_value());
  EXPECT_FALSE(broadcast_marker("djl#12").has_value());
  EXPECT_FALSE(broadcast_marker("djl#x#").has_value());
}

TEST(Scenario, RampSpacesStarts) {
  EXPECT_DOUBLE_EQ(ramp_start(0, 100), 0.0);
  EXPECT_DOUBLE_EQ(ramp_start(250, 100), 2.5);
}

}  // namespace
}  // namespace djust::load::detail
