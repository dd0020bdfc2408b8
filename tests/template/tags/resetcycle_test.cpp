// Tests of the {% resetcycle %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(resetcycle_tag, resets_the_last_cycle) {
  EXPECT_EQ(render(R"TPL({% for i in l %}{% cycle "a" "b" %}{% resetcycle %}{% endfor %})TPL", value_map{{"l", value_list{1, 2, 3}}}, {}, {}), R"TPL(aaa)TPL");
}

TEST(resetcycle_tag, named) {
  EXPECT_EQ(render(R"TPL({% for i in l %}{% cycle "a" "b" as c silent %}{{ c }}{% if forloop.counter == 2 %}{% resetcycle c %}{% endif %}{% endfor %})TPL", value_map{{"l", value_list{1, 2, 3}}}, {}, {}), R"TPL(aba)TPL");
}

TEST(resetcycle_tag, no_cycles) {
  auto e = render_error(R"TPL({% resetcycle %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(No cycles in template.)TPL");
}
