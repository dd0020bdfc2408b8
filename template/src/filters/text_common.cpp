// Python int() of filter arguments and urllib's quote() for the text filters.
#include "filters/text_common.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>

#include "djust/template/error.hpp"
#include "text_util.hpp"

namespace djust::tmpl::detail {

namespace {

std::int64_t clamp_double(double d) {
  constexpr double max = 9223372036854775807.0;
  if (d >= max) return std::numeric_limits<std::int64_t>::max();
  if (d <= -max) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(d);  // truncates toward zero, as int() does
}

[[noreturn]] void type_error(const value& v) {
  throw filter_error("int() argument must be a string, a bytes-like object or a number, not " +
                     v.repr());
}

}  // namespace

std::optional<std::int64_t> py_int_or_value_error(const value& arg) {
  const value& v = arg.resolved();
  switch (v.kind()) {
    case value_kind::boolean: return v.as_bool() ? 1 : 0;
    case value_kind::integer: return v.as_int();
    case value_kind::floating: {
      double d = v.as_double();
      if (std::isnan(d)) return std::nullopt;
      if (std::isinf(d)) throw filter_error("cannot convert float infinity to integer");
      return clamp_double(d);
    }
    case value_kind::decimal: {
      const std::string& text = v.as_decimal().text;
      double d = std::strtod(text.c_str(), nullptr);
      if (text.find_first_of("nN") != std::string::npos) return std::nullopt;  // NaN, sNaN
      if (std::isinf(d)) throw filter_error("cannot convert Infinity to integer");
      return clamp_double(d);
    }
    case value_kind::string: {
      auto r = parse_py_int(v.as_string());
      if (!r.ok) return std::nullopt;
      return r.value;
    }
    default: type_error(v);
  }
}

std::int64_t py_int_arg(const value& arg) {
  auto v = py_int_or_value_error(arg);
  if (!v) throw filter_error("invalid literal for int() with base 10: " + arg.repr());
  return *v;
}

void append_quoted(std::string& out, std::string_view s, std::string_view safe) {
  static constexpr char hex[] = "0123456789ABCDEF";
  for (char ch : s) {
    auto b = static_cast<unsigned char>(ch);
    bool keep = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
                b == '_' || b == '.' || b == '-' || b == '~' ||
                (b < 0x80 && safe.find(ch) != std::string_view::npos);
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += hex[b >> 4];
      out += hex[b & 15];
    }
  }
}

}  // namespace djust::tmpl::detail
