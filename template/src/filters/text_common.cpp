// Python int() of filter arguments and urllib's quote() for the text filters.
#include "filters/text_common.hpp"

#include <array>
#include <cmath>
#include <cstdint>
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
  // The ASCII bytes kept as they are: letters, digits, "_.-~", and those in `safe`.
  static constexpr auto unreserved = [] {
    std::array<std::uint64_t, 2> bits{};
    auto keep = [&bits](int c) { bits[c >> 6] |= std::uint64_t{1} << (c & 63); };
    for (int c = 'a'; c <= 'z'; ++c) keep(c);
    for (int c = 'A'; c <= 'Z'; ++c) keep(c);
    for (int c = '0'; c <= '9'; ++c) keep(c);
    for (int c : {'_', '.', '-', '~'}) keep(c);
    return bits;
  }();
  std::array<std::uint64_t, 2> keep = unreserved;
  for (char c : safe)
    if (auto b = static_cast<unsigned char>(c); b < 0x80) keep[b >> 6] |= std::uint64_t{1} << (b & 63);
  std::size_t run = 0;  // start of the bytes kept since the last escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80 && (keep[b >> 6] >> (b & 63) & 1)) continue;
    out.append(s.data() + run, i - run);
    const char escaped[3] = {'%', hex[b >> 4], hex[b & 15]};
    out.append(escaped, 3);
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

}  // namespace djust::tmpl::detail
