// WebSocket over real sockets: subprotocols, Origin checks, frame limit, rate limit, slow readers, close.
#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

#include "djust/transport/server.hpp"
#include "http_client.hpp"
#include "ws_client.hpp"

namespace djust::transport {
namespace {

using namespace std::chrono_literals;

// Echoes each frame; "flood" sends 400 frames of 64 KiB; "close" closes with 4000.
class echo_peer : public ws_peer {
 public:
  explicit echo_peer(std::shared_ptr<ws_channel> ch, std::promise<void>* closed) : channel_(std::move(ch)), closed_(closed) {}
  void on_frame(std::string frame) override {
    if (frame == "flood") {
      auto big = std::make_shared<const std::string>(64 * 1024, 'x');
      for (int i = 0; i < 400; ++i) channel_->send(big);
    } else if (frame == "close") {
      channel_->close(4000, "asked to");
    } else {
      channel_->send(std::make_shared<const std::string>(std::move(frame)));
    }
  }
  void on_close() override {
    channel_.reset();
    if (closed_) closed_->set_value();
  }

 private:
  std::shared_ptr<ws_channel> channel_;
  std::promise<void>* closed_;
};

class websocket_session_test : public ::testing::Test {
 protected:
  void start(server_options options = {}) {
    options.port = 0;
    options.threads = 2;
    server_ = std::make_unique<server>(
        std::move(options), [](const http_request&, http_respond r) { r(http_response::text("ok")); },
        [this](std::shared_ptr<ws_channel> ch, const http_request&) {
          encodings_.push_back(ch->frame_encoding());
          return std::make_shared<echo_peer>(std::move(ch), closed_used_++ == 0 ? &closed_ : nullptr);
        },
        metrics_);
    server_->start();
  }
  std::uint16_t port() const { return server_->port(); }
  // Polls a condition the server reaches asynchronously (not a timing assertion).
  template <class F>
  bool eventually(F f) {
    for (int i = 0; i < 500; ++i) {
      if (f()) return true;
      std::this_thread::sleep_for(10ms);
    }
    return f();
  }

