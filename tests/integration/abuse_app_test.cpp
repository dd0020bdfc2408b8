// Abuse through the whole app over real sockets: oversized frames, event floods, a client
// that never reads, expired tokens. Each gets its clear error (or its socket closed) while
// other sessions and the server carry on.
#include <gtest/gtest.h>

#include <memory>
#include <thread>

#include "djust/transport/app.hpp"
#include "http_client.hpp"
#include "protocol_client.hpp"
#include "test_app_options.hpp"

namespace djust {
namespace {

using tmpl::value;
using tmpl::value_map;

// Counts clicks; "blast" broadcasts `n` distinct payloads of `size` bytes, one per ms, to
// every echo page (but those opened as /echo/?deaf).
class echo_view : public live::live_view {
 public:
  echo_view() {
    on("click", &echo_view::click);
    on("blast", &echo_view::blast, live::param("n", 0), live::param("size", 0));
  }
  std::string template_name() const override { return "echo.html"; }
  void mount(const live::request& req, const value_map&) override {
    assign("clicks", 0);
    assign("last", "");
    if (req.query != "deaf") subscribe("echo");
  }
  void handle_info(const pubsub::message& m) override { assign("last", m.payload); }
  void click() { assign("clicks", get("clicks").as_int() + 1); }
  // One broadcast per millisecond (a burst in one handler would reach each view as one
  // render: the runtime coalesces queued broadcasts).
  void blast(std::int64_t n, std::int64_t size) {
    left_ = n;
    size_ = static_cast<std::size_t>(size);
    send_after(std::chrono::milliseconds(1), "blast");
  }
  void handle_info(const value& timer) override {
    if (left_ <= 0) return;
    broadcast("echo", "blast", std::to_string(--left_) + std::string(size_, 'x'));
    send_after(std::chrono::milliseconds(1), "blast");
  }

 private:
  std::int64_t left_ = 0;
  std::size_t size_ = 0;
};

class abuse_app_test : public ::testing::Test {
 protected:
  void SetUp() override {
    transport::app_options o = test::loopback_app_options();
    o.limits.max_frame_bytes = 16 * 1024;
    o.limits.max_frames_per_second = 20;
    o.limits.frame_burst = 20;
    o.limits.max_outbound_frames = 64;
    o.limits.max_outbound_bytes = 1024 * 1024;
    o.token_ttl = std::chrono::seconds(1);
    app_ = std::make_unique<transport::app>(o);
    app_->engine().add_template("echo.html", "<p>{{ clicks }}</p><p>{{ last }}</p>");
    app_->live<echo_view>("echo/", "echo");
    app_->start();
  }
  std::unique_ptr<test::protocol_client> joined(const std::string& path = "/echo/") {
    auto page = test::fetch_live_page(app_->port(), path);
    auto c = std::make_unique<test::protocol_client>(app_->port(), transport::encoding::msgpack, page);
    EXPECT_TRUE(c->join(1, page.token, page.csrf).ok);
    return c;
  }
  // A bystander session still answers events.
  void expect_healthy(test::protocol_client& c, std::uint64_t ref) {
    auto r = c.event(ref, "click");
    EXPECT_TRUE(r.ok) << r.error_message;
  }
  std::unique_ptr<transport::app> app_;
};

TEST_F(abuse_app_test, an_oversized_frame_closes_that_socket_with_1009_only) {
  auto bystander = joined(), abuser = joined();
  abuser->send_raw(std::string(20 * 1024, 'x'));
  EXPECT_EQ(abuser->wait_closed(), 1009);
  expect_healthy(*bystander, 2);
}

TEST_F(abuse_app_test, a_flood_gets_rate_limited_errors_and_the_session_recovers) {
  auto bystander = joined(), flooder = joined();
  const std::string view = flooder->view_id();
  for (std::uint64_t ref = 2; ref < 102; ++ref)
    flooder->send(transport::client_message{transport::event_msg{ref, view, "click", {}, 0}});
  int limited = 0, answered = 0;
  while (limited + answered < 100) {
    auto m = flooder->next();
    if (auto* e = std::get_if<transport::error_msg>(&m)) {
      EXPECT_EQ(e->code, "rate_limited");
      ++limited;
    } else if (std::holds_alternative<transport::reply_msg>(m)) {
      ++answered;
    }
  }
  EXPECT_GT(limited, 0);
  EXPECT_GE(answered, 19);  // the burst of 20, less the join's frame
  expect_healthy(*bystander, 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the bucket refills
  expect_healthy(*flooder, 200);
}

TEST_F(abuse_app_test, a_client_that_never_reads_is_dropped_and_others_carry_on) {
  auto sleeper = joined(), blaster = joined("/echo/?deaf");
  auto dropped_before = app_->metrics().dropped_clients_total.value();
  // 400 pushes of 16 KiB to the sleeper over ~0.5 s: far past the kernel's socket buffers
  // and its 64-frame / 1 MiB outbound queue.
  ASSERT_TRUE(blaster->event(2, "blast", {{"n", 400}, {"size", 16 * 1024}}).ok);
  for (int i = 0; i < 100 && app_->metrics().dropped_clients_total.value() == dropped_before; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_GT(app_->metrics().dropped_clients_total.value(), dropped_before);
  expect_healthy(*blaster, 3);
}

TEST_F(abuse_app_test, an_expired_token_is_refused) {
  auto page = test::fetch_live_page(app_->port(), "/echo/");
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // token_ttl is 1 s
  test::protocol_client late(app_->port(), transport::encoding::msgpack, page);
  auto r = late.join(1, page.token, page.csrf);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_code, "join_refused");
  EXPECT_NE(r.error_message.find("expired"), std::string::npos) << r.error_message;
}

}  // namespace
}  // namespace djust
