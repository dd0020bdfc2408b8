// Django's number filters (add, divisibleby, get_digit, filesizeformat, floatformat): outputs from Django 3.2 (shared/tools/django-oracle), rendered as
// "{{ v|filter:arg }}" would render them.
#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "data_test_support.hpp"

namespace djust::tmpl::test {
namespace {

const filter_case cases[] = {
    {"floatformat", value(34.23234), std::nullopt, true, "34.2"},
    {"floatformat", value(34.0), std::nullopt, true, "34"},
    {"floatformat", value("\u0663.5"), std::nullopt, true, "3.5"},
    {"floatformat", value(34.26), std::nullopt, true, "34.3"},
    {"floatformat", value(34.23234), value(3LL), true, "34.232"},
    {"floatformat", value(34.0), value(3LL), true, "34.000"},
    {"floatformat", value(34.26), value("-3"), true, "34.260"},
    {"floatformat", value(34.0), value("-3"), true, "34"},
    {"floatformat", value(2.675), value(2LL), true, "2.68"},
    {"floatformat", value(0.125), value(2LL), true, "0.13"},
    {"floatformat", value(-0.001), value(2LL), true, "0.00"},
    {"floatformat", value(-0.0), std::nullopt, true, "0"},
    {"floatformat", value(1.5), value(0LL), true, "2"},
    {"floatformat", value(2.5), value(0LL), true, "3"},
    {"floatformat", value(-2.5), value(0LL), true, "-3"},
    {"floatformat", value(1e+16), std::nullopt, true, "10000000000000000"},
    {"floatformat", value(1e+16), value(2LL), true, "10000000000000000.00"},
    {"floatformat", value(1.5e-05), value(6LL), true, "0.000015"},
    {"floatformat", value(1e+300), value(2LL), true, "1e+300"},
    {"floatformat", value(decimal_value{"12345678901234567890"}), value(2LL), true, "12345678901234567890.00"},
    {"floatformat", value(decimal_value{"1.5"}), value(2LL), true, "1.50"},
    {"floatformat", value(decimal_value{"NaN"}), std::nullopt, true, "Decimal(&#x27;NaN&#x27;)"},
    {"floatformat", value(decimal_value{"-Infinity"}), value(2LL), true, "Decimal(&#x27;-Infinity&#x27;)"},
    {"floatformat", value(decimal_value{"123456789.123456789"}), value(10LL), true, "123456789.1234567900"},
    {"floatformat", value("1.5"), std::nullopt, true, "1.5"},
    {"floatformat", value(" 2.5 "), value(1LL), true, "2.5"},
    {"floatformat", value("abc"), std::nullopt, true, ""},
    {"floatformat", value("inf"), std::nullopt, true, "&#x27;inf&#x27;"},
    {"floatformat", value("nan"), value(2LL), true, "&#x27;nan&#x27;"},
    {"floatformat", value(), std::nullopt, true, ""},
    {"floatformat", value(true), value(2LL), true, "1.00"},
    {"floatformat", value(value_list{value(1LL)}), std::nullopt, true, ""},
    {"floatformat", value(7LL), value("2g"), true, "7.00"},
    {"floatformat", value(6666.6666), value("2g"), true, "6666.67"},
    {"floatformat", value(10000LL), value("g"), true, "10000"},
    {"floatformat", value(1.5), value("abc"), true, "1.5"},
    {"floatformat", value("1.5"), value("abc"), true, "&#x27;1.5&#x27;"},
    {"floatformat", value(1.5), value(""), true, "1.5"},
    {"floatformat", value(11.0000001), value("-2"), true, "11.00"},
    {"floatformat", value(999.999), value("2"), true, "1000.00"},
    {"floatformat", value(-999.999), value(-2LL), true, "-1000.00"},
    {"floatformat", value(1.05), value(1LL), true, "1.1"},
    {"floatformat", value(7LL), value(1.7), true, "7.0"},
    {"floatformat", value("1_000.5"), value(1LL), true, "1000.5"},
    {"floatformat", value(7LL), value(decimal_value{"10000000000000000000000000"}), true, "!Error"},
    {"floatformat", value(7LL), value(decimal_value{"-10000000000000000000000000"}), true, "7"},
    {"floatformat", value(1.5), value(decimal_value{"10000000000000000000000000"}), true, "!Error"},
    {"floatformat", value(1.5), value(30LL), true, "1.500000000000000000000000000000"},
    {"floatformat", value(decimal_value{"3.14159E+3"}), value("x"), true, "Decimal(&#x27;3141.59&#x27;)"},
    {"filesizeformat", value(0LL), std::nullopt, true, "0 bytes"},
    {"filesizeformat", value(1LL), std::nullopt, true, "1 byte"},
    {"filesizeformat", value(1023LL), std::nullopt, true, "1023 bytes"},
    {"filesizeformat", value(1024LL), std::nullopt, true, "1.0 KB"},
    {"filesizeformat", value(1536LL), std::nullopt, true, "1.5 KB"},
    {"filesizeformat", value(1048575LL), std::nullopt, true, "1024.0 KB"},
    {"filesizeformat", value(1048576LL), std::nullopt, true, "1.0 MB"},
    {"filesizeformat", value(1610612736.0), std::nullopt, true, "1.5 GB"},
    {"filesizeformat", value(1099511627776LL), std::nullopt, true, "1.0 TB"},
    {"filesizeformat", value(1125899906842624LL), std::nullopt, true, "1.0 PB"},
    {"filesizeformat", value(1152921504606846976LL), std::nullopt, true, "1024.0 PB"},
    {"filesizeformat", value(decimal_value{"10000000000000000000000000000000000000000"}), std::nullopt, true, "8881784197001253000000000.0 PB"},
    {"filesizeformat", value(-1024LL), std::nullopt, true, "-1.0 KB"},
    {"filesizeformat", value("1024"), std::nullopt, true, "1.0 KB"},
    {"filesizeformat", value("1.5"), std::nullopt, true, "0 bytes"},
    {"filesizeformat", value("abc"), std::nullopt, true, "0 bytes"},
    {"filesizeformat", value(), std::nullopt, true, "0 bytes"},
    {"filesizeformat", value(1023.9), std::nullopt, true, "1023 bytes"},
    {"filesizeformat", value(decimal_value{"2048.7"}), std::nullopt, true, "2.0 KB"},
    {"filesizeformat", value(53687091.2), std::nullopt, true, "51.2 MB"},
    {"filesizeformat", value(1048524LL), std::nullopt, true, "1023.9 KB"},
    {"filesizeformat", value(1048525LL), std::nullopt, true, "1024.0 KB"},
    {"filesizeformat", value(1.7976931348623157e+308), std::nullopt, true, "1.5e+293 PB"},
    {"filesizeformat", value(decimal_value{"10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668069376"}), std::nullopt, true, "9.5e+285 PB"},
    {"add", value(1LL), value(2LL), true, "3"},
    {"add", value("1"), value("2"), true, "3"},
    {"add", value("\u0661\u0662"), value("1"), true, "13"},  // int() reads any Unicode decimal digit
    {"add", value(2.7), value(1.9), true, "3"},
    {"add", value("1.5"), value("2"), true, "1.52"},
    {"add", value(value_list{value(1LL)}), value(value_list{value(2LL)}), true, "[1, 2]"},
    {"add", value("a"), value("b"), true, "ab"},
    {"add", value::safe("<a>"), value::safe("<b>"), true, "<a><b>"},
    {"add", value("<a>"), value::safe("<b>"), true, "&lt;a&gt;&lt;b&gt;"},
    {"add", value(), value(1LL), true, ""},
    {"add", value("a"), value(1LL), true, ""},
    {"add", value(9223372036854775807LL), value(1LL), true, "9223372036854775808"},
    {"add", value(decimal_value{"100000000000000000000"}), value(decimal_value{"-100000000000000000000"}), true, "0"},
    {"add", value(decimal_value{"3.9"}), value(1LL), true, "4"},
    {"add", value(true), value(1LL), true, "2"},
    {"add", value(value_map{{"a", value(1LL)}}), value(value_map{{"b", value(2LL)}}), true, ""},
    {"add", value(1e+30), value(1LL), true, "1000000000000000019884624838657"},
    {"add", value(1LL), value(), true, ""},
    {"get_digit", value(123456789LL), value(1LL), true, "9"},
    {"get_digit", value(123456789LL), value(9LL), true, "1"},
    {"get_digit", value(123456789LL), value(10LL), true, "0"},
    {"get_digit", value(123456789LL), value(0LL), true, "123456789"},
    {"get_digit", value(-123LL), value(3LL), true, "1"},
    {"get_digit", value(-123LL), value(4LL), true, "!Error"},
    {"get_digit", value(-123LL), value(5LL), true, "0"},
    {"get_digit", value("123"), value("2"), true, "2"},
    {"get_digit", value("abc"), value(1LL), true, "abc"},
    {"get_digit", value(123LL), value("x"), true, "123"},
    {"get_digit", value(), value(1LL), true, "!Error"},
    {"get_digit", value(1.9), value(1LL), true, "1"},
    {"get_digit", value(decimal_value{"10000000000000000000000000"}), value(26LL), true, "1"},
    {"get_digit", value(123LL), value(), true, "!Error"},
    {"divisibleby", value(4LL), value(2LL), true, "True"},
    {"divisibleby", value(5LL), value(2LL), true, "False"},
    {"divisibleby", value("6"), value("3"), true, "True"},
    {"divisibleby", value("x"), value(2LL), true, "!Error"},
    {"divisibleby", value(4LL), value(0LL), true, "!Error"},
    {"divisibleby", value(2.5), value(2LL), true, "True"},
    {"divisibleby", value(), value(2LL), true, "!Error"},
    {"divisibleby", value(decimal_value{"100000000000000000000"}), value(10000000000LL), true, "True"},
    {"divisibleby", value(-9LL), value(3LL), true, "True"},
    {"divisibleby", value(true), value(1LL), true, "True"},
};

TEST(data_numbers, renders_like_django) {
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.filter) + " of " + c.input.repr() + (c.arg ? " with " + c.arg->repr() : std::string()));
    EXPECT_EQ(render_data_filter(c.filter, c.input, c.arg, c.autoescape), c.expected);
  }
}

