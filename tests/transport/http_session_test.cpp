// HTTP over real sockets: keep-alive, async handlers, HEAD, limits, handler errors, upgrade refusals.
#include <gtest/gtest.h>

#include <thread>

#include "djust/transport/server.hpp"
#include "http_client.hpp"
#include "ws_client.hpp"

namespace djust::transport {
namespace {

class http_session_test : public ::testing::Test {
 protected:
  void start(http_handler handler, server_options options = {}) {
    options.port = 0;
    options.threads = 2;
    server_ = std::make_unique<server>(std::move(options), std::move(handler), nullptr, metrics_);
    server_->start();
  }
  std::uint16_t port() const { return server_->port(); }

  live::runtime_metrics metrics_;
  std::unique_ptr<server> server_;
};

http_handler echo_path() {
  return [](const http_request& req, http_respond respond) {
    respond(http_response::text(req.method + " " + req.path + " q=" + req.query + " x=" +
                                std::string(req.header("x-test"))));
  };
}

TEST_F(http_session_test, serves_several_requests_on_one_keep_alive_connection) {
  start(echo_path());
  test::http_connection c(port());
  auto a = c.request("GET", "/a/?q=1", {{"X-Test", "yes"}});
  EXPECT_EQ(a.status, 200u);
  EXPECT_EQ(a.body, "GET /a/ q=q=1 x=yes");
  EXPECT_TRUE(a.keep_alive);
  auto b = c.request("POST", "/b/", {}, "body");
  EXPECT_EQ(b.body, "POST /b/ q= x=");
  EXPECT_EQ(metrics_.http_requests_total.value(), 2u);
}

TEST_F(http_session_test, connection_close_is_honoured) {
  start(echo_path());
  test::http_connection c(port());
  auto a = c.request("GET", "/", {{"Connection", "close"}});
  EXPECT_FALSE(a.keep_alive);
  EXPECT_TRUE(c.closed_by_peer());
}

TEST_F(http_session_test, handlers_may_respond_later_from_another_thread) {
  start([](const http_request& req, http_respond respond) {
    std::thread([respond, path = req.path] { respond(http_response::html("<p>" + path + "</p>", 201)); }).detach();
  });
  test::http_connection c(port());
  for (int i = 0; i < 3; ++i) {
    auto r = c.request("GET", "/later/" + std::to_string(i));
    EXPECT_EQ(r.status, 201u);
    EXPECT_EQ(r.body, "<p>/later/" + std::to_string(i) + "</p>");
    EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  }
}

TEST_F(http_session_test, head_sends_length_without_body) {
  start([](const http_request&, http_respond respond) { respond(http_response::text("12345")); });
  test::http_connection c(port());
  auto r = c.request("HEAD", "/");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.header("content-length"), "5");
  EXPECT_EQ(c.request("GET", "/").body, "12345");  // the connection is still in sync
}

TEST_F(http_session_test, a_throwing_handler_gives_500_and_the_server_lives) {
  start([](const http_request& req, http_respond respond) {
    if (req.path == "/boom") throw std::runtime_error("boom");
    respond(http_response::text("fine"));
  });
  test::http_connection c(port());
  EXPECT_EQ(c.request("GET", "/boom").status, 500u);
  EXPECT_EQ(test::http_get(port(), "/ok").body, "fine");
}

TEST_F(http_session_test, oversized_bodies_get_413) {
  server_options options;
  options.limits.max_body_bytes = 100;
  start(echo_path(), options);
  test::http_connection c(port());
  auto r = c.request("POST", "/", {}, std::string(1000, 'x'));
  EXPECT_EQ(r.status, 413u);
  EXPECT_EQ(r.body, "request body too large\n");
  EXPECT_EQ(test::http_get(port(), "/").status, 200u);
}

TEST_F(http_session_test, malformed_requests_close_the_connection_only) {
  start(echo_path());
  {
    test::http_connection c(port());
    EXPECT_THROW(c.raw("NOT HTTP AT ALL\r\n\r\n"), std::exception);
  }
  EXPECT_EQ(test::http_get(port(), "/").status, 200u);
}

TEST_F(http_session_test, upgrades_elsewhere_or_without_socket_handler_are_refused) {
  start(echo_path());
  test::ws_options other;
  other.path = "/chat";
  try {
    test::ws_client ws(port(), other);
    ADD_FAILURE() << "upgrade accepted";
  } catch (const test::ws_refused& r) {
    EXPECT_EQ(r.status, 404u);
  }
}

TEST_F(http_session_test, connection_limit_per_ip_refuses_extra_connections) {
  server_options options;
  options.limits.max_connections_per_ip = 2;
  start(echo_path(), options);
  test::http_connection a(port());
  test::http_connection b(port());
  EXPECT_EQ(a.request("GET", "/").status, 200u);
  EXPECT_EQ(b.request("GET", "/").status, 200u);
  test::http_connection c(port());
  EXPECT_THROW(c.request("GET", "/"), std::exception);
}

TEST(server, bind_errors_name_the_address) {
  live::runtime_metrics metrics;
  server_options options;
  options.host = "not-an-ip";
  server s(options, nullptr, nullptr, metrics);
  try {
    s.start();
    ADD_FAILURE();
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot listen on 'not-an-ip': not an IP address");
  }
}

}  // namespace
}  // namespace djust::transport
