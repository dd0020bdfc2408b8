// HTTP request/response values and the WebSocket seams between the server and the app.
//
// The server never calls into actors and actors never touch Beast: an app gets a
// `ws_channel` (send/close, thread-safe, posts to the connection's strand) and gives
// back a `ws_peer` (called on the strand with each inbound frame and once on close).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "djust/transport/protocol.hpp"

namespace djust::transport {

using header_list = std::vector<std::pair<std::string, std::string>>;

struct http_request {
  std::string method;          // "GET"
  std::string target;          // "/items/7/?q=x" as sent
  std::string path;            // "/items/7/" (not decoded)
  std::string query;           // "q=x"
  header_list headers;         // names lowercased
  std::string body;
  std::string remote_address;  // peer IP

  std::string_view header(std::string_view lowercase_name) const noexcept;  // "" when absent
  std::optional<std::string> cookie(std::string_view name) const;
  // First value of `name` in the query string, %-decoded with '+' as space.
  std::optional<std::string> query_param(std::string_view name) const;
};

struct http_response {
  unsigned status = 200;
  std::string content_type = "text/html; charset=utf-8";
  header_list headers;
  std::string body;

  static http_response html(std::string body, unsigned status = 200);
  static http_response text(std::string body, unsigned status = 200);
  static http_response redirect(std::string location, unsigned status = 302);
  // Adds "Set-Cookie: name=value; Path=/; HttpOnly; SameSite=Lax" (plus `extra` attributes).
  void set_cookie(std::string_view name, std::string_view value, std::string_view extra = "");
};

// Completes a request; callable once, from any thread.
using http_respond = std::function<void(http_response)>;
// Answers a request, synchronously or later through `respond` (never block an io thread).
using http_handler = std::function<void(const http_request&, http_respond respond)>;

// The server side of one WebSocket; thread-safe.
class ws_channel {
 public:
  virtual ~ws_channel() = default;
  // Queues one frame (binary for msgpack, text for JSON). Past the outbound bounds
  // the client is disconnected and counted in djust_dropped_clients_total.
  virtual void send(std::shared_ptr<const std::string> frame) = 0;
  // Sends the queued frames, then a close frame with `code` (1000 normal, 1008 policy...).
  virtual void close(std::uint16_t code, std::string reason) = 0;
  virtual encoding frame_encoding() const noexcept = 0;
};

// The app side of one WebSocket; called on the connection's strand, never concurrently.
class ws_peer {
 public:
  virtual ~ws_peer() = default;
  virtual void on_frame(std::string frame) = 0;
  virtual void on_close() = 0;  // exactly once; drop the channel here
};

// Called for each accepted WebSocket (after the Origin and subprotocol checks).
using ws_acceptor = std::function<std::shared_ptr<ws_peer>(std::shared_ptr<ws_channel>, const http_request&)>;

}  // namespace djust::transport
