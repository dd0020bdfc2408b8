// Wire protocol codecs: messages <-> one msgpack or JSON map per frame, with clear errors.
#include <stdexcept>

#include "djust/actors/value_msgpack.hpp"
#include "djust/transport/protocol.hpp"

namespace djust::transport {
namespace {

using tmpl::value;
using tmpl::value_kind;
using tmpl::value_map;

// ---- encoding: a message becomes an ordered list of fields --------------------
struct raw_bytes {
  std::string_view bytes;  // already encoded in the frame's encoding
};
using field_value = std::variant<std::uint64_t, std::string_view, bool, const value*, raw_bytes>;
using field_list = std::vector<std::pair<std::string_view, field_value>>;

void pack_str(live::string_packer& p, std::string_view s) {
  p.pack_str(static_cast<std::uint32_t>(s.size()));
  p.pack_str_body(s.data(), static_cast<std::uint32_t>(s.size()));
}

std::string encode_fields(encoding e, const field_list& fields) {
  std::string out;
  if (e == encoding::msgpack) {
    live::string_stream stream{&out};
    live::string_packer p(stream);
    p.pack_map(static_cast<std::uint32_t>(fields.size()));
    for (const auto& [key, field] : fields) {
      pack_str(p, key);
      std::visit(
          [&](const auto& f) {
            using T = std::decay_t<decltype(f)>;
            if constexpr (std::is_same_v<T, std::uint64_t>) p.pack_uint64(f);
            else if constexpr (std::is_same_v<T, std::string_view>) pack_str(p, f);
            else if constexpr (std::is_same_v<T, bool>) f ? p.pack_true() : p.pack_false();
            else if constexpr (std::is_same_v<T, const value*>) live::pack_value(p, *f);
            else if (f.bytes.empty()) p.pack_array(0);
            else out.append(f.bytes);
          },
          field);
    }
    return out;
  }
  out.push_back('{');
  bool first = true;
  for (const auto& [key, field] : fields) {
    if (!first) out.push_back(',');
    first = false;
    live::append_json(out, value{key});
    out.push_back(':');
    std::visit(
        [&](const auto& f) {
          using T = std::decay_t<decltype(f)>;
          if constexpr (std::is_same_v<T, std::uint64_t>) out += std::to_string(f);
          else if constexpr (std::is_same_v<T, std::string_view>) live::append_json(out, value{f});
          else if constexpr (std::is_same_v<T, bool>) out += f ? "true" : "false";
          else if constexpr (std::is_same_v<T, const value*>) live::append_json(out, *f);
          else out.append(f.bytes.empty() ? std::string_view("[]") : f.bytes);
        },
        field);
  }
  out.push_back('}');
  return out;
}

field_list fields_of(const reply_msg& m) {
  field_list f{{"type", std::string_view("reply")}, {"ref", m.ref}, {"view", std::string_view(m.view)},
               {"ok", m.ok}};
  if (m.seq != 0) f.emplace_back("seq", m.seq);
  if (!m.html.empty()) f.emplace_back("html", std::string_view(m.html));
  if (!m.patches.empty()) f.emplace_back("patches", raw_bytes{m.patches});
  if (!m.ok) {
    f.emplace_back("code", std::string_view(m.error_code));
    f.emplace_back("message", std::string_view(m.error_message));
  }
  return f;
}
field_list fields_of(const push_msg& m) {
  return {{"type", std::string_view("push")}, {"view", std::string_view(m.view)}, {"seq", m.seq},
          {"patches", raw_bytes{m.patches}}};
}
field_list fields_of(const redirect_msg& m) {
  return {{"type", std::string_view("redirect")}, {"ref", m.ref}, {"view", std::string_view(m.view)},
          {"to", std::string_view(m.to)}};
}
field_list fields_of(const error_msg& m) {
  return {{"type", std::string_view("error")}, {"ref", m.ref}, {"code", std::string_view(m.code)},
          {"message", std::string_view(m.message)}};
}
field_list fields_of(const join_msg& m) {
  field_list f{{"type", std::string_view("join")}, {"ref", m.ref}, {"token", std::string_view(m.token)},
               {"csrf", std::string_view(m.csrf)}, {"url", std::string_view(m.url)}};
  if (!m.view.empty()) {
    f.emplace_back("view", std::string_view(m.view));
    f.emplace_back("ack", m.ack);
  }
  return f;
}

// ---- decoding: a frame becomes a map of values plus the raw patches -----------
struct raw_frame {
  value_map fields;
  std::string patches;
};

struct decode_failure {
  protocol_errc code;
  std::string message;
};

protocol_errc from_codec(live::codec_error::kind k) {
  switch (k) {
    case live::codec_error::kind::truncated: return protocol_errc::truncated;
    case live::codec_error::kind::too_large: return protocol_errc::too_large;
    default: return protocol_errc::malformed;
  }
}

raw_frame read_frame(encoding e, std::string_view frame, const frame_limits& limits) {
  if (frame.size() > limits.max_frame_bytes)
    throw decode_failure{protocol_errc::too_large, "frame of " + std::to_string(frame.size()) +
                                                       " bytes exceeds the limit of " +
                                                       std::to_string(limits.max_frame_bytes)};
  raw_frame out;
  try {
    if (e == encoding::msgpack) {
      auto handle = live::unpack_one(frame, limits.values);
      const msgpack::object& obj = handle.get();
      if (obj.type != msgpack::type::MAP) throw decode_failure{protocol_errc::malformed, "a frame must be a map"};
      for (std::uint32_t i = 0; i < obj.via.map.size; ++i) {
        const auto& kv = obj.via.map.ptr[i];
        if (kv.key.type != msgpack::type::STR)
          throw decode_failure{protocol_errc::malformed, "frame keys must be strings"};
        std::string key(kv.key.via.str.ptr, kv.key.via.str.size);
        if (key == "patches") {
          live::string_stream stream{&out.patches};
          live::string_packer p(stream);
          p.pack(kv.val);
        } else {
          out.fields.set(std::move(key), live::value_from_object(kv.val));
        }
      }
    } else {
      value v = live::from_json(frame, limits.values);
      if (v.kind() != value_kind::map) throw decode_failure{protocol_errc::malformed, "a frame must be a map"};
      for (const auto& [key, item] : v.as_map()) {
        if (key == "patches") out.patches = live::to_json(item);
        else out.fields.set(key, item);
      }
    }
  } catch (const live::codec_error& err) {
    throw decode_failure{from_codec(err.code()), err.what()};
  }
  return out;
}

class field_reader {
 public:
  explicit field_reader(const value_map& fields) : fields_(fields) {}