  live::runtime_metrics metrics_;
  std::promise<void> closed_;
  std::atomic<int> closed_used_{0};
  std::vector<encoding> encodings_;
  std::unique_ptr<server> server_;
};

TEST_F(websocket_session_test, msgpack_is_binary_and_json_is_text) {
  start();
  test::ws_client bin(port());
  EXPECT_EQ(bin.accepted_subprotocol(), "djust.msgpack.v1");
  bin.send_binary("\x81\xa1t\xa1x");
  EXPECT_EQ(bin.receive(), "\x81\xa1t\xa1x");
  EXPECT_FALSE(bin.last_was_text());

  test::ws_options json;
  json.subprotocol = "chat, djust.json.v1";
  test::ws_client text(port(), json);
  EXPECT_EQ(text.accepted_subprotocol(), "djust.json.v1");
  text.send_text("{\"type\":\"heartbeat\"}");
  EXPECT_EQ(text.receive(), "{\"type\":\"heartbeat\"}");
  EXPECT_TRUE(text.last_was_text());
  EXPECT_EQ(encodings_, (std::vector<encoding>{encoding::msgpack, encoding::json}));
}

TEST_F(websocket_session_test, no_offered_subprotocol_means_msgpack_without_echoing_one) {
  start();
  test::ws_options none;
  none.subprotocol = "";
  test::ws_client ws(port(), none);
  EXPECT_EQ(ws.accepted_subprotocol(), "");
  ws.send_binary("x");
  EXPECT_EQ(ws.receive(), "x");
  EXPECT_FALSE(ws.last_was_text());
}

TEST_F(websocket_session_test, unknown_subprotocols_are_refused) {
  start();
  test::ws_options bad;
  bad.subprotocol = "chat";
  try {
    test::ws_client ws(port(), bad);
    ADD_FAILURE() << "accepted";
  } catch (const test::ws_refused& r) {
    EXPECT_EQ(r.status, 400u);
  }
}

TEST_F(websocket_session_test, origin_must_match_host_or_the_allow_list) {
  start();
  test::ws_options same;
  same.origin = "http://127.0.0.1:" + std::to_string(port());
  EXPECT_NO_THROW(test::ws_client(port(), same));
  test::ws_options evil;
  evil.origin = "http://evil.example";
  try {
    test::ws_client ws(port(), evil);
    ADD_FAILURE() << "accepted";
  } catch (const test::ws_refused& r) {
    EXPECT_EQ(r.status, 403u);
  }
}

TEST_F(websocket_session_test, allow_list_replaces_the_same_host_rule) {
  server_options options;
  options.allowed_origins = {"https://app.example"};
  start(options);
  test::ws_options good;
  good.origin = "https://app.example";
  EXPECT_NO_THROW(test::ws_client(port(), good));
  test::ws_options same;
  same.origin = "http://127.0.0.1:" + std::to_string(port());
  EXPECT_THROW(test::ws_client(port(), same), test::ws_refused);
}

TEST_F(websocket_session_test, oversized_frames_close_with_1009_and_the_server_lives) {
  server_options options;
  options.limits.max_frame_bytes = 1024;
  start(options);
  test::ws_client ws(port());
  ws.send_binary(std::string(1000, 'a'));
  EXPECT_EQ(ws.receive()->size(), 1000u);
  ws.send_binary(std::string(2000, 'a'));
  EXPECT_EQ(ws.wait_closed(), 1009);
  EXPECT_EQ(closed_.get_future().wait_for(5s), std::future_status::ready);
  test::ws_client again(port());
  again.send_binary("still here");
  EXPECT_EQ(again.receive(), "still here");
}

TEST_F(websocket_session_test, floods_get_a_rate_limited_error_and_the_socket_stays_open) {
  server_options options;
  options.limits.frame_burst = 5;
  options.limits.max_frames_per_second = 0.001;
  start(options);
  test::ws_options json;
  json.subprotocol = "djust.json.v1";
  test::ws_client ws(port(), json);
  for (int i = 0; i < 8; ++i) ws.send_text("e" + std::to_string(i));
  std::vector<std::string> got;
  for (int i = 0; i < 8; ++i) got.push_back(ws.receive().value_or("<timeout>"));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(got[i], "e" + std::to_string(i));
  for (int i = 5; i < 8; ++i)
    EXPECT_EQ(got[i], R"({"type":"error","ref":0,"code":"rate_limited","message":"more than 0 frames per second: frame dropped"})");
}

TEST_F(websocket_session_test, a_client_that_never_reads_is_dropped_with_memory_bounded) {
  server_options options;
  options.limits.max_outbound_bytes = 1024 * 1024;
  start(options);
  test::ws_client ws(port());
  ws.send_binary("flood");  // 400 x 64 KiB queued for a client that reads nothing
  EXPECT_TRUE(eventually([&] { return metrics_.dropped_clients_total.value() == 1; }));
  EXPECT_EQ(closed_.get_future().wait_for(5s), std::future_status::ready);
  EXPECT_TRUE(eventually([&] { return metrics_.sockets.value() == 0; }));
}

TEST_F(websocket_session_test, server_close_flushes_queued_frames_first) {
  start();
  test::ws_client ws(port());
  ws.send_binary("one");
  ws.send_binary("close");
  EXPECT_EQ(ws.receive(), "one");
  EXPECT_EQ(ws.wait_closed(), 4000);
}

TEST_F(websocket_session_test, stop_closes_sockets_with_going_away_and_tells_peers) {
  start();
  test::ws_client ws(port());
  ws.send_binary("hi");
  EXPECT_EQ(ws.receive(), "hi");
  EXPECT_EQ(metrics_.sockets.value(), 1);
  std::thread stopper([&] { server_->stop(); });
  EXPECT_EQ(ws.wait_closed(), 1001);
  stopper.join();
  EXPECT_EQ(closed_.get_future().wait_for(0s), std::future_status::ready);
  EXPECT_EQ(metrics_.sockets.value(), 0);
}

}  // namespace
}  // namespace djust::transport
