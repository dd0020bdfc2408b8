// Tests of the parser: split_contents, parse_until, located syntax errors.
#include "parser.hpp"

#include <gtest/gtest.h>

#include "template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;
using djust::tmpl::detail::parser;

TEST(parser, split_contents_keeps_quoted_strings_whole) {
  auto bits = parser::split_contents("cycle 'a b' \"c\\\" d\" x|f:\"1 2\"");
  ASSERT_EQ(bits.size(), 4u);
  EXPECT_EQ(bits[1], "'a b'");
  EXPECT_EQ(bits[2], "\"c\\\" d\"");
  EXPECT_EQ(bits[3], "x|f:\"1 2\"");
}

TEST(parser, invalid_block_tag_names_template_line_and_token) {
  auto e = render_error("a\n{% foo %}");
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_STREQ(e.what(),
               "main.html, line 2: Invalid block tag on line 2: 'foo'. Did you forget to register or "
               "load this tag? (at '{% foo %}')");
}

TEST(parser, invalid_block_tag_inside_a_block_lists_the_expected_ends) {
  auto e = render_error("{% if x %}{% endfor %}");
  EXPECT_EQ(e.message(),
            "Invalid block tag on line 1: 'endfor', expected 'elif', 'else' or 'endif'. Did you "
            "forget to register or load this tag?");
}

TEST(parser, unclosed_tag_reports_the_opening_tag) {
  auto e = render_error("x\n\n{% for a in b %}");
  EXPECT_STREQ(e.what(),
               "main.html, line 3: Unclosed tag on line 3: 'for'. Looking for one of: empty, endfor. "
               "(at '{% for a in b %}')");
}

TEST(parser, empty_tags_are_errors) {
  EXPECT_EQ(render_error("{{ }}").message(), "Empty variable tag on line 1");
  EXPECT_EQ(render_error("{% %}").message(), "Empty block tag on line 1");
}

TEST(parser, filter_errors_are_located_at_the_variable) {
  auto e = render_error("\n{{ x|nope }}");
  EXPECT_STREQ(e.what(), "main.html, line 2: Invalid filter: 'nope' (at '{{ x|nope }}')");
}

TEST(parser, comments_are_dropped) {
  EXPECT_EQ(render("a{# {{ x }} #}b{% comment %}{% if %}{% endcomment %}c"), "abc");
}

TEST(parser, deep_nesting_hits_a_clear_limit) {
  std::string src;
  for (int i = 0; i < 400; ++i) src += "{% if 1 %}";
  auto e = render_error(src);
  EXPECT_EQ(e.kind(), error_kind::render);
  EXPECT_EQ(e.message(), "Template nesting is too deep (more than 350 levels)");
}
