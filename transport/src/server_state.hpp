// State shared by the listener and every session: options, handlers, metrics, connection registry.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "djust/transport/server.hpp"

namespace djust::transport::detail {

namespace net = boost::asio;
using tcp = net::ip::tcp;

// Something stop() can close: an HTTP or WebSocket session.
class closable {
 public:
  virtual ~closable() = default;
  virtual void shutdown() = 0;  // thread-safe: posts to the session's strand
};

struct server_state {
  server_state(server_options o, http_handler h, ws_acceptor w, live::runtime_metrics& m)
      : options(std::move(o)), http(std::move(h)), ws(std::move(w)), metrics(m) {}

  const server_options options;
  const http_handler http;
  const ws_acceptor ws;
  live::runtime_metrics& metrics;

  // Admission: false when the server or this IP is at its connection limit, or stopping.
  bool admit(const std::string& ip);
  void release(const std::string& ip);
  void track(closable* key, std::weak_ptr<closable> session);
  void untrack(closable* key);
  // Closes every tracked session and waits (bounded) until all connections are gone.
  void close_all(std::chrono::milliseconds grace);

 private:
  std::mutex mutex_;
  std::condition_variable idle_;
  bool stopping_ = false;
  std::size_t connections_ = 0;
  std::unordered_map<std::string, std::size_t> per_ip_;
  std::unordered_map<closable*, std::weak_ptr<closable>> sessions_;
};

// Holds one admitted connection; releases it on destruction (moves with the socket).
class connection_slot {
 public:
  connection_slot(std::shared_ptr<server_state> state, std::string ip) : state_(std::move(state)), ip_(std::move(ip)) {}
  connection_slot(connection_slot&&) = default;
  connection_slot& operator=(connection_slot&&) = delete;
  ~connection_slot() {
    if (state_) state_->release(ip_);
  }
  server_state& state() const { return *state_; }
  const std::shared_ptr<server_state>& shared() const { return state_; }
  const std::string& ip() const { return ip_; }

 private:
  std::shared_ptr<server_state> state_;
  std::string ip_;
};

// Logs an I/O failure to stderr unless it is a normal end (aborted, closed, eof, reset, a
// peer that went away before we read: not_connected).
void fail(boost::beast::error_code ec, const char* what);

}  // namespace djust::transport::detail
