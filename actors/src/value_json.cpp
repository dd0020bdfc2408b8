// JSON encoding of template values (RFC 8259), with depth and size limits on decode.
#include <charconv>
#include <cctype>
#include <cmath>
#include <string>

#include "djust/actors/value_codec.hpp"

namespace djust::live {
namespace {

using tmpl::value;
using tmpl::value_kind;

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 0xf]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

class json_parser {
 public:
  json_parser(std::string_view text, const decode_limits& limits) : s_(text), limits_(limits) {}

  value parse_document() {
    skip_ws();
    if (pos_ == s_.size()) fail(codec_error::kind::truncated, "empty JSON input");
    value v = parse_value(0);
    skip_ws();
    if (pos_ != s_.size()) fail(codec_error::kind::malformed, "trailing characters after JSON value");
    return v;
  }

 private:
  [[noreturn]] void fail(codec_error::kind k, const std::string& what) const {
    throw codec_error(k, what + " at offset " + std::to_string(pos_));
  }
  [[noreturn]] void unexpected() const {
    if (pos_ >= s_.size()) fail(codec_error::kind::truncated, "truncated JSON input");
    fail(codec_error::kind::malformed, std::string("unexpected character '") + s_[pos_] + "' in JSON");
  }

  void skip_ws() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t'))
      ++pos_;
  }

  bool consume(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  void expect_literal(std::string_view lit) {
    for (char c : lit)
      if (!consume(c)) unexpected();
  }

  value parse_value(std::size_t depth) {
    if (pos_ >= s_.size()) unexpected();
    switch (s_[pos_]) {
      case '{': return parse_object(depth + 1);
      case '[': return parse_array(depth + 1);
      case '"': return value{parse_string()};
      case 't': expect_literal("true"); return value{true};
      case 'f': expect_literal("false"); return value{false};
      case 'n': expect_literal("null"); return value{};
      default: return parse_number();
    }
  }

  void check_depth(std::size_t depth) const {
    if (depth > limits_.max_depth)
      fail(codec_error::kind::too_large, "JSON nested deeper than " + std::to_string(limits_.max_depth));
  }

  value parse_object(std::size_t depth) {
    check_depth(depth);
    ++pos_;
    tmpl::value_map items;
    skip_ws();
    if (consume('}')) return value{std::move(items)};
    for (;;) {
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != '"') unexpected();
      std::string key = parse_string();
      skip_ws();
      if (!consume(':')) unexpected();
      skip_ws();
      items.set(std::move(key), parse_value(depth));
      if (items.size() > limits_.max_items) fail(codec_error::kind::too_large, "JSON object has too many members");
      skip_ws();
      if (consume('}')) return value{std::move(items)};
      if (!consume(',')) unexpected();
    }
  }

  value parse_array(std::size_t depth) {
    check_depth(depth);
    ++pos_;
    tmpl::value_list items;
    skip_ws();
    if (consume(']')) return value{std::move(items)};
    for (;;) {
      skip_ws();
      items.push_back(parse_value(depth));
      if (items.size() > limits_.max_items) fail(codec_error::kind::too_large, "JSON array has too many items");
      skip_ws();
      if (consume(']')) return value{std::move(items)};
      if (!consume(',')) unexpected();
    }
  }

  std::uint32_t parse_hex4() {
    if (pos_ + 4 > s_.size()) fail(codec_error::kind::truncated, "truncated \\u escape");
    std::uint32_t cp = 0;
    auto r = std::from_chars(s_.data() + pos_, s_.data() + pos_ + 4, cp, 16);
    if (r.ptr != s_.data() + pos_ + 4) fail(codec_error::kind::malformed, "bad \\u escape");
    pos_ += 4;
    return cp;
  }

