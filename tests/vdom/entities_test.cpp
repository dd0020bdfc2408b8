// Character reference decoding: named (longest match, legacy forms), numeric, CR handling.
#include <gtest/gtest.h>

#include "entities.hpp"

namespace djust::vdom::detail {
namespace {

std::string dec(std::string_view s, bool attr = false) {
  std::string out;
  decode_html(s, attr, out);
  return out;
}

TEST(entities, named_references) {
  EXPECT_EQ(dec("a &amp; b &lt;&gt;&quot;&apos;"), "a & b <>\"'");
  EXPECT_EQ(dec("&NotNestedLessLess;"), "\xE2\xAA\xA1\xCC\xB8");
  EXPECT_EQ(dec("&unknown; &"), "&unknown; &");
}

TEST(entities, legacy_references_without_semicolon) {
  EXPECT_EQ(dec("&copy2026 &ampx"), "\xC2\xA9" "2026 &x");
  EXPECT_EQ(dec("&notin; &notit;"), "\xE2\x88\x89 \xC2\xACit;");
  EXPECT_EQ(dec("?a=1&copy=2", true), "?a=1&copy=2");
  EXPECT_EQ(dec("&copy;=2", true), "\xC2\xA9=2");
}

TEST(entities, numeric_references) {
  EXPECT_EQ(dec("&#65;&#x42;&#X43"), "ABC");
  EXPECT_EQ(dec("&#0;&#xD800;&#x110000;"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(dec("&#128;&#x9F;"), "\xE2\x82\xAC\xC5\xB8");
  EXPECT_EQ(dec("&#;&#x;"), "&#;&#x;");
  EXPECT_EQ(dec("&#99999999999999999999;"), "\xEF\xBF\xBD");
}

TEST(entities, carriage_returns_become_line_feeds) {
  EXPECT_EQ(dec("a\r\nb\rc"), "a\nb\nc");
  EXPECT_TRUE(needs_decode("a\rb"));
  EXPECT_FALSE(needs_decode("plain"));
}

}  // namespace
}  // namespace djust::vdom::detail
