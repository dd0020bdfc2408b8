// Tests of the {% spaceless %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(spaceless_tag, removes_space_between_tags) {
  EXPECT_EQ(render(R"TPL({% spaceless %} <p> <b> x </b> </p> {% endspaceless %})TPL", value_map{}, {}, {}), R"TPL(<p><b> x </b></p>)TPL");
}
