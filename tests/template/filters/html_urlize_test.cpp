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
