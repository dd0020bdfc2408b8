// Tests of the lexer: token kinds, offsets, single-line tags, verbatim.
#include "lexer.hpp"

#include <gtest/gtest.h>

using namespace djust::tmpl::detail;

TEST(lexer, splits_text_variables_blocks_and_comments) {
  auto tokens = tokenize("a{{ x }}b{% if y %}{# note #}");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].kind, token_kind::text);
  EXPECT_EQ(tokens[0].contents, "a");
  EXPECT_EQ(tokens[1].kind, token_kind::var);
  EXPECT_EQ(tokens[1].contents, "x");
  EXPECT_EQ(tokens[1].offset, 1u);
  EXPECT_EQ(tokens[1].length, 7u);
  EXPECT_EQ(tokens[2].contents, "b");
  EXPECT_EQ(tokens[3].kind, token_kind::block);
  EXPECT_EQ(tokens[3].contents, "if y");
  EXPECT_EQ(tokens[4].kind, token_kind::comment);
}

TEST(lexer, tags_do_not_span_lines) {
  auto tokens = tokenize("{{ a\n}}{# x\n #}");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].kind, token_kind::text);
}

TEST(lexer, closes_at_the_first_delimiter) {
  auto tokens = tokenize("{{{ x }}}");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].contents, "{ x");
  EXPECT_EQ(tokens[1].contents, "}");
}

TEST(lexer, verbatim_turns_tags_into_text_until_its_end_tag) {
  auto tokens = tokenize("{% verbatim v %}{{ x }}{% endverbatim %}{% endverbatim v %}{{ y }}");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].kind, token_kind::block);
  EXPECT_EQ(tokens[1].kind, token_kind::text);
  EXPECT_EQ(tokens[1].contents, "{{ x }}");
  EXPECT_EQ(tokens[2].kind, token_kind::text);
  EXPECT_EQ(tokens[3].kind, token_kind::block);
  EXPECT_EQ(tokens[3].contents, "endverbatim v");
  EXPECT_EQ(tokens[4].kind, token_kind::var);
}

TEST(lexer, unclosed_openers_stay_text) {
  auto tokens = tokenize("a {{ b {% c");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].contents, "a {{ b {% c");
}
