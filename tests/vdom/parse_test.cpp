// Parser tests: the tree must match what a browser builds (checked through innerHTML).
#include <gtest/gtest.h>

#include "djust/vdom/parse.hpp"
#include "djust/vdom/serialize.hpp"

namespace djust::vdom {
namespace {

std::string reparse(std::string html, std::string_view context = "div") {
  parse_options o;
  o.context = context;
  return inner_html(parse_fragment(std::move(html), o));
}

TEST(parse, elements_text_and_attribute_forms) {
  EXPECT_EQ(reparse("<div class=a id='b' data-x=\"c d\" hidden>t</div>"),
            "<div class=\"a\" id=\"b\" data-x=\"c d\" hidden=\"\">t</div>");
  EXPECT_EQ(reparse("<DIV Class=A>x</DIV>"), "<div class=\"A\">x</div>");
  EXPECT_EQ(reparse("<a href=x title=y/>z"), "<a href=\"x\" title=\"y/\">z</a>");
}

TEST(parse, duplicate_attributes_keep_the_first) {
  EXPECT_EQ(reparse("<p a=1 a=2 b>x</p>"), "<p a=\"1\" b=\"\">x</p>");
}

TEST(parse, void_elements_and_self_closing) {
  EXPECT_EQ(reparse("<br><input value=1><img src=a.png/><hr/>x"),
            "<br><input value=\"1\"><img src=\"a.png/\"><hr>x");
  EXPECT_EQ(reparse("<div/>a"), "<div>a</div>");
}

TEST(parse, comments_and_bogus_comments) {
  EXPECT_EQ(reparse("a<!-- c -->b<!---->c<!-->d<?pi x?>e</ x>f"),
            "a<!-- c -->b<!---->c<!---->d<!--?pi x?-->e<!-- x-->f");
}

TEST(parse, character_references_are_decoded_for_the_dom) {
  EXPECT_EQ(reparse("&amp;&lt;&#60;&#x3C;&nbsp;&copy&notit;&bogus;"),
            "&amp;&lt;&lt;&lt;&nbsp;\xC2\xA9\xC2\xACit;&amp;bogus;");
  EXPECT_EQ(reparse("<a title=\"&amp;x&notit=1\">"), "<a title=\"&amp;x&amp;notit=1\"></a>");
}

TEST(parse, raw_text_and_rcdata) {
  EXPECT_EQ(reparse("<script>if (a<b && c) {}</script>"), "<script>if (a<b && c) {}</script>");
  EXPECT_EQ(reparse("<style>p>a{}</STYLE >x"), "<style>p>a{}</style>x");
  EXPECT_EQ(reparse("<textarea>\n<b>&amp;</textarea>"), "<textarea>&lt;b&gt;&amp;</textarea>");
  EXPECT_EQ(reparse("<title>a<b></title>"), "<title>a&lt;b&gt;</title>");
  EXPECT_EQ(reparse("<pre>\nx</pre>"), "<pre>x</pre>");
}

TEST(parse, paragraphs_close_implicitly) {
  EXPECT_EQ(reparse("<p>a<p>b<div>c</div>"), "<p>a</p><p>b</p><div>c</div>");
  EXPECT_EQ(reparse("</p>x"), "<p></p>x");
  EXPECT_EQ(reparse("<p><h1>x</h1>"), "<p></p><h1>x</h1>");
}

TEST(parse, lists_and_definitions_close_implicitly) {
  EXPECT_EQ(reparse("<ul><li>a<li>b</ul>"), "<ul><li>a</li><li>b</li></ul>");
  EXPECT_EQ(reparse("<dl><dt>a<dd>b<dt>c</dl>"), "<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>");
  EXPECT_EQ(reparse("<select><option>a<option>b<optgroup><option>c</select>"),
            "<select><option>a</option><option>b</option><optgroup><option>c</option></optgroup></select>");
}

TEST(parse, tables_get_implied_sections_and_rows) {
  EXPECT_EQ(reparse("<table><tr><td>1<td>2<tr><th>3</table>"),
            "<table><tbody><tr><td>1</td><td>2</td></tr><tr><th>3</th></tr></tbody></table>");
  EXPECT_EQ(reparse("<table>\n <tr><td>x</td></tr>\n</table>"),
            "<table>\n <tbody><tr><td>x</td></tr>\n</tbody></table>");
  EXPECT_EQ(reparse("<table><col><thead><tr><td>h<tbody><tr><td>b</table>"),
            "<table><colgroup><col></colgroup><thead><tr><td>h</td></tr></thead><tbody><tr><td>b</td></tr></tbody></table>");
}

TEST(parse, misplaced_table_content_is_foster_parented) {
  EXPECT_EQ(reparse("<table>x<tr><td>1</td></tr><div>y</div></table>"),
            "x<div>y</div><table><tbody><tr><td>1</td></tr></tbody></table>");
}

TEST(parse, table_parts_outside_a_table_are_dropped) {
  EXPECT_EQ(reparse("<tr><td>x</td></tr>"), "x");
  EXPECT_EQ(reparse("<tr><td>x</td></tr>", "tbody"), "<tr><td>x</td></tr>");
  EXPECT_EQ(reparse("<td>a</td><td>b", "tr"), "<td>a</td><td>b</td>");
}

TEST(parse, stray_end_tags_are_ignored) {
  EXPECT_EQ(reparse("a</div></span>b<span>c</div>d</span>"), "ab<span>cd</span>");
}

TEST(parse, foreign_content_keeps_svg_case_and_self_closing) {
  EXPECT_EQ(reparse("<svg viewbox='0 0 1 1'><linearGradient/><path d=M0 /></svg>"),
            "<svg viewBox=\"0 0 1 1\"><linearGradient></linearGradient><path d=\"M0\"></path></svg>");
  EXPECT_EQ(reparse("<svg><p>x</svg>"), "<svg></svg><p>x</p>");
  EXPECT_EQ(reparse("<math><mi>x</mi></math>"), "<math><mi>x</mi></math>");
}

TEST(parse, whole_documents_get_html_head_and_body) {
  tree t = parse_document("<!DOCTYPE html><title>T</title><p>x");
  EXPECT_EQ(inner_html(t), "<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>");
  EXPECT_EQ(inner_html(parse_document("")), "<html><head></head><body></body></html>");
  EXPECT_EQ(inner_html(parse_document("<html>\n<head>\n<meta charset=utf-8>\n</head>\n<body>\n<p>x</p>\n</body>\n</html>\n")),
            "<html><head>\n<meta charset=\"utf-8\">\n</head>\n<body>\n<p>x</p>\n\n\n</body></html>");
}

TEST(parse, ids_follow_document_order) {
  tree t = parse_fragment("<ul><li>a</li><li>b</li></ul>");
  node_index ul = t.at(tree::root).first_child;
  EXPECT_EQ(t.at(tree::root).id, 0u);
  EXPECT_EQ(t.at(ul).id, 1u);
  EXPECT_EQ(t.at(t.at(ul).first_child).id, 2u);                       // li
  EXPECT_EQ(t.at(t.at(t.at(ul).first_child).first_child).id, 3u);     // "a"
  EXPECT_EQ(t.at(t.at(ul).last_child).id, 4u);                        // li
  EXPECT_EQ(t.next_id(), 6u);
}

TEST(parse, deep_nesting_fails_with_a_clear_error) {
  std::string deep;
  for (int i = 0; i < 600; ++i) deep += "<div>";
  try {
    parse_fragment(deep);
    FAIL() << "expected parse_error";
  } catch (const parse_error& e) {
    EXPECT_STREQ(e.what(), "HTML nested deeper than 512 elements");
    EXPECT_GT(e.offset(), 0u);
  }
  parse_options o;
  o.max_depth = 1000;
  EXPECT_NO_THROW(parse_fragment(deep, o));
}

TEST(parse, garbage_and_truncated_input_never_crash) {
  const char* inputs[] = {"<", "<a", "<a href=\"x", "</", "<!--", "<!", "<![CDATA[", "&", "&#", "&#x",
                          "&#99999999999;", "<table><tr><td><table>", "<svg><![CDATA[a&b]]>", "<p><p><p",
                          "<select><select>", "<textarea>", "<script>", "<plaintext><a>", "\x00\x01\xff",
                          "<a <b <c>>>", "</>", "<svg><desc><svg><foreignObject>"};
  for (const char* in : inputs) EXPECT_NO_THROW(parse_fragment(in)) << in;
  EXPECT_EQ(reparse("<a href=\"x"), "");
  EXPECT_EQ(reparse("<svg><![CDATA[a&b<]]></svg>"), "<svg>a&amp;b&lt;</svg>");
}

}  // namespace
}  // namespace djust::vdom

