// Django's stringformat filter: Python's printf-style `("%" + arg) % value` with every
// conversion, flag, width, precision and mapping key Python accepts.
#include <cmath>
#include <cstdio>
#include <charconv>
#include <string>

#include "djust/template/error.hpp"
#include "filters/data_filters.hpp"
#include "number_format.hpp"

namespace djust::tmpl::detail {

namespace {

struct format_failed {};  // Python's ValueError/TypeError: stringformat returns ''

struct spec {
  bool left = false, plus = false, space = false, alt = false, zero = false;
  std::int64_t width = -1, precision = -1;
};

std::size_t code_point_count(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void pad(std::string& out, std::string_view body, const spec& sp) {
  auto len = static_cast<std::int64_t>(code_point_count(body));
  if (sp.width <= len) {
    out += body;
    return;
  }
  auto fill = static_cast<std::size_t>(sp.width - len);
  if (sp.left) {
    out += body;
    out.append(fill, ' ');
  } else {
    out.append(fill, ' ');
    out += body;
  }
}

// Magnitude digits of a decimal string in base 8 or 16.
std::string to_base(std::string decimal, int base, bool upper) {
  if (decimal == "0") return "0";
  const char* alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  while (!(decimal.size() == 1 && decimal[0] == '0')) {
    std::string quotient;
    int rem = 0;
    for (char c : decimal) {
      int cur = rem * 10 + (c - '0');
      int q = cur / base;
      rem = cur % base;
      if (!quotient.empty() || q) quotient += static_cast<char>('0' + q);
    }
    out += alphabet[rem];
    decimal = quotient.empty() ? "0" : quotient;
  }
  return std::string(out.rbegin(), out.rend());
}

void format_integer(std::string& out, const big_int& n, char conv, const spec& sp) {
  std::string digits;
  std::string prefix;
  switch (conv) {
    case 'o': digits = to_base(n.digits, 8, false); if (sp.alt) prefix = "0o"; break;
    case 'x': digits = to_base(n.digits, 16, false); if (sp.alt) prefix = "0x"; break;
    case 'X': digits = to_base(n.digits, 16, true); if (sp.alt) prefix = "0X"; break;
    default: digits = n.digits; break;
  }
  if (sp.precision > static_cast<std::int64_t>(digits.size()))
    digits.insert(0, static_cast<std::size_t>(sp.precision) - digits.size(), '0');
  std::string sign = n.negative ? "-" : sp.plus ? "+" : sp.space ? " " : "";
  auto len = static_cast<std::int64_t>(sign.size() + prefix.size() + digits.size());
  if (sp.zero && !sp.left && sp.width > len)
    digits.insert(0, static_cast<std::size_t>(sp.width - len), '0');
  pad(out, sign + prefix + digits, sp);
}

void format_float(std::string& out, double d, char conv, const spec& sp) {
  std::string fmt = "%";
  if (sp.left) fmt += '-';
  if (sp.plus) fmt += '+';
  if (sp.space) fmt += ' ';
  if (sp.alt) fmt += '#';
  if (sp.zero) fmt += '0';
  if (sp.width >= 0) fmt += std::to_string(sp.width);
  fmt += '.';
  fmt += std::to_string(sp.precision >= 0 ? sp.precision : 6);
  fmt += conv;
  if (!std::isfinite(d)) {  // Python pads inf/nan like numbers, zeros included
    bool upper = conv == 'E' || conv == 'F' || conv == 'G';
    std::string body = std::isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    std::string sign = d < 0 && !std::isnan(d) ? "-" : sp.plus ? "+" : sp.space ? " " : "";
    auto len = static_cast<std::int64_t>(sign.size() + body.size());
    if (sp.zero && !sp.left && sp.width > len) body.insert(0, static_cast<std::size_t>(sp.width - len), '0');
    pad(out, sign + body, sp);
    return;
  }
  int n = std::snprintf(nullptr, 0, fmt.c_str(), d);
  std::string buf(static_cast<std::size_t>(n) + 1, '\0');
  std::snprintf(buf.data(), buf.size(), fmt.c_str(), d);
  buf.resize(static_cast<std::size_t>(n));
  out += buf;
}

std::string ascii_repr(const std::string& repr) {
  std::string out;
  for (std::size_t i = 0; i < repr.size();) {
    auto c = static_cast<unsigned char>(repr[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    char32_t cp = c & (extra == 3 ? 0x07 : extra == 2 ? 0x0F : 0x1F);
    for (int k = 1; k <= extra && i + k < repr.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(repr[i + k]) & 0x3F);
    i += static_cast<std::size_t>(extra) + 1;
    char buf[16];
    if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
    else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
    else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
    out += buf;
  }
  return out;
}

void append_code_point(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The first `n` code points of s.
std::string_view code_point_prefix(std::string_view s, std::int64_t n) {
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == 0) break;
      --n;
    }
  }
  return s.substr(0, i);
}

void convert(std::string& out, const value& v, char conv, const spec& sp) {
  switch (conv) {
    case 's':
    case 'r':
    case 'a': {
      std::string text = conv == 's' ? py_str(v) : py_repr(v);
      if (conv == 'a') text = ascii_repr(text);
      std::string_view body = text;
      if (sp.precision >= 0) body = code_point_prefix(body, sp.precision);
      pad(out, body, sp);
      return;
    }
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      big_int n;
      bool is_int = v.kind() == value_kind::integer || v.kind() == value_kind::boolean || is_big_int(v);
      bool numeric = is_int || v.kind() == value_kind::floating || v.kind() == value_kind::decimal;
      if (!numeric || (!is_int && conv != 'd' && conv != 'i' && conv != 'u')) throw format_failed{};
      switch (to_big_int(v, n)) {
        case py_error::none: break;
        case py_error::overflow_error: throw filter_error("stringformat: cannot convert float infinity to integer");
        default: throw format_failed{};
      }
      format_integer(out, n, conv, sp);
      return;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      double d;
      if (v.kind() == value_kind::string || to_py_float(v, d) != py_error::none) throw format_failed{};
      format_float(out, d, conv, sp);
      return;
    }
    case 'c': {
      std::string body;
      if (is_big_int(v)) throw filter_error("stringformat: %c arg not in range(0x110000)");
      if (v.kind() == value_kind::integer || v.kind() == value_kind::boolean) {
        std::int64_t cp = v.kind() == value_kind::integer ? v.as_int() : v.as_bool();
        if (cp < 0 || cp > 0x10FFFF) throw filter_error("stringformat: %c arg not in range(0x110000)");
        append_code_point(body, static_cast<char32_t>(cp));
      } else if (v.is_string() && code_point_count(v.as_string()) == 1) {
        body = v.as_string();
      } else {
        throw format_failed{};
      }
      pad(out, body, sp);
      return;
    }
    default: throw format_failed{};  // ValueError: unsupported format character
  }
}

std::string python_percent(std::string_view fmt, const value& args) {
  bool mapping = args.kind() == value_kind::map || args.kind() == value_kind::list;
  const value* pending = &args;  // the one positional argument, until consumed
  value keyed;
  std::string out;
  std::size_t i = 0;
  auto next_arg = [&]() -> const value& {
    if (!pending) throw format_failed{};  // not enough arguments
    const value* v = pending;
    pending = nullptr;
    return *v;
  };
  while (i < fmt.size()) {
    char c = fmt[i++];
    if (c != '%') {
      out += c;
      continue;
    }
    if (i >= fmt.size()) throw format_failed{};  // incomplete format
    if (fmt[i] == '%') {
      out += '%';
      ++i;
      continue;
    }
    if (fmt[i] == '(') {
      if (!mapping) throw format_failed{};  // format requires a mapping
      int depth = 1;
      std::size_t start = ++i;
      while (i < fmt.size() && depth) {
        if (fmt[i] == '(') ++depth;
        else if (fmt[i] == ')') --depth;
        ++i;
      }
      if (depth) throw format_failed{};  // incomplete format key
      std::string_view key = fmt.substr(start, i - 1 - start);
      if (args.kind() == value_kind::list) throw format_failed{};  // list indices must be integers
      const value* found = args.as_map().find(key);
      if (!found) throw filter_error("stringformat: KeyError '" + std::string(key) + "'");
      keyed = found->resolved();
      pending = &keyed;
    }
    spec sp;
    for (; i < fmt.size(); ++i) {
      char f = fmt[i];
      if (f == '-') sp.left = true;
      else if (f == '+') sp.plus = true;
      else if (f == ' ') sp.space = true;
      else if (f == '#') sp.alt = true;
      else if (f == '0') sp.zero = true;
      else break;
    }
    auto number = [&](std::int64_t& target) {
      if (i < fmt.size() && fmt[i] == '*') {
        // '*' takes the value itself (an int), leaving none for the conversion.
        const value& star = next_arg();
        big_int n;
        bool is_int = star.kind() == value_kind::integer || star.kind() == value_kind::boolean ||
                      is_big_int(star);
        if (!is_int || to_big_int(star, n) != py_error::none) throw format_failed{};
        auto small = n.to_int64();
        if (!small || (&target == &sp.precision && (*small > 2147483647 || *small < -2147483648LL)))
          throw filter_error("stringformat: Python int too large to convert to C int");
        throw format_failed{};  // not enough arguments for format string
      }
      if (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        target = 0;
        while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
          target = target * 10 + (fmt[i++] - '0');
          if (target > 100000000) throw format_failed{};  // Python: width too big
        }
      }
    };
    number(sp.width);
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      sp.precision = 0;
      number(sp.precision);
    }
    if (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
    if (i >= fmt.size()) throw format_failed{};  // incomplete format
    char conv = fmt[i++];
    convert(out, next_arg(), conv, sp);
  }
  if (pending == &args && !mapping) throw format_failed{};  // not all arguments converted
  return out;
}

// '%0Nd', '%Nd' and '%d' of an int (the usual stringformat), without the % machinery;
// false for any other spec.
bool format_int(std::string_view spec, std::int64_t n, std::string& out) {
  bool zero = !spec.empty() && spec[0] == '0';
  std::size_t i = zero ? 1 : 0, width = 0;
  for (; i < spec.size() && i < 3 && spec[i] >= '0' && spec[i] <= '9'; ++i) width = width * 10 + (spec[i] - '0');
  if (i + 1 != spec.size() || spec[i] != 'd') return false;
  char digits[24];
  std::uint64_t magnitude = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  std::size_t len = static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, magnitude).ptr - digits);
  std::size_t body = len + (n < 0 ? 1 : 0);
  std::size_t pad = width > body ? width - body : 0;
  if (!zero) out.append(pad, ' ');
  if (n < 0) out += '-';
  if (zero) out.append(pad, '0');  // zeros go after the sign
  out.append(digits, len);
  return true;
}

value stringformat(const value& input, const value* arg, const filter_env&) {
  if (input.kind() == value_kind::integer && arg->is_string()) {
    std::string out;
    if (format_int(arg->as_string(), input.as_int(), out)) return value(std::move(out));
  }
  std::string fmt = "%";
  fmt += py_str(*arg);
  try {
    return value(python_percent(fmt, input));
  } catch (const format_failed&) {
    return value("");
  }
}

}  // namespace

void register_stringformat_filter(library& lib) {
  lib.add_filter("stringformat", {stringformat, filter_arg::required, /*is_safe=*/true});
}

}  // namespace djust::tmpl::detail
