// Tests of the {% include %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(include_tag, with_and_only) {
  EXPECT_EQ(render(R"TPL({% include "a.html" with x=1 only %})TPL", value_map{{"y", 2}}, {}, {{R"TPL(a.html)TPL", R"TPL({{ x }}{{ y }})TPL"}}), R"TPL(1)TPL");
}

TEST(include_tag, sees_the_context) {
  EXPECT_EQ(render(R"TPL({% with y=3 %}{% include "a.html" %}{% endwith %})TPL", value_map{}, {}, {{R"TPL(a.html)TPL", R"TPL({{ y }})TPL"}}), R"TPL(3)TPL");
}

TEST(include_tag, first_existing_of_a_list) {
  EXPECT_EQ(render(R"TPL({% include names %})TPL", value_map{{"names", value_list{"no.html", "a.html"}}}, {}, {{R"TPL(a.html)TPL", R"TPL(A)TPL"}}), R"TPL(A)TPL");
}

TEST(include_tag, relative_names) {
  EXPECT_EQ(render(R"TPL({% include "dir/a.html" %})TPL", value_map{}, {}, {{R"TPL(dir/a.html)TPL", R"TPL({% include './b.html' %})TPL"}, {R"TPL(dir/b.html)TPL", R"TPL(B)TPL"}}), R"TPL(B)TPL");
}

TEST(include_tag, missing_template) {
  auto e = render_error(R"TPL({% include "no.html" %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::does_not_exist);
  EXPECT_EQ(e.message(), R"TPL(no.html)TPL");
}

TEST(include_tag, syntax_error_inside) {
  auto e = render_error(R"TPL({% include "a.html" %})TPL", value_map{}, {{R"TPL(a.html)TPL", R"TPL({% if %}{% endif %})TPL"}});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(Unexpected end of expression in if tag.)TPL");
}

TEST(include_tag, recursion_is_limited) {
  auto e = render_error(R"TPL({% include "main.html" %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::render);
  EXPECT_EQ(e.message(), R"TPL(Include nested too deeply (more than 64 levels): recursive include?)TPL");
}

TEST(include_tag, unknown_option) {
  auto e = render_error(R"TPL({% include "a.html" foo %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(Unknown argument for 'include' tag: 'foo'.)TPL");
}