namespace djust::vdom {
namespace {

TEST(parse_formatting, unclosed_formatting_elements_reopen_after_blocks) {
  EXPECT_EQ(reparse("<p><b>x</p>y"), "<p><b>x</b></p><b>y</b>");
  EXPECT_EQ(reparse("<b>1<div>2</b>3</div>"), "<b>1</b><div><b>2</b>3</div>");
}

TEST(parse_formatting, misnested_end_tags_use_the_adoption_agency) {
  EXPECT_EQ(reparse("<b>1<i>2</b>3</i>"), "<b>1<i>2</i></b><i>3</i>");
  EXPECT_EQ(reparse("<a href=x>1<a href=y>2</a>"), "<a href=\"x\">1</a><a href=\"y\">2</a>");
  EXPECT_EQ(reparse("<table><tr><td><b>x</td></tr></table>y"),
            "<table><tbody><tr><td><b>x</b></td></tr></tbody></table>y");
}

TEST(parse_select, relaxed_select_content) {
  EXPECT_EQ(reparse("<select><option>a<select>b"), "<select><option>a</option></select>b");
  EXPECT_EQ(reparse("<select><option>a<input>"), "<select><option>a</option></select><input>");
  EXPECT_EQ(reparse("<select><div>x</div></select>"), "<select><div>x</div></select>");
}

// Most pages are numbered by arena index (creation order); pages where the parser put nodes
// elsewhere than the current node, or with <template>, by a walk. Both are document order.
TEST(parse, ids_are_document_order) {
  const char* pages[] = {
      "<div><p>a</p><ul><li>1<li>2</ul></div>",
      "<table><tr><td>1</td></tr>x<div>y</div></table>",  // foster parenting
      "<b>1<p>2</b>3</p>",                               // adoption agency
      "<p><b><i>x</p>y",                                 // reopened formatting elements
      "<template><p>t</p></template><p>after</p>",
      "<form><div></form><p>x</p></div>",
  };
  for (const char* html : pages) {
    tree t = parse_fragment(html);
    tree walked = t;
    walked.set_next_id(walked.number(tree::root, 0));
    ASSERT_EQ(t.next_id(), walked.next_id()) << html;
    for (node_index i = 0; i < t.node_count(); ++i) EXPECT_EQ(t.at(i).id, walked.at(i).id) << html << " node " << i;
  }
}

}  // namespace
}  // namespace djust::vdom
