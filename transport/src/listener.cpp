// TCP acceptor: admission control per server and per IP, a strand per connection.
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include <stdexcept>

#include "http_session.hpp"
#include "listener.hpp"

namespace djust::transport::detail {

namespace beast = boost::beast;

listener::listener(net::io_context& ioc, const tcp::endpoint& endpoint, std::shared_ptr<server_state> state)
    : ioc_(ioc), acceptor_(net::make_strand(ioc)), state_(std::move(state)) {
  beast::error_code ec;
  auto check = [&](const char* what) {
    if (ec)
      throw std::runtime_error(std::string("cannot ") + what + " " + endpoint.address().to_string() + ":" +
                               std::to_string(endpoint.port()) + ": " + ec.message());
  };
  acceptor_.open(endpoint.protocol(), ec);
  check("open");
  acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  check("configure");
  acceptor_.bind(endpoint, ec);
  check("bind");
  acceptor_.listen(net::socket_base::max_listen_connections, ec);
  check("listen on");
  port_ = acceptor_.local_endpoint().port();
}

void listener::run() { do_accept(); }

void listener::stop() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ec;
    self->acceptor_.close(ec);
  });
}

void listener::do_accept() {
  acceptor_.async_accept(net::make_strand(ioc_), [self = shared_from_this()](beast::error_code ec, tcp::socket s) {
    self->on_accept(ec, std::move(s));
  });
}

void listener::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
  if (ec) {
    fail(ec, "accept");
  } else {
    beast::error_code ep_ec;
    auto remote = socket.remote_endpoint(ep_ec);
    std::string ip = ep_ec ? std::string("?") : remote.address().to_string();
    if (state_->admit(ip)) {
      std::make_shared<http_session>(std::move(socket), connection_slot(state_, ip))->run();
    } else {
      socket.close(ep_ec);  // over the limit: refuse without reading
    }
  }
  do_accept();
}

}  // namespace djust::transport::detail
