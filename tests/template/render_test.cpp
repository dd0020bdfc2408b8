// Tests of value output and lookups: Django's str()/localize, escaping, silent failures.
#include "render.hpp"

#include <gtest/gtest.h>

#include "template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(render, values_print_like_django) {
  value_map ctx{{"n", value()},       {"t", true},           {"f", 1.0},
                {"big", 1e21},        {"small", 1.5e-7},     {"d", decimal_value{"1E+2"}},
                {"l", value_list{"a", 1}}, {"m", value_map{{"k", "v"}}}};
  EXPECT_EQ(render("{{ n }}|{{ t }}|{{ f }}|{{ big }}|{{ small }}|{{ d }}", ctx),
            "None|True|1.0|1000000000000000000000|0.00000015|100");
  EXPECT_EQ(render("{{ l }}|{{ m }}", ctx), "[&#x27;a&#x27;, 1]|{&#x27;k&#x27;: &#x27;v&#x27;}");
}

// Decimals print as '{:f}' does: most as written, some normalised (expected from Django).
TEST(render, decimals_print_like_django) {
  auto shown = [](const char* text) { return render("{{ d }}", value_map{{"d", decimal_value{text}}}); };
  EXPECT_EQ(shown("-12.50"), "-12.50");
  EXPECT_EQ(shown("-0.10"), "-0.10");
  EXPECT_EQ(shown("047.50"), "47.50");
  EXPECT_EQ(shown("-00.5"), "-0.5");
  EXPECT_EQ(shown("5."), "5");
  EXPECT_EQ(shown(".5"), "0.5");
  EXPECT_EQ(shown("00"), "0");
  EXPECT_EQ(shown("-0"), "-0");
  // Past 200 digits and exponent, numberformat prints '{:e}' (Django 3.2).
  EXPECT_EQ(shown("1E+300"), "1e+300");
  EXPECT_EQ(shown("-1.500E-300"), "-1.500e-300");
  EXPECT_EQ(shown("0E-300"), "0e-300");
  EXPECT_EQ(shown("12E+199"), "1.2e+200");
  EXPECT_EQ(shown("0.000123E-195"), "1.23e-199");
  EXPECT_EQ(shown("1E+199").size(), 200u);
  EXPECT_EQ(render("{{ f }}", value_map{{"f", 1e-250}}), "1e-250");
  EXPECT_EQ(render("{{ f }}", value_map{{"f", -1.3435174581176724e-288}}), "-1.3435174581176724e-288");
}

TEST(render, dates_use_the_default_formats) {
  value_map ctx{{"d", date_value{2008, 1, 2}},
                {"dt", datetime_value{{2008, 1, 2}, {10, 30, 0, 0}}},
                {"t", time_value{0, 0, 0, 0}}};
  EXPECT_EQ(render("{{ d }}|{{ dt }}|{{ t }}", ctx), "Jan. 2, 2008|Jan. 2, 2008, 10:30 a.m.|midnight");
}

TEST(render, autoescape_and_safe_strings) {
  value_map ctx{{"x", "<b>&'\""}, {"s", value::safe("<i>")}};
  EXPECT_EQ(render("{{ x }}{{ s }}{{ '<u>' }}", ctx), "&lt;b&gt;&amp;&#x27;&quot;<i><u>");
  engine_options off;
  off.autoescape = false;
  EXPECT_EQ(render("{{ x }}", ctx, off), "<b>&'\"");
}

TEST(render, lookups_try_key_then_method_then_index) {
  value_map ctx{{"d", value_map{{"items", "mine"}, {"a", 1}}},
                {"e", value_map{{"a", 1}, {"b", 2}}},
                {"l", value_list{10, 20}},
                {"s", "héllo"}};
  EXPECT_EQ(render("{{ d.items }}|{% for k, v in e.items %}{{ k }}{{ v }}{% endfor %}", ctx), "mine|a1b2");
  EXPECT_EQ(render("{{ l.1 }}|{{ l.9 }}|{{ s.1 }}|{{ s.upper }}", ctx), "20||é|HéLLO");
}

TEST(render, lazy_values_are_computed_once_and_only_when_used) {
  int calls = 0;
  value_map ctx{{"lazy", value::lazy([&calls] {
                   ++calls;
                   return value(value_map{{"name", "x"}});
                 })}};
  EXPECT_EQ(render("{{ other }}", ctx), "");
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(render("{{ lazy.name }}{{ lazy.name }}", ctx), "xx");
  EXPECT_EQ(calls, 1);
}

TEST(render, missing_variables_fail_silently_but_not_as_filter_arguments) {
  EXPECT_EQ(render("[{{ missing }}][{{ missing|default:'d' }}]"), "[][d]");
  auto e = render_error("{{ 1|add:missing }}");
  EXPECT_EQ(e.kind(), error_kind::render);
  EXPECT_STREQ(e.what(), "main.html, line 1: Failed lookup for key [missing] (at '{{ 1|add:missing }}')");
}

TEST(render, string_if_invalid_replaces_missing_variables_without_filters) {
  engine_options opts;
  opts.string_if_invalid = "INVALID(%s)";
  EXPECT_EQ(render("{{ a.b|upper }}", {}, opts), "INVALID(a.b)");
}

TEST(render, is_safe_filters_keep_safe_input_safe) {
  value_map ctx{{"s", value::safe("<a>")}};
  EXPECT_EQ(render("{{ s|title }}|{{ s|upper }}", ctx), "<A>|&lt;A&gt;");  // upper is not is_safe
}
