// The wire protocol's messages (docs/protocol.md "Messages") and their msgpack and JSON codecs.
//
// Every frame is one map with a "type" key. Up (client -> server): join, event,
// heartbeat, leave. Down (server -> client): reply, push, redirect, error. Patches
// are produced by vdom/ already encoded in the frame's encoding and are embedded
// as is (raw msgpack bytes in a binary frame, raw JSON text in a text frame).
// Patch-carrying messages have a per-view sequence number; the client acknowledges
// the last one it applied ("ack" on event, "acks" on heartbeat, "ack" on join when
// resuming), so a rejoining client receives exactly what it missed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "djust/actors/value_codec.hpp"
#include "djust/template/value.hpp"

namespace djust::transport {

enum class encoding : std::uint8_t { msgpack, json };

// WebSocket subprotocol names (Sec-WebSocket-Protocol).
inline constexpr std::string_view msgpack_subprotocol = "djust.msgpack.v1";
inline constexpr std::string_view json_subprotocol = "djust.json.v1";

// The encoding for an offered Sec-WebSocket-Protocol list ("a, b"): the first one we
// support; msgpack when the header is empty; nullopt when only unknown ones are offered.
std::optional<encoding> negotiate(std::string_view offered);
std::string_view subprotocol_name(encoding e) noexcept;

// ---- client -> server -------------------------------------------------------
struct join_msg {
  std::uint64_t ref = 0;
  std::string token;   // the signed session token from the page
  std::string csrf;    // the CSRF token from the page
  std::string url;     // the page URL (path and query)
  std::string view;    // resuming: the view id from the first join's reply; empty otherwise
  std::uint64_t ack = 0;  // resuming: the last sequence number applied
};
struct event_msg {
  std::uint64_t ref = 0;
  std::string view;
  std::string handler;
  tmpl::value_map params;
  std::uint64_t ack = 0;
};
struct heartbeat_msg {
  std::uint64_t ref = 0;
  std::vector<std::pair<std::string, std::uint64_t>> acks;  // view id -> last applied seq
};
struct leave_msg {
  std::uint64_t ref = 0;
  std::string view;
};
using client_message = std::variant<join_msg, event_msg, heartbeat_msg, leave_msg>;

// ---- server -> client -------------------------------------------------------
struct reply_msg {
  std::uint64_t ref = 0;
  std::string view;
  bool ok = true;
  std::uint64_t seq = 0;      // sequence number of `patches` (0: none)
  std::string html;           // join of a freshly mounted view: its full HTML; else empty
  std::string patches;        // encoded patches in this frame's encoding; empty: none
  std::string error_code;     // when !ok: "unknown_handler", "bad_params", ...
  std::string error_message;  // when !ok: a sentence for developers
};
struct push_msg {
  std::string view;
  std::uint64_t seq = 0;
  std::string patches;
};
struct redirect_msg {
  std::uint64_t ref = 0;  // 0 when not caused by an event
  std::string view;
  std::string to;
};
struct error_msg {
  std::uint64_t ref = 0;  // 0 when the frame could not be read far enough to know it
  std::string code;       // "malformed_frame", "join_refused", "rate_limited", ...
  std::string message;
};
using server_message = std::variant<reply_msg, push_msg, redirect_msg, error_msg>;

// ---- codecs -----------------------------------------------------------------
enum class protocol_errc : std::uint8_t {
  malformed,      // not msgpack/JSON, or not a map
  truncated,      // ended early
  too_large,      // over the frame size or a nesting/size limit
  unknown_type,   // "type" is missing or not one we know
  bad_field,      // a field is missing or has the wrong type
};
std::string_view wire_code(protocol_errc code) noexcept;  // "malformed_frame", ...

struct protocol_error {
  protocol_errc code;
  std::string message;  // a clear sentence: "field 'handler' must be a string"
  std::uint64_t ref = 0;  // the frame's ref when it could be read
};

struct frame_limits {
  std::size_t max_frame_bytes = 64 * 1024;
  live::decode_limits values{};
};

std::string encode(encoding e, const server_message& m);
std::string encode(encoding e, const client_message& m);
std::variant<client_message, protocol_error> decode_client(encoding e, std::string_view frame,
                                                           const frame_limits& limits = {});
std::variant<server_message, protocol_error> decode_server(encoding e, std::string_view frame,
                                                           const frame_limits& limits = {});

}  // namespace djust::transport
