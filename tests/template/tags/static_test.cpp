// Tests of the {% static %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(static_tag, joins_the_prefix_and_quotes) {
  EXPECT_EQ(render(R"TPL({% load static %}{% static "a b.css" %}|{% static "/abs.css" %})TPL", value_map{}, {}, {}), R"TPL(/static/a%20b.css|/abs.css)TPL");
}

TEST(static_tag, as_variable_and_prefix) {
  EXPECT_EQ(render(R"TPL({% load static %}{% static "x.css" as s %}{{ s }}|{% get_static_prefix %}|{% get_static_prefix as p %}{{ p }})TPL", value_map{}, {}, {}), R"TPL(/static/x.css|/static/|/static/)TPL");
}

TEST(static_tag, needs_load) {
  auto e = render_error(R"TPL({% static "x" %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
}
