// Python's numeric conversions (int(), float(), Decimal) with exact arbitrary-size
// decimal arithmetic, as Django's number filters (floatformat, add, filesizeformat,
// stringformat, ...) apply them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "djust/template/value.hpp"

namespace djust::tmpl::detail {

// Which exception Python raises for a failed conversion.
enum class py_error { none, value_error, type_error, overflow_error };

// A Python int of any size: sign and magnitude as decimal digits without leading
// zeros ("0" for zero, never negative zero).
struct big_int {
  bool negative = false;
  std::string digits = "0";

  static big_int from_int64(std::int64_t v);
  bool is_zero() const noexcept { return digits == "0"; }
  std::optional<std::int64_t> to_int64() const noexcept;
  std::string str() const;
  // An integer value when it fits 64 bits, else a decimal_value holding the digits.
  value to_value() const;
};

big_int operator+(const big_int& a, const big_int& b);
int compare(const big_int& a, const big_int& b) noexcept;  // <0, 0, >0
// a % m == 0 for m != 0.
bool divisible(const big_int& a, const big_int& m);
// int -> float, correctly rounded; nullopt when Python raises OverflowError.
std::optional<double> to_double(const big_int& a);

// A finite or special decimal number: (-1)^negative * digits * 10^exponent, as
// Python's Decimal.as_tuple(). digits has no leading zeros except a lone "0".
struct decimal_number {
  enum class kind : std::uint8_t { finite, infinity, nan };
  kind form = kind::finite;
  bool negative = false;
  std::string digits = "0";
  std::int64_t exponent = 0;

  bool is_integral() const noexcept;  // int(d) - d == 0 (finite only)
  bool is_zero() const noexcept { return form == kind::finite && digits == "0"; }
  // The integer part, truncated toward zero (int(d)); finite only.
  big_int truncated() const;
  // '{:f}'-style plain notation (no exponent); finite only.
  std::string plain() const;
};

// Decimal(text): Python's syntax (whitespace around, sign, digits with '.', exponent,
// '_' between digits, inf/infinity/nan/snan case-insensitively). nullopt: InvalidOperation.
std::optional<decimal_number> parse_decimal(std::string_view text);
// Decimal(repr(x)) for a finite float, straight from its shortest round-trip digits (what
// parse_decimal(float_repr(x)) gives, without the text in between).
decimal_number decimal_of_float(double x);
// Rounds to `places` digits after the point with ROUND_HALF_UP (Decimal.quantize).
decimal_number quantize_half_up(const decimal_number& d, std::int64_t places);

// Integers beyond 64 bits arrive as decimal values holding only digits: true for
// those (they behave as Python ints: repr without Decimal(...), %x works, ...).
bool is_big_int(const value& v) noexcept;
// repr(x) with is_big_int values shown as the ints they are and Decimals as
// Decimal(str(d)), at every level of lists and dicts.
std::string py_repr(const value& v);
// str(x): as value::to_display_string(), with Decimals normalised as Python prints them.
std::string py_str(const value& v);
// str(Decimal(text)): Python's to-scientific-string ("3.14159E+3" -> "3141.59").
std::string decimal_str(std::string_view text);

// int(x) as Python does it for the template value kinds (bool, int, float, Decimal, str).
py_error to_big_int(const value& v, big_int& out);
// int(s) for a str: whitespace around, sign, '_' between digits.
py_error parse_int_text(std::string_view s, big_int& out);
// float(x) as Python does it (str: whitespace, sign, '_', inf/nan words).
py_error to_py_float(const value& v, double& out);
// repr(float): shortest round-trip digits ("1.5", "1e+16", "inf").
std::string float_repr(double d);
// floatformat's text for a float below 1e15 and 0 <= places <= 20: the digits of repr(x)
// rounded half up to `places` (Decimal(repr(x)).quantize(..., ROUND_HALF_UP)), no sign on
// a zero result. Everything floatformat_filter does for floats, without decimal_number.
std::string float_fixed_half_up(double x, int places);
// What numberformat.format prints for a Decimal (digits, exponent) once its digits and
// exponent pass 200: '{:e}' with the coefficient padded to `places` (< 0: left as it is).
std::string scientific_decimal(bool negative, std::string_view digits, std::int64_t exponent, int places);
// round(d, places) as Python does it, then formatted like Django's numberformat.format
// with decimal_pos = places (e.g. filesizeformat's "1.5").
std::string round_and_format(double d, int places);

}  // namespace djust::tmpl::detail
