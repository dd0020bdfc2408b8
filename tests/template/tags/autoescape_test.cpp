// Tests of the {% autoescape %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(autoescape_tag, off_and_nested_on) {
  EXPECT_EQ(render(R"TPL({% autoescape off %}{{ x }}{% autoescape on %}{{ x }}{% endautoescape %}{% endautoescape %})TPL", value_map{{"x", "<"}}, {}, {}), R"TPL(<&lt;)TPL");
}

TEST(autoescape_tag, bad_argument) {
  auto e = render_error(R"TPL({% autoescape maybe %}{% endautoescape %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('autoescape' argument should be 'on' or 'off')TPL");
}

TEST(autoescape_tag, needs_one_argument) {
  auto e = render_error(R"TPL({% autoescape %}{% endautoescape %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('autoescape' tag requires exactly one argument.)TPL");
}
