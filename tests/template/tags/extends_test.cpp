// Tests of the {% extends %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(extends_tag, multi_level_with_super) {
  EXPECT_EQ(render(R"TPL({% extends "b.html" %}{% block a %}{{ block.super }}2{% endblock %})TPL", value_map{}, {}, {{R"TPL(b.html)TPL", R"TPL({% extends 'c.html' %}{% block a %}{{ block.super }}1{% endblock %})TPL"}, {R"TPL(c.html)TPL", R"TPL({% block a %}0{% endblock %}|{% block b %}B{% endblock %})TPL"}}), R"TPL(012|B)TPL");
}

TEST(extends_tag, text_before_extends_is_kept) {
  EXPECT_EQ(render(R"TPL(pre{% extends "b.html" %}{% block a %}X{% endblock %}ignored)TPL", value_map{}, {}, {{R"TPL(b.html)TPL", R"TPL([{% block a %}{% endblock %}])TPL"}}), R"TPL(pre[X])TPL");
}

TEST(extends_tag, must_be_first) {
  auto e = render_error(R"TPL({% load static %}{% extends "b.html" %})TPL", value_map{}, {{R"TPL(b.html)TPL", R"TPL(x)TPL"}});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(<ExtendsNode: extends "b.html"> must be the first tag in the template.)TPL");
}

TEST(extends_tag, only_once) {
  auto e = render_error(R"TPL({% extends "b.html" %}{% extends "b.html" %})TPL", value_map{}, {{R"TPL(b.html)TPL", R"TPL(x)TPL"}});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('extends' cannot appear more than once in the same template)TPL");
}

TEST(extends_tag, self_extends_does_not_exist) {
  auto e = render_error(R"TPL({% extends "main.html" %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::does_not_exist);
  EXPECT_EQ(e.message(), R"TPL(main.html)TPL");
}

TEST(extends_tag, empty_name) {
  auto e = render_error(R"TPL({% extends b %})TPL", value_map{{"b", ""}}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL(Invalid template name in 'extends' tag: ''. Got this from the 'b' variable.)TPL");
}

TEST(extends_tag, variable_parent) {
  EXPECT_EQ(render(R"TPL({% extends p %}{% block a %}{{ block.name }}{% endblock %})TPL", value_map{{"p", "b.html"}}, {}, {{R"TPL(b.html)TPL", R"TPL(<{% block a %}{% endblock %}>)TPL"}}), R"TPL(<a>)TPL");
}
