// Tests of Variable and FilterExpression compilation.
#include "expression.hpp"

#include <gtest/gtest.h>

using namespace djust::tmpl;
using namespace djust::tmpl::detail;

namespace {

const filter_def upper_def{[](const value& v, const value*, const filter_env&) { return v; }};
const filter_def cut_def{[](const value& v, const value*, const filter_env&) { return v; }, filter_arg::required};

const filter_def* find(std::string_view name) {
  if (name == "upper") return &upper_def;
  if (name == "cut") return &cut_def;
  return nullptr;
}

std::string syntax_message(std::string_view token) {
  try {
    compile_filter_expression(token, find);
  } catch (const syntax_error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(expression, number_and_string_literals) {
  EXPECT_EQ(make_variable("12").literal, value(12));
  EXPECT_EQ(make_variable("-1.5").literal, value(-1.5));
  EXPECT_EQ(make_variable("1e3").literal, value(1000.0));
  EXPECT_EQ(make_variable("1_000").literal, value(1000));
  auto s = make_variable("'it\\'s'");
  ASSERT_TRUE(s.is_literal);
  EXPECT_EQ(s.literal.as_string(), "it's");
  EXPECT_TRUE(s.literal.is_safe());
}

TEST(expression, dotted_lookups_keep_integer_segments) {
  auto v = make_variable("a.0.b");
  ASSERT_FALSE(v.is_literal);
  ASSERT_EQ(v.lookups.size(), 3u);
  EXPECT_EQ(v.lookups[1].index, 0);
  EXPECT_EQ(v.lookups[2].index, -1);
}

TEST(expression, filters_with_arguments) {
  auto fe = compile_filter_expression("x|upper|cut:\" \"", find);
  ASSERT_EQ(fe.filters.size(), 2u);
  EXPECT_FALSE(fe.filters[0].has_arg);
  EXPECT_EQ(fe.filters[1].arg.literal.as_string(), " ");
}

TEST(expression, errors_read_as_django_writes_them) {
  EXPECT_EQ(syntax_message("x|nope"), "Invalid filter: 'nope'");
  EXPECT_EQ(syntax_message("x|upper:1"), "upper requires 1 arguments, 2 provided");
  EXPECT_EQ(syntax_message("x|cut"), "cut requires 2 arguments, 1 provided");
  EXPECT_EQ(syntax_message("x y"), "Could not parse the remainder: ' y' from 'x y'");
  EXPECT_EQ(syntax_message("|upper"), "Could not find variable at start of |upper.");
  EXPECT_EQ(syntax_message("a._b"), "Variables and attributes may not begin with underscores: 'a._b'");
}
