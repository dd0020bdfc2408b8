// truncatechars_html and truncatewords_html: outputs from Django 3.2 (shared/tools/django-oracle), rendered as
// "{{ v|filter:arg }}" would render them.
#include <gtest/gtest.h>

#include "text_test_support.hpp"

namespace djust::tmpl::test {
namespace {

const filter_case cases[] = {
    {"truncatechars_html", value("<p>one <a href=\"#\">two - three <br>four</a> five</p>"), value("a"), true, "&lt;p&gt;one &lt;a href=&quot;#&quot;&gt;two - three &lt;br&gt;four&lt;/a&gt; five&lt;/p&gt;"},
    {"truncatechars_html", value("<p>one <a href=\"#\">two - three <br>four</a> five</p>"), value(4LL), true, "&lt;p&gt;one…&lt;/p&gt;"},
    {"truncatechars_html", value("<p>one <a href=\"#\">two - three <br>four</a> five</p>"), value(9LL), true, "&lt;p&gt;one &lt;a href=&quot;#&quot;&gt;two …&lt;/a&gt;&lt;/p&gt;"},
    {"truncatechars_html", value("<p>one <a href=\"#\">two - three <br>four</a> five</p>"), value(100LL), true, "&lt;p&gt;one &lt;a href=&quot;#&quot;&gt;two - three &lt;br&gt;four&lt;/a&gt; five&lt;/p&gt;"},
    {"truncatechars_html", value("a<b>b</b>c"), value(3LL), true, "a&lt;b&gt;b&lt;/b&gt;c"},
    {"truncatechars_html", value("<b>Ångström</b> was here"), value(3LL), true, "&lt;b&gt;Ån…&lt;/b&gt;"},
    {"truncatechars_html", value("<p>one <a href=\"#\">two - three <br>four</a> five</p>"), value(0LL), true, "…"},
    {"truncatechars_html", value("ab…cd"), value(0LL), true, "…"},
    {"truncatechars_html", value("<<<a>>> b c d"), value("x"), true, "&lt;&lt;&lt;a&gt;&gt;&gt; b c d"},
    {"truncatechars_html", value("<p\n>a b c</p>"), value(4LL), true, "&lt;p\n&gt;a b…&lt;/p&gt;"},
    {"truncatechars_html", value("<x/y>a b c</x/y>"), value(10LL), true, "&lt;x/y&gt;a b c&lt;/x/y&gt;"},
    {"truncatechars_html", value("<p a='1 2'>x y z</p>"), value(0LL), true, "…"},
    {"truncatechars_html", value("Joel is a slug"), value("3"), true, "Jo…"},
    {"truncatechars_html", value("<P>Mixed</p> case tags here ok"), value(4LL), true, "&lt;P&gt;Mix…&lt;/p&gt;"},
    {"truncatechars_html", value("<div><p>abc def ghi</p></div>"), value(2LL), true, "&lt;div&gt;&lt;p&gt;a…&lt;/p&gt;&lt;/div&gt;"},
    {"truncatechars_html", value("<b>bold text here</b> and <i>more"), value(1LL), true, "…"},
    {"truncatechars_html", value("<p>unclosed <b>bold words here"), value(6LL), true, "&lt;p&gt;unclo…&lt;/p&gt;"},
    {"truncatechars_html", value("éééé"), value("x"), true, "éééé"},
    {"truncatechars_html", value("<p>é́ ü ñ ő</p>"), value(1LL), true, "…"},
    {"truncatechars_html", value("<P>Mixed</p> case tags here ok"), value(0LL), true, "…"},
    {"truncatechars_html", value("<x/y>a b c</x/y>"), value(100LL), true, "&lt;x/y&gt;a b c&lt;/x/y&gt;"},
    {"truncatechars_html", value("<a\nhref='x'>link text</a>"), value("x"), true, "&lt;a\nhref=&#x27;x&#x27;&gt;link text&lt;/a&gt;"},
    {"truncatechars_html", value("<ul><li>one two</li><li>three</li></ul>"), value(6LL), true, "&lt;ul&gt;&lt;li&gt;one t…&lt;/li&gt;&lt;/ul&gt;"},
    {"truncatechars_html", value("ab…cd"), value(-1LL), true, "…"},
    {"truncatechars_html", value("word …"), value(1LL), true, "…"},
    {"truncatechars_html", value("<p/ >a b c"), value(0LL), true, "…"},
    {"truncatechars_html", value("<p>é́ ü ñ ő</p>"), value(3LL), true, "&lt;p&gt;é́…&lt;/p&gt;"},
    {"truncatechars_html", value("<BR>UPPER <P>case</P> tags"), value("x"), true, "&lt;BR&gt;UPPER &lt;P&gt;case&lt;/P&gt; tags"},
    {"truncatechars_html", value("<a/>x y z"), value(3LL), true, "&lt;a/&gt;x …"},
    {"truncatechars_html", value("<br/>a b c d"), value(10LL), true, "&lt;br/&gt;a b c d"},
    {"truncatewords_html", value("<p>string</p>"), value("a"), true, "&lt;p&gt;string&lt;/p&gt;"},
    {"truncatewords_html", value("<p>one <a href=\"#\">two - three <br>four</a> five</p>"), value(2LL), true, "&lt;p&gt;one &lt;a href=&quot;#&quot;&gt;two …&lt;/a&gt;&lt;/p&gt;"},
    {"truncatewords_html", value("<p>one <a href=\"#\">two - three <br>four</a> five</p>"), value(4LL), true, "&lt;p&gt;one &lt;a href=&quot;#&quot;&gt;two - three …&lt;/a&gt;&lt;/p&gt;"},
    {"truncatewords_html", value("<p>one <a href=\"#\">two - three <br>four</a> five</p>"), value(5LL), true, "&lt;p&gt;one &lt;a href=&quot;#&quot;&gt;two - three &lt;br&gt;four …&lt;/a&gt;&lt;/p&gt;"},
    {"truncatewords_html", value("<p>one <a href=\"#\">two - three <br>four</a> five</p>"), value(100LL), true, "&lt;p&gt;one &lt;a href=&quot;#&quot;&gt;two - three &lt;br&gt;four&lt;/a&gt; five&lt;/p&gt;"},
    {"truncatewords_html", value("<i>Buenos d&iacute;as! &#x00bf;C&oacute;mo est&aacute;?</i>"), value(3LL), true, "&lt;i&gt;Buenos d&amp;iacute;as! &amp;#x00bf;C&amp;oacute;mo …&lt;/i&gt;"},
    {"truncatewords_html", value("Ångström was here"), value(1LL), true, "Ångström …"},
    {"truncatewords_html", value("<p>one <a href=\"#\">two - three <br>four</a> five</p>"), value(0LL), true, ""},
    {"truncatewords_html", value("<div><p>abc def ghi</p></div>"), value(3LL), true, "&lt;div&gt;&lt;p&gt;abc def ghi&lt;/p&gt;&lt;/div&gt;"},
    {"truncatewords_html", value("<b>bold text here</b> and <i>more"), value(2LL), true, "&lt;b&gt;bold text …&lt;/b&gt;"},
    {"truncatewords_html", value("short"), value("x"), true, "short"},
    {"truncatewords_html", value("<p>one <a href='#'>two - three <br>four</a> five</p>"), value(-1LL), true, ""},
    {"truncatewords_html", value("<input type=x>a b c"), value(1LL), true, "&lt;input type=x&gt;a …"},
    {"truncatewords_html", value(""), value("x"), true, ""},
    {"truncatewords_html", value("<p/ >a b c"), value(3LL), true, "&lt;p/ &gt;a b c"},
    {"truncatewords_html", value("́abc"), value(10LL), true, "́abc"},
    {"truncatewords_html", value("éééé"), value(-1LL), true, ""},
    {"truncatewords_html", value("<p a='1 2'>x y z</p>"), value(6LL), true, "&lt;p a=&#x27;1 2&#x27;&gt;x y z&lt;/p&gt;"},
    {"truncatewords_html", value("<br/>a b c d"), value(10LL), true, "&lt;br/&gt;a b c d"},
    {"truncatewords_html", value("<p>unclosed <b>bold words here"), value(6LL), true, "&lt;p&gt;unclosed &lt;b&gt;bold words here"},
    {"truncatewords_html", value("<a/>x y z"), value(6LL), true, "&lt;a/&gt;x y z"},
    {"truncatewords_html", value::safe("<b>a b c</b>"), value(1LL), true, "<b>a …</b>"},
    {"truncatewords_html", value("  many   spaces\n here "), value("x"), true, "  many   spaces\n here "},
    {"truncatewords_html", value("Joel is a slug"), value(5LL), true, "Joel is a slug"},
    {"truncatewords_html", value("<input type=x>a b c"), value(2LL), true, "&lt;input type=x&gt;a b …"},
    {"truncatewords_html", value("<br/>a b c d"), value(3LL), true, "&lt;br/&gt;a b c …"},
    {"truncatewords_html", value("ab…cd"), value(5LL), true, "ab…cd"},
    {"truncatewords_html", value("a<b c d"), value(6LL), true, "a&lt;b c d"},
    {"truncatewords_html", value("<p/ >a b c"), value(6LL), true, "&lt;p/ &gt;a b c"},
    {"truncatewords_html", value("<p>unclosed <b>bold words here"), value(1LL), true, "&lt;p&gt;unclosed …&lt;/p&gt;"},
};

TEST(html_truncate, render_like_django) {
  for (const auto& c : cases) {
    EXPECT_EQ(render_filter(c.filter, c.input, c.arg, c.autoescape), c.expected)
        << c.filter << " on " << c.input.repr() << (c.arg ? " arg " + c.arg->repr() : "")
        << (c.autoescape ? "" : " (autoescape off)");
  }
}

// Void elements (br, img, ...) are never closed; open elements are, innermost first.
TEST(html_truncate, closes_open_tags_but_not_void_ones) {
  EXPECT_EQ(render_filter("truncatewords_html", value("<p>one <br>two <img src=x>three <b>four"),
                          value(3)),
            "&lt;p&gt;one &lt;br&gt;two &lt;img src=x&gt;three \xE2\x80\xA6&lt;/p&gt;");
  EXPECT_EQ(render_filter("truncatechars_html", value("<p>Hello <b>World</b></p>"), value(8)),
            "&lt;p&gt;Hello &lt;b&gt;W\xE2\x80\xA6&lt;/b&gt;&lt;/p&gt;");
}

}  // namespace
}  // namespace djust::tmpl::test
