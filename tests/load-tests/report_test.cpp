// Terminal table and JSON document: the figures a run reports, and pass/fail.
#include "report.hpp"

#include <gtest/gtest.h>

#include "djust/actors/value_codec.hpp"

namespace djust::load::detail {
namespace {

run_results sample() {
  run_results r;
  r.scenario = "counter";
  r.url = "http://127.0.0.1:8000/counter/";
  r.encoding = "msgpack";
  r.handler = "increment";
  r.sessions = 200;
  r.ramp = 1000;
  r.rate = 100;
  r.duration_s = 10;
  r.threads = 2;
  r.elapsed_s = 10.5;
  r.connected = 200;
  r.peak_open = 200;
  r.open_at_sample = 200;
  r.events_sent = 1000;
  r.replies = 1000;
  for (std::uint64_t v = 1; v <= 1000; ++v) r.round_trip.record(v * 10);
  r.join_time.record(2500);
  r.server_rss_before = 10 * 1024 * 1024;
  r.server_rss_loaded = 14 * 1024 * 1024;
  r.rss_source = "/proc/7/status";
  r.timeline.push_back({0, 1, 100, 100, 5000, 9900, 10000});
  r.cores = 2;
  r.memory_bytes = 24ull << 30;
  return r;
}

TEST(Report, Formats) {
  EXPECT_EQ(format_micros(850), "850 us");
  EXPECT_EQ(format_micros(1234), "1.23 ms");
  EXPECT_EQ(format_micros(45600), "45.6 ms");
  EXPECT_EQ(format_micros(2100000), "2.10 s");
  EXPECT_EQ(format_bytes(512), "512 B");
  EXPECT_EQ(format_bytes(20480), "20.0 KiB");
  EXPECT_EQ(format_bytes(-2048), "-2.0 KiB");
}

TEST(Report, PassRequiresNoFailureOfAnyKind) {
  run_results r = sample();
  EXPECT_TRUE(r.passed());
  for (std::uint64_t run_results::*field :
       {&run_results::failed, &run_results::dropped, &run_results::errors, &run_results::no_reply}) {
    run_results bad = sample();
    bad.*field = 1;
    EXPECT_FALSE(bad.passed());
  }
  run_results none = sample();
  none.connected = 0;
  EXPECT_FALSE(none.passed());
}

TEST(Report, RssPerSessionIsGrowthOverOpenSessions) {
  run_results r = sample();
  ASSERT_TRUE(r.rss_per_session());
  EXPECT_DOUBLE_EQ(*r.rss_per_session(), 4.0 * 1024 * 1024 / 200);
  r.server_rss_before.reset();
  EXPECT_FALSE(r.rss_per_session());
}

TEST(Report, TableShowsTheFigures) {
  run_results r = sample();
  std::string t = format_table(r);
  EXPECT_NE(t.find("connected"), std::string::npos);
  EXPECT_NE(t.find("200 / 200"), std::string::npos);
  EXPECT_NE(t.find("p99 " + format_micros(r.round_trip.percentile(0.99)) + "  p99.9"), std::string::npos) << t;
  EXPECT_NE(t.find("20.5 KiB (growth over 200 open sessions)"), std::string::npos) << t;
  EXPECT_NE(t.find("PASS"), std::string::npos);
  run_results bad = sample();
  bad.failed = 3;
  bad.failure_reasons["connect: Connection refused"] = 3;
  std::string tb = format_table(bad);
  EXPECT_NE(tb.find("3x"), std::string::npos);
  EXPECT_NE(tb.find("connect: Connection refused"), std::string::npos);
  EXPECT_NE(tb.find("FAIL"), std::string::npos);
}

TEST(Report, JsonIsParseableAndComplete) {
  auto doc = live::from_json(to_json(sample()));
  const auto& m = doc.as_map();
  EXPECT_EQ(m.find("scenario")->as_string(), "counter");
  EXPECT_EQ(m.find("connected")->as_int(), 200);
  EXPECT_TRUE(m.find("passed")->as_bool());
  const auto& rt = m.find("round_trip")->as_map();
  EXPECT_EQ(rt.find("count")->as_int(), 1000);
  EXPECT_EQ(rt.find("max_us")->as_int(), 10000);
  EXPECT_GE(rt.find("p99_us")->as_int(), 9900);
  EXPECT_FALSE(rt.find("buckets")->as_list().empty());
  EXPECT_EQ(m.find("timeline")->as_list().size(), 1u);
  EXPECT_EQ(m.find("server_rss_loaded")->as_int(), 14 * 1024 * 1024);
  EXPECT_EQ(m.find("machine")->as_map().find("cores")->as_int(), 2);
  run_results unknown = sample();
  unknown.server_rss_loaded.reset();
  EXPECT_TRUE(live::from_json(to_json(unknown)).as_map().find("rss_per_session")->is_null());
}

}  // namespace
}  // namespace djust::load::detail
