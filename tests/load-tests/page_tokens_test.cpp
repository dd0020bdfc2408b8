// extract_page_tokens: view roots, CSRF sources, quoting, entities, skipped raw text; cookies.
#include "page_tokens.hpp"

#include <gtest/gtest.h>

namespace djust::load::detail {
namespace {

TEST(PageTokens, RootWithTokenAndMetaCsrf) {
  auto p = extract_page_tokens(R"(<html><head><meta name="csrf-token" content="c.1.sig"></head>
    <body><div dj-view="counter" dj-token="eyJ2.abc"><p>0</p></div></body></html>)");
  ASSERT_EQ(p.views.size(), 1u);
  EXPECT_EQ(p.views[0].token, "eyJ2.abc");
  EXPECT_EQ(p.views[0].csrf, "c.1.sig");
  EXPECT_EQ(p.csrf, "c.1.sig");
}

TEST(PageTokens, RootCsrfWinsOverThePage) {
  auto p = extract_page_tokens(R"(<meta name=csrf-token content=page><main dj-token='t' dj-csrf='own'></main>)");
  ASSERT_EQ(p.views.size(), 1u);
  EXPECT_EQ(p.views[0].csrf, "own");
}

TEST(PageTokens, DataAttributesAndHiddenInput) {
  auto p = extract_page_tokens(R"(<form><input type="hidden" name="csrfmiddlewaretoken" value="form-csrf"></form>
    <section data-djust-token="a"></section><section DATA-DJ-TOKEN="b"></section>)");
  ASSERT_EQ(p.views.size(), 2u);
  EXPECT_EQ(p.views[0].token, "a");
  EXPECT_EQ(p.views[1].token, "b");
  EXPECT_EQ(p.views[1].csrf, "form-csrf");
}

TEST(PageTokens, EntitiesInValuesAreDecoded) {
  auto p = extract_page_tokens(R"(<div dj-token="a&amp;b&#x2B;c&#61;&quot;"></div>)");
  ASSERT_EQ(p.views.size(), 1u);
  EXPECT_EQ(p.views[0].token, "a&b+c=\"");
}

TEST(PageTokens, CommentsScriptsAndStylesAreSkipped) {
  auto p = extract_page_tokens(R"(<!-- <div dj-token="no1"></div> -->
    <script>var s = '<div dj-token="no2">';</script><style>a[dj-token="no3"]{}</style>
    <div dj-token="yes"></div>)");
  ASSERT_EQ(p.views.size(), 1u);
  EXPECT_EQ(p.views[0].token, "yes");
}

TEST(PageTokens, NoRootsAndBrokenHtmlGiveNothingWithoutCrashing) {
  EXPECT_TRUE(extract_page_tokens("").views.empty());
  EXPECT_TRUE(extract_page_tokens("<p>hello</p>").views.empty());
  EXPECT_TRUE(extract_page_tokens("<div dj-token=\"unterminated").views.size() == 1);
  EXPECT_TRUE(extract_page_tokens("<<<>>> < / <a").views.empty());
  EXPECT_TRUE(extract_page_tokens("<!-- never closed <div dj-token=x>").views.empty());
}

TEST(PageTokens, DecodeEntitiesKeepsUnknownReferences) {
  EXPECT_EQ(decode_entities("&lt;b&gt; &unknown; &#; & &#128512;"), "<b> &unknown; &#; & \xF0\x9F\x98\x80");
  EXPECT_EQ(decode_entities("&#0;"), "\xEF\xBF\xBD");
}

TEST(PageTokens, CookieHeaderFromSetCookie) {
  EXPECT_EQ(cookie_header({"sid=abc; Path=/; HttpOnly", "csrftoken=x1; SameSite=Lax", "sid=def"}),
            "sid=def; csrftoken=x1");
  EXPECT_EQ(cookie_header({"no-equals-sign", " =x"}), "");
  EXPECT_EQ(cookie_header({}), "");
}

}  // namespace
}  // namespace djust::load::detail
