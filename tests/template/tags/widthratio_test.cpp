// Tests of the {% widthratio %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(widthratio_tag, rounds_half_to_even) {
  EXPECT_EQ(render(R"TPL({% widthratio 175 200 100 %}|{% widthratio 2.5 1 1 %}|{% widthratio 3.5 1 1 %})TPL", value_map{}, {}, {}), R"TPL(88|2|4)TPL");
}

TEST(widthratio_tag, zero_and_missing) {
  EXPECT_EQ(render(R"TPL({% widthratio 0 0 10 %}|{% widthratio x 1 1 %}|)TPL", value_map{}, {}, {}), R"TPL(0||)TPL");
}

TEST(widthratio_tag, as_variable) {
  EXPECT_EQ(render(R"TPL({% widthratio 1 2 100 as w %}[{{ w }}])TPL", value_map{}, {}, {}), R"TPL([50])TPL");
}

TEST(widthratio_tag, bad_width) {
  auto e = render_error(R"TPL({% widthratio 1 2 "x" %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(widthratio final argument must be a number)TPL");
}

TEST(widthratio_tag, arity) {
  auto e = render_error(R"TPL({% widthratio 1 2 %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(widthratio takes at least three arguments)TPL");
}
