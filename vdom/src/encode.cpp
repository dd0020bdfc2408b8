// Patch encoding: each patch becomes a short array led by its opcode (wire_keys.hpp).
#include "djust/vdom/encode.hpp"

#include <msgpack.hpp>

namespace djust::vdom {
namespace {

// Visits the fields of one patch in wire order: ints (uint32) and strings.
template <class Sink>
void fields(const patch& p, Sink& s) {
  switch (p.op) {
    case wire::set_text:
      if (p.flags) s.begin(4), s.num(p.op), s.num(p.id), s.str(p.value), s.num(p.flags);
      else s.begin(3), s.num(p.op), s.num(p.id), s.str(p.value);
      return;
    case wire::set_attr:
      s.begin(4), s.num(p.op), s.num(p.id), s.str(p.name), s.str(p.value);
      return;
    case wire::remove_attr:
      s.begin(3), s.num(p.op), s.num(p.id), s.str(p.name);
      return;
    case wire::set_prop:
      s.begin(5), s.num(p.op), s.num(p.id), s.str(p.name), s.str(p.value), s.num(p.flags);
      return;
    case wire::remove_prop:
      s.begin(4), s.num(p.op), s.num(p.id), s.str(p.name), s.num(p.flags);
      return;
    case wire::insert:
      s.begin(5), s.num(p.op), s.num(p.id), s.num(p.before), s.num(p.first_id), s.str(p.value);
      return;
    case wire::remove:
      s.begin(2), s.num(p.op), s.num(p.id);
      return;
    case wire::move:
      s.begin(3), s.num(p.op), s.num(p.id), s.num(p.before);
      return;
    case wire::replace:
      s.begin(4), s.num(p.op), s.num(p.id), s.num(p.first_id), s.str(p.value);
      return;
  }
}

struct msgpack_sink {
  msgpack::packer<msgpack::sbuffer>& pk;
  void begin(std::uint32_t n) { pk.pack_array(n); }
  void num(std::uint32_t v) { pk.pack_uint32(v); }
  void str(const std::string& v) {
    pk.pack_str(static_cast<std::uint32_t>(v.size()));
    pk.pack_str_body(v.data(), static_cast<std::uint32_t>(v.size()));
  }
};

struct json_sink {
  std::string& out;
  std::uint32_t left = 0;
  void sep() {
    if (--left > 0) out.push_back(',');
    else out.push_back(']');
  }
  void begin(std::uint32_t n) {
    out.push_back('[');
    left = n;
  }
  void num(std::uint32_t v) {
    out += std::to_string(v);
    sep();
  }
  void str(const std::string& v) {
    append_json_string(v, out);
    sep();
  }
};

}  // namespace

void append_json_string(std::string_view s, std::string& out) {
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 15]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

std::string encode_msgpack(const patch_list& patches) {
  msgpack::sbuffer buf;
  msgpack::packer<msgpack::sbuffer> pk(buf);
  pk.pack_array(static_cast<std::uint32_t>(patches.size()));
  msgpack_sink sink{pk};
  for (const patch& p : patches) fields(p, sink);
  return std::string(buf.data(), buf.size());
}

std::string encode_json(const patch_list& patches) {
  std::string out;
  out.push_back('[');
  json_sink sink{out};
  for (std::size_t i = 0; i < patches.size(); ++i) {
    if (i) out.push_back(',');
    fields(patches[i], sink);
  }
  out.push_back(']');
  return out;
}

}  // namespace djust::vdom
