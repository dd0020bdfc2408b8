// Tests of the {% verbatim %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(verbatim_tag, keeps_tags) {
  EXPECT_EQ(render(R"TPL({% verbatim %}{{ x }}{% if %}{% endverbatim %})TPL", value_map{}, {}, {}), R"TPL({{ x }}{% if %})TPL");
}

TEST(verbatim_tag, named_end) {
  EXPECT_EQ(render(R"TPL({% verbatim a %}{% endverbatim %}{% endverbatim a %})TPL", value_map{}, {}, {}), R"TPL({% endverbatim %})TPL");
}
