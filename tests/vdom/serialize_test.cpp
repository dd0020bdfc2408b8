// Serialization: innerHTML escaping rules, raw text, canonical attribute order.
#include <gtest/gtest.h>

#include "djust/vdom/parse.hpp"
#include "djust/vdom/serialize.hpp"

namespace djust::vdom {
namespace {

TEST(serialize, escapes_text_and_attributes_like_inner_html) {
  tree t = parse_fragment("<p title='a\"b<c>&amp;\xC2\xA0'>1 &lt; 2 &gt; \"0\"\xC2\xA0</p>");
  EXPECT_EQ(inner_html(t), "<p title=\"a&quot;b&lt;c&gt;&amp;&nbsp;\">1 &lt; 2 &gt; \"0\"&nbsp;</p>");
}

TEST(serialize, raw_text_elements_are_not_escaped) {
  tree t = parse_fragment("<script>a &amp;& b<c</script><style>a>b</style><xmp><&></xmp>");
  EXPECT_EQ(inner_html(t), "<script>a &amp;& b<c</script><style>a>b</style><xmp><&></xmp>");
}

TEST(serialize, comments_doctype_and_line_endings) {
  EXPECT_EQ(inner_html(parse_fragment("<!--a\r\nb-->x\r\ny")), "<!--a\nb-->x\ny");
  EXPECT_EQ(inner_html(parse_document("<!doctype HTML>")), "<!DOCTYPE html><html><head></head><body></body></html>");
}

TEST(serialize, outer_html_of_one_node) {
  tree t = parse_fragment("<ul><li class=x>a</li></ul>");
  node_index li = t.at(t.at(tree::root).first_child).first_child;
  EXPECT_EQ(outer_html(t, li), "<li class=\"x\">a</li>");
}

TEST(serialize, canonical_form_sorts_attributes) {
  EXPECT_EQ(canonical_html(parse_fragment("<a z=1 b=2 m=3>x</a>")), "<a b=\"2\" m=\"3\" z=\"1\">x</a>");
  EXPECT_EQ(canonical_html(parse_fragment("<a b=2 z=1>x</a>")),
            canonical_html(parse_fragment("<a z=1 b=2>x</a>")));
}

}  // namespace
}  // namespace djust::vdom
