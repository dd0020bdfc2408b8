// shortest_digits_of against std::to_chars's shortest round trip (the reference for
// repr(float)) over the floats its fast path serves and around its edges.
#include "shortest_float.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <random>
#include <string>

namespace djust::tmpl::detail {
namespace {

// Digits and power of ten from to_chars's scientific shortest form.
std::string reference(double x) {
  char sci[40];
  auto end = std::to_chars(sci, sci + sizeof sci, std::fabs(x), std::chars_format::scientific).ptr;
  std::string text(sci, end);
  auto e = text.find('e');
  std::string digits = text.substr(0, 1) + (e > 2 ? text.substr(2, e - 2) : "");
  return digits + "e" + std::to_string(std::stoi(text.substr(e + 1)));
}

std::string ours(double x) {
  auto s = shortest_digits_of(x);
  return std::string(s.text()) + "e" + std::to_string(s.exp10);
}

TEST(shortest_float, short_decimals_match_to_chars) {
  std::mt19937_64 rng(42);
  for (int i = 0; i < 200000; ++i) {
    int digits = 1 + static_cast<int>(rng() % 17);
    std::uint64_t n = rng() % 100000000000000000ull;
    for (int d = 17; d > digits; --d) n /= 10;
    if (n == 0) continue;
    int scale = static_cast<int>(rng() % 30) - 8;
    double x = std::stod(std::to_string(n) + "e" + std::to_string(-scale));
    ASSERT_EQ(ours(x), reference(x)) << std::to_string(n) << "e" << -scale;
    ASSERT_EQ(ours(-x), reference(-x));
  }
}

TEST(shortest_float, arbitrary_doubles_match_to_chars) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> exponent(-9, 16);
  for (int i = 0; i < 200000; ++i) {
    double x = std::pow(10.0, exponent(rng));
    ASSERT_EQ(ours(x), reference(x)) << std::bit_cast<std::uint64_t>(x);
  }
}

TEST(shortest_float, edges_of_the_fast_path) {
  for (double x : {1e15, 999999999999999.0, 999999999999999.9, 99999999999999.99, 1e-7,
                   9.999999999999999e-8, 1.0000000000000002, 0.1, 0.3, 1.0 / 3, 5e-324,
                   1.7976931348623157e308, 123456789012345.6, 2.5, 1e22, 4503599627370497.0}) {
    EXPECT_EQ(ours(x), reference(x)) << x;
    EXPECT_EQ(ours(std::nextafter(x, 0.0)), reference(std::nextafter(x, 0.0))) << x;
    EXPECT_EQ(ours(std::nextafter(x, 1e300)), reference(std::nextafter(x, 1e300))) << x;
  }
}

}  // namespace
}  // namespace djust::tmpl::detail
