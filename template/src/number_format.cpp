// Python's int()/float()/Decimal conversions and exact decimal rounding for the number filters.
#include "number_format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "shortest_float.hpp"
#include "text_util.hpp"

namespace djust::tmpl::detail {

namespace {

// Length of the Python whitespace character at s[i] (0 when none): ASCII spaces,
// U+001C..U+001F, U+0085, U+00A0 and the Unicode Zs/Zl/Zp spaces.
std::size_t space_at(std::string_view s, std::size_t i) noexcept {
  auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)) return 1;
  if (c == 0xc2 && i + 1 < s.size()) {
    auto d = static_cast<unsigned char>(s[i + 1]);
    return d == 0x85 || d == 0xa0 ? 2 : 0;
  }
  if (i + 2 >= s.size()) return 0;
  auto d = static_cast<unsigned char>(s[i + 1]), e = static_cast<unsigned char>(s[i + 2]);
  if (c == 0xe1 && d == 0x9a && e == 0x80) return 3;  // U+1680
  if (c == 0xe2 && d == 0x80 && ((e >= 0x80 && e <= 0x8a) || e == 0xa8 || e == 0xa9 || e == 0xaf))
    return 3;                                         // U+2000..200A, 2028, 2029, 202F
  if (c == 0xe2 && d == 0x81 && e == 0x9f) return 3;  // U+205F
  if (c == 0xe3 && d == 0x80 && e == 0x80) return 3;  // U+3000
  return 0;
}

std::string_view strip_space(std::string_view s) noexcept {
  std::size_t n;
  while (!s.empty() && (n = space_at(s, 0)) != 0) s.remove_prefix(n);
  // Trailing: step back over ASCII or a 2/3-byte space sequence.
  for (;;) {
    if (s.empty()) break;
    std::size_t k = s.size();
    if (space_at(s, k - 1) == 1) { s.remove_suffix(1); continue; }
    if (k >= 2 && space_at(s, k - 2) == 2) { s.remove_suffix(2); continue; }
    if (k >= 3 && space_at(s, k - 3) == 3) { s.remove_suffix(3); continue; }
    break;
  }
  return s;
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Python's int()/float()/Decimal() read any Unicode decimal digit: maps them to ASCII
// (other characters are kept, so they still fail to parse). `scratch` owns the result.
std::string_view ascii_digits(std::string_view s, std::string& scratch) {
  bool ascii = true;
  for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return s;
  scratch.clear();
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t cp = next_code_point(s, i);
    int digit = cp >= 0x80 ? py_decimal(cp) : -1;
    if (digit >= 0) scratch += static_cast<char>('0' + digit);
    else scratch.append(s, start, i - start);
  }
  return scratch;
}

// Removes '_' separators that sit between two digits; false when one sits elsewhere.
bool strip_underscores(std::string_view s, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      if (i == 0 || i + 1 >= s.size() || !is_digit(s[i - 1]) || !is_digit(s[i + 1])) return false;
      continue;
    }
    out += s[i];
  }
  return true;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (x != b[i]) return false;
  }
  return true;
}

std::string strip_leading_zeros(std::string_view d) {
  std::size_t i = 0;
  while (i + 1 < d.size() && d[i] == '0') ++i;
  return std::string(d.substr(i));
}

int compare_magnitude(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::string add_magnitude(std::string_view a, std::string_view b) {
  std::string out;
  int carry = 0;
  for (std::size_t i = 0; i < a.size() || i < b.size() || carry; ++i) {
    int s = carry;
    if (i < a.size()) s += a[a.size() - 1 - i] - '0';
    if (i < b.size()) s += b[b.size() - 1 - i] - '0';
    out += static_cast<char>('0' + s % 10);
    carry = s / 10;
  }
  return strip_leading_zeros(std::string(out.rbegin(), out.rend()));
}

// a - b for |a| >= |b|.
std::string sub_magnitude(std::string_view a, std::string_view b) {
  std::string out;
  int borrow = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    int s = (a[a.size() - 1 - i] - '0') - borrow;
    if (i < b.size()) s -= b[b.size() - 1 - i] - '0';
    borrow = s < 0;
    if (s < 0) s += 10;
    out += static_cast<char>('0' + s);
  }
  return strip_leading_zeros(std::string(out.rbegin(), out.rend()));
}

