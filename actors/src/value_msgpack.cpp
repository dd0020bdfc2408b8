// msgpack encoding of template values (ext types for dates, decimals, safe strings).
#include <charconv>
#include <cstdio>
#include <string>

#include "djust/actors/value_msgpack.hpp"

namespace djust::live {
namespace {

using tmpl::value;
using tmpl::value_kind;

std::string two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string date_text(const tmpl::date_value& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string time_text(const tmpl::time_value& t) {
  std::string s = two(t.hour) + ":" + two(t.minute) + ":" + two(t.second);
  if (t.microsecond != 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%06d", t.microsecond);
    s += buf;
  }
  return s;
}

void pack_ext(string_packer& p, ext_type type, const std::string& text) {
  p.pack_ext(static_cast<std::uint32_t>(text.size()), static_cast<std::int8_t>(type));
  p.pack_ext_body(text.data(), static_cast<std::uint32_t>(text.size()));
}

// Parses "digits" of exactly `n` characters at `s[pos]`.
bool read_fixed(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  auto r = std::from_chars(s.data() + pos, s.data() + pos + n, out);
  return r.ec == std::errc{} && r.ptr == s.data() + pos + n;
}

bool parse_date(std::string_view s, tmpl::date_value& d) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && read_fixed(s, 0, 4, d.year) &&
         read_fixed(s, 5, 2, d.month) && read_fixed(s, 8, 2, d.day) && d.month >= 1 &&
         d.month <= 12 && d.day >= 1 && d.day <= 31;
}

bool parse_time(std::string_view s, tmpl::time_value& t) {
  if (s.size() != 8 && s.size() != 15) return false;
  if (s[2] != ':' || s[5] != ':') return false;
  if (!read_fixed(s, 0, 2, t.hour) || !read_fixed(s, 3, 2, t.minute) || !read_fixed(s, 6, 2, t.second))
    return false;
  if (s.size() == 15 && (s[8] != '.' || !read_fixed(s, 9, 6, t.microsecond))) return false;
  return t.hour < 24 && t.minute < 60 && t.second < 60;
}

[[noreturn]] void fail(codec_error::kind k, const std::string& message) { throw codec_error(k, message); }

}  // namespace

std::string iso_text(const value& raw) {
  const value& v = raw.resolved();
  switch (v.kind()) {
    case value_kind::date: return date_text(v.as_date());
    case value_kind::time: return time_text(v.as_time());
    case value_kind::datetime:
      return date_text(v.as_datetime().date) + "T" + time_text(v.as_datetime().time);
    default: return v.to_display_string();
  }
}

void pack_value(string_packer& p, const value& raw) {
  const value& v = raw.resolved();
  switch (v.kind()) {
    case value_kind::null: p.pack_nil(); break;
    case value_kind::boolean: v.as_bool() ? p.pack_true() : p.pack_false(); break;
    case value_kind::integer: p.pack_int64(v.as_int()); break;
    case value_kind::floating: p.pack_double(v.as_double()); break;
    case value_kind::string:
      if (v.is_safe()) {
        pack_ext(p, ext_type::safe_string, v.as_string());
      } else {
        p.pack_str(static_cast<std::uint32_t>(v.as_string().size()));
        p.pack_str_body(v.as_string().data(), static_cast<std::uint32_t>(v.as_string().size()));
      }
      break;
    case value_kind::list:
      p.pack_array(static_cast<std::uint32_t>(v.as_list().size()));
      for (const auto& item : v.as_list()) pack_value(p, item);
      break;
    case value_kind::map:
      p.pack_map(static_cast<std::uint32_t>(v.as_map().size()));
      for (const auto& [key, item] : v.as_map()) {
        p.pack_str(static_cast<std::uint32_t>(key.size()));
        p.pack_str_body(key.data(), static_cast<std::uint32_t>(key.size()));
        pack_value(p, item);
      }
      break;
    case value_kind::date: pack_ext(p, ext_type::date, iso_text(v)); break;
    case value_kind::time: pack_ext(p, ext_type::time, iso_text(v)); break;
    case value_kind::datetime: pack_ext(p, ext_type::datetime, iso_text(v)); break;
    case value_kind::decimal: pack_ext(p, ext_type::decimal, v.as_decimal().text); break;
    case value_kind::lazy: p.pack_nil(); break;  // resolved() never returns a lazy
  }
}

void append_msgpack(std::string& out, const value& v) {
  string_stream stream{&out};
  string_packer packer(stream);
  pack_value(packer, v);
}

std::string to_msgpack(const value& v) {
  std::string out;
  append_msgpack(out, v);
  return out;
}

msgpack::object_handle unpack_one(std::string_view bytes, const decode_limits& limits) {
  if (bytes.empty()) fail(codec_error::kind::truncated, "empty msgpack input");
  std::size_t offset = 0;
  msgpack::object_handle handle;
  try {
    msgpack::unpack_limit limit(limits.max_items, limits.max_items, limits.max_string,
                                limits.max_string, limits.max_string, limits.max_depth);
    handle = msgpack::unpack(bytes.data(), bytes.size(), offset, nullptr, nullptr, limit);
  } catch (const msgpack::insufficient_bytes&) {
    fail(codec_error::kind::truncated, "truncated msgpack input");
  } catch (const msgpack::depth_size_overflow&) {
    fail(codec_error::kind::too_large,
         "msgpack input nested deeper than " + std::to_string(limits.max_depth));
  } catch (const msgpack::size_overflow&) {
    fail(codec_error::kind::too_large, "msgpack input has a string, list or map over the limit");
  } catch (const std::exception& e) {
    fail(codec_error::kind::malformed, std::string("malformed msgpack input: ") + e.what());
  }
  if (offset != bytes.size())
    fail(codec_error::kind::malformed,
         "trailing bytes after msgpack value (" + std::to_string(bytes.size() - offset) + ")");
  return handle;
}

value value_from_object(const msgpack::object& o) {
  switch (o.type) {
    case msgpack::type::NIL: return value{};
    case msgpack::type::BOOLEAN: return value{o.via.boolean};
    case msgpack::type::POSITIVE_INTEGER:
      if (o.via.u64 > static_cast<std::uint64_t>(INT64_MAX))
        return value{tmpl::decimal_value{std::to_string(o.via.u64)}};
      return value{static_cast<long long>(o.via.u64)};
    case msgpack::type::NEGATIVE_INTEGER: return value{static_cast<long long>(o.via.i64)};
    case msgpack::type::FLOAT32:
    case msgpack::type::FLOAT64: return value{o.via.f64};
    case msgpack::type::STR: return value{std::string(o.via.str.ptr, o.via.str.size)};
    case msgpack::type::BIN: return value{std::string(o.via.bin.ptr, o.via.bin.size)};
    case msgpack::type::ARRAY: {
      tmpl::value_list items;
      items.reserve(o.via.array.size);
      for (std::uint32_t i = 0; i < o.via.array.size; ++i) items.push_back(value_from_object(o.via.array.ptr[i]));
      return value{std::move(items)};
    }
    case msgpack::type::MAP: {
      tmpl::value_map items;
      for (std::uint32_t i = 0; i < o.via.map.size; ++i) {
        const auto& kv = o.via.map.ptr[i];
        if (kv.key.type != msgpack::type::STR)
          fail(codec_error::kind::unsupported, "msgpack map key is not a string");
        items.set(std::string(kv.key.via.str.ptr, kv.key.via.str.size), value_from_object(kv.val));
      }
      return value{std::move(items)};
    }
    case msgpack::type::EXT: {
      std::string_view body(o.via.ext.data(), o.via.ext.size);
      switch (static_cast<ext_type>(o.via.ext.type())) {
        case ext_type::safe_string: return value::safe(std::string(body));
        case ext_type::decimal: return value{tmpl::decimal_value{std::string(body)}};
        case ext_type::date: {
          tmpl::date_value d;
          if (!parse_date(body, d)) fail(codec_error::kind::malformed, "bad date ext: " + std::string(body));
          return value{d};
        }
        case ext_type::time: {
          tmpl::time_value t;
          if (!parse_time(body, t)) fail(codec_error::kind::malformed, "bad time ext: " + std::string(body));
          return value{t};
        }
        case ext_type::datetime: {
          tmpl::datetime_value dt;
          auto t_pos = body.find('T');
          if (t_pos == std::string_view::npos || !parse_date(body.substr(0, t_pos), dt.date) ||
              !parse_time(body.substr(t_pos + 1), dt.time))
            fail(codec_error::kind::malformed, "bad datetime ext: " + std::string(body));
          return value{dt};
        }
      }
      fail(codec_error::kind::unsupported,
           "unknown msgpack ext type " + std::to_string(int{o.via.ext.type()}));
    }
  }
  fail(codec_error::kind::unsupported, "unsupported msgpack type");
}

value from_msgpack(std::string_view bytes, const decode_limits& limits) {
  auto handle = unpack_one(bytes, limits);
  return value_from_object(handle.get());
}

}  // namespace djust::live
