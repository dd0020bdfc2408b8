// Tests of the {% lorem %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(lorem_tag, common_words) {
  EXPECT_EQ(render(R"TPL({% lorem 3 w %})TPL", value_map{}, {}, {}), R"TPL(lorem ipsum dolor)TPL");
}

TEST(lorem_tag, common_paragraph) {
  EXPECT_EQ(render(R"TPL({% lorem 1 p %})TPL", value_map{}, {}, {}), R"TPL(<p>Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.</p>)TPL");
}

TEST(lorem_tag, bad_format) {
  auto e = render_error(R"TPL({% lorem 1 2 3 %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(Incorrect format for 'lorem' tag)TPL");
}
