// The Boost.Beast HTTP/1.1 + WebSocket server: one strand per connection, io threads = cores.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "djust/actors/metrics.hpp"
#include "djust/transport/http.hpp"

namespace djust::transport {

struct server_limits {
  std::size_t max_frame_bytes = 64 * 1024;        // inbound WebSocket message (read_message_max)
  std::size_t max_body_bytes = 1024 * 1024;       // HTTP request body
  std::size_t max_outbound_frames = 512;          // queued frames per socket before disconnecting
  std::size_t max_outbound_bytes = 8 * 1024 * 1024;
  double max_frames_per_second = 50;              // inbound rate per socket (token bucket)
  double frame_burst = 100;                       // bucket size
  std::chrono::seconds http_timeout{30};          // header/body read and response write
  std::chrono::seconds idle_timeout{60};          // WebSocket silence (pings included) before closing
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_ip = 1000;
};

struct server_options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;                  // 0: any free port (see server::port())
  unsigned threads = 0;                       // 0: one per core
  std::string websocket_path = "/live/websocket";
  // Origins allowed to open a WebSocket ("http://127.0.0.1:8000"). Empty: the Origin's
  // host must equal the Host header. A request without Origin (not a browser) is allowed.
  std::vector<std::string> allowed_origins;
  server_limits limits;
};

class server {
 public:
  server(server_options options, http_handler http, ws_acceptor ws, live::runtime_metrics& metrics);
  ~server();  // stop()s
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  // Binds and starts the io threads; throws std::runtime_error naming the address on failure.
  void start();
  std::uint16_t port() const;
  // Stops accepting, closes every connection (WebSocket close 1001) and joins the threads.
  void stop();
  // Blocks until stop() is called from another thread or a signal handler.
  void wait();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace djust::transport
