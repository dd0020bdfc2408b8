// The server facade: io_context with one thread per core, listener, orderly stop.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>

#include <iostream>
#include <thread>

#include "listener.hpp"

namespace djust::transport {
namespace net = boost::asio;
namespace detail {

bool server_state::admit(const std::string& ip) {
  std::lock_guard lock(mutex_);
  if (stopping_ || connections_ >= options.limits.max_connections) return false;
  auto& n = per_ip_[ip];
  if (n >= options.limits.max_connections_per_ip) return false;
  ++n;
  ++connections_;
  return true;
}

void server_state::release(const std::string& ip) {
  std::lock_guard lock(mutex_);
  if (auto it = per_ip_.find(ip); it != per_ip_.end() && --it->second == 0) per_ip_.erase(it);
  --connections_;
  if (connections_ == 0) idle_.notify_all();
}

void server_state::track(closable* key, std::weak_ptr<closable> session) {
  std::lock_guard lock(mutex_);
  sessions_[key] = std::move(session);
}

void server_state::untrack(closable* key) {
  std::lock_guard lock(mutex_);
  sessions_.erase(key);
}

void server_state::close_all(std::chrono::milliseconds grace) {
  std::vector<std::shared_ptr<closable>> open;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (auto& [key, weak] : sessions_)
      if (auto s = weak.lock()) open.push_back(std::move(s));
  }
  for (auto& s : open) s->shutdown();
  open.clear();
  std::unique_lock lock(mutex_);
  idle_.wait_for(lock, grace, [&] { return connections_ == 0; });
}

void fail(boost::beast::error_code ec, const char* what) {
  if (ec == net::error::operation_aborted || ec == net::error::eof || ec == net::error::connection_reset ||
      ec == boost::beast::error::timeout || ec == net::error::broken_pipe || ec == net::error::not_connected)
    return;
  std::cerr << "djust: " << what << ": " << ec.message() << "\n";
}

}  // namespace detail

struct server::impl {
  net::io_context ioc;
  std::shared_ptr<detail::server_state> state;
  std::shared_ptr<detail::listener> listener;
  std::vector<std::thread> threads;
  std::mutex mutex;
  std::condition_variable stopped_cv;
  bool running = false;
  bool stopped = false;
};

server::server(server_options options, http_handler http, ws_acceptor ws, live::runtime_metrics& metrics)
    : impl_(std::make_unique<impl>()) {
  impl_->state = std::make_shared<detail::server_state>(std::move(options), std::move(http), std::move(ws), metrics);
}

server::~server() { stop(); }

void server::start() {
  const auto& options = impl_->state->options;
  boost::system::error_code ec;
  auto address = net::ip::make_address(options.host, ec);
  if (ec) throw std::runtime_error("cannot listen on '" + options.host + "': not an IP address");
  impl_->listener = std::make_shared<detail::listener>(impl_->ioc, detail::tcp::endpoint(address, options.port), impl_->state);
  impl_->listener->run();
  unsigned n = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  auto guard = std::make_shared<net::executor_work_guard<net::io_context::executor_type>>(impl_->ioc.get_executor());
  for (unsigned i = 0; i < n; ++i)
    impl_->threads.emplace_back([this, guard] { impl_->ioc.run(); });
  // The guard copies keep run() alive until stop() calls ioc.stop().
  std::lock_guard lock(impl_->mutex);
  impl_->running = true;
}

std::uint16_t server::port() const { return impl_->listener ? impl_->listener->port() : 0; }

void server::stop() {
  {
    std::lock_guard lock(impl_->mutex);
    if (!impl_->running) return;
    impl_->running = false;
  }
  impl_->listener->stop();
  impl_->state->close_all(std::chrono::milliseconds(2000));
  impl_->ioc.stop();
  for (auto& t : impl_->threads) t.join();
  impl_->threads.clear();
  std::lock_guard lock(impl_->mutex);
  impl_->stopped = true;
  impl_->stopped_cv.notify_all();
}

void server::wait() {
  std::unique_lock lock(impl_->mutex);
  impl_->stopped_cv.wait(lock, [&] { return impl_->stopped || !impl_->running; });
}

}  // namespace djust::transport