// float() of a str: Python's literal syntax plus inf/nan words.
py_error parse_float_text(std::string_view s, double& out) {
  std::string digits;
  s = ascii_digits(strip_space(s), digits);
  std::string_view body = s;
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (iequals(body, "inf") || iequals(body, "infinity")) {
    out = negative ? -HUGE_VAL : HUGE_VAL;
    return py_error::none;
  }
  if (iequals(body, "nan")) {
    out = negative ? -NAN : NAN;
    return py_error::none;
  }
  std::string clean;
  if (!strip_underscores(body, clean)) return py_error::value_error;
  // digits [. digits] [e [sign] digits], at least one mantissa digit.
  std::size_t i = 0, mantissa = 0;
  while (i < clean.size() && is_digit(clean[i])) ++i, ++mantissa;
  if (i < clean.size() && clean[i] == '.') {
    ++i;
    while (i < clean.size() && is_digit(clean[i])) ++i, ++mantissa;
  }
  if (mantissa == 0) return py_error::value_error;
  if (i < clean.size() && (clean[i] == 'e' || clean[i] == 'E')) {
    ++i;
    if (i < clean.size() && (clean[i] == '+' || clean[i] == '-')) ++i;
    std::size_t start = i;
    while (i < clean.size() && is_digit(clean[i])) ++i;
    if (i == start) return py_error::value_error;
  }
  if (i != clean.size()) return py_error::value_error;
  out = std::strtod(clean.c_str(), nullptr);
  if (negative) out = -out;
  return py_error::none;
}

}  // namespace

big_int big_int::from_int64(std::int64_t v) {
  big_int b;
  b.negative = v < 0;
  std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  b.digits = std::to_string(mag);
  return b;
}

std::string big_int::str() const {
  std::string s;
  s.reserve(digits.size() + 1);
  if (negative) s += '-';
  s += digits;
  return s;
}

std::optional<std::int64_t> big_int::to_int64() const noexcept {
  if (digits.size() > 19) return std::nullopt;
  std::uint64_t mag = 0;
  for (char c : digits) mag = mag * 10 + static_cast<std::uint64_t>(c - '0');
  if (digits.size() == 19 && digits > "9223372036854775808") return std::nullopt;
  if (!negative && mag > 9223372036854775807ULL) return std::nullopt;
  if (mag > 9223372036854775808ULL) return std::nullopt;
  return negative ? static_cast<std::int64_t>(0 - mag) : static_cast<std::int64_t>(mag);
}

value big_int::to_value() const {
  if (auto i = to_int64()) return value(static_cast<long long>(*i));
  return value(decimal_value{str()});
}

big_int operator+(const big_int& a, const big_int& b) {
  big_int r;
  if (a.negative == b.negative) {
    r.digits = add_magnitude(a.digits, b.digits);
    r.negative = a.negative;
  } else if (compare_magnitude(a.digits, b.digits) >= 0) {
    r.digits = sub_magnitude(a.digits, b.digits);
    r.negative = a.negative;
  } else {
    r.digits = sub_magnitude(b.digits, a.digits);
    r.negative = b.negative;
  }
  if (r.is_zero()) r.negative = false;
  return r;
}

int compare(const big_int& a, const big_int& b) noexcept {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  int m = compare_magnitude(a.digits, b.digits);
  return a.negative ? -m : m;
}

bool divisible(const big_int& a, const big_int& m) {
  std::string rem = "0";
  for (char c : a.digits) {
    rem = strip_leading_zeros(rem + c);
    while (compare_magnitude(rem, m.digits) >= 0) rem = sub_magnitude(rem, m.digits);
  }
  return rem == "0";
}

