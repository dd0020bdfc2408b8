// urlize and urlizetrunc: outputs from Django 3.2 (shared/tools/django-oracle), rendered as
// "{{ v|filter:arg }}" would render them.
#include <gtest/gtest.h>

#include "text_test_support.hpp"

namespace djust::tmpl::test {
namespace {

const filter_case cases[] = {
    {"urlize", value("foo<a href=\" google.com \">bar</a>buz"), std::nullopt, true, "foo&lt;a href=&quot; <a href=\"http://google.com\" rel=\"nofollow\">google.com</a> &quot;&gt;bar&lt;/a&gt;buz"},
    {"urlize", value("foo<a href=\" google.com \">bar</a>buz"), std::nullopt, false, "foo<a href=\" <a href=\"http://google.com\" rel=\"nofollow\">google.com</a> \">bar</a>buz"},
    {"urlize", value("[see www.example.com]"), std::nullopt, true, "[see <a href=\"http://www.example.com\" rel=\"nofollow\">www.example.com</a>]"},
    {"urlize", value("see test[at[example.com"), std::nullopt, true, "see <a href=\"http://test[at[example.com\" rel=\"nofollow\">test[at[example.com</a>"},
    {"urlize", value("[http://168.192.0.1](http://168.192.0.1)"), std::nullopt, true, "[<a href=\"http://168.192.0.1](http://168.192.0.1)\" rel=\"nofollow\">http://168.192.0.1](http://168.192.0.1)</a>"},
    {"urlize", value("info@djangoproject.org"), std::nullopt, true, "<a href=\"mailto:info@djangoproject.org\">info@djangoproject.org</a>"},
    {"urlize", value("Go to djangoproject.com! and enjoy."), std::nullopt, true, "Go to <a href=\"http://djangoproject.com\" rel=\"nofollow\">djangoproject.com</a>! and enjoy."},
    {"urlize", value("Search for google.com/?q=! and see."), std::nullopt, true, "Search for <a href=\"http://google.com/?q=\" rel=\"nofollow\">google.com/?q=</a>! and see."},
    {"urlize", value("Search for google.com/?q=dj!`? and see."), std::nullopt, true, "Search for <a href=\"http://google.com/?q=dj%21%60%3F\" rel=\"nofollow\">google.com/?q=dj!`?</a> and see."},
    {"urlize", value("Search for google.com/?q=dj!`?! and see."), std::nullopt, true, "Search for <a href=\"http://google.com/?q=dj%21%60%3F\" rel=\"nofollow\">google.com/?q=dj!`?</a>! and see."},
    {"urlize", value::safe("http://example.com/ab&lt;"), std::nullopt, true, "<a href=\"http://example.com/ab%3C\" rel=\"nofollow\">http://example.com/ab&lt;</a>"},
    {"urlize", value(value_map{{"k", value("v")}}), std::nullopt, true, "{&#x27;k&#x27;: &#x27;v&#x27;}"},
    {"urlize", value::safe("http://[vz.x]/"), std::nullopt, true, "<a href=\"http://[vz.x]/\" rel=\"nofollow\">http://[vz.x]/</a>"},
    {"urlize", value::safe("www.x.com/?="), std::nullopt, true, "<a href=\"http://www.x.com/?=\" rel=\"nofollow\">www.x.com/?=</a>"},
    {"urlize", value("a.com:80"), std::nullopt, true, "a.com:80"},
    {"urlize", value("https://_under.com"), std::nullopt, false, "<a href=\"https://_under.com\" rel=\"nofollow\">https://_under.com</a>"},
    {"urlize", value("a.b.c.com/x/y"), std::nullopt, true, "<a href=\"http://a.b.c.com/x/y\" rel=\"nofollow\">a.b.c.com/x/y</a>"},
    {"urlize", value("http://example.com!"), std::nullopt, true, "<a href=\"http://example.com\" rel=\"nofollow\">http://example.com</a>!"},
    {"urlize", value::safe("example.com x"), std::nullopt, true, "<a href=\"http://example.com\" rel=\"nofollow\">example.com</a> x"},
    {"urlize", value("Visit WWW.EXAMPLE.COM now"), std::nullopt, true, "Visit <a href=\"http://WWW.EXAMPLE.COM\" rel=\"nofollow\">WWW.EXAMPLE.COM</a> now"},
    {"urlize", value("http://[::1]:8000/x"), std::nullopt, true, "http://[::1]:8000/x"},
    {"urlize", value::safe("http://example.com)."), std::nullopt, true, "<a href=\"http://example.com\" rel=\"nofollow\">http://example.com</a>)."},
    {"urlize", value("http://user:pw@host.com:80/p"), std::nullopt, false, "<a href=\"http://user:pw@host.com:80/p\" rel=\"nofollow\">http://user:pw@host.com:80/p</a>"},
    {"urlize", value("http://x.com/?%zz=1"), std::nullopt, false, "<a href=\"http://x.com/?%25zz=1\" rel=\"nofollow\">http://x.com/?%zz=1</a>"},
    {"urlize", value("http://a.com/&#39;"), std::nullopt, true, "<a href=\"http://a.com/&#x27;\" rel=\"nofollow\">http://a.com/&amp;#39;</a>"},
    {"urlize", value::safe("[www.example.com]"), std::nullopt, true, "[<a href=\"http://www.example.com\" rel=\"nofollow\">www.example.com</a>]"},
    {"urlize", value(5LL), std::nullopt, true, "5"},
    {"urlize", value::safe("e.g."), std::nullopt, true, "e.g."},
    {"urlize", value(decimal_value{"3.50"}), std::nullopt, true, "3.50"},
    {"urlize", value("snake_case-and--dashes"), std::nullopt, true, "snake_case-and--dashes"},
    {"urlizetrunc", value("foo<a href=\" google.com \">bar</a>buz"), value(10LL), true, "foo&lt;a href=&quot; <a href=\"http://google.com\" rel=\"nofollow\">google.com</a> &quot;&gt;bar&lt;/a&gt;buz"},
    {"urlizetrunc", value("foo<a href=\" google.com \">bar</a>buz"), value(9LL), false, "foo<a href=\" <a href=\"http://google.com\" rel=\"nofollow\">google.c…</a> \">bar</a>buz"},
    {"urlizetrunc", value(123LL), value(1LL), true, "123"},
    {"urlizetrunc", value("http://short.com/"), value(20LL), true, "<a href=\"http://short.com/\" rel=\"nofollow\">http://short.com/</a>"},
    {"urlizetrunc", value("http://www.google.co.uk/search?hl=en&q=some+long+url&btnG=Search&meta="), value(20LL), true, "<a href=\"http://www.google.co.uk/search?hl=en&amp;q=some+long+url&amp;btnG=Search&amp;meta=\" rel=\"nofollow\">http://www.google.c…</a>"},
    {"urlizetrunc", value("http://31characteruri.com/test/"), value(31LL), true, "<a href=\"http://31characteruri.com/test/\" rel=\"nofollow\">http://31characteruri.com/test/</a>"},
    {"urlizetrunc", value("http://31characteruri.com/test/"), value(30LL), true, "<a href=\"http://31characteruri.com/test/\" rel=\"nofollow\">http://31characteruri.com/tes…</a>"},
    {"urlizetrunc", value("http://31characteruri.com/test/"), value(1LL), true, "<a href=\"http://31characteruri.com/test/\" rel=\"nofollow\">…</a>"},
    {"urlizetrunc", value("http://www.example.com/a/very/long/path/here"), value("x"), true, "!Error"},
    {"urlizetrunc", value("see www.example.com."), value("x"), true, "!Error"},
    {"urlizetrunc", value("mail me@example.com"), value("x"), true, "!Error"},
    {"urlizetrunc", value("https://example.com/"), value("x"), true, "!Error"},
    {"urlizetrunc", value("Mr.Smith"), value(10LL), true, "Mr.Smith"},
    {"urlizetrunc", value("www.example.com/(a)"), value(10LL), true, "<a href=\"http://www.example.com/(a)\" rel=\"nofollow\">www.examp…</a>"},
    {"urlizetrunc", value("http://café.com/ü?ä=ö"), value(10LL), true, "<a href=\"http://xn--caf-dma.com/%C3%BC?%C3%A4=%C3%B6\" rel=\"nofollow\">http://ca…</a>"},
    {"urlizetrunc", value("mailto:x@y.com"), value(1LL), true, "mailto:x@y.com"},
    {"urlizetrunc", value("mail me@example.com"), value(0LL), true, "mail <a href=\"mailto:me@example.com\">…</a>"},
    {"urlizetrunc", value("https://_under.com"), value(1LL), true, "<a href=\"https://_under.com\" rel=\"nofollow\">…</a>"},
    {"urlizetrunc", value("http://user:pw@host.com:80/p"), value(1LL), true, "<a href=\"http://user:pw@host.com:80/p\" rel=\"nofollow\">…</a>"},
    {"urlizetrunc", value("http://[v1.x]/"), value(10LL), true, "<a href=\"http://[v1.x]/\" rel=\"nofollow\">http://[v…</a>"},
    {"urlizetrunc", value("[a.com]]"), value(10LL), true, "[a.com]]"},
    {"urlizetrunc", value("http://a.com/ß"), value(10LL), true, "<a href=\"http://a.com/%C3%9F\" rel=\"nofollow\">http://a.…</a>"},
    {"urlizetrunc", value("example.com"), value(10LL), true, "<a href=\"http://example.com\" rel=\"nofollow\">example.c…</a>"},
    {"urlizetrunc", value("http://[vz.x]/"), value(1LL), true, "<a href=\"http://[vz.x]/\" rel=\"nofollow\">…</a>"},
    {"urlizetrunc", value("http://example.com/?a=%E2%82&b"), value(1LL), true, "<a href=\"http://example.com/?a=%EF%BF%BD&amp;b=\" rel=\"nofollow\">…</a>"},
    {"urlizetrunc", value("a.b@c.d"), value(1LL), true, "<a href=\"mailto:a.b@c.d\">…</a>"},
    {"urlizetrunc", value("mail me@example.com"), value(10LL), true, "mail <a href=\"mailto:me@example.com\">me@exampl…</a>"},
    {"urlizetrunc", value("1.com"), value(10LL), true, "1.com"},
    {"urlizetrunc", value("Visit WWW.EXAMPLE.COM now"), value(1LL), true, "Visit <a href=\"http://WWW.EXAMPLE.COM\" rel=\"nofollow\">…</a> now"},
    {"urlizetrunc", value("see www.example.com."), value(-5LL), true, "see <a href=\"http://www.example.com\" rel=\"nofollow\">…</a>."},
};

TEST(html_urlize, render_like_django) {
  for (const auto& c : cases) {
    EXPECT_EQ(render_filter(c.filter, c.input, c.arg, c.autoescape), c.expected)
        << c.filter << " on " << c.input.repr() << (c.arg ? " arg " + c.arg->repr() : "")
        << (c.autoescape ? "" : " (autoescape off)");
  }
}

// Edge cases of the scanners and of the fast paths for plain ASCII words (no entity,
// no %-escape, ASCII separators), each next to inputs that take the slow path.
const filter_case edge_cases[] = {
    // entities
    {"urlize", value("http://a.com/x&amp;y"), std::nullopt, true, "<a href=\"http://a.com/x&amp;y\" rel=\"nofollow\">http://a.com/x&amp;amp;y</a>"},
    {"urlize", value("http://a.com/x&amp;y"), std::nullopt, false, "<a href=\"http://a.com/x&amp;y\" rel=\"nofollow\">http://a.com/x&amp;y</a>"},
    {"urlize", value("see www.a.com/?a=1&amp;b=2."), std::nullopt, true, "see <a href=\"http://www.a.com/?a=1&amp;b=2\" rel=\"nofollow\">www.a.com/?a=1&amp;amp;b=2</a>;b=2."},
    {"urlize", value("see www.a.com/?a=1&amp;b=2."), std::nullopt, false, "see <a href=\"http://www.a.com/?a=1&amp;b=2\" rel=\"nofollow\">www.a.com/?a=1&amp;b=2</a>;b=2."},
    {"urlize", value("http://a.com/&lt;b&gt;"), std::nullopt, true, "<a href=\"http://a.com/%3Cb%3E\" rel=\"nofollow\">http://a.com/&amp;lt;b&amp;gt;</a>"},
    {"urlize", value("http://a.com/&lt;b&gt;"), std::nullopt, false, "<a href=\"http://a.com/%3Cb%3E\" rel=\"nofollow\">http://a.com/&lt;b&gt;</a>"},
    {"urlize", value("www.a.com&lt;"), std::nullopt, true, "<a href=\"http://www.a.com&lt;\" rel=\"nofollow\">www.a.com&amp;lt;</a>"},
    {"urlize", value("www.a.com&lt;"), std::nullopt, false, "<a href=\"http://www.a.com&lt;\" rel=\"nofollow\">www.a.com&lt;</a>"},
    {"urlize", value("x &amp; www.a.com &amp;"), std::nullopt, true, "x &amp;amp; <a href=\"http://www.a.com\" rel=\"nofollow\">www.a.com</a> &amp;amp;"},
    {"urlize", value("x &amp; www.a.com &amp;"), std::nullopt, false, "x &amp; <a href=\"http://www.a.com\" rel=\"nofollow\">www.a.com</a> &amp;"},
    {"urlize", value("http://a.com/?q=&quot;x&quot;"), std::nullopt, true, "<a href=\"http://a.com/?q=%22x%22\" rel=\"nofollow\">http://a.com/?q=&amp;quot;x&amp;quot;</a>"},
    {"urlize", value("http://a.com/?q=&quot;x&quot;"), std::nullopt, false, "<a href=\"http://a.com/?q=%22x%22\" rel=\"nofollow\">http://a.com/?q=&quot;x&quot;</a>"},
    {"urlize", value("http://a.com/&amp;."), std::nullopt, true, "<a href=\"http://a.com/&amp;\" rel=\"nofollow\">http://a.com/&amp;amp;</a>amp;."},
    {"urlize", value("http://a.com/&amp;."), std::nullopt, false, "<a href=\"http://a.com/&amp;\" rel=\"nofollow\">http://a.com/&amp;</a>amp;."},
    {"urlize", value("http://a.com/&#38;&#x26;;"), std::nullopt, true, "<a href=\"http://a.com/&amp;&amp;\" rel=\"nofollow\">http://a.com/&amp;#38;&amp;#x26;</a>38;&amp;#x26;;"},
    {"urlize", value("http://a.com/&#38;&#x26;;"), std::nullopt, false, "<a href=\"http://a.com/&amp;&amp;\" rel=\"nofollow\">http://a.com/&#38;&#x26;</a>38;&#x26;;"},
    {"urlize", value("www.a.com/&eacute;!"), std::nullopt, true, "<a href=\"http://www.a.com/%C3%A9\" rel=\"nofollow\">www.a.com/&amp;eacute;</a>eacute;!"},
    {"urlize", value("www.a.com/&eacute;!"), std::nullopt, false, "<a href=\"http://www.a.com/%C3%A9\" rel=\"nofollow\">www.a.com/&eacute;</a>eacute;!"},
    {"urlize", value("http://a.com/&bogus;."), std::nullopt, true, "<a href=\"http://a.com/&amp;bogus\" rel=\"nofollow\">http://a.com/&amp;bogus</a>;."},
    {"urlize", value("http://a.com/&bogus;."), std::nullopt, false, "<a href=\"http://a.com/&amp;bogus\" rel=\"nofollow\">http://a.com/&bogus</a>;."},
    {"urlize", value("http://a.com/&amp"), std::nullopt, true, "<a href=\"http://a.com/&amp;\" rel=\"nofollow\">http://a.com/&amp;amp</a>"},
    {"urlize", value("http://a.com/&amp"), std::nullopt, false, "<a href=\"http://a.com/&amp;\" rel=\"nofollow\">http://a.com/&amp</a>"},
    {"urlize", value("www.a.com&amp;amp;"), std::nullopt, true, "<a href=\"http://www.a.com&amp;amp\" rel=\"nofollow\">www.a.com&amp;amp;amp</a>;amp;"},
    {"urlize", value("www.a.com&amp;amp;"), std::nullopt, false, "<a href=\"http://www.a.com&amp;amp\" rel=\"nofollow\">www.a.com&amp;amp</a>;amp;"},
    // trailing punctuation
    {"urlize", value("http://a.com."), std::nullopt, true, "<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>."},
    {"urlize", value("http://a.com,"), std::nullopt, true, "<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>,"},
    {"urlize", value("http://a.com:"), std::nullopt, true, "<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>:"},
    {"urlize", value("http://a.com;"), std::nullopt, true, "<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>;"},
    {"urlize", value("http://a.com!"), std::nullopt, true, "<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>!"},
    {"urlize", value("www.a.com.,:;!"), std::nullopt, true, "<a href=\"http://www.a.com\" rel=\"nofollow\">www.a.com</a>.,:;!"},
    {"urlize", value("a.com!!"), std::nullopt, true, "a.com!!"},
    {"urlize", value("http://a.com/x.;"), std::nullopt, true, "<a href=\"http://a.com/x\" rel=\"nofollow\">http://a.com/x</a>.;"},
    {"urlize", value("(http://a.com)"), std::nullopt, true, "(<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>)"},
    {"urlize", value("(http://a.com)."), std::nullopt, true, "(<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>)."},
    {"urlize", value("[http://a.com]"), std::nullopt, true, "[<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>]"},
    {"urlize", value("[http://a.com],"), std::nullopt, true, "[<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>],"},
    {"urlize", value("((www.a.com))"), std::nullopt, true, "((<a href=\"http://www.a.com\" rel=\"nofollow\">www.a.com</a>))"},
    {"urlize", value("(www.a.com/(x))"), std::nullopt, true, "(<a href=\"http://www.a.com/(x)\" rel=\"nofollow\">www.a.com/(x)</a>)"},
    {"urlize", value("[www.a.com/[x]]"), std::nullopt, true, "[<a href=\"http://www.a.com/[x]\" rel=\"nofollow\">www.a.com/[x]</a>]"},
    {"urlize", value("(www.a.com)]"), std::nullopt, true, "(<a href=\"http://www.a.com\" rel=\"nofollow\">www.a.com</a>)]"},
    {"urlize", value("http://a.com/(x"), std::nullopt, true, "<a href=\"http://a.com/(x\" rel=\"nofollow\">http://a.com/(x</a>"},
    {"urlize", value("http://a.com/x)"), std::nullopt, true, "<a href=\"http://a.com/x\" rel=\"nofollow\">http://a.com/x</a>)"},
    {"urlize", value("www.a.com/x))."), std::nullopt, true, "<a href=\"http://www.a.com/x))\" rel=\"nofollow\">www.a.com/x))</a>."},
    {"urlize", value("([www.a.com])!"), std::nullopt, true, "([<a href=\"http://www.a.com\" rel=\"nofollow\">www.a.com</a>])!"},
    {"urlize", value("(a@b.com)"), std::nullopt, true, "(<a href=\"mailto:a@b.com\">a@b.com</a>)"},
    {"urlize", value("[a@b.com]."), std::nullopt, true, "[<a href=\"mailto:a@b.com\">a@b.com</a>]."},
    // percent escapes
    {"urlize", value("http://a.com/%41%42"), std::nullopt, true, "<a href=\"http://a.com/AB\" rel=\"nofollow\">http://a.com/%41%42</a>"},
    {"urlize", value("http://a.com/%e2%82%ac"), std::nullopt, true, "<a href=\"http://a.com/%E2%82%AC\" rel=\"nofollow\">http://a.com/%e2%82%ac</a>"},
    {"urlize", value("http://a.com/%E2%82"), std::nullopt, true, "<a href=\"http://a.com/%EF%BF%BD\" rel=\"nofollow\">http://a.com/%E2%82</a>"},
    {"urlize", value("http://a.com/%FF%FE"), std::nullopt, true, "<a href=\"http://a.com/%EF%BF%BD%EF%BF%BD\" rel=\"nofollow\">http://a.com/%FF%FE</a>"},
    {"urlize", value("http://a.com/%zz%4"), std::nullopt, true, "<a href=\"http://a.com/%25zz%254\" rel=\"nofollow\">http://a.com/%zz%4</a>"},
    {"urlize", value("http://a.com/%"), std::nullopt, true, "<a href=\"http://a.com/%25\" rel=\"nofollow\">http://a.com/%</a>"},
    {"urlize", value("http://a.com/?q=%E2%82%AC"), std::nullopt, true, "<a href=\"http://a.com/?q=%E2%82%AC\" rel=\"nofollow\">http://a.com/?q=%E2%82%AC</a>"},
    {"urlize", value("http://a.com/?q=%25"), std::nullopt, true, "<a href=\"http://a.com/?q=%25\" rel=\"nofollow\">http://a.com/?q=%25</a>"},
    {"urlize", value("http://a.com/?q=%2525"), std::nullopt, true, "<a href=\"http://a.com/?q=%25\" rel=\"nofollow\">http://a.com/?q=%2525</a>"},
    {"urlize", value("http://a.com/#%20frag"), std::nullopt, true, "<a href=\"http://a.com/#%20frag\" rel=\"nofollow\">http://a.com/#%20frag</a>"},
    {"urlize", value("http://a.com/a%2Fb"), std::nullopt, true, "<a href=\"http://a.com/a/b\" rel=\"nofollow\">http://a.com/a%2Fb</a>"},
    {"urlize", value("http://a.com/%C0%AF"), std::nullopt, true, "<a href=\"http://a.com/%EF%BF%BD%EF%BF%BD\" rel=\"nofollow\">http://a.com/%C0%AF</a>"},
    {"urlize", value("http://a.com/%ED%A0%80"), std::nullopt, true, "<a href=\"http://a.com/%EF%BF%BD%EF%BF%BD%EF%BF%BD\" rel=\"nofollow\">http://a.com/%ED%A0%80</a>"},
    {"urlize", value("http://a.com/%F0%9F%98%80x"), std::nullopt, true, "<a href=\"http://a.com/%F0%9F%98%80x\" rel=\"nofollow\">http://a.com/%F0%9F%98%80x</a>"},
    {"urlize", value("http://a.com/%F4%90%80%80"), std::nullopt, true, "<a href=\"http://a.com/%EF%BF%BD%EF%BF%BD%EF%BF%BD%EF%BF%BD\" rel=\"nofollow\">http://a.com/%F4%90%80%80</a>"},
    // queries
    {"urlize", value("http://a.com/?q=a+b"), std::nullopt, true, "<a href=\"http://a.com/?q=a+b\" rel=\"nofollow\">http://a.com/?q=a+b</a>"},
    {"urlize", value("http://a.com/?q=a b"), std::nullopt, true, "<a href=\"http://a.com/?q=a\" rel=\"nofollow\">http://a.com/?q=a</a> b"},
    {"urlize", value("http://a.com/?a=1&a=2&a="), std::nullopt, true, "<a href=\"http://a.com/?a=1&amp;a=2&amp;a=\" rel=\"nofollow\">http://a.com/?a=1&amp;a=2&amp;a=</a>"},
    {"urlize", value("http://a.com/?a=1&a=2&a="), std::nullopt, false, "<a href=\"http://a.com/?a=1&amp;a=2&amp;a=\" rel=\"nofollow\">http://a.com/?a=1&a=2&a=</a>"},
    {"urlize", value("http://a.com/?a&b=&=c"), std::nullopt, true, "<a href=\"http://a.com/?a=&amp;b=&amp;=c\" rel=\"nofollow\">http://a.com/?a&amp;b=&amp;=c</a>"},
    {"urlize", value("http://a.com/?a&b=&=c"), std::nullopt, false, "<a href=\"http://a.com/?a=&amp;b=&amp;=c\" rel=\"nofollow\">http://a.com/?a&b=&=c</a>"},
    {"urlize", value("http://a.com/?a=1&&b=2"), std::nullopt, true, "<a href=\"http://a.com/?a=1&amp;b=2\" rel=\"nofollow\">http://a.com/?a=1&amp;&amp;b=2</a>"},
    {"urlize", value("http://a.com/?a=1&&b=2"), std::nullopt, false, "<a href=\"http://a.com/?a=1&amp;b=2\" rel=\"nofollow\">http://a.com/?a=1&&b=2</a>"},
    {"urlize", value("http://a.com/?a=b=c"), std::nullopt, true, "<a href=\"http://a.com/?a=b%3Dc\" rel=\"nofollow\">http://a.com/?a=b=c</a>"},
    {"urlize", value("http://a.com/?q=x~y*z"), std::nullopt, true, "<a href=\"http://a.com/?q=x~y%2Az\" rel=\"nofollow\">http://a.com/?q=x~y*z</a>"},
    {"urlize", value("http://a.com/?q=%2B+%20"), std::nullopt, true, "<a href=\"http://a.com/?q=%2B++\" rel=\"nofollow\">http://a.com/?q=%2B+%20</a>"},
    {"urlize", value("http://a.com/?;a=1;b"), std::nullopt, true, "<a href=\"http://a.com/?%3Ba=1%3Bb\" rel=\"nofollow\">http://a.com/?;a=1;b</a>"},
    {"urlize", value("http://a.com/?q=café"), std::nullopt, true, "<a href=\"http://a.com/?q=caf%C3%A9\" rel=\"nofollow\">http://a.com/?q=café</a>"},
    {"urlize", value("https://example.com/card/0?q=a"), std::nullopt, true, "<a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">https://example.com/card/0?q=a</a>"},
    {"urlize", value("http://a.com/?"), std::nullopt, true, "<a href=\"http://a.com/\" rel=\"nofollow\">http://a.com/?</a>"},
    {"urlize", value("http://a.com/?#"), std::nullopt, true, "<a href=\"http://a.com/\" rel=\"nofollow\">http://a.com/?#</a>"},
    {"urlize", value("http://a.com/p?q=1#f?g"), std::nullopt, true, "<a href=\"http://a.com/p?q=1#f?g\" rel=\"nofollow\">http://a.com/p?q=1#f?g</a>"},
    {"urlize", value("http://a.com/p q"), std::nullopt, true, "<a href=\"http://a.com/p\" rel=\"nofollow\">http://a.com/p</a> q"},
    // IDNA
    {"urlize", value("http://café.com/"), std::nullopt, true, "<a href=\"http://xn--caf-dma.com/\" rel=\"nofollow\">http://café.com/</a>"},
    {"urlize", value("www.café.com"), std::nullopt, true, "<a href=\"http://www.xn--caf-dma.com\" rel=\"nofollow\">www.café.com</a>"},
    {"urlize", value("http://über.example.com/p"), std::nullopt, true, "<a href=\"http://xn--ber-goa.example.com/p\" rel=\"nofollow\">http://über.example.com/p</a>"},
    {"urlize", value("http://EXAMPLE.é.com"), std::nullopt, true, "<a href=\"http://EXAMPLE.xn--9ca.com\" rel=\"nofollow\">http://EXAMPLE.é.com</a>"},
    {"urlize", value("http://xn--caf-dma.com/"), std::nullopt, true, "<a href=\"http://xn--caf-dma.com/\" rel=\"nofollow\">http://xn--caf-dma.com/</a>"},
    {"urlize", value("http://a。b.com"), std::nullopt, true, "<a href=\"http://a.b.com\" rel=\"nofollow\">http://a。b.com</a>"},
    {"urlize", value("http://ß.com"), std::nullopt, true, "<a href=\"http://ss.com\" rel=\"nofollow\">http://ß.com</a>"},
    {"urlize", value("café.com"), std::nullopt, true, "<a href=\"http://xn--caf-dma.com\" rel=\"nofollow\">café.com</a>"},
    {"urlize", value("http://a..com/"), std::nullopt, true, "<a href=\"http://a..com/\" rel=\"nofollow\">http://a..com/</a>"},
    {"urlize", value("http://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/"), std::nullopt, true, "<a href=\"http://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/\" rel=\"nofollow\">http://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/</a>"},
    {"urlize", value("été@café.com"), std::nullopt, true, "<a href=\"mailto:été@xn--caf-dma.com\">été@café.com</a>"},
    {"urlize", value("x@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com"), std::nullopt, true, "x@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com"},
    {"urlize", value("http://١٢.com"), std::nullopt, true, "<a href=\"http://xn--9hbc.com\" rel=\"nofollow\">http://١٢.com</a>"},
    {"urlize", value("http://Bücher.com"), std::nullopt, true, "<a href=\"http://xn--bcher-kva.com\" rel=\"nofollow\">http://Bücher.com</a>"},
    // emails
    {"urlize", value("me@example.com"), std::nullopt, true, "<a href=\"mailto:me@example.com\">me@example.com</a>"},
    {"urlize", value("me@example.com."), std::nullopt, true, "<a href=\"mailto:me@example.com\">me@example.com</a>."},
    {"urlize", value("<me@example.com>"), std::nullopt, true, "&lt;<a href=\"mailto:me@example.com\">me@example.com</a>&gt;"},
    {"urlize", value("<me@example.com>"), std::nullopt, false, "<<a href=\"mailto:me@example.com\">me@example.com</a>>"},
    {"urlize", value("a@b@c.com"), std::nullopt, true, "a@b@c.com"},
    {"urlize", value("@a.com"), std::nullopt, true, "@a.com"},
    {"urlize", value("a@.com"), std::nullopt, true, "a@.com"},
    {"urlize", value("a@b"), std::nullopt, true, "a@b"},
    {"urlize", value("first.last+tag@sub.example.org"), std::nullopt, true, "<a href=\"mailto:first.last+tag@sub.example.org\">first.last+tag@sub.example.org</a>"},
    {"urlize", value("mailto:me@a.com"), std::nullopt, true, "mailto:me@a.com"},
    {"urlize", value("me@a.com:80"), std::nullopt, true, "me@a.com:80"},
    {"urlize", value("ME@EXAMPLE.COM"), std::nullopt, true, "<a href=\"mailto:ME@EXAMPLE.COM\">ME@EXAMPLE.COM</a>"},
    {"urlize", value("m&amp;e@a.com"), std::nullopt, true, "<a href=\"mailto:m&amp;amp;e@a.com\">m&amp;amp;e@a.com</a>"},
    {"urlize", value("m&amp;e@a.com"), std::nullopt, false, "<a href=\"mailto:m&amp;amp;e@a.com\">m&amp;e@a.com</a>"},
    {"urlize", value("x@a.com!"), std::nullopt, true, "<a href=\"mailto:x@a.com\">x@a.com</a>!"},
    // www / bare
    {"urlize", value("www.a.com"), std::nullopt, true, "<a href=\"http://www.a.com\" rel=\"nofollow\">www.a.com</a>"},
    {"urlize", value("WWW.a.com"), std::nullopt, true, "<a href=\"http://WWW.a.com\" rel=\"nofollow\">WWW.a.com</a>"},
    {"urlize", value("www."), std::nullopt, true, "www."},
    {"urlize", value("www.a"), std::nullopt, true, "<a href=\"http://www.a\" rel=\"nofollow\">www.a</a>"},
    {"urlize", value("a.com"), std::nullopt, true, "a.com"},
    {"urlize", value("a.org/path"), std::nullopt, true, "a.org/path"},
    {"urlize", value("a.net/"), std::nullopt, true, "a.net/"},
    {"urlize", value("a.edu."), std::nullopt, true, "a.edu."},
    {"urlize", value("a.gov?"), std::nullopt, true, "a.gov?"},
    {"urlize", value("a.int"), std::nullopt, true, "a.int"},
    {"urlize", value("a.mil"), std::nullopt, true, "a.mil"},
    {"urlize", value("a.co"), std::nullopt, true, "a.co"},
    {"urlize", value("a.com.au"), std::nullopt, true, "a.com.au"},
    {"urlize", value("http.com"), std::nullopt, true, "http.com"},
    {"urlize", value("https.com"), std::nullopt, true, "https.com"},
    {"urlize", value("_a.com"), std::nullopt, true, "<a href=\"http://_a.com\" rel=\"nofollow\">_a.com</a>"},
    {"urlize", value("-a.com"), std::nullopt, true, "-a.com"},
    {"urlize", value("é.com"), std::nullopt, true, "é.com"},
    {"urlize", value("a.comx"), std::nullopt, true, "a.comx"},
    {"urlize", value("a.com/x"), std::nullopt, true, "a.com/x"},
    {"urlize", value("x.y.org/a/b?c=d"), std::nullopt, true, "<a href=\"http://x.y.org/a/b?c=d\" rel=\"nofollow\">x.y.org/a/b?c=d</a>"},
    {"urlize", value("a.cOm"), std::nullopt, true, "a.cOm"},
    {"urlize", value("1.com"), std::nullopt, true, "1.com"},
    {"urlize", value("foo.bar"), std::nullopt, true, "foo.bar"},
    {"urlize", value("e.g."), std::nullopt, true, "e.g."},
    {"urlize", value("ftp://a.com"), std::nullopt, true, "<a href=\"http://ftp://a.com\" rel=\"nofollow\">ftp://a.com</a>"},
    {"urlize", value("http:/a.com"), std::nullopt, true, "http:/a.com"},
    {"urlize", value("http://"), std::nullopt, true, "http://"},
    {"urlize", value("https://["), std::nullopt, true, "https://["},
    {"urlize", value("http://[::1]/"), std::nullopt, true, "http://[::1]/"},
    {"urlize", value("http://[::1"), std::nullopt, true, "http://[::1"},
    // separators
    {"urlize", value("x\xC2\xA0http://a.com\xC2\xA0y"), std::nullopt, true, "x\xC2\xA0<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>\xC2\xA0y"},
    {"urlize", value("x\xE3\x80\x80www.a.com\xE3\x80\x80y"), std::nullopt, true, "x\xE3\x80\x80<a href=\"http://www.a.com\" rel=\"nofollow\">www.a.com</a>\xE3\x80\x80y"},
    {"urlize", value("\"http://a.com\""), std::nullopt, true, "&quot;<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>&quot;"},
    {"urlize", value("\"http://a.com\""), std::nullopt, false, "\"<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>\""},
    {"urlize", value("'www.a.com'"), std::nullopt, true, "&#x27;<a href=\"http://www.a.com\" rel=\"nofollow\">www.a.com</a>&#x27;"},
    {"urlize", value("'www.a.com'"), std::nullopt, false, "'<a href=\"http://www.a.com\" rel=\"nofollow\">www.a.com</a>'"},
    {"urlize", value("<http://a.com>"), std::nullopt, true, "&lt;<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>&gt;"},
    {"urlize", value("<http://a.com>"), std::nullopt, false, "<<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>>"},
    {"urlize", value("a<b.com>c"), std::nullopt, true, "a&lt;b.com&gt;c"},
    {"urlize", value("a<b.com>c"), std::nullopt, false, "a<b.com>c"},
    {"urlize", value("x\x09http://a.com\x0Ay"), std::nullopt, true, "x\x09<a href=\"http://a.com\" rel=\"nofollow\">http://a.com</a>\x0Ay"},
    {"urlize", value("\xE2\x80\xA8" "a.com\xE2\x80\xA9"), std::nullopt, true, "\xE2\x80\xA8" "a.com\xE2\x80\xA9"},
    {"urlize", value("http://a.com/\xC2\xA0"), std::nullopt, true, "<a href=\"http://a.com/\" rel=\"nofollow\">http://a.com/</a>\xC2\xA0"},
    {"urlize", value("\xC2\x85www.a.com\xC2\x85"), std::nullopt, true, "\xC2\x85<a href=\"http://www.a.com\" rel=\"nofollow\">www.a.com</a>\xC2\x85"},
    {"urlize", value("x\xE2\x80\x8Bwww.a.com"), std::nullopt, true, "<a href=\"http://xwww.a.com\" rel=\"nofollow\">x\xE2\x80\x8Bwww.a.com</a>"},
    {"urlize", value("éè www.a.com à"), std::nullopt, true, "éè <a href=\"http://www.a.com\" rel=\"nofollow\">www.a.com</a> à"},
    // long
    {"urlize", value("http://example.com/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), std::nullopt, true, "<a href=\"http://example.com/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" rel=\"nofollow\">http://example.com/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</a>"},
    {"urlize", value("http://example.com/éééééééééééééééééééééééééééééééééééééééé"), std::nullopt, true, "<a href=\"http://example.com/%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9\" rel=\"nofollow\">http://example.com/éééééééééééééééééééééééééééééééééééééééé</a>"},
    // mixed text
    {"urlize", value("Hello <b>world</b> & friends, visit https://example.com/card/0?q=a b&lang=fr today!"), std::nullopt, true, "Hello &lt;b&gt;world&lt;/b&gt; &amp; friends, visit <a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">https://example.com/card/0?q=a</a> b&amp;lang=fr today!"},
    {"urlize", value("Hello <b>world</b> & friends, visit https://example.com/card/0?q=a b&lang=fr today!"), std::nullopt, false, "Hello <b>world</b> & friends, visit <a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">https://example.com/card/0?q=a</a> b&lang=fr today!"},
    {"urlize", value("https://example.com/card/0?q=a b&lang=fr"), std::nullopt, true, "<a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">https://example.com/card/0?q=a</a> b&amp;lang=fr"},
    {"urlize", value("https://example.com/card/0?q=a b&lang=fr"), std::nullopt, false, "<a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">https://example.com/card/0?q=a</a> b&lang=fr"},
    {"urlize", value("plain text with no links at all, just words."), std::nullopt, true, "plain text with no links at all, just words."},
    {"urlize", value("a & b < c"), std::nullopt, true, "a &amp; b &lt; c"},
    {"urlize", value("a & b < c"), std::nullopt, false, "a & b < c"},
    // urlizetrunc limits
    {"urlizetrunc", value("https://example.com/card/0?q=a b&lang=fr"), value(0LL), true, "<a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">…</a> b&amp;lang=fr"},
    {"urlizetrunc", value("https://example.com/card/0?q=a b&lang=fr"), value(1LL), true, "<a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">…</a> b&amp;lang=fr"},
    {"urlizetrunc", value("https://example.com/card/0?q=a b&lang=fr"), value(2LL), true, "<a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">h…</a> b&amp;lang=fr"},
    {"urlizetrunc", value("https://example.com/card/0?q=a b&lang=fr"), value(5LL), true, "<a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">http…</a> b&amp;lang=fr"},
    {"urlizetrunc", value("https://example.com/card/0?q=a b&lang=fr"), value(10LL), true, "<a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">https://e…</a> b&amp;lang=fr"},
    {"urlizetrunc", value("https://example.com/card/0?q=a b&lang=fr"), value(15LL), true, "<a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">https://exampl…</a> b&amp;lang=fr"},
    {"urlizetrunc", value("https://example.com/card/0?q=a b&lang=fr"), value(30LL), true, "<a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">https://example.com/card/0?q=a</a> b&amp;lang=fr"},
    {"urlizetrunc", value("https://example.com/card/0?q=a b&lang=fr"), value(100LL), true, "<a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">https://example.com/card/0?q=a</a> b&amp;lang=fr"},
    {"urlizetrunc", value("https://example.com/card/0?q=a b&lang=fr"), value(5LL), false, "<a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">http…</a> b&lang=fr"},
    {"urlizetrunc", value::safe("https://example.com/card/0?q=a b&lang=fr"), value(5LL), true, "<a href=\"https://example.com/card/0?q=a\" rel=\"nofollow\">http…</a> b&lang=fr"},
    {"urlizetrunc", value("http://a.com/&amp;x."), value(0LL), true, "<a href=\"http://a.com/&amp;x\" rel=\"nofollow\">…</a>mp;x."},
    {"urlizetrunc", value("http://a.com/&amp;x."), value(1LL), true, "<a href=\"http://a.com/&amp;x\" rel=\"nofollow\">…</a>mp;x."},
    {"urlizetrunc", value("http://a.com/&amp;x."), value(2LL), true, "<a href=\"http://a.com/&amp;x\" rel=\"nofollow\">h…</a>mp;x."},
    {"urlizetrunc", value("http://a.com/&amp;x."), value(5LL), true, "<a href=\"http://a.com/&amp;x\" rel=\"nofollow\">http…</a>mp;x."},
    {"urlizetrunc", value("http://a.com/&amp;x."), value(10LL), true, "<a href=\"http://a.com/&amp;x\" rel=\"nofollow\">http://a.…</a>mp;x."},
    {"urlizetrunc", value("http://a.com/&amp;x."), value(15LL), true, "<a href=\"http://a.com/&amp;x\" rel=\"nofollow\">http://a.com/&amp;…</a>mp;x."},
    {"urlizetrunc", value("http://a.com/&amp;x."), value(30LL), true, "<a href=\"http://a.com/&amp;x\" rel=\"nofollow\">http://a.com/&amp;amp;x</a>mp;x."},
    {"urlizetrunc", value("http://a.com/&amp;x."), value(100LL), true, "<a href=\"http://a.com/&amp;x\" rel=\"nofollow\">http://a.com/&amp;amp;x</a>mp;x."},
    {"urlizetrunc", value("http://a.com/&amp;x."), value(5LL), false, "<a href=\"http://a.com/&amp;x\" rel=\"nofollow\">http…</a>mp;x."},
    {"urlizetrunc", value::safe("http://a.com/&amp;x."), value(5LL), true, "<a href=\"http://a.com/&amp;x\" rel=\"nofollow\">http…</a>mp;x."},
    {"urlizetrunc", value("http://café.com/ü"), value(0LL), true, "<a href=\"http://xn--caf-dma.com/%C3%BC\" rel=\"nofollow\">…</a>"},
    {"urlizetrunc", value("http://café.com/ü"), value(1LL), true, "<a href=\"http://xn--caf-dma.com/%C3%BC\" rel=\"nofollow\">…</a>"},
    {"urlizetrunc", value("http://café.com/ü"), value(2LL), true, "<a href=\"http://xn--caf-dma.com/%C3%BC\" rel=\"nofollow\">h…</a>"},
    {"urlizetrunc", value("http://café.com/ü"), value(5LL), true, "<a href=\"http://xn--caf-dma.com/%C3%BC\" rel=\"nofollow\">http…</a>"},
    {"urlizetrunc", value("http://café.com/ü"), value(10LL), true, "<a href=\"http://xn--caf-dma.com/%C3%BC\" rel=\"nofollow\">http://ca…</a>"},
    {"urlizetrunc", value("http://café.com/ü"), value(15LL), true, "<a href=\"http://xn--caf-dma.com/%C3%BC\" rel=\"nofollow\">http://café.co…</a>"},
    {"urlizetrunc", value("http://café.com/ü"), value(30LL), true, "<a href=\"http://xn--caf-dma.com/%C3%BC\" rel=\"nofollow\">http://café.com/ü</a>"},
    {"urlizetrunc", value("http://café.com/ü"), value(100LL), true, "<a href=\"http://xn--caf-dma.com/%C3%BC\" rel=\"nofollow\">http://café.com/ü</a>"},
    {"urlizetrunc", value("http://café.com/ü"), value(5LL), false, "<a href=\"http://xn--caf-dma.com/%C3%BC\" rel=\"nofollow\">http…</a>"},
    {"urlizetrunc", value::safe("http://café.com/ü"), value(5LL), true, "<a href=\"http://xn--caf-dma.com/%C3%BC\" rel=\"nofollow\">http…</a>"},
    {"urlizetrunc", value("me@example.com"), value(0LL), true, "<a href=\"mailto:me@example.com\">…</a>"},
    {"urlizetrunc", value("me@example.com"), value(1LL), true, "<a href=\"mailto:me@example.com\">…</a>"},
    {"urlizetrunc", value("me@example.com"), value(2LL), true, "<a href=\"mailto:me@example.com\">m…</a>"},
    {"urlizetrunc", value("me@example.com"), value(5LL), true, "<a href=\"mailto:me@example.com\">me@e…</a>"},
    {"urlizetrunc", value("me@example.com"), value(10LL), true, "<a href=\"mailto:me@example.com\">me@exampl…</a>"},
    {"urlizetrunc", value("me@example.com"), value(15LL), true, "<a href=\"mailto:me@example.com\">me@example.com</a>"},
    {"urlizetrunc", value("me@example.com"), value(30LL), true, "<a href=\"mailto:me@example.com\">me@example.com</a>"},
    {"urlizetrunc", value("me@example.com"), value(100LL), true, "<a href=\"mailto:me@example.com\">me@example.com</a>"},
    {"urlizetrunc", value("me@example.com"), value(5LL), false, "<a href=\"mailto:me@example.com\">me@e…</a>"},
    {"urlizetrunc", value::safe("me@example.com"), value(5LL), true, "<a href=\"mailto:me@example.com\">me@e…</a>"},
    {"urlizetrunc", value("www.example.com/a/b/c"), value(0LL), true, "<a href=\"http://www.example.com/a/b/c\" rel=\"nofollow\">…</a>"},
    {"urlizetrunc", value("www.example.com/a/b/c"), value(1LL), true, "<a href=\"http://www.example.com/a/b/c\" rel=\"nofollow\">…</a>"},
    {"urlizetrunc", value("www.example.com/a/b/c"), value(2LL), true, "<a href=\"http://www.example.com/a/b/c\" rel=\"nofollow\">w…</a>"},
    {"urlizetrunc", value("www.example.com/a/b/c"), value(5LL), true, "<a href=\"http://www.example.com/a/b/c\" rel=\"nofollow\">www.…</a>"},
    {"urlizetrunc", value("www.example.com/a/b/c"), value(10LL), true, "<a href=\"http://www.example.com/a/b/c\" rel=\"nofollow\">www.examp…</a>"},
    {"urlizetrunc", value("www.example.com/a/b/c"), value(15LL), true, "<a href=\"http://www.example.com/a/b/c\" rel=\"nofollow\">www.example.co…</a>"},
    {"urlizetrunc", value("www.example.com/a/b/c"), value(30LL), true, "<a href=\"http://www.example.com/a/b/c\" rel=\"nofollow\">www.example.com/a/b/c</a>"},
    {"urlizetrunc", value("www.example.com/a/b/c"), value(100LL), true, "<a href=\"http://www.example.com/a/b/c\" rel=\"nofollow\">www.example.com/a/b/c</a>"},
    {"urlizetrunc", value("www.example.com/a/b/c"), value(5LL), false, "<a href=\"http://www.example.com/a/b/c\" rel=\"nofollow\">www.…</a>"},
    {"urlizetrunc", value::safe("www.example.com/a/b/c"), value(5LL), true, "<a href=\"http://www.example.com/a/b/c\" rel=\"nofollow\">www.…</a>"},
    {"urlizetrunc", value("(http://a.com/xyz)."), value(0LL), true, "(<a href=\"http://a.com/xyz\" rel=\"nofollow\">…</a>)."},
    {"urlizetrunc", value("(http://a.com/xyz)."), value(1LL), true, "(<a href=\"http://a.com/xyz\" rel=\"nofollow\">…</a>)."},
    {"urlizetrunc", value("(http://a.com/xyz)."), value(2LL), true, "(<a href=\"http://a.com/xyz\" rel=\"nofollow\">h…</a>)."},
    {"urlizetrunc", value("(http://a.com/xyz)."), value(5LL), true, "(<a href=\"http://a.com/xyz\" rel=\"nofollow\">http…</a>)."},
    {"urlizetrunc", value("(http://a.com/xyz)."), value(10LL), true, "(<a href=\"http://a.com/xyz\" rel=\"nofollow\">http://a.…</a>)."},
    {"urlizetrunc", value("(http://a.com/xyz)."), value(15LL), true, "(<a href=\"http://a.com/xyz\" rel=\"nofollow\">http://a.com/x…</a>)."},
    {"urlizetrunc", value("(http://a.com/xyz)."), value(30LL), true, "(<a href=\"http://a.com/xyz\" rel=\"nofollow\">http://a.com/xyz</a>)."},
    {"urlizetrunc", value("(http://a.com/xyz)."), value(100LL), true, "(<a href=\"http://a.com/xyz\" rel=\"nofollow\">http://a.com/xyz</a>)."},
    {"urlizetrunc", value("(http://a.com/xyz)."), value(5LL), false, "(<a href=\"http://a.com/xyz\" rel=\"nofollow\">http…</a>)."},
    {"urlizetrunc", value::safe("(http://a.com/xyz)."), value(5LL), true, "(<a href=\"http://a.com/xyz\" rel=\"nofollow\">http…</a>)."},
    {"urlizetrunc", value("x\xC2\xA0www.a.com/abcdef"), value(0LL), true, "x\xC2\xA0<a href=\"http://www.a.com/abcdef\" rel=\"nofollow\">…</a>"},
    {"urlizetrunc", value("x\xC2\xA0www.a.com/abcdef"), value(1LL), true, "x\xC2\xA0<a href=\"http://www.a.com/abcdef\" rel=\"nofollow\">…</a>"},
    {"urlizetrunc", value("x\xC2\xA0www.a.com/abcdef"), value(2LL), true, "x\xC2\xA0<a href=\"http://www.a.com/abcdef\" rel=\"nofollow\">w…</a>"},
    {"urlizetrunc", value("x\xC2\xA0www.a.com/abcdef"), value(5LL), true, "x\xC2\xA0<a href=\"http://www.a.com/abcdef\" rel=\"nofollow\">www.…</a>"},
    {"urlizetrunc", value("x\xC2\xA0www.a.com/abcdef"), value(10LL), true, "x\xC2\xA0<a href=\"http://www.a.com/abcdef\" rel=\"nofollow\">www.a.com…</a>"},
    {"urlizetrunc", value("x\xC2\xA0www.a.com/abcdef"), value(15LL), true, "x\xC2\xA0<a href=\"http://www.a.com/abcdef\" rel=\"nofollow\">www.a.com/abcd…</a>"},
    {"urlizetrunc", value("x\xC2\xA0www.a.com/abcdef"), value(30LL), true, "x\xC2\xA0<a href=\"http://www.a.com/abcdef\" rel=\"nofollow\">www.a.com/abcdef</a>"},
    {"urlizetrunc", value("x\xC2\xA0www.a.com/abcdef"), value(100LL), true, "x\xC2\xA0<a href=\"http://www.a.com/abcdef\" rel=\"nofollow\">www.a.com/abcdef</a>"},
    {"urlizetrunc", value("x\xC2\xA0www.a.com/abcdef"), value(5LL), false, "x\xC2\xA0<a href=\"http://www.a.com/abcdef\" rel=\"nofollow\">www.…</a>"},
    {"urlizetrunc", value::safe("x\xC2\xA0www.a.com/abcdef"), value(5LL), true, "x\xC2\xA0<a href=\"http://www.a.com/abcdef\" rel=\"nofollow\">www.…</a>"},

    // scheme case, tabs from entities, escaped host, IDNA fallback, limits across non-ASCII
    {"urlize", value("HTTP://A.com/X"), std::nullopt, true, "<a href=\"http://A.com/X\" rel=\"nofollow\">HTTP://A.com/X</a>"},
    {"urlize", value("Https://a.com?Q=1"), std::nullopt, true, "<a href=\"https://a.com?Q=1\" rel=\"nofollow\">Https://a.com?Q=1</a>"},
    {"urlize", value("hTTp://a.com/path"), std::nullopt, true, "<a href=\"http://a.com/path\" rel=\"nofollow\">hTTp://a.com/path</a>"},
    {"urlize", value("http://a.com/&#9;x"), std::nullopt, true, "<a href=\"http://a.com/x\" rel=\"nofollow\">http://a.com/&amp;#9;x</a>"},
    {"urlize", value("http://a.com/&Tab;?q=1&NewLine;2"), std::nullopt, true, "<a href=\"http://a.com/?q=12\" rel=\"nofollow\">http://a.com/&amp;Tab;?q=1&amp;NewLine;2</a>"},
    {"urlize", value("http://a&amp;b.com/"), std::nullopt, true, "<a href=\"http://a&amp;b.com/\" rel=\"nofollow\">http://a&amp;amp;b.com/</a>"},
    {"urlize", value("http://a..com/x%41?q=a+b"), std::nullopt, true, "<a href=\"http://a..com/xA?q=a+b\" rel=\"nofollow\">http://a..com/x%41?q=a+b</a>"},
    {"urlizetrunc", value("http://a.com/abcdefghéé"), value(12LL), true, "<a href=\"http://a.com/abcdefgh%C3%A9%C3%A9\" rel=\"nofollow\">http://a.co…</a>"},
    {"urlizetrunc", value("http://a.com/abcdefghééx"), value(22LL), true, "<a href=\"http://a.com/abcdefgh%C3%A9%C3%A9x\" rel=\"nofollow\">http://a.com/abcdefgh…</a>"},
    {"urlizetrunc", value("http://a.com/abcdefghééx"), value(21LL), true, "<a href=\"http://a.com/abcdefgh%C3%A9%C3%A9x\" rel=\"nofollow\">http://a.com/abcdefg…</a>"},
    {"urlizetrunc", value("www.ééé.com/abcdefghijklmnop"), value(9LL), true, "<a href=\"http://www.xn--9caaa.com/abcdefghijklmnop\" rel=\"nofollow\">www.ééé.…</a>"},
    {"urlizetrunc", value("http://abcdefgh.com/"), value(17LL), true, "<a href=\"http://abcdefgh.com/\" rel=\"nofollow\">http://abcdefgh.…</a>"},
};

TEST(html_urlize, edge_cases_render_like_django) {
  for (const auto& c : edge_cases) {
    EXPECT_EQ(render_filter(c.filter, c.input, c.arg, c.autoescape), c.expected)
        << c.filter << " on " << c.input.repr() << (c.arg ? " arg " + c.arg->repr() : "")
        << (c.autoescape ? "" : " (autoescape off)");
  }
}

// Django measures MAX_URL_LENGTH (2048) in code points, not bytes.
// Words with '&': raw ones in query strings (left alone, html.unescape's fast exit),
// numeric and named references with and without ';', and Django's slicing of the
// escaped text with unescaped lengths.
const filter_case ampersand_cases[] = {
    {"urlize", value("http://example.com/search?q=shoes&page=2&sort=asc"), std::nullopt, true, "<a href=\"http://example.com/search?q=shoes&amp;page=2&amp;sort=asc\" rel=\"nofollow\">http://example.com/search?q=shoes&amp;page=2&amp;sort=asc</a>"},
    {"urlize", value("http://example.com/search?q=shoes&page=2&sort=asc"), std::nullopt, false, "<a href=\"http://example.com/search?q=shoes&amp;page=2&amp;sort=asc\" rel=\"nofollow\">http://example.com/search?q=shoes&page=2&sort=asc</a>"},
    {"urlize", value("www.example.com/?a=1&lang=fr&amp;b=2"), std::nullopt, true, "<a href=\"http://www.example.com/?a=1&amp;lang=fr&amp;b=2\" rel=\"nofollow\">www.example.com/?a=1&amp;lang=fr&amp;amp;b=2</a>"},
    {"urlize", value("www.example.com/?a=1&lang=fr&amp;b=2"), std::nullopt, false, "<a href=\"http://www.example.com/?a=1&amp;lang=fr&amp;b=2\" rel=\"nofollow\">www.example.com/?a=1&lang=fr&amp;b=2</a>"},
    {"urlizetrunc", value("www.example.com/?a=1&lang=fr&amp;b=2"), value(20LL), true, "<a href=\"http://www.example.com/?a=1&amp;lang=fr&amp;b=2\" rel=\"nofollow\">www.example.com/?a=…</a>"},
    {"urlize", value("http://example.com/?x=1&notit=2"), std::nullopt, true, "<a href=\"http://example.com/?x=1%C2%ACit%3D2\" rel=\"nofollow\">http://example.com/?x=1&amp;notit=2</a>"},
    {"urlize", value("http://example.com/?x=1&notit=2"), std::nullopt, false, "<a href=\"http://example.com/?x=1%C2%ACit%3D2\" rel=\"nofollow\">http://example.com/?x=1&notit=2</a>"},
    {"urlize", value("http://example.com/?a=1&#38;b=2 and &#x;"), std::nullopt, true, "<a href=\"http://example.com/?a=1&amp;b=2\" rel=\"nofollow\">http://example.com/?a=1&amp;#38;b=2</a> and &amp;#x;"},
    {"urlize", value("http://example.com/?a=1&#38;b=2 and &#x;"), std::nullopt, false, "<a href=\"http://example.com/?a=1&amp;b=2\" rel=\"nofollow\">http://example.com/?a=1&#38;b=2</a> and &#x;"},
    {"urlize", value("http://example.com/?a=&;b&&c& d"), std::nullopt, true, "<a href=\"http://example.com/?a=&amp;%3Bb=&amp;c=\" rel=\"nofollow\">http://example.com/?a=&amp;;b&amp;&amp;c&amp;</a> d"},
    {"urlize", value("http://example.com/?a=&;b&&c& d"), std::nullopt, false, "<a href=\"http://example.com/?a=&amp;%3Bb=&amp;c=\" rel=\"nofollow\">http://example.com/?a=&;b&&c&</a> d"},
    {"urlize", value("see example.com/?q=1&ltx&l=1."), std::nullopt, true, "see <a href=\"http://example.com/?q=1%3Cx&amp;l=1\" rel=\"nofollow\">example.com/?q=1&amp;ltx&amp;l=1</a>=1."},
    {"urlize", value("see example.com/?q=1&ltx&l=1."), std::nullopt, false, "see <a href=\"http://example.com/?q=1%3Cx&amp;l=1\" rel=\"nofollow\">example.com/?q=1&ltx&l=1</a>=1."},
    {"urlizetrunc", value("see example.com/?q=1&ltx&l=1."), value(20LL), true, "see <a href=\"http://example.com/?q=1%3Cx&amp;l=1\" rel=\"nofollow\">example.com/?q=1&amp;lt…</a>=1."},
    {"urlize", value("www.example.com/?q=a&amp"), std::nullopt, true, "<a href=\"http://www.example.com/?q=a\" rel=\"nofollow\">www.example.com/?q=a&amp;amp</a>"},
    {"urlize", value("www.example.com/?q=a&amp"), std::nullopt, false, "<a href=\"http://www.example.com/?q=a\" rel=\"nofollow\">www.example.com/?q=a&amp</a>"},
    {"urlize", value("http://example.com/?a=1&e=2!"), std::nullopt, true, "<a href=\"http://example.com/?a=1&amp;e=2\" rel=\"nofollow\">http://example.com/?a=1&amp;e=2</a>!"},
    {"urlize", value("http://example.com/?a=1&e=2!"), std::nullopt, false, "<a href=\"http://example.com/?a=1&amp;e=2\" rel=\"nofollow\">http://example.com/?a=1&e=2</a>!"},
};

TEST(html_urlize, ampersands_render_like_django) {
  for (const auto& c : ampersand_cases) {
    EXPECT_EQ(render_filter(c.filter, c.input, c.arg, c.autoescape), c.expected)
        << c.filter << " on " << c.input.repr() << (c.arg ? " arg " + c.arg->repr() : "")
        << (c.autoescape ? "" : " (autoescape off)");
  }
}

TEST(html_urlize, url_length_limit_counts_code_points) {
  auto urlize = [](const std::string& s) { return render_filter("urlize", value(s)); };
  std::string e_acute = "\xC3\xA9";
  std::string at_limit = "http://a.com/", href = "http://a.com/";
  for (int i = 0; i < 2048 - 13; ++i) {
    at_limit += e_acute;
    href += "%C3%A9";
  }
  EXPECT_EQ(urlize(at_limit), "<a href=\"" + href + "\" rel=\"nofollow\">" + at_limit + "</a>");
  EXPECT_EQ(urlize(at_limit + e_acute), at_limit + e_acute);
  std::string www = "www.a.com/" + std::string(2048 - 10, 'x');
  EXPECT_EQ(urlize(www), "<a href=\"http://" + www + "\" rel=\"nofollow\">" + www + "</a>");
  EXPECT_EQ(urlize(www + "x"), www + "x");
}

// Django trims trailing punctuation by slicing the escaped word with unescaped lengths,
// which duplicates part of an entity into the trail.
TEST(html_urlize, trailing_punctuation_after_entity_is_sliced_like_django) {
  EXPECT_EQ(render_filter("urlize", value("www.example.com&amp;.")),
            "<a href=\"http://www.example.com&amp;\" rel=\"nofollow\">www.example.com&amp;amp;</a>"
            "amp;.");
}

// An e-mail whose domain fails IDNA is left exactly as written, not even escaped.
TEST(html_urlize, email_with_bad_domain_is_left_raw) {
  EXPECT_EQ(render_filter("urlize", value("x&y@b..com")), "x&y@b..com");
}

TEST(html_urlize, balanced_parentheses_stay_in_the_url) {
  EXPECT_EQ(render_filter("urlize", value("(see www.example.com/a_(b)), now")),
            "(see <a href=\"http://www.example.com/a_(b)\" rel=\"nofollow\">www.example.com/a_(b)</a>), "
            "now");
}

TEST(html_urlize, idna_host_and_quoted_path) {
  EXPECT_EQ(render_filter("urlize", value("http://caf\xC3\xA9.example/\xC3\xBC path")),
            "<a href=\"http://xn--caf-dma.example/%C3%BC\" rel=\"nofollow\">http://caf\xC3\xA9.example/"
            "\xC3\xBC</a> path");
}

// Invalid UTF-8 after %-decoding becomes U+FFFD, re-quoted as %EF%BF%BD.
TEST(html_urlize, broken_percent_escapes_are_replaced) {
  EXPECT_EQ(render_filter("urlize", value("http://example.com/?a=%E2%82&b=c+d")),
            "<a href=\"http://example.com/?a=%EF%BF%BD&amp;b=c+d\" rel=\"nofollow\">"
            "http://example.com/?a=%E2%82&amp;b=c+d</a>");
}

TEST(html_urlize, urlizetrunc_needs_an_integer) {
  EXPECT_EQ(render_filter("urlizetrunc", value("http://www.example.com/long/path"), value(15)),
            "<a href=\"http://www.example.com/long/path\" rel=\"nofollow\">http://www.exa\xE2\x80\xA6</a>");
  EXPECT_EQ(render_filter("urlizetrunc", value("http://example.com/long"), value("x")), "!Error");
}

}  // namespace
}  // namespace djust::tmpl::test
