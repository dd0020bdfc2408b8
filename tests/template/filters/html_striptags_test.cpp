// striptags (Python HTMLParser semantics): outputs from Django 3.2 (shared/tools/django-oracle), rendered as
// "{{ v|filter:arg }}" would render them.
#include <gtest/gtest.h>

#include "text_test_support.hpp"

namespace djust::tmpl::test {
namespace {

const filter_case cases[] = {
    {"striptags", value(123LL), std::nullopt, true, "123"},
    {"striptags", value("some <b>html</b> with <script>alert(\"You smell\")</script> disallowed <img /> tags"), std::nullopt, true, "some html with alert(&quot;You smell&quot;) disallowed  tags"},
    {"striptags", value("some <b>html</b> with <script>alert(\"Hello\")</script> disallowed <img /> tags"), std::nullopt, true, "some html with alert(&quot;Hello&quot;) disallowed  tags"},
    {"striptags", value("<![foo]>y"), std::nullopt, true, "!Error"},
    {"striptags", value::safe("<![foo]>y"), std::nullopt, true, "!Error"},
    {"striptags", value("<![foo]>y"), std::nullopt, false, "!Error"},
    {"striptags", value("it's \"q\""), std::nullopt, true, "it&#x27;s &quot;q&quot;"},
    {"striptags", value("İstanbul"), std::nullopt, true, "İstanbul"},
    {"striptags", value("<br>"), std::nullopt, false, ""},
    {"striptags", value("a &b"), std::nullopt, true, "a &amp;b"},
    {"striptags", value("<p/>x<br/>y<br />z"), std::nullopt, true, "xyz"},
    {"striptags", value::safe("<x y=='z'>w"), std::nullopt, true, "w"},
    {"striptags", value::safe("< p>x</p>"), std::nullopt, true, "< p>x"},
    {"striptags", value::safe("&ab."), std::nullopt, true, "&ab."},
    {"striptags", value::safe("<b>x & y</b>"), std::nullopt, false, "x & y"},
    {"striptags", value("&amp x &foo; &#12 &#x1g"), std::nullopt, false, "&amp x &foo; &#12 &#x1g"},
    {"striptags", value("ﬁne ﬂow"), std::nullopt, true, "ﬁne ﬂow"},
    {"striptags", value(" nbsp "), std::nullopt, true, " nbsp "},
    {"striptags", value("<b>bold</b"), std::nullopt, false, "bold</b"},
    {"striptags", value("<!DOCTYPE html><html>x</html>"), std::nullopt, true, "x"},
    {"striptags", value("<a b=c d='e' f=\"g\" h>x</a>"), std::nullopt, true, "x"},
    {"striptags", value("<?php echo 1 ?>x"), std::nullopt, true, "x"},
    {"striptags", value("<x/y>w"), std::nullopt, false, "w"},
    {"striptags", value("ŉ"), std::nullopt, true, "ŉ"},
    {"striptags", value("<p onclick='a<b'>x</p>"), std::nullopt, false, "x"},
    {"striptags", value("<"), std::nullopt, true, "&lt;"},
    {"striptags", value("<p\tclass=x>y</p>"), std::nullopt, true, "y"},
    {"striptags", value("<<b>>x<</b>>"), std::nullopt, false, "<>x<>"},
    {"striptags", value("x <b y"), std::nullopt, true, "x &lt;b y"},
    {"striptags", value("<!x>y"), std::nullopt, false, "y"},
};

TEST(html_striptags, render_like_django) {
  for (const auto& c : cases) {
    EXPECT_EQ(render_filter(c.filter, c.input, c.arg, c.autoescape), c.expected)
        << c.filter << " on " << c.input.repr() << (c.arg ? " arg " + c.arg->repr() : "")
        << (c.autoescape ? "" : " (autoescape off)");
  }
}

// Python's HTMLParser keeps script contents as data.
TEST(html_striptags, script_contents_are_kept) {
  EXPECT_EQ(render_filter("striptags", value("<script>if (a<b) x()</script>ok")),
            "if (a&lt;b) x()ok");
}

// Entity references are re-emitted with a ';' even when the source had none.
TEST(html_striptags, entity_references_gain_a_semicolon) {
  EXPECT_EQ(render_filter("striptags", value("x &amp y &#39 z")), "x &amp;amp y &amp;#39 z");
}

// An unknown marked-section keyword is an AssertionError in Python: the render fails.
TEST(html_striptags, unknown_marked_section_fails) {
  EXPECT_EQ(render_filter("striptags", value("<![foo]>x")), "!Error");
}

}  // namespace
}  // namespace djust::tmpl::test