std::optional<double> to_double(const big_int& a) {
  double d = std::strtod(a.digits.c_str(), nullptr);
  if (std::isinf(d)) return std::nullopt;
  return a.negative ? -d : d;
}

bool decimal_number::is_integral() const noexcept {
  if (exponent >= 0) return true;
  auto frac = static_cast<std::size_t>(-exponent);
  std::size_t n = digits.size();
  for (std::size_t i = n > frac ? n - frac : 0; i < n; ++i)
    if (digits[i] != '0') return false;
  return true;
}

big_int decimal_number::truncated() const {
  big_int r;
  if (exponent >= 0) {
    r.digits = digits == "0" ? "0" : digits + std::string(static_cast<std::size_t>(exponent), '0');
  } else {
    auto frac = static_cast<std::size_t>(-exponent);
    r.digits = digits.size() > frac ? digits.substr(0, digits.size() - frac) : "0";
  }
  r.negative = negative && !r.is_zero();
  return r;
}

std::string decimal_number::plain() const {
  std::string out = negative ? "-" : "";
  if (exponent >= 0) {
    out += digits;
    if (digits != "0") out.append(static_cast<std::size_t>(exponent), '0');
    return out;
  }
  auto frac = static_cast<std::size_t>(-exponent);
  if (digits.size() > frac) {
    out.append(digits, 0, digits.size() - frac);
    out += '.';
    out.append(digits, digits.size() - frac);
  } else {
    out += "0.";
    out.append(frac - digits.size(), '0');
    out += digits;
  }
  return out;
}

std::optional<decimal_number> parse_decimal(std::string_view text) {
  std::string digits;
  std::string_view s = ascii_digits(strip_space(text), digits);
  decimal_number d;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    d.negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (iequals(s, "inf") || iequals(s, "infinity")) {
    d.form = decimal_number::kind::infinity;
    return d;
  }
  std::string_view word = s.substr(0, s.size() >= 4 && (s[0] == 's' || s[0] == 'S') ? 4 : 3);
  if (iequals(word, "nan") || iequals(word, "snan")) {
    for (char c : s.substr(word.size()))
      if (!is_digit(c)) return std::nullopt;
    d.form = decimal_number::kind::nan;
    return d;
  }
  std::string clean;
  if (!strip_underscores(s, clean)) return std::nullopt;
  std::string coefficient;
  std::size_t i = 0;
  std::int64_t frac_digits = 0;
  while (i < clean.size() && is_digit(clean[i])) coefficient += clean[i++];
  if (i < clean.size() && clean[i] == '.') {
    ++i;
    while (i < clean.size() && is_digit(clean[i])) {
      coefficient += clean[i++];
      ++frac_digits;
    }
  }
  if (coefficient.empty()) return std::nullopt;
  std::int64_t exp = 0;
  if (i < clean.size() && (clean[i] == 'e' || clean[i] == 'E')) {
    ++i;
    bool neg = false;
    if (i < clean.size() && (clean[i] == '+' || clean[i] == '-')) neg = clean[i++] == '-';
    if (i == clean.size()) return std::nullopt;
    while (i < clean.size() && is_digit(clean[i])) {
      if (exp < 1000000000000LL) exp = exp * 10 + (clean[i] - '0');
      ++i;
    }
    if (neg) exp = -exp;
  }
  if (i != clean.size()) return std::nullopt;
  d.digits = strip_leading_zeros(coefficient);
  d.exponent = exp - frac_digits;
  return d;
}

