// Django's number filters: add, divisibleby, get_digit, filesizeformat and floatformat
// (Decimal with ROUND_HALF_UP, floats via repr), with Python's int()/float() rules.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "djust/template/error.hpp"
#include "filters/data_filters.hpp"
#include "number_format.hpp"

namespace djust::tmpl::detail {

namespace {

constexpr const char* nbsp = "\xc2\xa0";

[[noreturn]] void overflow(const char* filter) {
  throw filter_error(std::string(filter) + ": cannot convert float infinity to integer");
}

// `value + arg` after int() failed on one side (Python's + on the original objects).
value python_add(const value& a, const value& b) {
  if (a.is_string() && b.is_string()) {
    std::string s = a.as_string() + b.as_string();
    return a.is_safe() && b.is_safe() ? value::safe(std::move(s)) : value(std::move(s));
  }
  if (a.kind() == value_kind::list && b.kind() == value_kind::list) {
    value_list items = a.as_list();
    items.insert(items.end(), b.as_list().begin(), b.as_list().end());
    return value(std::move(items));
  }
  auto simple_number = [](const value& v) {
    return v.kind() == value_kind::boolean || v.kind() == value_kind::integer ||
           v.kind() == value_kind::floating;
  };
  if (simple_number(a) && simple_number(b)) {  // only reached with a float NaN
    double x = 0, y = 0;
    to_py_float(a, x);
    to_py_float(b, y);
    return value(x + y);
  }
  return value("");
}

value add(const value& input, const value* arg, const filter_env&) {
  big_int a, b;
  py_error ea = to_big_int(input, a);
  if (ea == py_error::overflow_error) overflow("add");
  if (ea == py_error::none) {
    py_error eb = to_big_int(*arg, b);
    if (eb == py_error::overflow_error) overflow("add");
    if (eb == py_error::none) return (a + b).to_value();
  }
  return python_add(input, *arg);
}

// int(x) where Django lets every exception escape.
big_int strict_int(const value& v, const char* filter) {
  big_int out;
  switch (to_big_int(v, out)) {
    case py_error::none: return out;
    case py_error::overflow_error: overflow(filter);
    default: throw filter_error(std::string(filter) + ": invalid literal for int(): " + v.repr());
  }
}

value divisibleby(const value& input, const value* arg, const filter_env&) {
  big_int a = strict_int(input, "divisibleby");
  big_int m = strict_int(*arg, "divisibleby");
  if (m.is_zero()) throw filter_error("divisibleby: integer division or modulo by zero");
  return value(divisible(a, m));
}

value get_digit(const value& input, const value* arg, const filter_env&) {
  big_int position, number;
  for (auto [v, out] : {std::pair{arg, &position}, std::pair{&input, &number}}) {
    switch (to_big_int(*v, *out)) {
      case py_error::none: break;
      case py_error::value_error: return input;
      case py_error::overflow_error: overflow("get_digit");
      case py_error::type_error: throw filter_error("get_digit: int() of " + v->repr());
    }
  }
  if (position.negative || position.is_zero()) return number.to_value();
  std::string text = number.str();
  auto pos = position.to_int64();
  if (!pos || static_cast<std::size_t>(*pos) > text.size()) return value(0);
  char c = text[text.size() - static_cast<std::size_t>(*pos)];
  if (c == '-') throw filter_error("get_digit: invalid literal for int(): '-'");
  return value(c - '0');
}

// filesizeformat's text for a byte count given by sign and magnitude (`exact` when it
// fits 64 bits, `size` as float() sees it).
value format_file_size(bool negative, std::optional<std::int64_t> exact, double size) {
  std::string out = negative ? "-" : "";
  if (exact && *exact < 1024) {
    char buf[8];
    out.append(buf, std::to_chars(buf, buf + sizeof buf, *exact).ptr);
    out += nbsp;
    out += *exact == 1 ? "byte" : "bytes";
    return value(std::move(out));
  }
  static constexpr const char* units[] = {"KB", "MB", "GB", "TB", "PB"};
  int unit = 0;
  double scale = 1024.0;
  while (unit < 4 && size >= scale * 1024.0) {
    scale *= 1024.0;
    ++unit;
  }
  out += round_and_format(size / scale, 1);
  out += nbsp;
  out += units[unit];
  return value(std::move(out));
}

value filesizeformat(const value& input, const value*, const filter_env&) {
  if (input.kind() == value_kind::integer && input.as_int() != INT64_MIN) {
    std::int64_t n = input.as_int();
    std::int64_t magnitude = n < 0 ? -n : n;
    return format_file_size(n < 0, magnitude, static_cast<double>(magnitude));
  }
  big_int bytes;
  switch (to_big_int(input, bytes)) {
    case py_error::none: break;
    case py_error::overflow_error: overflow("filesizeformat");
    default: return value(std::string("0") + nbsp + "bytes");
  }
  bool negative = bytes.negative;
  bytes.negative = false;
  return format_file_size(negative, bytes.to_int64(), to_double(bytes).value_or(HUGE_VAL));
}

// floatformat's Decimal(repr(text)) with the float() fallback; false: return ''.
// `is_int` tells whether repr(text) is the plain digits of a Python int.
bool floatformat_input(const value& input, decimal_number& d, bool& is_int) {
  is_int = false;
  switch (input.kind()) {
    case value_kind::integer: {
      d = *parse_decimal(std::to_string(input.as_int()));
      is_int = true;
      return true;
    }
    case value_kind::floating:
      if (!std::isfinite(input.as_double())) break;
      d = decimal_of_float(input.as_double());
      return true;
    case value_kind::decimal:
      if (is_big_int(input)) {
        d = *parse_decimal(input.as_decimal().text);
        is_int = true;
        return true;
      }
      break;
    default: break;
  }
  double f;
  if (to_py_float(input, f) != py_error::none) return false;
  d = std::isfinite(f) ? decimal_of_float(f) : *parse_decimal(float_repr(f));
  return true;
}

// float(input) for the inputs floatformat formats through a float: floats, and Decimals
// (Django's Decimal(repr(d)) fails, and it falls back to Decimal(str(float(d)))).
bool float_input(const value& input, double& f) {
  if (input.kind() == value_kind::floating) {
    f = input.as_double();
    return true;
  }
  return input.kind() == value_kind::decimal && !is_big_int(input) && to_py_float(input, f) == py_error::none;
}

// The place count of the usual floatformat arguments (none: Django's -1, an int, "2" or
// "-3"), read without Python's int() machinery; nullopt for anything else.
std::optional<std::int64_t> usual_places(const value* arg) {
  if (!arg) return -1;
  if (arg->kind() == value_kind::integer) return arg->as_int();
  if (!arg->is_string()) return std::nullopt;
  std::string_view t = arg->as_string();
  std::string_view digits = !t.empty() && t[0] == '-' ? t.substr(1) : t;
  if (digits.empty() || digits.size() > 6) return std::nullopt;
  for (char c : digits)
    if (c < '0' || c > '9') return std::nullopt;
  return std::stoi(std::string(t));
}

value floatformat(const value& input, const value* arg, const filter_env&) {
  // The common case without decimal_number: a float or Decimal of everyday size (Django
  // prints the repr of one whose Decimal has over 200 digits and exponent) and a place
  // count of at most 20 either way.
  std::optional<std::int64_t> usual = usual_places(arg);
  double f;
  if (usual && *usual >= -20 && *usual <= 20 && float_input(input, f) &&
      (f == 0 || (std::fabs(f) >= 1e-7 && std::fabs(f) < 1e15))) {
    // A negative place count prints a whole number without decimals (below 1e15 a float
    // is whole exactly when repr's digits are).
    if (*usual < 0 && f == std::trunc(f)) {
      char buf[24];
      auto whole = static_cast<std::int64_t>(f);
      return value::safe(std::string(buf, std::to_chars(buf, buf + sizeof buf, whole).ptr));
    }
    return value::safe(float_fixed_half_up(f, static_cast<int>(*usual < 0 ? -*usual : *usual)));
  }
  decimal_number d;
  bool input_is_int;
  if (!floatformat_input(input, d, input_is_int)) return value("");
  // repr(text) is what Django returns for values it cannot format.
  auto input_val = [&] { return value(input_is_int ? input.to_display_string() : py_repr(input)); };

  std::int64_t places = usual.value_or(-1);
  if (!usual) {
    value spec = *arg;
    if (spec.is_string() && !spec.as_string().empty() && spec.as_string().back() == 'g') {
      std::string trimmed = spec.as_string().substr(0, spec.as_string().size() - 1);
      spec = trimmed.empty() ? value(-1) : value(std::move(trimmed));
    }
    big_int p;
    switch (to_big_int(spec, p)) {
      case py_error::none: break;
      case py_error::value_error: return input_val();
      case py_error::overflow_error: overflow("floatformat");
      case py_error::type_error: throw filter_error("floatformat: int() of " + spec.repr());
    }
    auto small = p.to_int64();
    places = small ? *small : (p.negative ? INT64_MIN / 2 : INT64_MAX / 2);
  }
  if (d.form != decimal_number::kind::finite) return input_val();
  std::int64_t exponent = d.exponent < 0 ? -d.exponent : d.exponent;
  if (static_cast<std::int64_t>(d.digits.size()) + exponent > 200) return input_val();
  if (d.is_integral() && places < 0) return value::safe(d.truncated().str());

  std::int64_t abs_places = places < 0 ? -places : places;
  // Django's Context(prec=abs(p) + ...) fails past MAX_PREC; far below that the output
  // would be gigabytes, so a limit applies.
  if (abs_places > 100000000) throw filter_error("floatformat: precision too large");
  decimal_number rounded = quantize_half_up(d, abs_places);
  std::string digits = rounded.digits;
  auto frac = static_cast<std::size_t>(abs_places);
  if (digits.size() <= frac) digits.insert(0, frac + 1 - digits.size(), '0');
  std::string out = rounded.negative && !rounded.is_zero() ? "-" : "";
  out.append(digits, 0, digits.size() - frac);
  if (frac) {
    out += '.';
    out.append(digits, digits.size() - frac);
  }
  return value::safe(std::move(out));
}

}  // namespace

void register_data_number_filters(library& lib) {
  lib.add_filter("add", {add, filter_arg::required});
  lib.add_filter("divisibleby", {divisibleby, filter_arg::required});
  lib.add_filter("get_digit", {get_digit, filter_arg::required});
  lib.add_filter("filesizeformat", {filesizeformat, filter_arg::none, /*is_safe=*/true});
  lib.add_filter("floatformat", {floatformat, filter_arg::optional, /*is_safe=*/true});
}

}  // namespace djust::tmpl::detail
