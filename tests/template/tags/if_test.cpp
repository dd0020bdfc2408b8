// Tests of the {% if %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(if_tag, elif_else) {
  EXPECT_EQ(render(R"TPL({% if a %}a{% elif b %}b{% else %}c{% endif %})TPL", value_map{{"b", 1}}, {}, {}), R"TPL(b)TPL");
}

TEST(if_tag, precedence) {
  EXPECT_EQ(render(R"TPL({% if a and b or c %}y{% endif %}{% if not a or b and c %}z{% endif %})TPL", value_map{{"a", 0}, {"b", 1}, {"c", 1}}, {}, {}), R"TPL(yz)TPL");
}

TEST(if_tag, comparisons) {
  EXPECT_EQ(render(R"TPL({% if 1 < 2 and 2 >= 2 and "a" != "b" and 1 == 1.0 %}ok{% endif %})TPL", value_map{}, {}, {}), R"TPL(ok)TPL");
}

TEST(if_tag, in_and_not_in) {
  EXPECT_EQ(render(R"TPL({% if "a" in l and "z" not in l and "k" in d and "bc" in s %}ok{% endif %})TPL", value_map{{"l", value_list{"a"}}, {"d", value_map{{"k", 1}}}, {"s", "abc"}}, {}, {}), R"TPL(ok)TPL");
}

TEST(if_tag, is_and_is_not) {
  EXPECT_EQ(render(R"TPL({% if a is None and b is not None and True is True %}ok{% endif %})TPL", value_map{{"a", value()}, {"b", 1}}, {}, {}), R"TPL(ok)TPL");
}

TEST(if_tag, type_errors_are_false) {
  EXPECT_EQ(render(R"TPL({% if 1 < "a" %}y{% else %}n{% endif %})TPL", value_map{}, {}, {}), R"TPL(n)TPL");
}

TEST(if_tag, filter_error_in_operator_is_false) {
  EXPECT_EQ(render(R"TPL({% if not x|first %}y{% else %}n{% endif %})TPL", value_map{{"x", 5}}, {}, {}), R"TPL(n)TPL");
}

TEST(if_tag, filter_error_alone_raises) {
  auto e = render_error(R"TPL({% if x|first %}y{% endif %})TPL", value_map{{"x", 5}}, {});
  EXPECT_EQ(e.kind(), error_kind::render);
}

TEST(if_tag, missing_filter_argument_is_false) {
  EXPECT_EQ(render(R"TPL({% if x|default:missing %}y{% else %}n{% endif %})TPL", value_map{}, {}, {}), R"TPL(n)TPL");
}

TEST(if_tag, empty_condition) {
  auto e = render_error(R"TPL({% if %}{% endif %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(Unexpected end of expression in if tag.)TPL");
}

TEST(if_tag, unused_token) {
  auto e = render_error(R"TPL({% if a b %}{% endif %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(Unused 'b' at end of if expression.)TPL");
}

TEST(if_tag, operator_misplaced) {
  auto e = render_error(R"TPL({% if and %}{% endif %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(Not expecting 'and' in this position in if tag.)TPL");
}

TEST(if_tag, malformed_else) {
  auto e = render_error(R"TPL({% if a %}{% else x %}{% endif %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(Malformed template tag at line 1: "else x")TPL");
}

// Conditions look at the context's own values (expectations from Django 3.2): `is` holds
// for one object seen twice, and errors inside an operator make the condition false.
TEST(if_tag, operands_are_the_context_values_themselves) {
  value_map ctx{{"d", date_value{2020, 1, 2}}, {"l", value_list{1}}, {"m", value_list{1}}, {"f", 1.5},
                {"a", 5}, {"b", 1}, {"s", "a"}, {"names", value_list{"a"}}, {"x", 0}};
  EXPECT_EQ(render("{% if d is d %}y{% else %}n{% endif %}", ctx), "y");
  EXPECT_EQ(render("{% if l is l %}y{% else %}n{% endif %}{% if l is m %}y{% else %}n{% endif %}", ctx), "yn");
  EXPECT_EQ(render("{% if 1.5 is 1.5 %}y{% else %}n{% endif %}{% if f is f %}y{% else %}n{% endif %}", ctx), "ny");
  EXPECT_EQ(render("{% if a|first or b %}y{% else %}n{% endif %}{% if not a|first %}y{% else %}n{% endif %}", ctx), "nn");
  EXPECT_EQ(render("{% if s in names and not x %}y{% else %}n{% endif %}{% if 'a' in 5 %}y{% else %}n{% endif %}", ctx), "yn");
  EXPECT_EQ(render_error("{% if a|first %}y{% endif %}", ctx).kind(), error_kind::render);
}

// `not` and comparisons stand as operands of comparisons (and/or never do: they bind more
// loosely); expectations from Django 3.2.
TEST(if_tag, conditions_as_operands) {
  value_map ctx{{"a", true}, {"b", false}, {"c", true}, {"one", 1}, {"two", 2}};
  EXPECT_EQ(render("{% if a == not b %}y{% else %}n{% endif %}|{% if a == b == c %}y{% else %}n{% endif %}|"
                   "{% if not a|first == b %}y{% else %}n{% endif %}", ctx),
            "y|n|y");
  EXPECT_EQ(render("{% if 1 < 2 < 3 %}y{% else %}n{% endif %}|{% if one > two == False %}y{% else %}n{% endif %}", ctx),
            "y|y");
}