decimal_number quantize_half_up(const decimal_number& d, std::int64_t places) {
  decimal_number r = d;
  std::int64_t target = -places;
  if (d.exponent >= target) {
    if (d.digits != "0") r.digits.append(static_cast<std::size_t>(d.exponent - target), '0');
    r.exponent = target;
    return r;
  }
  auto drop = static_cast<std::size_t>(target - d.exponent);
  std::string kept;
  bool round_up;
  if (drop > d.digits.size()) {
    kept = "0";
    round_up = false;
  } else {
    kept = d.digits.substr(0, d.digits.size() - drop);
    if (kept.empty()) kept.assign(1, '0');
    round_up = d.digits[d.digits.size() - drop] >= '5';
  }
  r.digits = round_up ? add_magnitude(kept, "1") : strip_leading_zeros(kept);
  r.exponent = target;
  return r;
}

bool is_big_int(const value& v) noexcept {
  if (v.kind() != value_kind::decimal) return false;
  std::string_view t = v.as_decimal().text;
  if (!t.empty() && t[0] == '-') t.remove_prefix(1);
  if (t.size() < 19 || t[0] == '0') return false;
  for (char c : t)
    if (!is_digit(c)) return false;
  return t.size() > 19 || t > "9223372036854775807";
}

std::string decimal_str(std::string_view text) {
  auto d = parse_decimal(text);
  if (!d) return std::string(text);
  std::string out = d->negative ? "-" : "";
  if (d->form == decimal_number::kind::infinity) return out + "Infinity";
  if (d->form == decimal_number::kind::nan) return out + "NaN";
  auto n = static_cast<std::int64_t>(d->digits.size());
  std::int64_t left = d->exponent + n;
  std::int64_t dot = d->exponent <= 0 && left > -6 ? left : 1;
  if (dot <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-dot), '0');
    out += d->digits;
  } else if (dot >= n) {
    out += d->digits;
    out.append(static_cast<std::size_t>(dot - n), '0');
  } else {
    out.append(d->digits, 0, static_cast<std::size_t>(dot));
    out += '.';
    out.append(d->digits, static_cast<std::size_t>(dot));
  }
  if (left != dot) {
    std::int64_t e = left - dot;
    out += e < 0 ? "E-" : "E+";
    out += std::to_string(e < 0 ? -e : e);
  }
  return out;
}

namespace {

void append_py_repr(std::string& out, const value& item) {
  const value& v = item.resolved();
  switch (v.kind()) {
    case value_kind::decimal:
      if (is_big_int(v)) {
        out += v.as_decimal().text;
      } else {
        out += "Decimal('";
        out += decimal_str(v.as_decimal().text);
        out += "')";
      }
      return;
    case value_kind::list: {
      out += '[';
      bool first = true;
      for (const auto& x : v.as_list()) {
        if (!first) out += ", ";
        first = false;
        append_py_repr(out, x);
      }
      out += ']';
      return;
    }
    case value_kind::map: {
      out += '{';
      bool first = true;
      for (const auto& [key, x] : v.as_map()) {
        if (!first) out += ", ";
        first = false;
        out += value(key).repr();
        out += ": ";
        append_py_repr(out, x);
      }
      out += '}';
      return;
    }
    default: out += v.repr();
  }
}

}  // namespace

std::string py_repr(const value& v) {
  std::string out;
  append_py_repr(out, v);
  return out;
}

std::string py_str(const value& item) {
  const value& v = item.resolved();
  switch (v.kind()) {
    case value_kind::decimal: return is_big_int(v) ? v.as_decimal().text : decimal_str(v.as_decimal().text);
    case value_kind::list:
    case value_kind::map: return py_repr(v);
    default: return v.to_display_string();
  }
}

py_error parse_int_text(std::string_view s, big_int& out) {
  std::string digits;
  s = ascii_digits(strip_space(s), digits);
  big_int r;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    r.negative = s[0] == '-';
    s.remove_prefix(1);
  }
  std::string clean;
  if (s.empty() || !strip_underscores(s, clean)) return py_error::value_error;
  for (char c : clean)
    if (!is_digit(c)) return py_error::value_error;
  r.digits = strip_leading_zeros(clean);
  if (r.is_zero()) r.negative = false;
  out = std::move(r);
  return py_error::none;
}

