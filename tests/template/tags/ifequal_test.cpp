// Tests of the {% ifequal %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(ifequal_tag, ifequal) {
  EXPECT_EQ(render(R"TPL({% ifequal a "x" %}y{% else %}n{% endifequal %})TPL", value_map{{"a", "x"}}, {}, {}), R"TPL(y)TPL");
}

TEST(ifequal_tag, ifnotequal) {
  EXPECT_EQ(render(R"TPL({% ifnotequal a b %}d{% endifnotequal %})TPL", value_map{{"a", 1}, {"b", 2}}, {}, {}), R"TPL(d)TPL");
}

TEST(ifequal_tag, two_arguments) {
  auto e = render_error(R"TPL({% ifequal a %}{% endifequal %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('ifequal' takes two arguments)TPL");
}
