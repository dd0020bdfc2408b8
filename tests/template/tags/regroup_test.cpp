// Tests of the {% regroup %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(regroup_tag, groups_consecutive_items) {
  EXPECT_EQ(render(R"TPL({% regroup l by k as g %}{% for x in g %}{{ x.grouper }}:{% for i in x.list %}{{ i.v }}{% endfor %};{% endfor %})TPL", value_map{{"l", value_list{value_map{{"k", 1}, {"v", "a"}}, value_map{{"k", 1}, {"v", "b"}}, value_map{{"k", 2}, {"v", "c"}}}}}, {}, {}), R"TPL(1:ab;2:c;)TPL");
}

TEST(regroup_tag, unpacks_like_a_namedtuple) {
  EXPECT_EQ(render(R"TPL({% regroup l by k as g %}{% for key, items in g %}{{ key }}{{ items|length }}{% endfor %})TPL", value_map{{"l", value_list{value_map{{"k", 1}}, value_map{{"k", 1}}}}}, {}, {}), R"TPL(12)TPL");
}

TEST(regroup_tag, missing_target_is_empty) {
  EXPECT_EQ(render(R"TPL({% regroup missing by k as g %}[{{ g|length }}])TPL", value_map{}, {}, {}), R"TPL([0])TPL");
}

TEST(regroup_tag, syntax) {
  auto e = render_error(R"TPL({% regroup l by k %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('regroup' tag takes five arguments)TPL");
}