// Floats and Decimals with a small place count take a path of their own; " 2" (which int() reads as 2)
// takes the general Decimal path, the reference here, over floats of every magnitude and
// ties that round half up on repr's digits.
TEST(data_numbers, floatformat_float_path_agrees_with_the_decimal_path) {
  std::mt19937_64 rng(9);
  std::vector<double> xs = {0.0, -0.0, 0.5, -0.5, 0.005, -0.005, 0.0049, 9.995, 99.995, 999999.5, 1e15,
                            1e16, 1e22, 1.5e300, 5e-324, -1e-7, 2.675, 0.125, 37738.3141, 1e-5};
  for (int i = 0; i < 20000; ++i) {
    int digits = 1 + static_cast<int>(rng() % 16);
    std::uint64_t n = rng() % 10000000000000000ull;
    for (int d = 16; d > digits; --d) n /= 10;
    double x = std::stod(std::to_string(n) + "e" + std::to_string(static_cast<int>(rng() % 40) - 20));
    xs.push_back(rng() % 2 ? x : -x);
  }
  for (double x : xs) {
    char text[40];
    std::snprintf(text, sizeof text, "%.12g", x);
    for (const value& in : {value(x), value(decimal_value{text})}) {
      std::string no_arg_general = render_data_filter("floatformat", in, value(" -1"), true);
      ASSERT_EQ(render_data_filter("floatformat", in, std::nullopt, true), no_arg_general) << in.repr();
      for (long long places : {0LL, 1LL, 2LL, 3LL, 7LL, 20LL, -1LL, -2LL, -20LL}) {
        std::string general = render_data_filter("floatformat", in, value(" " + std::to_string(places)), true);
        ASSERT_EQ(render_data_filter("floatformat", in, value(places), true), general) << in.repr() << " " << places;
        ASSERT_EQ(render_data_filter("floatformat", in, value(std::to_string(places)), true), general);
      }
    }
  }
}

}  // namespace
}  // namespace djust::tmpl::test
