// Tests of the {% for %} tag (expectations checked against Django 3.2).
#include <gtest/gtest.h>

#include "../template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

TEST(for_tag, forloop_variables) {
  EXPECT_EQ(render(R"TPL({% for x in l %}{{ forloop.counter }}{{ forloop.counter0 }}{{ forloop.revcounter }}{{ forloop.revcounter0 }}{{ forloop.first }}{{ forloop.last }};{% endfor %})TPL", value_map{{"l", value_list{"a", "b"}}}, {}, {}), R"TPL(1021TrueFalse;2110FalseTrue;)TPL");
}

TEST(for_tag, parentloop) {
  EXPECT_EQ(render(R"TPL({% for x in l %}{% for y in l %}{{ forloop.parentloop.counter }}{{ forloop.counter }} {% endfor %}{% endfor %})TPL", value_map{{"l", value_list{1, 2}}}, {}, {}), R"TPL(11 12 21 22 )TPL");
}

TEST(for_tag, reversed_and_empty) {
  EXPECT_EQ(render(R"TPL({% for x in l reversed %}{{ x }}{% empty %}e{% endfor %}{% for x in m %}{{ x }}{% empty %}e{% endfor %})TPL", value_map{{"l", value_list{1, 2, 3}}, {"m", value_list{}}}, {}, {}), R"TPL(321e)TPL");
}

TEST(for_tag, unpacking) {
  EXPECT_EQ(render(R"TPL({% for a, b in l %}{{ a }}{{ b }};{% endfor %})TPL", value_map{{"l", value_list{value_list{1, 2}, "xy"}}}, {}, {}), R"TPL(12;xy;)TPL");
}

TEST(for_tag, unpacking_mismatch) {
  auto e = render_error(R"TPL({% for a, b in l %}{% endfor %})TPL", value_map{{"l", value_list{value_list{1}}}}, {});
  EXPECT_EQ(e.kind(), error_kind::render);
  EXPECT_EQ(e.message(), R"TPL(Need 2 values to unpack in for loop; got 1. )TPL");
}

TEST(for_tag, strings_and_dicts_iterate) {
  EXPECT_EQ(render(R"TPL({% for c in s %}{{ c }},{% endfor %}{% for k in d %}{{ k }}{% endfor %})TPL", value_map{{"s", "hé"}, {"d", value_map{{"a", 1}, {"b", 2}}}}, {}, {}), R"TPL(h,é,ab)TPL");
}

TEST(for_tag, integer_is_not_iterable) {
  auto e = render_error(R"TPL({% for x in 5 %}{% endfor %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::render);
  EXPECT_EQ(e.message(), R"TPL('5' object is not iterable)TPL");
}

TEST(for_tag, missing_is_empty) {
  EXPECT_EQ(render(R"TPL({% for x in nothing %}x{% empty %}none{% endfor %})TPL", value_map{}, {}, {}), R"TPL(none)TPL");
}

TEST(for_tag, whole_forloop_prints_as_dict) {
  EXPECT_EQ(render(R"TPL({% for x in l %}{{ forloop }}{% endfor %})TPL", value_map{{"l", value_list{1}}}, {}, {}), R"TPL({&#x27;parentloop&#x27;: {}, &#x27;counter0&#x27;: 0, &#x27;counter&#x27;: 1, &#x27;revcounter&#x27;: 1, &#x27;revcounter0&#x27;: 0, &#x27;first&#x27;: True, &#x27;last&#x27;: True})TPL");
}

TEST(for_tag, bad_syntax) {
  auto e = render_error(R"TPL({% for x from l %}{% endfor %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('for' statements should use the format 'for x in y': for x from l)TPL");
}

TEST(for_tag, too_short) {
  auto e = render_error(R"TPL({% for x %}{% endfor %})TPL", value_map{}, {});
  EXPECT_EQ(e.kind(), error_kind::syntax);
  EXPECT_EQ(e.message(), R"TPL('for' statements should have at least four words: for x)TPL");
}

// Each iteration re-points the loop variable's scope entry; whatever the body sets under
// the same name in between (Django: context[name] = ...) is overridden by the next item.
// Expectations from Django 3.2.
TEST(for_tag, body_that_rebinds_the_loop_variable) {
  value_map ctx{{"l", value_list{1, 2, 3}}, {"m", value_list{"p", "q"}}, {"b", "B"}};
  EXPECT_EQ(render("{% for x in l %}{% cycle 'a' 'b' as x %}[{{ x }}]{% endfor %}", ctx),
            "a[a]b[b]a[a]");
  EXPECT_EQ(render("{% for x in l %}{% with x=9 %}{{ x }}{% endwith %}{{ x }}"
                   "{% for x in m %}{{ x }}{% endfor %}{{ x }}{% endfor %}", ctx),
            "91pq192pq293pq3");
  EXPECT_EQ(render("{% for x in l %}{% firstof a b as x %}{{ x }}{% endfor %}{{ x }}", ctx), "BBB");
  EXPECT_EQ(render("{% for forloop in l %}{{ forloop }}{% endfor %}", ctx), "123");
  EXPECT_EQ(render("{% for x in l %}{% include 'i.html' only %}{{ x }}{% include 'i.html' with x=5 %}"
                   "{% endfor %}", ctx, {}, {{"i.html", "<{{ x }}>"}}),
            "<>1<5><>2<5><>3<5>");
}