py_error to_big_int(const value& v, big_int& out) {
  switch (v.kind()) {
    case value_kind::boolean: out = big_int::from_int64(v.as_bool() ? 1 : 0); return py_error::none;
    case value_kind::integer: out = big_int::from_int64(v.as_int()); return py_error::none;
    case value_kind::floating: {
      double d = v.as_double();
      if (std::isnan(d)) return py_error::value_error;
      if (std::isinf(d)) return py_error::overflow_error;
      d = std::trunc(d);
      if (std::fabs(d) < 9.2e18) {
        out = big_int::from_int64(static_cast<std::int64_t>(d));
      } else {
        char buf[400];
        std::snprintf(buf, sizeof buf, "%.0f", std::fabs(d));
        out.digits = buf;
        out.negative = d < 0;
      }
      return py_error::none;
    }
    case value_kind::decimal: {
      auto d = parse_decimal(v.as_decimal().text);
      if (!d || d->form == decimal_number::kind::nan) return py_error::value_error;
      if (d->form == decimal_number::kind::infinity) return py_error::overflow_error;
      out = d->truncated();
      return py_error::none;
    }
    case value_kind::string: return parse_int_text(v.as_string(), out);
    default: return py_error::type_error;
  }
}

namespace {

// An optional '-', digits and at most one '.', with a digit somewhere: text that
// std::from_chars reads exactly as float(Decimal(text)) does.
bool is_plain_decimal_text(std::string_view t) {
  if (!t.empty() && t[0] == '-') t.remove_prefix(1);
  bool digit = false, point = false;
  for (char c : t) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c == '.' && !point) point = true;
    else return false;
  }
  return digit;
}

}  // namespace

py_error to_py_float(const value& v, double& out) {
  switch (v.kind()) {
    case value_kind::boolean: out = v.as_bool() ? 1.0 : 0.0; return py_error::none;
    case value_kind::integer: out = static_cast<double>(v.as_int()); return py_error::none;
    case value_kind::floating: out = v.as_double(); return py_error::none;
    case value_kind::decimal: {
      const std::string& text = v.as_decimal().text;
      if (is_plain_decimal_text(text)) {  // the usual "-12.50": read it as it is
        std::from_chars(text.data(), text.data() + text.size(), out);
        return py_error::none;
      }
      auto d = parse_decimal(text);
      if (!d) return py_error::value_error;
      if (d->form == decimal_number::kind::nan) {
        out = NAN;
      } else if (d->form == decimal_number::kind::infinity) {
        out = HUGE_VAL;
      } else {
        std::string sci = d->digits + "e" + std::to_string(d->exponent);
        out = std::strtod(sci.c_str(), nullptr);
      }
      if (d->negative) out = -out;
      return py_error::none;
    }
    case value_kind::string: return parse_float_text(v.as_string(), out);
    default: return py_error::type_error;
  }
}

std::string float_repr(double d) { return value(d).to_display_string(); }

decimal_number decimal_of_float(double x) {
  decimal_number d;
  d.negative = std::signbit(x);
  if (x == 0) {  // repr: "0.0"
    d.exponent = -1;
    return d;
  }
  auto shortest = shortest_digits_of(x);
  d.digits.assign(shortest.text());
  int exp10 = shortest.exp10;
  d.exponent = exp10 - shortest.size + 1;
  // repr() writes -4 <= exp10 < 16 in plain notation, integral values with a ".0" tail.
  if (exp10 >= -4 && exp10 < 16 && d.exponent >= 0) {
    d.digits.append(static_cast<std::size_t>(d.exponent) + 1, '0');
    d.exponent = -1;
  }
  return d;
}

