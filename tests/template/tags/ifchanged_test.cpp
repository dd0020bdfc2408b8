// Tests of the {% ifchanged %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(ifchanged_tag, compares_content) {
  EXPECT_EQ(render(R"TPL({% for x in l %}{% ifchanged %}{{ x }}{% endifchanged %}{% endfor %})TPL", value_map{{"l", value_list{1, 1, 2, 2, 1}}}, {}, {}), R"TPL(121)TPL");
}

TEST(ifchanged_tag, compares_variables_with_else) {
  EXPECT_EQ(render(R"TPL({% for x in l %}{% ifchanged x %}c{% else %}s{% endifchanged %}{% endfor %})TPL", value_map{{"l", value_list{1, 1, 2}}}, {}, {}), R"TPL(csc)TPL");
}

TEST(ifchanged_tag, resets_with_the_inner_loop) {
  EXPECT_EQ(render(R"TPL({% for a in l %}{% for b in l %}{% ifchanged %}{{ b }}{% endifchanged %}{% endfor %}{% endfor %})TPL", value_map{{"l", value_list{1, 2}}}, {}, {}), R"TPL(1212)TPL");
}
