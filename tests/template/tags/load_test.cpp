// Tests of the {% load %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(load_tag, builtin_libraries) {
  EXPECT_EQ(render(R"TPL({% load static l10n i18n tz cache %}ok)TPL", value_map{}, {}, {}), R"TPL(ok)TPL");
}

TEST(load_tag, unknown_library) {
  auto e = render_error(R"TPL({% load nope %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('nope' is not a registered tag library. Must be one of:
cache
i18n
l10n
static
tz)TPL");
}

TEST(load_tag, from_syntax) {
  EXPECT_EQ(render(R"TPL({% load static from static %}{% static "x.css" %})TPL", value_map{}, {}, {}), R"TPL(/static/x.css)TPL");
}

TEST(load_tag, from_unknown_name) {
  auto e = render_error(R"TPL({% load foo from static %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('foo' is not a valid tag or filter in tag library 'static')TPL");
}
