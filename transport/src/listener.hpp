// Accepts TCP connections, each on its own strand, and starts an http_session for each.
#pragma once

#include <boost/asio/io_context.hpp>

#include "server_state.hpp"

namespace djust::transport::detail {

class listener : public std::enable_shared_from_this<listener> {
 public:
  // Throws std::runtime_error naming the endpoint when it cannot be bound.
  listener(net::io_context& ioc, const tcp::endpoint& endpoint, std::shared_ptr<server_state> state);
  void run();
  void stop();  // thread-safe
  std::uint16_t port() const { return port_; }

 private:
  void do_accept();
  void on_accept(boost::beast::error_code ec, tcp::socket socket);

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  std::shared_ptr<server_state> state_;
  std::uint16_t port_ = 0;
};

}  // namespace djust::transport::detail
