// Tests of the {% with %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(with_tag, new_and_legacy_forms) {
  EXPECT_EQ(render(R"TPL({% with a=1 b="x" %}{{ a }}{{ b }}{% endwith %}{% with 1 as c and 2 as d %}{{ c }}{{ d }}{% endwith %}[{{ a }}])TPL", value_map{}, {}, {}), R"TPL(1x12[])TPL");
}

TEST(with_tag, needs_assignment) {
  auto e = render_error(R"TPL({% with %}{% endwith %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('with' expected at least one variable assignment)TPL");
}

TEST(with_tag, invalid_token) {
  auto e = render_error(R"TPL({% with a=1 b %}{% endwith %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('with' received an invalid token: 'b')TPL");
}
