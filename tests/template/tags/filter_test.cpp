// Tests of the {% filter %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(filter_tag, applies_chain) {
  EXPECT_EQ(render(R"TPL({% filter upper|cut:"A" %}abca{% endfilter %})TPL", value_map{}, {}, {}), R"TPL(BC)TPL");
}

TEST(filter_tag, escape_not_permitted) {
  auto e = render_error(R"TPL({% filter escape %}x{% endfilter %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL("filter escape" is not permitted.  Use the "autoescape" tag instead.)TPL");
}
