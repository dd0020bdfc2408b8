// Tests of the {% block %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(block_tag, renders_in_place) {
  EXPECT_EQ(render(R"TPL(a{% block b %}B{% endblock b %}c)TPL", value_map{}, {}, {}), R"TPL(aBc)TPL");
}

TEST(block_tag, duplicate_name) {
  auto e = render_error(R"TPL({% block a %}{% endblock %}{% block a %}{% endblock %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('block' tag with name 'a' appears more than once)TPL");
}

TEST(block_tag, wrong_endblock) {
  auto e = render_error(R"TPL({% block a %}{% endblock b %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(Invalid block tag on line 1: 'endblock', expected 'endblock' or 'endblock a'. Did you forget to register or load this tag?)TPL");
}

TEST(block_tag, super_in_base_fails) {
  auto e = render_error(R"TPL({% block a %}{{ block.super }}{% endblock %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('BlockNode' object has no attribute 'context'. Did you use {{ block.super }} in a base template?)TPL");
}
