// Beast WebSocket test client: async reads driven by run_for so every wait has a timeout.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "ws_client.hpp"

namespace djust::test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct ws_client::impl {
  net::io_context ioc;
  websocket::stream<beast::tcp_stream> ws{ioc};
  beast::flat_buffer buffer;
  std::string protocol;
  bool text = false;
  bool pending = false;  // an async_read is outstanding
  bool ready = false;    // it completed
  beast::error_code result;
};

ws_client::ws_client(std::uint16_t port, const ws_options& options) : impl_(std::make_unique<impl>()) {
  auto& ws = impl_->ws;
  beast::get_lowest_layer(ws).connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  ws.set_option(websocket::stream_base::decorator([options](websocket::request_type& req) {
    if (!options.subprotocol.empty()) req.set(http::field::sec_websocket_protocol, options.subprotocol);
    if (!options.origin.empty()) req.set(http::field::origin, options.origin);
    if (!options.cookie.empty()) req.set(http::field::cookie, options.cookie);
  }));
  ws.read_message_max(64 * 1024 * 1024);
  websocket::response_type res;
  beast::error_code ec;
  beast::get_lowest_layer(ws).expires_after(std::chrono::seconds(10));
  // The async handshake fills `res` even when the upgrade is declined (the sync one does not).
  ws.async_handshake(res, "127.0.0.1:" + std::to_string(port), options.path, [&ec](beast::error_code e) { ec = e; });
  impl_->ioc.run();
  if (ec) throw ws_refused(res.result_int(), res.body().empty() ? ec.message() : res.body());
  beast::get_lowest_layer(ws).expires_never();
  impl_->protocol = std::string(res[http::field::sec_websocket_protocol]);
}

ws_client::~ws_client() {
  beast::error_code ec;
  beast::get_lowest_layer(impl_->ws).socket().close(ec);
}

std::string ws_client::accepted_subprotocol() const { return impl_->protocol; }

void ws_client::send_binary(const std::string& frame) {
  impl_->ws.binary(true);
  impl_->ws.write(net::buffer(frame));
}

void ws_client::send_text(const std::string& frame) {
  impl_->ws.text(true);
  impl_->ws.write(net::buffer(frame));
}

std::optional<std::string> ws_client::receive(std::chrono::milliseconds timeout) {
  auto& st = *impl_;
  if (!st.pending) {
    st.pending = true;
    st.ready = false;
    st.ws.async_read(st.buffer, [&st](beast::error_code ec, std::size_t) {
      st.ready = true;
      st.result = ec;
    });
  }
  // A read that times out stays pending; the next receive() continues it.
  st.ioc.restart();
  st.ioc.run_for(timeout);
  if (!st.ready) return std::nullopt;
  st.pending = false;
  if (st.result) {
    auto reason = st.ws.reason();
    throw ws_closed(static_cast<std::uint16_t>(reason.code), st.result.message() + " " + std::string(reason.reason));
  }
  st.text = st.ws.got_text();
  std::string out = beast::buffers_to_string(st.buffer.data());
  st.buffer.consume(st.buffer.size());
  return out;
}

bool ws_client::last_was_text() const { return impl_->text; }

std::uint16_t ws_client::wait_closed(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return 0xFFFF;  // never closed
    try {
      if (!receive(left)) return 0xFFFF;
    } catch (const ws_closed& c) {
      return c.code;
    }
  }
}

void ws_client::close() {
  impl_->ws.async_close(websocket::close_code::normal, [](beast::error_code) {});
  impl_->ioc.restart();
  impl_->ioc.run_for(std::chrono::seconds(2));
}

}  // namespace djust::test
