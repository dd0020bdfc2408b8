// run_load end to end: real djust-load sessions against the real transport::server running a
// small protocol app (page with tokens, join checks, replies, errors, broadcasts).
#include "runner.hpp"

#include <gtest/gtest.h>

#include <mutex>

#include "djust/actors/metrics.hpp"
#include "djust/actors/value_codec.hpp"
#include "djust/transport/server.hpp"

namespace djust::load::detail {
namespace {

using namespace djust::transport;

// Patches [[0, 3, text]] in the channel's encoding.
std::string patches(encoding e, const std::string& text) {
  tmpl::value p(tmpl::value_list{tmpl::value(tmpl::value_list{0, 3, tmpl::value(text)})});
  return e == encoding::msgpack ? live::to_msgpack(p) : live::to_json(p);
}

struct room {
  std::mutex mutex;
  std::vector<std::weak_ptr<ws_channel>> members;
  std::uint64_t seq = 0;
};

// The protocol side of the test app: join needs token "tok" and csrf "c1"; handlers
// "increment" (ok with patches), "boom" (ok=false), "send" (ok, then a push to every member).
class test_peer : public ws_peer {
 public:
  test_peer(std::shared_ptr<ws_channel> ch, room& r) : ch_(std::move(ch)), room_(r) {}
  void on_frame(std::string frame) override {
    encoding e = ch_->frame_encoding();
    auto decoded = decode_client(e, frame);
    if (auto* err = std::get_if<protocol_error>(&decoded)) {
      return send(e, error_msg{err->ref, std::string(wire_code(err->code)), err->message});
    }
    auto& msg = std::get<client_message>(decoded);
    if (auto* j = std::get_if<join_msg>(&msg)) {
      if (j->token != "tok" || j->csrf != "c1" || j->url != "/page/")
        return send(e, reply_msg{j->ref, "", false, 0, "", "", "join_refused", "bad token"});
      {
        std::lock_guard lock(room_.mutex);
        room_.members.push_back(ch_);
      }
      return send(e, reply_msg{j->ref, "v1", true, 0, "<p>0</p>", "", "", ""});
    }
    if (auto* ev = std::get_if<event_msg>(&msg)) {
      if (ev->handler == "boom") return send(e, reply_msg{ev->ref, "v1", false, 0, "", "", "handler_failed", "boom"});
      if (ev->handler == "silent") return;  // never answers
      send(e, reply_msg{ev->ref, "v1", true, ++seq_, "", patches(e, "1"), "", ""});
      if (ev->handler == "send") {
        const tmpl::value* text = ev->params.find("text");
        std::string t = text && text->is_string() ? text->as_string() : "";
        std::lock_guard lock(room_.mutex);
        for (auto& w : room_.members)
          if (auto m = w.lock())
            m->send(std::make_shared<const std::string>(
                encode(m->frame_encoding(), server_message{push_msg{"v1", ++room_.seq, patches(m->frame_encoding(), t)}})));
      }
      return;
    }
    if (auto* h = std::get_if<heartbeat_msg>(&msg)) return send(e, reply_msg{h->ref, "", true, 0, "", "", "", ""});
  }
  void on_close() override { ch_.reset(); }

 private:
  void send(encoding e, server_message m) {
    if (ch_) ch_->send(std::make_shared<const std::string>(encode(e, m)));
  }
  std::shared_ptr<ws_channel> ch_;
  room& room_;
  std::uint64_t seq_ = 0;
};

class RunLoad : public ::testing::Test {
 protected:
  void SetUp() override {
    server_options so;
    so.host = "127.0.0.1";
    so.port = 0;
    so.threads = 1;
    server_ = std::make_unique<server>(
        so,
        [](const http_request& req, http_respond respond) {
          if (req.path != "/page/") return respond(http_response::html("<h1>Not Found</h1>", 404));
          auto r = http_response::html(
              "<!doctype html><html><head><meta name=\"csrf-token\" content=\"c1\"></head>"
              "<body><div dj-view dj-token=\"tok\"><p>0</p></div></body></html>");
          r.set_cookie("sid", "abcdefabcdefabcdef");
          respond(std::move(r));
        },
        [this](std::shared_ptr<ws_channel> ch, const http_request&) {
          return std::make_shared<test_peer>(std::move(ch), room_);
        },
        metrics_);
    server_->start();
  }
  void TearDown() override { server_->stop(); }

