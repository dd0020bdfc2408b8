// Django's stringformat filter (Python %-formatting): outputs from Django 3.2 (shared/tools/django-oracle), rendered as
// "{{ v|filter:arg }}" would render them.
#include <gtest/gtest.h>

#include "data_test_support.hpp"

namespace djust::tmpl::test {
namespace {

const filter_case cases[] = {
    {"stringformat", value(42LL), value("d"), true, "42"},
    {"stringformat", value(42LL), value("05d"), true, "00042"},
    {"stringformat", value(-42LL), value("+d"), true, "-42"},
    {"stringformat", value(42LL), value(" d"), true, " 42"},
    {"stringformat", value(42LL), value("-5d|"), true, "42   |"},
    {"stringformat", value(255LL), value("x"), true, "ff"},
    {"stringformat", value(255LL), value("#X"), true, "0XFF"},
    {"stringformat", value(8LL), value("#o"), true, "0o10"},
    {"stringformat", value(-255LL), value("#x"), true, "-0xff"},
    {"stringformat", value(3.14159), value(".2f"), true, "3.14"},
    {"stringformat", value(3.14159), value("e"), true, "3.141590e+00"},
    {"stringformat", value(1e+20), value("g"), true, "1e+20"},
    {"stringformat", value(1e-07), value("G"), true, "1E-07"},
    {"stringformat", value(3.14159), value("010.3f"), true, "000003.142"},
    {"stringformat", value(-2.5), value("+.1e"), true, "-2.5e+00"},
    {"stringformat", value(1.0), value("#g"), true, "1.00000"},
    {"stringformat", value(2.5), value("d"), true, "2"},
    {"stringformat", value(decimal_value{"1.25"}), value("f"), true, "1.250000"},
    {"stringformat", value(decimal_value{"1.25"}), value("d"), true, "1"},
    {"stringformat", value(decimal_value{"NaN"}), value("08.3f"), true, "00000nan"},
    {"stringformat", value("abc"), value("s"), true, "abc"},
    {"stringformat", value("abc"), value("5s"), true, "  abc"},
    {"stringformat", value("abc"), value("-5s"), true, "abc  "},
    {"stringformat", value("abcdef"), value(".2s"), true, "ab"},
    {"stringformat", value("abc"), value("d"), true, ""},
    {"stringformat", value("abc"), value("r"), true, "&#x27;abc&#x27;"},
    {"stringformat", value("é"), value("a"), true, "&#x27;\\xe9&#x27;"},
    {"stringformat", value::safe("<b>"), value("s"), true, "<b>"},
    {"stringformat", value("<i>"), value("s"), true, "&lt;i&gt;"},
    {"stringformat", value(), value("s"), true, "None"},
    {"stringformat", value(true), value("d"), true, "1"},
    {"stringformat", value(true), value("s"), true, "True"},
    {"stringformat", value(value_list{value(1LL), value("a")}), value("s"), true, "[1, &#x27;a&#x27;]"},
    {"stringformat", value(value_map{{"a", value(1LL)}, {"b", value("x")}}), value("(a)s"), true, "1"},
    {"stringformat", value(value_map{{"a", value(1LL)}}), value("(z)s"), true, "!Error"},
    {"stringformat", value(65LL), value("c"), true, "A"},
    {"stringformat", value("ab"), value("c"), true, ""},
    {"stringformat", value(-1LL), value("c"), true, "!Error"},
    {"stringformat", value(5LL), value("%"), true, ""},
    {"stringformat", value(value_list{}), value("%"), true, "%"},
    {"stringformat", value(5LL), value("5%"), true, ""},
    {"stringformat", value(5LL), value("y"), true, ""},
    {"stringformat", value(5LL), value(""), true, ""},
    {"stringformat", value(5LL), value("s%s"), true, ""},
    {"stringformat", value(5LL), value("abc"), true, "5bc"},
    {"stringformat", value(5LL), value("*d"), true, ""},
    {"stringformat", value(123456789012LL), value(".*f"), true, "!Error"},
    {"stringformat", value(decimal_value{"10000000000000000000000000"}), value("x"), true, "84595161401484a000000"},
    {"stringformat", value(decimal_value{"10000000000000000000000000"}), value("r"), true, "10000000000000000000000000"},
    {"stringformat", value(value_list{value(decimal_value{"10000000000000000000000000"}), value(decimal_value{"1.5E+1"})}), value("r"), true, "[10000000000000000000000000, Decimal(&#x27;15&#x27;)]"},
    {"stringformat", value(decimal_value{"3.14159E+3"}), value("s"), true, "3141.59"},
    {"stringformat", value(1.5), value("x"), true, ""},
    {"stringformat", value(5LL), value("ld"), true, "5"},
    {"stringformat", value(0.5), value(".0f"), true, "0"},
    {"stringformat", value(1.5), value(".0f"), true, "2"},
    {"stringformat", value(1e+300), value("f"), true, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"},
    {"stringformat", value(12LL), value("#.5x"), true, "0x0000c"},
    {"stringformat", value(12LL), value("#08x"), true, "0x00000c"},
};

TEST(data_stringformat, renders_like_django) {
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.filter) + " of " + c.input.repr() + (c.arg ? " with " + c.arg->repr() : std::string()));
    EXPECT_EQ(render_data_filter(c.filter, c.input, c.arg, c.autoescape), c.expected);
  }
}

// '%0Nd'-style specs of ints take a path of their own; Python's 'i' means the same as 'd'
// and takes the general one, the reference here.
TEST(data_stringformat, int_specs_agree_with_the_general_path) {
  for (long long n : {0LL, 7LL, -7LL, 42LL, -42LL, 12345LL, -123456789LL, 9223372036854775807LL,
                      -9223372036854775807LL - 1}) {
    for (const char* width : {"", "1", "3", "05", "5", "010", "20", "99"}) {
      std::string d = std::string(width) + "d", i = std::string(width) + "i";
      EXPECT_EQ(render_data_filter("stringformat", value(n), value(d)),
                render_data_filter("stringformat", value(n), value(i)))
          << n << " " << d;
    }
  }
  EXPECT_EQ(render_data_filter("stringformat", value(-42LL), value("05d")), "-0042");
  EXPECT_EQ(render_data_filter("stringformat", value(-42LL), value("5d")), "  -42");
}

}  // namespace
}  // namespace djust::tmpl::test
