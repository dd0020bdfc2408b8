// The value model: construction, Python truthiness, str(), repr() and ==.
#include "djust/template/value.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "block_pool.hpp"
#include "shortest_float.hpp"
#include "text_util.hpp"

namespace djust::tmpl {

struct value::lazy_payload {
  lazy_fn fn;
  std::once_flag once;
  value result;
};

value::value(std::string s)
    : data_(std::allocate_shared<string_payload>(detail::pooled_allocator<string_payload>{},
                                                 std::move(s), false)) {}
value::value(value_list items) : data_(std::make_shared<const value_list>(std::move(items))) {}
value::value(value_map items) : data_(std::make_shared<const value_map>(std::move(items))) {}
value::value(decimal_value d) : data_(std::make_shared<const decimal_value>(std::move(d))) {}

value value::safe(std::string s) {
  value v;
  v.data_ = std::allocate_shared<string_payload>(detail::pooled_allocator<string_payload>{},
                                                 std::move(s), true);
  return v;
}

value value::lazy(lazy_fn fn) {
  auto payload = std::make_shared<lazy_payload>();
  payload->fn = std::move(fn);
  value v;
  v.data_ = std::move(payload);
  return v;
}

bool value::is_number() const noexcept {
  auto k = kind();
  return k == value_kind::integer || k == value_kind::floating || k == value_kind::decimal;
}

const value& value::resolve_lazy() const {
  auto& p = *std::get<std::shared_ptr<lazy_payload>>(data_);
  std::call_once(p.once, [&p] { p.result = p.fn().resolved(); });
  return p.result;
}

const decimal_value& value::as_decimal() const {
  return *std::get<std::shared_ptr<const decimal_value>>(data_);
}

namespace {

bool decimal_is_zero(std::string_view text) {
  bool digits = false;
  for (char c : text) {
    if (c == 'e' || c == 'E') break;
    if (c >= '1' && c <= '9') return false;
    if (c == '0') digits = true;
    if (c == 'N' || c == 'n' || c == 'I' || c == 'i') return false;  // NaN, Infinity
  }
  return digits;
}

// Python's repr(float): shortest round-trip digits, fixed notation for
// 1e-4 <= |x| < 1e16, scientific ("1e+16", "1.5e-05") otherwise.
std::string python_float(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[48];  // sign, up to 17 digits, "0." and up to 3 zeros, or 15 zeros and ".0"
  char* p = buf;
  if (std::signbit(d)) *p++ = '-';
  if (d == 0) {
    std::memcpy(p, "0.0", 3);
    return std::string(buf, p + 3);
  }
  auto shortest = detail::shortest_digits_of(d);
  std::string_view digits = shortest.text();
  int exponent = shortest.exp10;
  auto size = static_cast<int>(digits.size());
  auto put = [&p](std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  };
  if (exponent >= 16 || exponent < -4) {
    *p++ = digits[0];
    if (size > 1) {
      *p++ = '.';
      put(digits.substr(1));
    }
    p += std::snprintf(p, 8, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
  } else if (exponent < 0) {
    put("0.");
    for (int i = -exponent - 1; i > 0; --i) *p++ = '0';
    put(digits);
  } else if (size <= exponent + 1) {
    put(digits);
    for (int i = exponent + 1 - size; i > 0; --i) *p++ = '0';
    put(".0");
  } else {
    put(digits.substr(0, static_cast<std::size_t>(exponent + 1)));
    *p++ = '.';
    put(digits.substr(static_cast<std::size_t>(exponent + 1)));
  }
  return std::string(buf, p);
}

std::string two(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string date_str(const date_value& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string time_str(const time_value& t) {
  std::string s = two(t.hour) + ":" + two(t.minute) + ":" + two(t.second);
  if (t.microsecond) {
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%06d", t.microsecond);
    s += buf;
  }
  return s;
}

// The trailing fields Python's datetime repr shows: seconds and microseconds only when set.
std::string time_repr_fields(const time_value& t) {
  std::string s = std::to_string(t.hour) + ", " + std::to_string(t.minute);
  if (t.second || t.microsecond) s += ", " + std::to_string(t.second);
  if (t.microsecond) s += ", " + std::to_string(t.microsecond);
  return s;
}

std::string string_repr(const std::string& text) {
  bool has_single = text.find('\'') != std::string::npos;
  bool has_double = text.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (unsigned char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c == quote) {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += quote;
  return out;
}

}  // namespace

bool value::truthy() const {
  const value& v = resolved();
  switch (v.kind()) {
    case value_kind::null: return false;
    case value_kind::boolean: return v.as_bool();
    case value_kind::integer: return v.as_int() != 0;
    case value_kind::floating: return v.as_double() != 0.0;
    case value_kind::string: return !v.as_string().empty();
    case value_kind::list: return !v.as_list().empty();
    case value_kind::map: return !v.as_map().empty();
    case value_kind::decimal: return !decimal_is_zero(v.as_decimal().text);
    case value_kind::time:  // Python 3.5+: every time is true
    case value_kind::date:
    case value_kind::datetime: return true;
    case value_kind::lazy: break;
  }
  return true;
}

std::string value::to_display_string() const {
  const value& v = resolved();
  switch (v.kind()) {
    case value_kind::string: return v.as_string();
    case value_kind::integer: return std::to_string(v.as_int());
    case value_kind::floating: return python_float(v.as_double());
    case value_kind::decimal: return v.as_decimal().text;
    case value_kind::date: return date_str(v.as_date());
    case value_kind::time: return time_str(v.as_time());
    case value_kind::datetime:
      return date_str(v.as_datetime().date) + " " + time_str(v.as_datetime().time);
    default: return v.repr();
  }
}

std::string value::repr() const {
  const value& v = resolved();
  switch (v.kind()) {
    case value_kind::null: return "None";
    case value_kind::boolean: return v.as_bool() ? "True" : "False";
    case value_kind::integer:
    case value_kind::floating: return v.to_display_string();
    case value_kind::string: return string_repr(v.as_string());
    case value_kind::decimal: return "Decimal('" + v.as_decimal().text + "')";
    case value_kind::list: {
      std::string out = "[";
      bool first = true;
      for (const auto& item : v.as_list()) {
        if (!first) out += ", ";
        first = false;
        out += item.repr();
      }
      return out + "]";
    }
    case value_kind::map: {
      std::string out = "{";
      bool first = true;
      for (const auto& [key, item] : v.as_map()) {
        if (!first) out += ", ";
        first = false;
        out += string_repr(key) + ": " + item.repr();
      }
      return out + "}";
    }
    case value_kind::date: {
      const auto& d = v.as_date();
      return "datetime.date(" + std::to_string(d.year) + ", " + std::to_string(d.month) + ", " +
             std::to_string(d.day) + ")";
    }
    case value_kind::time: return "datetime.time(" + time_repr_fields(v.as_time()) + ")";
    case value_kind::datetime: {
      const auto& dt = v.as_datetime();
      return "datetime.datetime(" + std::to_string(dt.date.year) + ", " +
             std::to_string(dt.date.month) + ", " + std::to_string(dt.date.day) + ", " +
             time_repr_fields(dt.time) + ")";
    }
    case value_kind::lazy: break;
  }
  return {};
}

namespace {

// Numeric view for cross-type comparison (bool and int compare equal to floats).
bool as_number(const value& v, double& out) {
  switch (v.kind()) {
    case value_kind::boolean: out = v.as_bool(); return true;
    case value_kind::integer: out = static_cast<double>(v.as_int()); return true;
    case value_kind::floating: out = v.as_double(); return true;
    case value_kind::decimal: {
      const auto& t = v.as_decimal().text;
      auto r = std::from_chars(t.data(), t.data() + t.size(), out);
      return r.ec == std::errc{};
    }
    default: return false;
  }
}

}  // namespace

bool operator==(const value& lhs, const value& rhs) {
  const value& a = lhs.resolved();
  const value& b = rhs.resolved();
  auto ka = a.kind(), kb = b.kind();
  if (ka == value_kind::integer && kb == value_kind::integer) return a.as_int() == b.as_int();
  double x, y;
  if (as_number(a, x) && as_number(b, y)) return x == y;
  if (ka != kb) return false;
  switch (ka) {
    case value_kind::null: return true;
    case value_kind::string: return a.as_string() == b.as_string();
    case value_kind::list: return a.as_list() == b.as_list();
    case value_kind::map: {
      const auto& ma = a.as_map();
      const auto& mb = b.as_map();
      if (ma.size() != mb.size()) return false;
      for (const auto& [key, item] : ma) {
        const value* other = mb.find(key);
        if (!other || !(*other == item)) return false;
      }
      return true;
    }
    case value_kind::date: return a.as_date() == b.as_date();
    case value_kind::time: return a.as_time() == b.as_time();
    case value_kind::datetime: return a.as_datetime() == b.as_datetime();
    default: return false;
  }
}

value_map::value_map(std::initializer_list<entry> entries) {
  for (const auto& [key, item] : entries) set(key, item);
}

std::uint32_t value_map::hash_key(std::string_view key) noexcept {
  std::uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char c : key) h = (h ^ c) * 16777619u;
  return h;
}

void value_map::set(std::string key, value v) {
  std::uint32_t h = hash_key(key);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (hashes_[i] == h && entries_[i].first == key) {
      entries_[i].second = std::move(v);
      return;
    }
  }
  entries_.emplace_back(std::move(key), std::move(v));
  hashes_.push_back(h);
}

const value* value_map::find(std::string_view key, std::uint32_t h) const noexcept {
  const std::size_t n = hashes_.size();
  for (std::size_t i = 0; i < n; ++i)
    if (hashes_[i] == h && detail::same_name(entries_[i].first, key)) return &entries_[i].second;
  return nullptr;
}

}  // namespace djust::tmpl
