// Tests of the {% debug %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(debug_tag, empty_without_debug_setting) {
  EXPECT_EQ(render(R"TPL({% debug %})TPL", value_map{}, {}, {}), R"TPL()TPL");
}
