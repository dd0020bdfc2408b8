// Diff tests: one per op and per matching rule, asserting the literal JSON payload.
#include <gtest/gtest.h>

#include <cstdio>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "djust/vdom/apply.hpp"
#include "djust/vdom/diff.hpp"
#include "djust/vdom/encode.hpp"
#include "djust/vdom/parse.hpp"
#include "djust/vdom/serialize.hpp"
#include "diff_general.hpp"
#include "reparse.hpp"

namespace djust::vdom {
namespace {

// JSON patches from a to b; also checks that applying them to a gives b.
std::string patches(const std::string& a, const std::string& b) {
  tree ta = parse_fragment(a), tb = parse_fragment(b);
  patch_list p = diff(ta, tb);
  tree applied = parse_fragment(a);
  apply_patches(applied, p);
  EXPECT_EQ(canonical_html(applied), canonical_html(tb)) << a << " -> " << b;
  return encode_json(p);
}

TEST(diff, equal_trees_give_no_patches) {
  EXPECT_EQ(patches("<p class=a>x</p>", "<p class=a>x</p>"), "[]");
  EXPECT_EQ(patches("<p>&amp;</p>", "<p>&#38;</p>"), "[]");
}

TEST(diff, text_change_is_a_text_patch) {
  // ids: p=1, "hello"=2
  EXPECT_EQ(patches("<p>hello</p>", "<p>hellp</p>"), "[[0,2,\"hellp\"]]");
  EXPECT_EQ(patches("<p>a</p>", "<p>a &amp; b</p>"), "[[0,2,\"a & b\"]]");
}

TEST(diff, attribute_set_and_remove) {
  EXPECT_EQ(patches("<p class=a id=k>x</p>", "<p class=b title=t id=k>x</p>"),
            "[[1,1,\"class\",\"b\"],[1,1,\"title\",\"t\"]]");
  EXPECT_EQ(patches("<p class=a hidden>x</p>", "<p>x</p>"), "[[2,1,\"class\"],[2,1,\"hidden\"]]");
}

TEST(diff, form_state_is_patched_as_properties) {
  EXPECT_EQ(patches("<input value=a>", "<input value=b>"), "[[3,1,\"value\",\"b\",1]]");
  EXPECT_EQ(patches("<input type=checkbox>", "<input type=checkbox checked>"), "[[3,1,\"checked\",\"\",0]]");
  EXPECT_EQ(patches("<select><option selected>a</option></select>", "<select><option>a</option></select>"),
            "[[4,2,\"selected\",0]]");
  EXPECT_EQ(patches("<textarea>a</textarea>", "<textarea>b</textarea>"), "[[0,2,\"b\",3]]");
}

TEST(diff, insert_remove_and_replace) {
  EXPECT_EQ(patches("<p>a</p>", "<p>a</p><p>b</p>"), "[[5,0,0,3,\"<p>b</p>\"]]");
  EXPECT_EQ(patches("<p>a</p><p>b</p>", "<p>b</p>"), "[[6,1]]");
  EXPECT_EQ(patches("<p>a</p>", "<div>a</div>"), "[[8,1,3,\"<div>a</div>\"]]");
  EXPECT_EQ(patches("x", "<b>x</b>"), "[[8,1,2,\"<b>x</b>\"]]");
}

TEST(diff, script_gaining_text_is_replaced_whole) {
  EXPECT_EQ(patches("<script></script>", "<script>a<b</script>"), "[[8,1,2,\"<script>a<b</script>\"]]");
  EXPECT_EQ(patches("<script>a<b</script>", "<script>a>b</script>"), "[[0,2,\"a>b\"]]");
}

TEST(diff, template_contents_have_no_ids_and_change_by_replace) {
  // ids: template 1 (contents skipped), p 2, "x" 3
  EXPECT_EQ(patches("<template><p>a</p></template><p>x</p>", "<template><p>b</p></template><p>y</p>"),
            "[[8,1,4,\"<template><p>b</p></template>\"],[0,3,\"y\"]]");
}

TEST(diff, insert_in_the_middle_sends_only_the_new_node) {
  EXPECT_EQ(patches("<ul><li>a</li><li>c</li></ul>", "<ul><li>a</li><li>b</li><li>c</li></ul>"),
            "[[5,1,4,6,\"<li>b</li>\"]]");
}

TEST(diff, keyed_children_move_with_the_fewest_moves) {
  EXPECT_EQ(patches("<ul><li id=a>a</li><li id=b>b</li><li id=c>c</li></ul>",
                    "<ul><li id=c>c</li><li id=a>a</li><li id=b>b</li></ul>"),
            "[[7,6,2]]");
  EXPECT_EQ(patches("<ul><li dj-key=1>a</li><li dj-key=2>b</li></ul>",
                    "<ul><li dj-key=2>b!</li><li dj-key=1>a</li></ul>"),
            "[[0,5,\"b!\"],[7,4,2]]");
}

TEST(diff, keyed_node_with_another_tag_is_replaced_by_insert_and_remove) {
  EXPECT_EQ(patches("<div><p id=a>x</p></div>", "<div><span id=a>x</span></div>"),
            "[[6,2],[5,1,0,4,\"<span id=\\\"a\\\">x</span>\"]]");
}

TEST(diff, unkeyed_identical_nodes_move_instead_of_rewriting) {
  EXPECT_EQ(patches("<i>1</i><i>2</i><i>3</i><i>4</i>", "<i>2</i><i>3</i><i>4</i><i>1</i>"), "[[7,1,0]]");
}

TEST(diff, ids_carry_over_and_new_nodes_get_fresh_ids) {
  tree a = parse_fragment("<p id=a>a</p><p id=b>b</p>");  // ids 1..4, next 5
  tree b = parse_fragment("<p id=b>b</p><p id=c>c</p>");
  EXPECT_EQ(encode_json(diff(a, b)), "[[6,1],[5,0,0,5,\"<p id=\\\"c\\\">c</p>\"]]");
  node_index first = b.at(tree::root).first_child;
  EXPECT_EQ(b.at(first).id, 3u);
  EXPECT_EQ(b.at(b.at(first).next_sibling).id, 5u);
  EXPECT_EQ(b.next_id(), 7u);
  tree c = parse_fragment("<p id=b>b</p><p id=c>d</p>");
  EXPECT_EQ(encode_json(diff(b, c)), "[[0,6,\"d\"]]");
}

TEST(diff, unkeyed_leftovers_are_patched_in_place) {
  EXPECT_EQ(patches("<p>a</p><p>b</p>", "<p>b</p><p>c</p>"), "[[0,2,\"c\"],[7,3,1]]");
}

TEST(diff, one_row_change_in_a_big_table_touches_that_row_only) {
  std::string a = "<table><tbody>", b = a;
  for (int i = 0; i < 1000; ++i) {
    std::string row = "<tr><td>" + std::to_string(i) + "</td><td>name " + std::to_string(i) + "</td></tr>\n";
    a += row;
    b += i == 500 ? "<tr><td>500</td><td>changed</td></tr>\n" : row;
  }
  tree ta = parse_fragment(a), tb = parse_fragment(b);
  patch_list p = diff(ta, tb);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].op, wire::set_text);
  EXPECT_EQ(p[0].value, "changed");
}

