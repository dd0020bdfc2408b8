// Tests of the {% cycle %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(cycle_tag, in_loop) {
  EXPECT_EQ(render(R"TPL({% for i in l %}{% cycle "a" "b" %}{% endfor %})TPL", value_map{{"l", value_list{1, 2, 3}}}, {}, {}), R"TPL(aba)TPL");
}

TEST(cycle_tag, named_silent_and_reused) {
  EXPECT_EQ(render(R"TPL({% cycle a b as x silent %}{{ x }}{% cycle x %}{{ x }})TPL", value_map{{"a", "<"}, {"b", ">"}}, {}, {}), R"TPL(&lt;&gt;)TPL");
}

TEST(cycle_tag, too_few) {
  auto e = render_error(R"TPL({% cycle %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('cycle' tag requires at least two arguments)TPL");
}

TEST(cycle_tag, unknown_name) {
  auto e = render_error(R"TPL({% cycle a b as x %}{% cycle y %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(Named cycle 'y' does not exist)TPL");
}

TEST(cycle_tag, bad_flag) {
  auto e = render_error(R"TPL({% cycle a b as x loud %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(Only 'silent' flag is allowed after cycle's name, not 'loud'.)TPL");
}
