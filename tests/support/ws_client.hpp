// A real Beast WebSocket client for tests: connect with subprotocol/Origin, send, receive with timeout.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace djust::test {

struct ws_options {
  std::string path = "/live/websocket";
  std::string subprotocol = "djust.msgpack.v1";  // empty: offer none
  std::string origin;                             // empty: send no Origin
  std::string cookie;
};

// Thrown by the constructor when the upgrade is refused; `status` is the HTTP status.
struct ws_refused : std::runtime_error {
  ws_refused(unsigned s, const std::string& body) : std::runtime_error(body), status(s) {}
  unsigned status;
};

class ws_client {
 public:
  ws_client(std::uint16_t port, const ws_options& options = {});
  ~ws_client();

  std::string accepted_subprotocol() const;
  void send_binary(const std::string& frame);
  void send_text(const std::string& frame);
  // The next message, or nullopt on timeout; throws ws_closed when the server closed.
  std::optional<std::string> receive(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  bool last_was_text() const;
  // Waits for the server's close; returns its close code (0 when the socket just dropped).
  std::uint16_t wait_closed(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  void close();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

struct ws_closed : std::runtime_error {
  ws_closed(std::uint16_t c, const std::string& what) : std::runtime_error(what), code(c) {}
  std::uint16_t code;
};

}  // namespace djust::test
