// Python's int()/float()/Decimal conversions and the exact decimal rounding behind floatformat.
#include "number_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>

namespace djust::tmpl::detail {
namespace {

TEST(number_format, parses_decimals_as_python_does) {
  auto d = parse_decimal(" -00.120E+3 ");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->negative);
  EXPECT_EQ(d->digits, "120");
  EXPECT_EQ(d->exponent, 0);
  EXPECT_EQ(parse_decimal("1_000.5")->plain(), "1000.5");
  EXPECT_EQ(parse_decimal("Infinity")->form, decimal_number::kind::infinity);
  EXPECT_EQ(parse_decimal("nan")->form, decimal_number::kind::nan);
  EXPECT_FALSE(parse_decimal("1__0"));
  EXPECT_FALSE(parse_decimal("abc"));
  EXPECT_FALSE(parse_decimal("1e"));
  EXPECT_EQ(parse_decimal("1E+2")->plain(), "100");
  EXPECT_EQ(parse_decimal("1.5e-3")->plain(), "0.0015");
}

// decimal_of_float is floatformat's shortcut for Decimal(repr(x)): it must agree with the
// long way round for every finite float, both notations of repr and the boundaries between.
TEST(number_format, floats_convert_to_decimal_as_their_repr_does) {
  auto agrees = [](double x) {
    decimal_number fast = decimal_of_float(x), slow = *parse_decimal(float_repr(x));
    EXPECT_EQ(fast.negative, slow.negative) << float_repr(x);
    EXPECT_EQ(fast.digits, slow.digits) << float_repr(x);
    EXPECT_EQ(fast.exponent, slow.exponent) << float_repr(x);
  };
  for (double x : {0.0, -0.0, 1.0, -1.5, 123.0, 0.1, 0.0001, 0.00001, 1e15, 1e16, 1.5e16,
                   9999999999999998.0, 5e-324, 1.7976931348623157e308, 37738.3141, 2.675})
    agrees(x);
  std::uint64_t state = 0x9e3779b97f4a7c15u;  // splitmix64: a fixed, printed-free sequence
  for (int i = 0; i < 20000; ++i) {
    state += 0x9e3779b97f4a7c15u;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    z ^= z >> 31;
    double x;
    if (i % 2) {
      std::memcpy(&x, &z, sizeof x);  // any bit pattern
      if (!std::isfinite(x)) continue;
    } else {
      x = static_cast<double>(z % 100000000) / std::pow(10.0, static_cast<int>(z >> 60));  // money-like
    }
    agrees(x);
  }
}

TEST(number_format, quantizes_half_up) {
  EXPECT_EQ(quantize_half_up(*parse_decimal("2.675"), 2).plain(), "2.68");
  EXPECT_EQ(quantize_half_up(*parse_decimal("-2.5"), 0).plain(), "-3");
  EXPECT_EQ(quantize_half_up(*parse_decimal("9.995"), 2).plain(), "10.00");
  EXPECT_EQ(quantize_half_up(*parse_decimal("0.0004"), 3).plain(), "0.000");
  EXPECT_EQ(quantize_half_up(*parse_decimal("1E+2"), 1).plain(), "100.0");
}

TEST(number_format, integral_parts_truncate_toward_zero) {
  EXPECT_TRUE(parse_decimal("34.000")->is_integral());
  EXPECT_FALSE(parse_decimal("34.001")->is_integral());
  EXPECT_EQ(parse_decimal("-34.9")->truncated().str(), "-34");
  EXPECT_EQ(parse_decimal("-0.9")->truncated().str(), "0");
}

TEST(number_format, int_conversion_follows_python) {
  big_int b;
  EXPECT_EQ(parse_int_text(" -1_000 ", b), py_error::none);
  EXPECT_EQ(b.str(), "-1000");
  EXPECT_EQ(parse_int_text("1.5", b), py_error::value_error);
  EXPECT_EQ(parse_int_text("_1", b), py_error::value_error);
  EXPECT_EQ(to_big_int(value(2.9), b), py_error::none);
  EXPECT_EQ(b.str(), "2");
  EXPECT_EQ(to_big_int(value(1e30), b), py_error::none);
  EXPECT_EQ(b.str(), "1000000000000000019884624838656");
  EXPECT_EQ(to_big_int(value(), b), py_error::type_error);
  EXPECT_EQ(to_big_int(value(decimal_value{"Infinity"}), b), py_error::overflow_error);
  EXPECT_EQ(to_big_int(value(decimal_value{"NaN"}), b), py_error::value_error);
}

TEST(number_format, big_int_arithmetic) {
  big_int a, b;
  parse_int_text("99999999999999999999", a);
  parse_int_text("-100000000000000000000", b);
  EXPECT_EQ((a + b).str(), "-1");
  EXPECT_EQ((a + a).str(), "199999999999999999998");
  EXPECT_LT(compare(b, a), 0);
  EXPECT_FALSE((a + b).to_value().is_string());
  EXPECT_EQ((a + b).to_value().as_int(), -1);
  EXPECT_EQ((a + a).to_value().kind(), value_kind::decimal);
  big_int m;
  parse_int_text("3", m);
  EXPECT_TRUE(divisible(a, m));
  EXPECT_FALSE(divisible(b, m));
}

TEST(number_format, float_conversion_follows_python) {
  double d = 0;
  EXPECT_EQ(to_py_float(value(" 1_0.5e1 "), d), py_error::none);
  EXPECT_EQ(d, 105.0);
  EXPECT_EQ(to_py_float(value("-Infinity"), d), py_error::none);
  EXPECT_TRUE(std::isinf(d) && d < 0);
  EXPECT_EQ(to_py_float(value("1e"), d), py_error::value_error);
  EXPECT_EQ(to_py_float(value(value_list{}), d), py_error::type_error);
  EXPECT_EQ(to_py_float(value(decimal_value{"1E+2"}), d), py_error::none);
  EXPECT_EQ(d, 100.0);
}

TEST(number_format, big_ints_are_recognised) {
  EXPECT_TRUE(is_big_int(value(decimal_value{"12345678901234567890"})));
  EXPECT_TRUE(is_big_int(value(decimal_value{"-9223372036854775809"})));
  EXPECT_FALSE(is_big_int(value(decimal_value{"123"})));
  EXPECT_FALSE(is_big_int(value(decimal_value{"12345678901234567890.5"})));
  EXPECT_EQ(py_repr(value(decimal_value{"12345678901234567890"})), "12345678901234567890");
  EXPECT_EQ(py_repr(value(decimal_value{"1.5"})), "Decimal('1.5')");
}

TEST(number_format, decimals_print_as_python_does) {
  EXPECT_EQ(decimal_str("3.14159E+3"), "3141.59");
  EXPECT_EQ(decimal_str("1E+2"), "1E+2");
  EXPECT_EQ(decimal_str("0.0000001"), "1E-7");
  EXPECT_EQ(decimal_str("0.000001"), "0.000001");
  EXPECT_EQ(decimal_str("-0"), "-0");
  EXPECT_EQ(decimal_str("-inf"), "-Infinity");
  EXPECT_EQ(decimal_str("123.4500"), "123.4500");
  value_list items{value(decimal_value{"10000000000000000000000000"}), value(decimal_value{"1.5E+1"})};
  EXPECT_EQ(py_repr(value(items)), "[10000000000000000000000000, Decimal('15')]");
  EXPECT_EQ(py_str(value(decimal_value{"2.5E-7"})), "2.5E-7");
}

TEST(number_format, rounds_and_formats_like_filesizeformat) {
  EXPECT_EQ(round_and_format(1.5966722476277757e+293, 1), "1.5e+293");
  EXPECT_EQ(round_and_format(1.25, 1), "1.2");
  EXPECT_EQ(round_and_format(1.0, 1), "1.0");
  EXPECT_EQ(round_and_format(-0.05, 1), "-0.1");
  EXPECT_EQ(round_and_format(8881784197001252.0e9, 1), "8881784197001252000000000.0");
  EXPECT_EQ(float_repr(1e16), "1e+16");
}

}  // namespace
}  // namespace djust::tmpl::detail