TEST(diff, keyed_children_in_old_order_and_a_repeated_key) {
  // b and c come in the old order after a moved: one move. A key used twice resolves to
  // its first old node, the second new one is patched from its unkeyed neighbour.
  EXPECT_EQ(patches("<ul><li id=a>1</li>\n<li id=b>2</li>\n<li id=c>3</li>\n<li id=d>4</li>\n</ul>",
                    "<ul><li id=b>2</li>\n<li id=c>3</li>\n<li id=a>1</li>\n<li id=d>4</li>\n</ul>"),
            "[[7,2,10],[7,4,2]]");
  EXPECT_EQ(patches("<ul><li id=a>1</li><li id=b>2</li><li id=a>3</li></ul>",
                    "<ul><li id=b>2</li><li id=a>3</li><li id=a>1</li></ul>"),
            "[[0,7,\"1\"],[0,3,\"3\"],[7,4,2]]");
}

TEST(diff, attribute_values_compare_decoded) {
  // Same names in the same order: only the class changed; the title is written two ways.
  EXPECT_EQ(patches("<p title=\"&amp;\" class=a>x</p>", "<p title=\"&#38;\" class=b>x</p>"), "[[1,1,\"class\",\"b\"]]");
}

// The ids diff() wrote into a tree, in arena order, and the counter.
std::string ids_of(const tree& t) {
  std::string out = std::to_string(t.next_id()) + ":";
  for (node_index i = 0; i < t.node_count(); ++i) out += " " + std::to_string(t.at(i).id);
  return out;
}

bool one_shape(const tree& a, const tree& b) {
  if (a.node_count() != b.node_count()) return false;
  for (node_index i = 0; i < a.node_count(); ++i)
    if (a.at(i).first_child != b.at(i).first_child || a.at(i).next_sibling != b.at(i).next_sibling) return false;
  return true;
}

