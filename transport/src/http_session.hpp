// One HTTP/1.1 connection: keep-alive request loop, async handlers, WebSocket upgrade hand-off.
#pragma once

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <optional>

#include "server_state.hpp"

namespace djust::transport::detail {

class http_session : public closable, public std::enable_shared_from_this<http_session> {
 public:
  http_session(tcp::socket&& socket, connection_slot slot);
  void run();
  void shutdown() override;

 private:
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void handle_request_on_strand(boost::beast::http::request<boost::beast::http::string_body> req);
  void upgrade_on_strand(boost::beast::http::request<boost::beast::http::string_body> req, http_request view);
  void write_on_strand(http_response res);
  void on_write(bool close, boost::beast::error_code ec, std::size_t bytes);
  void do_close();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::optional<connection_slot> slot_;
  unsigned request_version_ = 11;
  bool request_keep_alive_ = true;
  bool request_head_ = false;
};

}  // namespace djust::transport::detail
