// Tests of the {% now %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(now_tag, escaped_format) {
  EXPECT_EQ(render(R"TPL({% now "\N\O\W" %})TPL", value_map{}, {}, {}), R"TPL(NOW)TPL");
}

TEST(now_tag, naive_time_has_no_zone_name) {
  EXPECT_EQ(render(R"TPL({% now "e" %}|{% now "Y-m-d" as d %}{{ d|length }})TPL", value_map{}, {}, {}), R"TPL(|10)TPL");
}

TEST(now_tag, needs_argument) {
  auto e = render_error(R"TPL({% now %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('now' statement takes one argument)TPL");
}
