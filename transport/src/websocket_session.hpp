// One WebSocket: read loop, bounded outbound queue with one write in flight, rate limit, close.
#pragma once

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <chrono>
#include <deque>

#include "server_state.hpp"

namespace djust::transport::detail {

class websocket_session : public ws_channel, public closable, public std::enable_shared_from_this<websocket_session> {
 public:
  websocket_session(tcp::socket&& socket, connection_slot slot, encoding enc);
  ~websocket_session() override;

  void run(boost::beast::http::request<boost::beast::http::string_body> req, http_request view);

  void send(std::shared_ptr<const std::string> frame) override;
  void close(std::uint16_t code, std::string reason) override;
  encoding frame_encoding() const noexcept override { return encoding_; }
  void shutdown() override { close(1001, "server shutting down"); }

 private:
  void on_accept(http_request view, boost::beast::error_code ec);
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  bool take_token_on_strand();
  void send_on_strand(std::shared_ptr<const std::string> frame);
  void do_write();
  void on_write(boost::beast::error_code ec, std::size_t bytes);
  void close_on_strand(std::uint16_t code, std::string reason);
  void drop_on_strand();  // hard close: the client stopped reading
  void finish_on_strand();

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  connection_slot slot_;
  encoding encoding_;
  std::shared_ptr<ws_peer> peer_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  std::size_t queued_bytes_ = 0;
  bool opened_ = false;
  bool closing_ = false;       // no more frames accepted
  bool close_sent_ = false;
  bool finished_ = false;
  std::uint16_t close_code_ = 1000;
  std::string close_reason_;
  double tokens_;
  std::chrono::steady_clock::time_point last_refill_;
};

}  // namespace djust::transport::detail
