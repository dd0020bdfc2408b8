// parse_options / parse_target_url: defaults, every option, range errors, the loopback-only rule.
#include "options.hpp"

#include <gtest/gtest.h>

namespace djust::load::detail {
namespace {

parse_outcome parse(std::vector<std::string> args) { return parse_options(args); }

TEST(Options, DefaultsFollowTheScenario) {
  auto o = parse({"--scenario", "search"});
  ASSERT_TRUE(o.opts) << o.message;
  EXPECT_EQ(o.opts->url.target, "/search/");
  EXPECT_EQ(o.opts->url.port, 8000);
  EXPECT_EQ(o.opts->handler, "search");
  EXPECT_DOUBLE_EQ(o.opts->rate, 100);
  EXPECT_EQ(o.opts->encoding, transport::encoding::msgpack);
}

TEST(Options, EveryOptionIsRead) {
  auto o = parse({"--url=http://127.0.0.1:9001/counter/?a=1", "--scenario", "presence", "--sessions", "5000",
                  "--ramp", "500", "--rate", "2", "--duration", "60", "--encoding", "json", "--json", "r.json",
                  "--html", "r.html", "--server-pid", "123", "--threads", "2", "--handler", "say", "--sources",
                  "10-20", "--ws-path", "/ws", "--reply-timeout", "3", "--progress", "off"});
  ASSERT_TRUE(o.opts) << o.message;
  const options& v = *o.opts;
  EXPECT_EQ(v.url.port, 9001);
  EXPECT_EQ(v.url.target, "/counter/?a=1");
  EXPECT_EQ(v.scenario, scenario_kind::presence);
  EXPECT_EQ(v.sessions, 5000u);
  EXPECT_DOUBLE_EQ(v.ramp, 500);
  EXPECT_DOUBLE_EQ(v.rate, 2);
  EXPECT_DOUBLE_EQ(v.duration, 60);
  EXPECT_EQ(v.encoding, transport::encoding::json);
  EXPECT_EQ(v.json_file, "r.json");
  EXPECT_EQ(v.html_file, "r.html");
  EXPECT_EQ(v.server_pid, 123);
  EXPECT_EQ(v.threads, 2u);
  EXPECT_EQ(v.handler, "say");
  EXPECT_EQ(v.source_first, 10u);
  EXPECT_EQ(v.source_last, 20u);
  EXPECT_EQ(v.ws_path, "/ws");
  EXPECT_DOUBLE_EQ(v.reply_timeout, 3);
  EXPECT_FALSE(v.progress);
}

TEST(Options, BadValuesGetClearErrors) {
  EXPECT_EQ(parse({"--sessions", "0"}).message, "--sessions must be a whole number from 1 to 100000 (got '0')");
  EXPECT_EQ(parse({"--sessions", "12x"}).message, "--sessions must be a whole number from 1 to 100000 (got '12x')");
  EXPECT_EQ(parse({"--duration", "4000"}).message, "--duration must be a number from 0 to 3600 (got '4000')");
  EXPECT_EQ(parse({"--scenario", "storm"}).message,
            "unknown scenario 'storm' (counter, search, presence, cursors, idle)");
  EXPECT_EQ(parse({"--encoding", "xml"}).message, "--encoding must be msgpack or json (got 'xml')");
  EXPECT_EQ(parse({"--sessions"}).message, "option '--sessions' needs a value");
  EXPECT_EQ(parse({"--bogus", "1"}).message, "unknown option '--bogus' (see --help)");
  EXPECT_EQ(parse({"extra"}).message, "unexpected argument 'extra' (see --help)");
  EXPECT_EQ(parse({"--sources", "9-3"}).message, "--sources must be A-B with 1 <= A <= B <= 254 (got '9-3')");
  EXPECT_FALSE(parse({"--rate", "nan"}).opts);
}

TEST(Options, HelpPrintsUsage) {
  auto o = parse({"--help"});
  EXPECT_TRUE(o.help);
  EXPECT_NE(o.message.find("--scenario NAME"), std::string::npos);
}

TEST(TargetUrl, LoopbackHostsAreAccepted) {
  for (const char* url : {"http://127.0.0.1:8000/", "http://localhost:8000/x", "http://127.9.8.7/", "http://[::1]:81/"}) {
    auto r = parse_target_url(url);
    EXPECT_TRUE(std::holds_alternative<target_url>(r)) << url << ": " << std::get<std::string>(r);
  }
  auto v6 = std::get<target_url>(parse_target_url("http://[::1]:81/p"));
  EXPECT_EQ(v6.address, "::1");
  EXPECT_EQ(v6.host_header(), "[::1]:81");
  auto local = std::get<target_url>(parse_target_url("http://LocalHost/"));
  EXPECT_EQ(local.address, "127.0.0.1");
  EXPECT_EQ(local.port, 80);
}

TEST(TargetUrl, OtherHostsAreRefused) {
  EXPECT_EQ(std::get<std::string>(parse_target_url("http://10.0.0.1:8000/")),
            "djust-load only targets loopback addresses (127.0.0.0/8, localhost, ::1); refusing '10.0.0.1'");
  EXPECT_EQ(std::get<std::string>(parse_target_url("http://example.com/")),
            "djust-load only targets loopback addresses (127.0.0.0/8, localhost, ::1); refusing 'example.com' "
            "(host names other than localhost are not resolved)");
  EXPECT_NE(std::get<std::string>(parse_target_url("https://127.0.0.1/")).find("only http://"), std::string::npos);
  EXPECT_NE(std::get<std::string>(parse_target_url("ftp://127.0.0.1/")).find("must start with http://"),
            std::string::npos);
  EXPECT_EQ(std::get<std::string>(parse_target_url("http://127.0.0.1:99999/")), "bad port '99999'");
  EXPECT_EQ(std::get<std::string>(parse_target_url("http://u:p@127.0.0.1/")), "the URL must not carry credentials");
  EXPECT_FALSE(parse({"--url", "http://192.168.1.1:8000/"}).opts);
}

TEST(TargetUrl, PathDefaultsToSlash) {
  EXPECT_EQ(std::get<target_url>(parse_target_url("http://127.0.0.1:8000")).target, "/");
  EXPECT_EQ(std::get<target_url>(parse_target_url("http://127.0.0.1:8000?q=1")).target, "/?q=1");
}

}  // namespace
}  // namespace djust::load::detail