// Re-renders of one template (text, values and keys changed, so mostly trees of one shape):
// diff() takes its same-shape walk where it can, and must give what the general walk gives.
TEST(diff, same_shape_walk_gives_the_general_walks_patches_and_ids) {
  std::mt19937 rng(20261205);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  static const char* texts[] = {"a", "b", "a", " ", "x &amp; y", "&#97;", "\nlead", "<b>", "q"};
  static const char* values[] = {"k1", "k2", "k1", "", "a b", "&amp;", "&#38;", "v"};
  static const char* pieces[] = {
      "<p class=\"@\">@</p>", "<ul><li id=\"@\">@</li>\n<li id=\"@\">@</li>\n<li>@</li></ul>",
      "<div dj-key=\"@\"><span>@</span>@</div>", "<i>@</i><i>@</i>", "<textarea>@</textarea>",
      "<input value=\"@\" title=\"@\">", "<template><b>@</b></template>", "<script>@</script>", "@",
      "<table><tr id=\"@\"><td>@</td></tr><tr><td class=\"@\">@</td></tr></table>", "<!--@-->",
      "<svg><g id=\"@\"><text>@</text></g></svg>", "<select><option selected value=\"@\">@</select>"};
  int one_shape_with_patches = 0;
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string> page;
    for (int i = 1 + pick(5); i > 0; --i) page.push_back(pieces[pick(13)]);
    auto render = [&] {
      std::string out;
      for (const std::string& p : page)
        for (std::size_t k = 0; k < p.size(); ++k) {
          if (p[k] != '@') out += p[k];
          else out += k > 0 && p[k - 1] == '"' ? values[pick(8)] : texts[pick(pick(4) ? 3 : 9)];
        }
      return out;
    };
    std::string a = render(), b = render();
    tree old_tree = parse_fragment(a);
    tree fast = parse_fragment(b), general = parse_fragment(b);
    one_shape_with_patches += one_shape(old_tree, fast) && old_tree.at(tree::root).hash != fast.at(tree::root).hash;
    patch_list p = diff(old_tree, fast), q = detail::diff_general(old_tree, general);
    ASSERT_EQ(encode_json(p), encode_json(q)) << a << "\n=>\n" << b;
    ASSERT_EQ(ids_of(fast), ids_of(general)) << a << "\n=>\n" << b;
  }
  std::printf("same-shape rounds with changes: %d of 2000\n", one_shape_with_patches);
  EXPECT_GT(one_shape_with_patches, 1000);
}

// A session: each render re-parsed from the tree before it (often its twin: same links and
// ids) and diffed against it must give what a fresh parse and the general walk give.
TEST(diff, re_parsed_twins_give_the_general_walks_patches_and_ids) {
  std::mt19937 rng(20261206);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  static const char* texts[] = {"a", "b", " ", "x &amp; y", "<i>n</i>", "\nlead"};
  static const char* values[] = {"k1", "k2", "", "a b", "&#38;"};
  static const char* pieces[] = {"<p class=\"@\">@</p>", "<ul><li id=\"@\">@</li>\n<li id=\"@\">@</li></ul>",
                                 "<div dj-key=\"@\"><span>@</span>@</div>", "<textarea>@</textarea>",
                                 "<input value=\"@\">", "<template><b>@</b></template>", "@"};
  int twins = 0;
  for (int session = 0; session < 200; ++session) {
    std::vector<std::string> page;
    for (int i = 1 + pick(5); i > 0; --i) page.push_back(pieces[pick(7)]);
    auto render = [&] {
      std::string out;
      for (const std::string& p : page)
        for (std::size_t k = 0; k < p.size(); ++k) {
          if (p[k] != '@') out += p[k];
          else out += k > 0 && p[k - 1] == '"' ? values[pick(5)] : texts[pick(pick(3) ? 3 : 6)];
        }
      return out;
    };
    tree prev = parse_fragment(render());
    for (int round = 0; round < 10; ++round) {
      std::string html = render();
      tree next = reparse_fragment(prev, html), general = parse_fragment(html);
      twins += next.twin_of() != 0 && next.twin_of() == prev.version();
      patch_list p = diff(prev, next), q = detail::diff_general(prev, general);
      ASSERT_EQ(encode_json(p), encode_json(q)) << html;
      ASSERT_EQ(ids_of(next), ids_of(general)) << html;
      prev = std::move(next);
    }
  }
  std::printf("twin rounds: %d of 2000\n", twins);
  EXPECT_GT(twins, 100);  // small edits of small pages take the region re-parse: no twins
}

TEST(diff, a_twin_changed_after_the_re_parse_is_paired_node_by_node) {
  tree a = parse_fragment("<p class=\"a\">x</p><p class=\"b\">y</p>");
  std::string html = "<p class=\"c\">x</p><p class=\"b\">z</p>";
  std::optional<tree> spliced = detail::splice(a, html);
  ASSERT_TRUE(spliced.has_value());
  tree& b = *spliced;
  ASSERT_EQ(b.twin_of(), a.version());
  b.mut(2).id = 77;  // no longer a's ids: no twin
  EXPECT_EQ(b.twin_of(), 0u);
  diff(a, b);
  EXPECT_EQ(ids_of(b), ids_of(a));

  // An attribute written after the re-parse is not among the twin's edits: no twin either.
  std::string again = "<p class=\"c\">x</p><p class=\"b\">y</p>";
  std::optional<tree> other = detail::splice(a, again);
  ASSERT_TRUE(other.has_value() && other->has_edits());
  attribute& second_class = other->attribute_store()[1];
  second_class.value = other->attribute_store()[0].value;  // "c", as the first <p>'s
  other->rehash();
  EXPECT_FALSE(other->has_edits());
  EXPECT_EQ(encode_json(diff(a, *other)), "[[1,1,\"class\",\"c\"],[1,3,\"class\",\"c\"]]");
}

}  // namespace
}  // namespace djust::vdom
