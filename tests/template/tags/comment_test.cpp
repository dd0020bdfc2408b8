// Tests of the {% comment %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(comment_tag, hides_everything) {
  EXPECT_EQ(render(R"TPL(a{% comment "why" %}{{ x }}{% if %}{% endcomment %}b)TPL", value_map{}, {}, {}), R"TPL(ab)TPL");
}

TEST(comment_tag, unclosed) {
  auto e = render_error(R"TPL({% comment %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(Unclosed tag on line 1: 'comment'. Looking for one of: endcomment.)TPL");
}