  std::uint64_t uint(std::string_view key, bool required = true) const {
    const value* v = fields_.find(key);
    if (!v) return missing<std::uint64_t>(key, required);
    if (v->kind() != value_kind::integer || v->as_int() < 0) bad(key, "a non-negative integer");
    return static_cast<std::uint64_t>(v->as_int());
  }
  std::string str(std::string_view key, bool required = true) const {
    const value* v = fields_.find(key);
    if (!v) return missing<std::string>(key, required);
    if (v->kind() != value_kind::string) bad(key, "a string");
    return v->as_string();
  }
  bool boolean(std::string_view key) const {
    const value* v = fields_.find(key);
    if (!v) return missing<bool>(key, true);
    if (v->kind() != value_kind::boolean) bad(key, "a boolean");
    return v->as_bool();
  }
  value_map map(std::string_view key) const {
    const value* v = fields_.find(key);
    if (!v) return {};
    if (v->kind() != value_kind::map) bad(key, "a map");
    return v->as_map();
  }

 private:
  template <class T>
  T missing(std::string_view key, bool required) const {
    if (required) throw decode_failure{protocol_errc::bad_field, "field '" + std::string(key) + "' is missing"};
    return T{};
  }
  [[noreturn]] void bad(std::string_view key, std::string_view what) const {
    throw decode_failure{protocol_errc::bad_field, "field '" + std::string(key) + "' must be " + std::string(what)};
  }
  const value_map& fields_;
};

std::uint64_t ref_of(const value_map& fields) {
  const value* v = fields.find("ref");
  return v && v->kind() == value_kind::integer && v->as_int() > 0 ? static_cast<std::uint64_t>(v->as_int()) : 0;
}

std::string type_of(const value_map& fields) {
  const value* v = fields.find("type");
  if (!v) throw decode_failure{protocol_errc::unknown_type, "frame has no 'type'"};
  if (v->kind() != value_kind::string) throw decode_failure{protocol_errc::unknown_type, "'type' must be a string"};
  return v->as_string();
}

client_message interpret_client(const raw_frame& frame) {
  field_reader r(frame.fields);
  std::string type = type_of(frame.fields);
  if (type == "join") {
    join_msg m{r.uint("ref"), r.str("token"), r.str("csrf"), r.str("url"), r.str("view", false), r.uint("ack", false)};
    return m;
  }
  if (type == "event") {
    event_msg m{r.uint("ref"), r.str("view"), r.str("handler"), r.map("params"), r.uint("ack", false)};
    return m;
  }
  if (type == "heartbeat") {
    heartbeat_msg m{r.uint("ref"), {}};
    for (const auto& [view_id, seq] : r.map("acks")) {
      if (seq.kind() != value_kind::integer || seq.as_int() < 0)
        throw decode_failure{protocol_errc::bad_field, "field 'acks' must map view ids to non-negative integers"};
      m.acks.emplace_back(view_id, static_cast<std::uint64_t>(seq.as_int()));
    }
    return m;
  }
  if (type == "leave") return leave_msg{r.uint("ref"), r.str("view")};
  throw decode_failure{protocol_errc::unknown_type, "unknown message type '" + type + "'"};
}

server_message interpret_server(const raw_frame& frame) {
  field_reader r(frame.fields);
  std::string type = type_of(frame.fields);
  if (type == "reply") {
    reply_msg m;
    m.ref = r.uint("ref");
    m.view = r.str("view");
    m.ok = r.boolean("ok");
    m.seq = r.uint("seq", false);
    m.html = r.str("html", false);
    m.patches = frame.patches;
    m.error_code = r.str("code", !m.ok);
    m.error_message = r.str("message", !m.ok);
    return m;
  }
  if (type == "push") return push_msg{r.str("view"), r.uint("seq"), frame.patches};
  if (type == "redirect") return redirect_msg{r.uint("ref", false), r.str("view", false), r.str("to")};
  if (type == "error") return error_msg{r.uint("ref", false), r.str("code"), r.str("message")};
  throw decode_failure{protocol_errc::unknown_type, "unknown message type '" + type + "'"};
}

template <class Message, class Interpret>
std::variant<Message, protocol_error> decode_with(encoding e, std::string_view frame, const frame_limits& limits,
                                                  Interpret interpret) {
  std::uint64_t ref = 0;
  try {
    raw_frame raw = read_frame(e, frame, limits);
    ref = ref_of(raw.fields);
    return interpret(raw);
  } catch (const decode_failure& f) {
    return protocol_error{f.code, f.message, ref};
  }
}

}  // namespace

std::optional<encoding> negotiate(std::string_view offered) {
  bool any = false;
  while (!offered.empty()) {
    auto comma = offered.find(',');
    std::string_view name = offered.substr(0, comma);
    offered = comma == std::string_view::npos ? std::string_view{} : offered.substr(comma + 1);
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    if (name.empty()) continue;
    any = true;
    if (name == msgpack_subprotocol) return encoding::msgpack;
    if (name == json_subprotocol) return encoding::json;
  }
  if (!any) return encoding::msgpack;
  return std::nullopt;
}

std::string_view subprotocol_name(encoding e) noexcept {
  return e == encoding::msgpack ? msgpack_subprotocol : json_subprotocol;
}

std::string_view wire_code(protocol_errc code) noexcept {
  switch (code) {
    case protocol_errc::malformed: return "malformed_frame";
    case protocol_errc::truncated: return "truncated_frame";
    case protocol_errc::too_large: return "frame_too_large";
    case protocol_errc::unknown_type: return "unknown_type";
    case protocol_errc::bad_field: return "bad_field";
  }
  return "protocol_error";
}

std::string encode(encoding e, const server_message& m) {
  return std::visit([&](const auto& msg) { return encode_fields(e, fields_of(msg)); }, m);
}

std::string encode(encoding e, const client_message& m) {
  return std::visit(
      [&](const auto& msg) -> std::string {
        using T = std::decay_t<decltype(msg)>;
        if constexpr (std::is_same_v<T, join_msg>) {
          return encode_fields(e, fields_of(msg));
        } else if constexpr (std::is_same_v<T, event_msg>) {
          value params{msg.params};
          field_list f{{"type", std::string_view("event")}, {"ref", msg.ref}, {"view", std::string_view(msg.view)},
                       {"handler", std::string_view(msg.handler)}, {"params", &params}};
          if (msg.ack != 0) f.emplace_back("ack", msg.ack);
          return encode_fields(e, f);
        } else if constexpr (std::is_same_v<T, heartbeat_msg>) {
          value_map acks;
          for (const auto& [view_id, seq] : msg.acks) acks.set(view_id, value{static_cast<long long>(seq)});
          value acks_value{acks};
          return encode_fields(e, {{"type", std::string_view("heartbeat")}, {"ref", msg.ref}, {"acks", &acks_value}});
        } else {
          return encode_fields(e, {{"type", std::string_view("leave")}, {"ref", msg.ref}, {"view", std::string_view(msg.view)}});
        }
      },
      m);
}

std::variant<client_message, protocol_error> decode_client(encoding e, std::string_view frame,
                                                           const frame_limits& limits) {
  return decode_with<client_message>(e, frame, limits, interpret_client);
}

std::variant<server_message, protocol_error> decode_server(encoding e, std::string_view frame,
                                                           const frame_limits& limits) {
  return decode_with<server_message>(e, frame, limits, interpret_server);
}

}  // namespace djust::transport
