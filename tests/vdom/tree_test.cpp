// The node arena: linking, hashing, numbering, memory accounting.
#include <gtest/gtest.h>

#include "djust/vdom/parse.hpp"
#include "djust/vdom/serialize.hpp"

namespace djust::vdom {
namespace {

TEST(tree, equal_subtrees_hash_equal_and_different_ones_differ) {
  tree a = parse_fragment("<li class=x>a</li><li class=x>a</li><li class=y>a</li><li class=x>b</li>");
  node_index l1 = a.at(tree::root).first_child;
  node_index l2 = a.at(l1).next_sibling, l3 = a.at(l2).next_sibling, l4 = a.at(l3).next_sibling;
  EXPECT_EQ(a.at(l1).hash, a.at(l2).hash);
  EXPECT_NE(a.at(l1).hash, a.at(l3).hash);
  EXPECT_NE(a.at(l1).hash, a.at(l4).hash);
}

TEST(tree, link_and_unlink_keep_sibling_lists_consistent) {
  tree t = parse_fragment("<i>1</i><i>2</i><i>3</i>");
  node_index a = t.at(tree::root).first_child, b = t.at(a).next_sibling, c = t.at(b).next_sibling;
  t.unlink(b);
  EXPECT_EQ(inner_html(t), "<i>1</i><i>3</i>");
  t.link(tree::root, b, a);
  EXPECT_EQ(inner_html(t), "<i>2</i><i>1</i><i>3</i>");
  t.unlink(c);
  t.link(tree::root, c, b);
  EXPECT_EQ(inner_html(t), "<i>3</i><i>2</i><i>1</i>");
  EXPECT_EQ(t.at(tree::root).last_child, a);
}

TEST(tree, numbering_is_pre_order) {
  tree t = parse_fragment("<a><b></b><c></c></a><d></d>");
  node_index a = t.at(tree::root).first_child;
  EXPECT_EQ(t.number(a, 10), 13u);
  EXPECT_EQ(t.at(t.at(a).last_child).id, 12u);
}

TEST(tree, source_is_the_parsed_html) {
  tree t = parse_fragment("<P>x</P><b>1</b>2");  // uppercase names add lowercase copies
  EXPECT_EQ(t.source(), "<P>x</P><b>1</b>2");
}

TEST(tree, memory_grows_with_the_page) {
  std::string small = "<p>x</p>", big;
  for (int i = 0; i < 1000; ++i) big += "<p class=row>x</p>";
  std::size_t s = parse_fragment(small).memory_bytes(), b = parse_fragment(big).memory_bytes();
  EXPECT_GT(b, s + big.size());
  EXPECT_LT(b, 200 * big.size() / 10);
}

}  // namespace
}  // namespace djust::vdom
