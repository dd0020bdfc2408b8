// Tests of the {% csrf_token %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(csrf_token_tag, empty_without_token) {
  EXPECT_EQ(render(R"TPL({% csrf_token %})TPL", value_map{}, {}, {}), R"TPL()TPL");
}

TEST(csrf_token_tag, hidden_input_with_token) {
  EXPECT_EQ(render(R"TPL({% csrf_token %})TPL", value_map{{"csrf_token", "a<b"}}, {}, {}), R"TPL(<input type="hidden" name="csrfmiddlewaretoken" value="a&lt;b">)TPL");
}
