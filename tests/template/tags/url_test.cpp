// Tests of the {% url %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(url_tag, without_resolver_raises) {
  auto e = render_error(R"TPL({% url "home" %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::render);
  EXPECT_EQ(e.message(), R"TPL(Reverse for 'home' not found. 'home' is not a valid view function or pattern name.)TPL");
}

TEST(url_tag, as_variable_swallows_failure) {
  EXPECT_EQ(render(R"TPL({% url "home" as u %}[{{ u }}])TPL", value_map{}, {}, {}), R"TPL([])TPL");
}

TEST(url_tag, needs_name) {
  auto e = render_error(R"TPL({% url %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('url' takes at least one argument, a URL pattern name.)TPL");
}
