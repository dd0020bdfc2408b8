// The headless protocol client: fetches a live page, joins its view over a real WebSocket,
// sends events, decodes replies and applies patches to its own copy of the DOM (vdom tree).
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "djust/transport/protocol.hpp"
#include "djust/vdom/diff.hpp"
#include "djust/vdom/tree.hpp"
#include "ws_client.hpp"

namespace djust::test {

struct live_page {
  unsigned status = 0;
  std::string cookie;  // "djust_session=..."
  std::string token, csrf;
  std::string view_html;  // the container's inner HTML
};

// GETs `path` and extracts the session cookie, the tokens and the view's HTML.
live_page fetch_live_page(std::uint16_t port, const std::string& path, const std::string& cookie = "");

// Decodes wire patches (msgpack or JSON, docs/protocol.md "Patches") into vdom patches.
vdom::patch_list decode_patches(transport::encoding e, const std::string& bytes);

class protocol_client {
 public:
  protocol_client(std::uint16_t port, transport::encoding e, const live_page& page, std::string origin = "");

  void send(const transport::client_message& m);
  void send_raw(const std::string& frame);
  // Waits for the server to close the socket; its close code (0xFFFF: still open).
  std::uint16_t wait_closed(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    return ws_.wait_closed(timeout);
  }
  // The next server message (throws on timeout or close).
  transport::server_message next();
  // The next message within `timeout` (nullopt on timeout).
  std::optional<transport::server_message> next_within(std::chrono::milliseconds timeout);
  // join (the page's token and CSRF); returns the reply.
  transport::reply_msg join(std::uint64_t ref, std::string token, std::string csrf);
  // join as a reconnecting client: the view id of the first join and the last applied seq.
  transport::reply_msg resume(std::uint64_t ref, std::string token, std::string csrf, std::string view_id,
                              std::uint64_t ack);
  // Waits until the local DOM satisfies `done`, applying pushes as they come (false on timeout).
  template <class Pred>
  bool wait_for_dom(Pred done, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    auto until = std::chrono::steady_clock::now() + timeout;
    while (!done(dom_html())) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !next_within(left)) return false;
    }
    return true;
  }
  // event; returns the reply (and applies its patches, and those of pushes that came first).
  transport::reply_msg event(std::uint64_t ref, const std::string& handler, tmpl::value_map params = {});
  // Applies a reply's or push's html/patches to the local DOM.
  void apply(const std::string& html, const std::string& patches);
  std::string dom_html() const;  // canonical_html of the local DOM
  const std::string& view_id() const { return view_id_; }

 private:
  transport::encoding encoding_;
  ws_client ws_;
  std::string view_id_;
  std::unique_ptr<vdom::tree> dom_;
};

}  // namespace djust::test