  std::string parse_string() {
    ++pos_;  // opening quote
    std::string out;
    for (;;) {
      if (pos_ >= s_.size()) fail(codec_error::kind::truncated, "unterminated JSON string");
      char c = s_[pos_++];
      if (c == '"') break;
      if (static_cast<unsigned char>(c) < 0x20) fail(codec_error::kind::malformed, "control character in JSON string");
      if (c != '\\') {
        out.push_back(c);
      } else {
        if (pos_ >= s_.size()) fail(codec_error::kind::truncated, "unterminated JSON string");
        char e = s_[pos_++];
        switch (e) {
          case '"': out.push_back('"'); break;
          case '\\': out.push_back('\\'); break;
          case '/': out.push_back('/'); break;
          case 'b': out.push_back('\b'); break;
          case 'f': out.push_back('\f'); break;
          case 'n': out.push_back('\n'); break;
          case 'r': out.push_back('\r'); break;
          case 't': out.push_back('\t'); break;
          case 'u': {
            std::uint32_t cp = parse_hex4();
            if (cp >= 0xD800 && cp <= 0xDBFF) {
              if (!consume('\\') || !consume('u')) fail(codec_error::kind::malformed, "lone surrogate in JSON string");
              std::uint32_t low = parse_hex4();
              if (low < 0xDC00 || low > 0xDFFF) fail(codec_error::kind::malformed, "lone surrogate in JSON string");
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
              fail(codec_error::kind::malformed, "lone surrogate in JSON string");
            }
            append_utf8(out, cp);
            break;
          }
          default: --pos_; fail(codec_error::kind::malformed, "bad escape in JSON string");
        }
      }
      if (out.size() > limits_.max_string) fail(codec_error::kind::too_large, "JSON string over the size limit");
    }
    return out;
  }

  value parse_number() {
    std::size_t start = pos_;
    consume('-');
    if (pos_ >= s_.size()) unexpected();
    if (s_[pos_] == '0') {
      ++pos_;
    } else if (s_[pos_] >= '1' && s_[pos_] <= '9') {
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    } else {
      unexpected();
    }
    bool integral = true;
    if (consume('.')) {
      integral = false;
      if (pos_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_]))) unexpected();
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      integral = false;
      ++pos_;
      if (!consume('+')) consume('-');
      if (pos_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[pos_]))) unexpected();
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    const char* first = s_.data() + start;
    const char* last = s_.data() + pos_;
    if (integral) {
      long long i = 0;
      auto r = std::from_chars(first, last, i);
      if (r.ec == std::errc{} && r.ptr == last) return value{i};
      return value{tmpl::decimal_value{std::string(first, last)}};  // beyond 64 bits
    }
    double d = 0;
    auto r = std::from_chars(first, last, d);
    if (r.ec != std::errc{} || r.ptr != last) fail(codec_error::kind::malformed, "number out of range");
    return value{d};
  }

  std::string_view s_;
  const decode_limits& limits_;
  std::size_t pos_ = 0;
};

}  // namespace

void append_json(std::string& out, const value& raw) {
  const value& v = raw.resolved();
  switch (v.kind()) {
    case value_kind::null: out += "null"; break;
    case value_kind::boolean: out += v.as_bool() ? "true" : "false"; break;
    case value_kind::integer: out += std::to_string(v.as_int()); break;
    case value_kind::floating: {
      double d = v.as_double();
      if (!std::isfinite(d)) {
        out += "null";
        break;
      }
      char buf[32];
      auto r = std::to_chars(buf, buf + sizeof buf, d);
      std::string_view text(buf, static_cast<std::size_t>(r.ptr - buf));
      out += text;
      if (text.find_first_of(".eE") == std::string_view::npos) out += ".0";  // stays a float
      break;
    }
    case value_kind::string: append_json_string(out, v.as_string()); break;
    case value_kind::list: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : v.as_list()) {
        if (!first) out.push_back(',');
        first = false;
        append_json(out, item);
      }
      out.push_back(']');
      break;
    }
    case value_kind::map: {
      out.push_back('{');
      bool first = true;
      for (const auto& [key, item] : v.as_map()) {
        if (!first) out.push_back(',');
        first = false;
        append_json_string(out, key);
        out.push_back(':');
        append_json(out, item);
      }
      out.push_back('}');
      break;
    }
    case value_kind::decimal: append_json_string(out, v.as_decimal().text); break;
    case value_kind::date:
    case value_kind::time:
    case value_kind::datetime: append_json_string(out, iso_text(v)); break;
    case value_kind::lazy: out += "null"; break;  // resolved() never returns a lazy
  }
}

std::string to_json(const value& v) {
  std::string out;
  append_json(out, v);
  return out;
}

value from_json(std::string_view text, const decode_limits& limits) {
  return json_parser(text, limits).parse_document();
}

}  // namespace djust::live
