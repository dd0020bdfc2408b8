// Tests of the {% firstof %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(firstof_tag, first_true_escaped) {
  EXPECT_EQ(render(R"TPL({% firstof a b "<c>" %})TPL", value_map{{"b", "<x>"}}, {}, {}), R"TPL(&lt;x&gt;)TPL");
}

TEST(firstof_tag, literal_is_safe) {
  EXPECT_EQ(render(R"TPL({% firstof a "<c>" %})TPL", value_map{}, {}, {}), R"TPL(<c>)TPL");
}

TEST(firstof_tag, as_variable) {
  EXPECT_EQ(render(R"TPL({% firstof a b as z %}[{{ z }}])TPL", value_map{{"a", 0}, {"b", 2}}, {}, {}), R"TPL([2])TPL");
}

TEST(firstof_tag, needs_argument) {
  auto e = render_error(R"TPL({% firstof %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('firstof' statement requires at least one argument)TPL");
}