  options make(std::vector<std::string> extra) {
    std::vector<std::string> args{"--url", "http://127.0.0.1:" + std::to_string(server_->port()) + "/page/",
                                  "--sessions", "20", "--ramp", "200", "--duration", "1", "--threads", "2",
                                  "--progress", "off", "--reply-timeout", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto parsed = parse_options(args);
    EXPECT_TRUE(parsed.opts) << parsed.message;
    return *parsed.opts;
  }

  run_results run(std::vector<std::string> extra) {
    auto out = run_load(make(std::move(extra)));
    EXPECT_TRUE(std::holds_alternative<run_results>(out)) << std::get<std::string>(out);
    return std::get<run_results>(out);
  }

  room room_;
  live::runtime_metrics metrics_;
  std::unique_ptr<server> server_;
};

TEST_F(RunLoad, CounterSessionsJoinAndEveryEventIsAnswered) {
  for (const char* enc : {"msgpack", "json"}) {
    run_results r = run({"--scenario", "counter", "--rate", "40", "--encoding", enc});
    EXPECT_EQ(r.connected, 20u) << enc;
    EXPECT_EQ(r.failed, 0u) << enc;
    EXPECT_EQ(r.peak_open, 20u) << enc;
    EXPECT_GT(r.events_sent, 0u) << enc;
    EXPECT_EQ(r.replies, r.events_sent) << enc;
    EXPECT_EQ(r.round_trip.count(), r.events_sent) << enc;
    EXPECT_EQ(r.join_time.count(), 20u) << enc;
    EXPECT_EQ(r.errors + r.no_reply + r.dropped, 0u) << enc;
    EXPECT_TRUE(r.passed()) << enc;
    EXPECT_FALSE(r.timeline.empty()) << enc;
  }
}

TEST_F(RunLoad, ErrorRepliesFailTheRun) {
  run_results r = run({"--scenario", "counter", "--rate", "40", "--handler", "boom"});
  EXPECT_EQ(r.connected, 20u);
  EXPECT_GT(r.errors, 0u);
  EXPECT_EQ(r.failure_reasons.count("event error: handler_failed: boom"), 1u);
  EXPECT_FALSE(r.passed());
}

TEST_F(RunLoad, UnansweredEventsFailTheRun) {
  run_results r = run({"--scenario", "counter", "--rate", "20", "--handler", "silent", "--reply-timeout", "0.2"});
  EXPECT_EQ(r.connected, 20u);
  EXPECT_GT(r.no_reply, 0u);
  EXPECT_EQ(r.no_reply, r.events_sent);
  EXPECT_FALSE(r.passed());
}

TEST_F(RunLoad, MissingPageFailsEverySessionWithTheReason) {
  auto o = make({"--scenario", "idle"});
  o.url.target = "/nope/";
  auto r = std::get<run_results>(run_load(o));
  EXPECT_EQ(r.connected, 0u);
  EXPECT_EQ(r.failed, 20u);
  EXPECT_EQ(r.failure_reasons["HTTP 404 for /nope/"], 20u);
  EXPECT_FALSE(r.passed());
}

TEST_F(RunLoad, PresenceBroadcastReachesEveryOtherSession) {
  run_results r = run({"--scenario", "presence", "--rate", "4", "--duration", "2"});
  EXPECT_EQ(r.connected, 20u);
  EXPECT_GT(r.broadcasts, 0u);
  EXPECT_EQ(r.replies, r.broadcasts);
  // Each broadcast reaches the 19 other sessions (the marker names which broadcast a push carries).
  EXPECT_EQ(r.delivery.count(), r.broadcasts * 19);
  EXPECT_TRUE(r.passed());
}

TEST_F(RunLoad, NothingListeningFailsToConnect) {
  auto o = make({"--scenario", "idle", "--sessions", "5"});
  o.url.port = 1;  // nothing listens on port 1 here
  auto r = std::get<run_results>(run_load(o));
  EXPECT_EQ(r.failed, 5u);
  EXPECT_EQ(r.failure_reasons.begin()->first.rfind("connect: ", 0), 0u);
}

TEST(RaiseFdLimit, RefusesBeyondTheHardLimit) {
  EXPECT_EQ(raise_fd_limit(256), "");
  std::string err = raise_fd_limit(std::uint64_t{1} << 40);
  EXPECT_NE(err.find("run several djust-load processes"), std::string::npos) << err;
}

}  // namespace
}  // namespace djust::load::detail
