// WebSocket session: strand-confined read loop, bounded write queue, rate limit, clean close.
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket.hpp>

#include <iostream>

#include "websocket_session.hpp"

namespace djust::transport::detail {

namespace beast = boost::beast;
namespace websocket = beast::websocket;

websocket_session::websocket_session(tcp::socket&& socket, connection_slot slot, encoding enc)
    : ws_(std::move(socket)),
      slot_(std::move(slot)),
      encoding_(enc),
      tokens_(slot_.state().options.limits.frame_burst),
      last_refill_(std::chrono::steady_clock::now()) {}

websocket_session::~websocket_session() {
  // Reached when the io_context was stopped with handlers pending: still tell the peer.
  if (!finished_ && peer_) peer_->on_close();
  if (opened_ && !finished_) slot_.state().metrics.sockets.add(-1);
}

void websocket_session::run(beast::http::request<beast::http::string_body> req, http_request view) {
  const auto& limits = slot_.state().options.limits;
  websocket::stream_base::timeout timeouts = websocket::stream_base::timeout::suggested(beast::role_type::server);
  timeouts.idle_timeout = limits.idle_timeout;
  timeouts.keep_alive_pings = true;
  ws_.set_option(timeouts);
  ws_.read_message_max(limits.max_frame_bytes);
  ws_.binary(encoding_ == encoding::msgpack);
  std::string protocol(subprotocol_name(encoding_));
  bool offered = !view.header("sec-websocket-protocol").empty();
  ws_.set_option(websocket::stream_base::decorator([protocol, offered](websocket::response_type& res) {
    res.set(beast::http::field::server, "djust");
    if (offered) res.set(beast::http::field::sec_websocket_protocol, protocol);
  }));
  ws_.async_accept(req, [self = shared_from_this(), view = std::move(view)](beast::error_code ec) mutable {
    self->on_accept(std::move(view), ec);
  });
}

void websocket_session::on_accept(http_request view, beast::error_code ec) {
  if (ec) return fail(ec, "websocket accept");
  server_state& state = slot_.state();
  opened_ = true;
  state.metrics.sockets.add(1);
  state.track(this, shared_from_this());
  try {
    peer_ = state.ws(shared_from_this(), view);
  } catch (const std::exception& e) {
    std::cerr << "djust: WebSocket acceptor threw: " << e.what() << "\n";
  }
  if (!peer_) return close_on_strand(1011, "no handler for this socket");
  do_read();
}

void websocket_session::do_read() {
  ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t n) { self->on_read(ec, n); });
}

bool websocket_session::take_token_on_strand() {
  const auto& limits = slot_.state().options.limits;
  auto now = std::chrono::steady_clock::now();
  double elapsed = std::chrono::duration<double>(now - last_refill_).count();
  last_refill_ = now;
  tokens_ = std::min(limits.frame_burst, tokens_ + elapsed * limits.max_frames_per_second);
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

void websocket_session::on_read(beast::error_code ec, std::size_t) {
  if (ec) {
    if (ec != websocket::error::closed && ec != beast::error::timeout) fail(ec, "websocket read");
    return finish_on_strand();
  }
  std::string frame = beast::buffers_to_string(buffer_.data());
  buffer_.consume(buffer_.size());
  if (!closing_ && peer_) {
    if (take_token_on_strand()) {
      peer_->on_frame(std::move(frame));
    } else {
      const auto& limits = slot_.state().options.limits;
      send_on_strand(std::make_shared<const std::string>(encode(
          encoding_, server_message{error_msg{0, "rate_limited",
                                              "more than " + std::to_string(static_cast<int>(limits.max_frames_per_second)) +
                                                  " frames per second: frame dropped"}})));
    }
  }
  do_read();
}

void websocket_session::send(std::shared_ptr<const std::string> frame) {
  auto self = weak_from_this().lock();
  if (!self) return;  // being destroyed
  net::post(ws_.get_executor(), [self = std::move(self), frame = std::move(frame)]() mutable {
    self->send_on_strand(std::move(frame));
  });
}

void websocket_session::send_on_strand(std::shared_ptr<const std::string> frame) {
  if (closing_ || finished_ || !opened_) return;
  const auto& limits = slot_.state().options.limits;
  if (queue_.size() >= limits.max_outbound_frames || queued_bytes_ + frame->size() > limits.max_outbound_bytes) {
    slot_.state().metrics.dropped_clients_total.inc();
    return drop_on_strand();
  }
  queued_bytes_ += frame->size();
  queue_.push_back(std::move(frame));
  if (queue_.size() == 1) do_write();
}

void websocket_session::do_write() {
  ws_.async_write(net::buffer(*queue_.front()),
                  [self = shared_from_this()](beast::error_code ec, std::size_t n) { self->on_write(ec, n); });
}

void websocket_session::on_write(beast::error_code ec, std::size_t) {
  if (ec) {
    if (ec != net::error::operation_aborted && ec != websocket::error::closed) fail(ec, "websocket write");
    queue_.clear();
    queued_bytes_ = 0;
    return finish_on_strand();
  }
  queued_bytes_ -= queue_.front()->size();
  queue_.pop_front();
  if (!queue_.empty()) return do_write();
  if (closing_ && !close_sent_) close_on_strand(close_code_, close_reason_);
}

void websocket_session::close(std::uint16_t code, std::string reason) {
  auto self = weak_from_this().lock();
  if (!self) return;
  net::post(ws_.get_executor(), [self = std::move(self), code, reason = std::move(reason)]() mutable {
    self->close_on_strand(code, std::move(reason));
  });
}

void websocket_session::close_on_strand(std::uint16_t code, std::string reason) {
  if (finished_ || close_sent_) return;
  if (!opened_) {
    // The handshake is still running: cancel it.
    beast::get_lowest_layer(ws_).cancel();
    return;
  }
  closing_ = true;
  close_code_ = code;
  close_reason_ = std::move(reason);
  if (!queue_.empty()) return;  // on_write closes after the last queued frame
  close_sent_ = true;
  ws_.async_close(websocket::close_reason(static_cast<websocket::close_code>(close_code_), close_reason_),
                  [self = shared_from_this()](beast::error_code ec) {
                    if (ec && ec != net::error::operation_aborted) fail(ec, "websocket close");
                  });
}

void websocket_session::drop_on_strand() {
  closing_ = true;
  beast::error_code ec;
  beast::get_lowest_layer(ws_).socket().shutdown(tcp::socket::shutdown_both, ec);
  beast::get_lowest_layer(ws_).socket().close(ec);
  finish_on_strand();
}

void websocket_session::finish_on_strand() {
  if (finished_) return;
  finished_ = true;
  closing_ = true;
  if (opened_) slot_.state().metrics.sockets.add(-1);
  slot_.state().untrack(this);
  if (auto peer = std::move(peer_)) peer->on_close();
}

}  // namespace djust::transport::detail