std::string float_fixed_half_up(double x, int places) {
  // The result as an integer n of digits, the value n / 10^places.
  std::string n;
  if (x != 0) {
    auto shortest = shortest_digits_of(x);
    std::string_view d = shortest.text();
    int keep = shortest.exp10 + 1 + places;  // digits of d before the rounding point
    if (keep <= 0) {
      n = keep == 0 && d[0] >= '5' ? "1" : "0";
    } else {
      n.assign(d.substr(0, std::min<std::size_t>(d.size(), static_cast<std::size_t>(keep))));
      n.append(static_cast<std::size_t>(keep) - n.size(), '0');
      if (static_cast<std::size_t>(keep) < d.size() && d[static_cast<std::size_t>(keep)] >= '5') {
        std::size_t i = n.size();
        while (i > 0 && n[i - 1] == '9') n[--i] = '0';
        if (i == 0) n.insert(0, 1, '1');
        else ++n[i - 1];
      }
    }
  } else {
    n = "0";
  }
  auto frac = static_cast<std::size_t>(places);
  if (n.size() <= frac) n.insert(0, frac + 1 - n.size(), '0');
  std::string out = std::signbit(x) && n.find_first_not_of('0') != std::string::npos ? "-" : "";
  out.append(n, 0, n.size() - frac);
  if (frac) {
    out += '.';
    out.append(n, n.size() - frac);
  }
  return out;
}

namespace {

// numberformat.format(str_number, '.', places) for a plain-notation number string.
std::string pad_places(std::string text, int places) {
  std::string sign;
  if (!text.empty() && text[0] == '-') {
    sign.assign(1, '-');
    text.erase(0, 1);
  }
  std::string int_part = text, dec_part;
  if (auto dot = text.find('.'); dot != std::string::npos) {
    int_part = text.substr(0, dot);
    dec_part = text.substr(dot + 1, static_cast<std::size_t>(places));
  }
  dec_part.append(static_cast<std::size_t>(places) - dec_part.size(), '0');
  sign += int_part;
  if (!dec_part.empty()) {
    sign += '.';
    sign += dec_part;
  }
  return sign;
}

}  // namespace

std::string round_and_format(double d, int places) {
  std::string text;
  if (places >= 1 && places <= 14 && std::fabs(d) < std::pow(10.0, 15 - places) &&
      std::fabs(d) >= 1e-4) {
    // With at most 15 significant digits the rounded text is the shortest repr of the
    // float it reads back as (trailing zeros aside), and repr has no exponent at
    // 1e-4 <= |x| < 1e16: the padded repr is the fixed text itself.
    char buf[32];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed, places).ptr);
  }
  if (std::isfinite(d)) {
    // round(d, places): the exact binary value rounded half-even, as printf's %.*f does.
    char buf[512];
    auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed, places);
    double rounded = 0;
    std::from_chars(buf, r.ptr, rounded);
    text = float_repr(rounded);
  } else {
    text = float_repr(d);
  }
  if (text.find('e') == std::string::npos) return pad_places(std::move(text), places);
  // Django formats floats with an exponent as Decimal(str(f)); past 200 digits it keeps
  // the exponent and formats only the coefficient ('{:e}').
  auto dec = parse_decimal(text);
  std::int64_t span = static_cast<std::int64_t>(dec->digits.size()) +
                      (dec->exponent < 0 ? -dec->exponent : dec->exponent);
  if (span <= 200) return pad_places(dec->plain(), places);
  return scientific_decimal(dec->negative, dec->digits, dec->exponent, places);
}

std::string scientific_decimal(bool negative, std::string_view digits, std::int64_t exponent, int places) {
  std::string coefficient = negative ? "-" : "";
  coefficient += digits[0];
  if (digits.size() > 1) {
    coefficient += '.';
    coefficient.append(digits.substr(1));
  }
  std::int64_t adjusted = exponent + static_cast<std::int64_t>(digits.size()) - 1;
  std::string out = places < 0 ? std::move(coefficient) : pad_places(std::move(coefficient), places);
  out += adjusted < 0 ? "e-" : "e+";
  out += std::to_string(adjusted < 0 ? -adjusted : adjusted);
  return out;
}

}  // namespace djust::tmpl::detail
