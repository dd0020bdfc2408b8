// reparse_fragment: the same tree as parse_fragment, taken by the fast paths only when safe.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "djust/vdom/diff.hpp"
#include "djust/vdom/parse.hpp"
#include "regions.hpp"
#include "reparse.hpp"

namespace djust::vdom {
namespace {

// Every field of every node, in arena order (the fast path keeps the parser's layout), plus
// the counters: equal dumps are equal trees.
std::string dump(const tree& t) {
  std::string out = std::to_string(t.next_id()) + "|" + std::string(t.source()) + "\n";
  for (node_index i = 0; i < t.node_count(); ++i) {
    const node& n = t.at(i);
    out += std::to_string(i) + " id" + std::to_string(n.id) + " k" + std::to_string(int(n.kind)) + " ns" +
           std::to_string(int(n.ns)) + " t" + std::to_string(n.tag) + " p" + std::to_string(n.parent) + " f" +
           std::to_string(n.first_child) + " l" + std::to_string(n.last_child) + " s" +
           std::to_string(n.prev_sibling) + "," + std::to_string(n.next_sibling) + " h" + std::to_string(n.hash) +
           " m" + std::to_string(n.marks) +
           " [" + std::string(t.name(i)) + "]";
    for (const attribute& a : t.attributes(i)) out += " " + std::string(t.str(a.name)) + "=" + std::string(t.str(a.value));
    out += "\n";
  }
  return out;
}

// The session's sequence: the previous tree went through diff() (ids moved into it).
tree previous_of(const std::string& html) {
  tree first = parse_fragment("<p>seed</p>");
  tree prev = parse_fragment(html);
  diff(first, prev);
  return prev;
}

bool fast_path(const std::string& before, std::string after) {
  return detail::splice(previous_of(before), after).has_value();
}

void expect_same_as_parse(const std::string& before, const std::string& after) {
  tree prev = previous_of(before);
  EXPECT_EQ(dump(reparse_fragment(prev, after)), dump(parse_fragment(after))) << before << "\n=>\n" << after;
}

TEST(reparse, text_and_quoted_values_take_the_fast_path) {
  std::string a = "<div id=\"x\"><p class='c'>hello</p><input disabled value=\"1\">tail</div>";
  std::string b = "<div id=\"y-longer\"><p class='c d'>hello world &amp; more</p><input disabled value=\"\">t</div>";
  EXPECT_TRUE(fast_path(a, b));
  expect_same_as_parse(a, b);
  EXPECT_TRUE(fast_path(a, a));
  expect_same_as_parse(a, a);
}

TEST(reparse, a_changed_empty_value_repeated_by_a_reopened_element) {
  // The <b> reopened inside <p> repeats the first one's attribute slices; an empty value
  // that changes must not leave its repeat (an empty slice at the same offset) as it was.
  std::vector<std::pair<std::string, std::string>> cases = {
      {"<B CLASS=\"\">a<p>a</B>\nlead</p>", "<B CLASS=\"&#38;\">a<p>a</B>a</p>"},
      {"<b class=\"\">a<p>a</b>b</p>", "<b class=\"x\">a<p>a</b>b</p>"},
      {"<b title=\"\" class=\"\">a<p>a</b>b</p>", "<b title=\"t\" class=\"\">a<p>a</b>b</p>"},
  };
  for (const auto& [a, b] : cases) {
    expect_same_as_parse(a, b);
    expect_same_as_parse(b, a);
  }
}

TEST(reparse, template_contents_keep_a_parses_ids) {
  // Text and values changed inside and next to a <template> (its contents get no ids):
  // the fast paths must leave those ids as a parse does, not number them.
  std::vector<std::pair<std::string, std::string>> cases = {
      {"<template><b>b</b></template>", "<template><b>a</b></template>"},
      {"<p>x</p><template><i class=\"c\">b</i></template><p>y</p>", "<p>z</p><template><i class=\"d\">b</i></template><p>y</p>"},
      {"<ul><li>1</li><template><li>t</li></template><li>2</li></ul>", "<ul><li>1</li><template><li>t</li></template><li>3</li><li>2</li></ul>"},
  };
  for (const auto& [a, b] : cases) {
    expect_same_as_parse(a, b);
    expect_same_as_parse(b, a);
  }
}

TEST(reparse, the_copy_holds_no_more_memory_than_a_parse) {
  std::string a, b;
  for (int i = 0; i < 200; ++i) {
    a += "<table><tr><td class=\"c\">" + std::to_string(i) + "</td></tr></table>";  // implied tbody: synthesised bytes
    b += "<table><tr><td class=\"d\">" + std::to_string(i * 7) + "</td></tr></table>";
  }
  ASSERT_TRUE(fast_path(a, b));
  tree fast = reparse_fragment(previous_of(a), b), fresh = parse_fragment(b);
  EXPECT_LE(fast.memory_bytes(), fresh.memory_bytes());
  EXPECT_LE(fast.buffer().capacity(), fresh.buffer().capacity());
}

TEST(reparse, markup_changes_parse_afresh) {
  std::vector<std::pair<std::string, std::string>> cases = {
      {"<p>a</p>", "<p>a</p><p>b</p>"},                          // new element
      {"<p>a</p>", "<p>a<b>c</b></p>"},                          // tag inside text
      {"<p class=a>x</p>", "<p class=b>x</p>"},                  // unquoted value
      {"<p a=\"1\">x</p>", "<p b=\"1\">x</p>"},                  // attribute name
      {"<p a=\"1\">x</p>", "<p a=\"1\" b>x</p>"},                // attribute added
      {"<p>x</p>", "<p></p>"},                                    // text removed
      {"<!-- a --><p>x</p>", "<!-- b --><p>x</p>"},              // comment
      {"<table><tr><td>1</td></tr> </table>", "<table><tr><td>1</td></tr>x</table>"},  // blank -> text
      {"<pre>a</pre>", "<pre>\na</pre>"},                         // newline after <pre>
      {"<table><input type=\"hidden\"></table>", "<table><input type=\"text\"></table>"},
      {"<p title=\"a\">x</p>", "<p title=\"a\"b\">x</p>"},        // quote inside the value
  };
  for (const auto& [a, b] : cases) {
    EXPECT_FALSE(fast_path(a, b)) << a << " => " << b;
    expect_same_as_parse(a, b);
  }
}

TEST(reparse, another_context_parses_afresh) {
  tree prev = parse_fragment("<tr><td>1</td></tr>", {.context = "tbody"});
  EXPECT_EQ(dump(reparse_fragment(prev, "<tr><td>2</td></tr>")), dump(parse_fragment("<tr><td>2</td></tr>")));
  parse_options tbody{.context = "tbody"};
  EXPECT_EQ(dump(reparse_fragment(prev, "<tr><td>2</td></tr>", tbody)),
            dump(parse_fragment("<tr><td>2</td></tr>", tbody)));
}

// Random pages and random edits of their text and values (some of which steer the parser or
// break the markup): reparse_fragment must always equal parse_fragment.
TEST(reparse, random_edits_match_a_fresh_parse) {
  std::mt19937 rng(20261124);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  static const char* texts[] = {"a", "hello", " ", "\n  ", "x &amp; y", "1 < 2", "\nlead", "caf\xC3\xA9", "q\"'", "", "<b>"};
  static const char* values[] = {"v", "", "two words", "a'b", "a\"b", "hidden", "&quot;", "x>y"};
  static const char* pieces[] = {
      "<div class=\"@\">@</div>", "<p title='@'>@<b>@</b></p>", "<ul><li>@<li data-x=\"@\">@</ul>",
      "<table> <tr><td>@</td></tr>@</table>", "<pre>@</pre>", "<textarea>@</textarea>", "<input type=\"@\" value=\"@\">",
      "<svg><text x=\"@\">@</text></svg>", "<select><option value=\"@\">@</select>", "@", "<a href=\"@\">@</a>@",
      "<script>@</script>", "<table><input type=\"@\"></table>", "<b>@<p>@</b>@</p>",
      "<p><b class=\"@\">@</p>@", "<B CLASS=\"@\">@<p>@</B>@</p>",  // these three clone formatting elements (repeated slices)
      "<template><b title=\"@\">@</b>@</template>"};
  int fast = 0;
  for (int round = 0; round < 3000; ++round) {
    std::vector<std::string> page;
    int n = 1 + pick(6);
    for (int i = 0; i < n; ++i) page.push_back(pieces[pick(17)]);
    auto render = [&](int edits_seed) {
      std::mt19937 r2(static_cast<std::uint32_t>(edits_seed));
      std::string out;
      for (const std::string& p : page)
        for (std::size_t k = 0; k < p.size(); ++k) {
          if (p[k] != '@') {
            out += p[k];
            continue;
          }
          bool in_value = k > 0 && (p[k - 1] == '"' || p[k - 1] == '\'');
          out += in_value ? values[r2() % 8] : texts[r2() % 11];
        }
      return out;
    };
    int s1 = pick(1 << 20);
    std::string a = render(s1), b = render(pick(3) == 0 ? s1 : pick(1 << 20));
    tree prev = previous_of(a);
    std::string copy = b;
    if (detail::splice(prev, copy)) ++fast;
    ASSERT_EQ(dump(reparse_fragment(prev, b)), dump(parse_fragment(b))) << a << "\n=>\n" << b;
  }
  EXPECT_GT(fast, 300);  // the fast path is exercised, not just the fallback
}

bool region_path(const std::string& before, std::string after) {
  return detail::reparse_regions(previous_of(before), after, {}, after.size() + before.size()).has_value();
}

std::string rows(std::initializer_list<int> ids) {
  std::string out = "<div class=\"c\">\n<table>\n<tbody>\n";
  for (int id : ids)
    out += "  <tr id=\"r" + std::to_string(id) + "\"><td>" + std::to_string(id) + "</td><td><a href=\"#\">x</a></td></tr>\n";
  return out + "</tbody>\n</table>\n</div>\n";
}

TEST(reparse, inserted_removed_and_moved_rows_reparse_only_their_region) {
  std::string base = rows({1, 2, 3, 4, 5, 6, 7, 8});
  std::vector<std::string> edits = {
      rows({1, 2, 3, 9, 4, 5, 6, 7, 8}),  // insert in the middle
      rows({9, 1, 2, 3, 4, 5, 6, 7, 8}),  // at the start
      rows({1, 2, 3, 4, 5, 6, 7, 8, 9}),  // appended
      rows({1, 2, 4, 5, 6, 7, 8}),        // removed
      rows({2, 3, 4, 5, 6, 7, 8, 1}),     // moved to the end
      rows({1, 7, 2, 3, 4, 5, 6, 8}),     // moved up
      rows({}),                           // all gone
  };
  for (const std::string& b : edits) {
    EXPECT_TRUE(region_path(base, b)) << b;
    expect_same_as_parse(base, b);
    expect_same_as_parse(b, base);
    tree fast = reparse_fragment(previous_of(base), b), fresh = parse_fragment(b);
    EXPECT_LE(fast.memory_bytes(), fresh.memory_bytes()) << b;
  }
}

TEST(reparse, a_far_move_in_a_long_list_makes_two_small_regions) {
  std::vector<std::string> items;
  for (int i = 0; i < 400; ++i) items.push_back("<li id=\"i" + std::to_string(i) + "\">item " + std::to_string(i) + "</li>\n");
  auto page = [&](const std::vector<std::string>& v) {
    std::string out = "<ul>\n";
    for (const std::string& s : v) out += s;
    return out + "</ul>\n";
  };
  std::vector<std::string> moved = items;
  std::rotate(moved.begin() + 10, moved.begin() + 11, moved.begin() + 350);  // item 10 moves down
  std::string a = page(items), b = page(moved);
  // Two regions of about one item each, far less than the page.
  std::string copy = b;
  EXPECT_TRUE(detail::reparse_regions(previous_of(a), copy, {}, 200).has_value());
  expect_same_as_parse(a, b);
  expect_same_as_parse(b, a);  // moved back up: an insertion, then a deletion
}

// Edits next to the parser's hard cases: each must give the tree a full parse gives.
TEST(reparse, markup_edits_in_tricky_contexts_match_a_fresh_parse) {
  std::vector<std::pair<std::string, std::string>> cases = {
      {"<table><tr><td>1</td></tr><tr><td>2</td></tr></table>", "<table><tr><td>1</td></tr><tr><td>3</td></tr><tr><td>2</td></tr></table>"},  // implied tbody
      {"<table><tr><td>1</td></tr>\n<tr><td>2</td></tr></table>", "<table><tr><td>1</td></tr>\nx<tr><td>2</td></tr></table>"},  // foster-parented text
      {"<table><tr><td>1</td></tr><tr><td>2</td></tr></table>", "<table><tr><td>1</td></tr><div>d</div><tr><td>2</td></tr></table>"},  // foster-parented element
      {"<div><p>a</p><p>b</p></div>", "<div><p>a</p><p>b<div>c</div></p></div>"},  // block closes p
      {"<div><p>a</p><p>b</p></div>", "<div><p>a</p><p>b</div>"},
      {"<div><p>a<p>b</div>", "<div><p>a<p>c<p>b</div>"},  // p closed by p
      {"<ul><li>a<li>b</ul>", "<ul><li>a<li>c<li>b</ul>"},  // li closed by li
      {"<ul><li>a</li><li>b</li></ul>", "<ul><li>a</li>text<li>b</li></ul>"},
      {"<div><b>x</b><i>y</i></div>", "<div><b>x<i>z</b>y</i></div>"},  // adoption agency
      {"<div><b>x</b><p>y</p></div>", "<div><b>x<p>q</b>y</p></div>"},
      {"<div><b>x<p>1</p><p>2</p></b></div>", "<div><b>x<p>1</p><p>3</p><p>2</p></b></div>"},  // open formatting element
      {"<p><b>a</b></p><p>b</p>", "<p><b>a</p><p>b</p>"},  // reopened formatting
      {"<div><script>var a = 1;</script><p>x</p></div>", "<div><script>var a = '<p>';</script><p>x</p></div>"},
      {"<div><textarea>a</textarea><p>x</p></div>", "<div><textarea>\n<b>a</textarea><p>x</p></div>"},
      {"<div><script>a</script></div>", "<div><script>a</div>"},  // unclosed raw text
      {"<div><!-- a --><p>x</p></div>", "<div><!-- a --><p>x</p><!-- b --></div>"},
      {"<div><p>x</p></div>", "<div><!-- open <p>x</p></div>"},  // unclosed comment
      {"<div><p>x</p><p>y</p></div>", "<div><p>x</p>tail <p>y</p></div>"},
      {"<div>a<p>x</p>b</div>", "<div>a<p>x</p>c<p>y</p>b</div>"},
      {"<div>a<span>x</span>b</div>", "<div>a<span>x</span></div>"},  // text meets text
      {"<div>a<span>x</span>b</div>", "<div>ab</div>"},
      {"<div><pre>a</pre><p>x</p></div>", "<div><pre>\n\nb</pre><pre>a</pre><p>x</p></div>"},
      {"<svg><g><rect/></g><g></g></svg>", "<svg><g><rect/><circle/></g><g></g></svg>"},
      {"<svg><g><rect/></g></svg><p>x</p>", "<svg><g><rect/><p>b</p></g></svg><p>x</p>"},  // breaks out of SVG
      {"<select><option>a</option><option>b</option></select>", "<select><option>a</option><option>c</option><option>b</option></select>"},
      {"<form><p>a</p><p>b</p></form>", "<form><p>a</p><form><p>b</p></form>"},
      {"<div><p>a</p></div><div><p>b</p></div>", "<div><p>a</p></div></div><div><p>b</p></div>"},  // stray end tag
      {"<div><p>a</p></div>", "<div><p>a</p></div><p>b</p><p>c</p>"},
      {"<div><p>a</p></div>\n", "<div><p>a</p></div>\n<p>b"},  // unclosed at the end
      {"<table><tr><td>a</td></tr></table>", "<table><tr><td>a</td><td>b</td></tr></table>"},
      {"<table><caption>c</caption><tr><td>a</td></tr></table>", "<table><caption>c<tr></caption><tr><td>a</td></tr></table>"},
      {"<div><a href=\"1\">x</a><a href=\"2\">y</a></div>", "<div><a href=\"1\">x<a href=\"3\">z</a><a href=\"2\">y</a></div>"},
      {"<div><TABLE><TR><TD>1</TD></TR></TABLE></div>", "<div><TABLE><TR><TD>1</TD></TR><TR><TD>2</TD></TR></TABLE></div>"},
  };
  for (const auto& [a, b] : cases) {
    expect_same_as_parse(a, b);
    expect_same_as_parse(b, a);
  }
}

// Random pages of nested pieces and random markup edits (pieces inserted, removed, moved,
// or raw fragments that break the markup), each re-parsed from the tree of the last one as
// a session does: reparse_fragment must always equal parse_fragment. The seed is printed.
TEST(reparse, random_markup_edits_match_a_fresh_parse) {
  std::uint32_t seed = 20261204;
  if (const char* s = std::getenv("DJUST_REPARSE_SEED")) seed = static_cast<std::uint32_t>(std::strtoul(s, nullptr, 10));
  std::printf("reparse random_markup_edits seed: %u (DJUST_REPARSE_SEED=n runs another)\n", seed);
  std::mt19937 rng(seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(std::uniform_int_distribution<std::size_t>(0, n - 1)(rng)); };
  static const char* leaves[] = {
      "<p>text</p>", "<li>item</li>", "<tr><td>c</td></tr>", "<td>d</td>", "x", " ", "\n  ", "<br>", "<!-- c -->",
      "<b>bold</b>", "<a href=\"#\">link</a>", "<input type=\"hidden\">", "<img src=\"i\">", "<span>s</span>",
      "<textarea>t</textarea>", "<script>s<p></script>", "<option>o</option>", "<pre>\np</pre>", "<svg><rect/></svg>"};
  static const char* opens[] = {"<div>", "<ul>", "<table>", "<tbody>", "<tr>", "<p>", "<b>", "<i>", "<select>",
                                "<svg>", "<span>", "<ol>", "<table><tbody>"};
  static const char* closes[] = {"</div>", "</ul>", "</table>", "</tbody>", "</tr>", "</p>", "</b>", "</i>", "</select>",
                                 "</svg>", "</span>", "</ol>", "</tbody></table>"};
  static const char* breakers[] = {"<", "</b>", "<p>", "</div>", "<b>", "<table>", "</td>", "<!--", "-->", "\"", "<li>",
                                   "</tr>", "text", "<tr>", "\n", "<script>", "</p>", "<svg>", "<form>"};
  int region_hits = 0, cases = 0;
  for (int round = 0; round < 300; ++round) {
    // A page is a list of pieces: opens and closes stay balanced in the generator, leaves anywhere.
    std::vector<std::string> pieces;
    std::vector<int> stack;
    for (int i = 0, n = 20 + static_cast<int>(pick(60)); i < n; ++i) {
      std::size_t r = pick(10);
      if (r < 3 && stack.size() < 6) {
        int k = static_cast<int>(pick(std::size(opens)));
        stack.push_back(k);
        pieces.push_back(opens[k]);
      } else if (r < 5 && !stack.empty()) {
        pieces.push_back(closes[stack.back()]);
        stack.pop_back();
      } else {
        pieces.push_back(leaves[pick(std::size(leaves))]);
      }
      if (pick(3) == 0) pieces.push_back("\n");
    }
    while (!stack.empty()) {
      pieces.push_back(closes[stack.back()]);
      stack.pop_back();
    }
    auto join = [](const std::vector<std::string>& v) {
      std::string out;
      for (const std::string& s : v) out += s;
      return out;
    };
    std::string html = join(pieces);
    tree prev = previous_of(html);
    for (int step = 0; step < 6; ++step) {
      std::vector<std::string> next = pieces;
      switch (pick(5)) {
        case 0: next.insert(next.begin() + static_cast<std::ptrdiff_t>(pick(next.size() + 1)), leaves[pick(std::size(leaves))]); break;
        case 1: next.erase(next.begin() + static_cast<std::ptrdiff_t>(pick(next.size()))); break;
        case 2: {
          std::size_t from = pick(next.size()), to = pick(next.size());
          std::string moved = next[from];
          next.erase(next.begin() + static_cast<std::ptrdiff_t>(from));
          next.insert(next.begin() + static_cast<std::ptrdiff_t>(to), moved);
          break;
        }
        case 3: next.insert(next.begin() + static_cast<std::ptrdiff_t>(pick(next.size() + 1)), breakers[pick(std::size(breakers))]); break;
        default: {
          std::size_t at = pick(next.size());
          next[at].insert(pick(next[at].size() + 1), breakers[pick(std::size(breakers))]);
          break;
        }
      }
      std::string now = join(next);
      std::string copy = now;
      if (detail::reparse_regions(prev, copy, {}, SIZE_MAX)) ++region_hits;
      tree fast = reparse_fragment(prev, now);
      tree fresh = parse_fragment(now);
      tree walked = fresh;  // ids by a document-order walk, however the parse numbered them
      walked.set_next_id(walked.number(tree::root, 0));
      ASSERT_EQ(dump(walked), dump(fresh)) << now;
      ++cases;
      ASSERT_EQ(dump(fast), dump(fresh)) << "seed " << seed << " round " << round << " step " << step << "\n"
                                         << html << "\n=>\n" << now;
      diff(prev, fast);
      prev = std::move(fast);
      html = now;
      pieces = next;
    }
  }
  EXPECT_GT(region_hits, cases / 3);  // the region path is exercised, not just the fallback
}

// Long keyed lists (table rows, list items, divs) under several random row operations per
// render: large pages make reparse split its work into several regions (a move is a
// deletion and an insertion far apart). Seeded like the test above.
TEST(reparse, random_row_operations_on_long_lists_match_a_fresh_parse) {
  std::uint32_t seed = 20261205;
  if (const char* s = std::getenv("DJUST_REPARSE_SEED")) seed = static_cast<std::uint32_t>(std::strtoul(s, nullptr, 10));
  std::printf("reparse random_row_operations seed: %u\n", seed);
  std::mt19937 rng(seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(std::uniform_int_distribution<std::size_t>(0, n - 1)(rng)); };
  struct shape {
    const char *open, *close, *row_open, *row_close;
    bool explicit_ends;
  };
  static const shape shapes[] = {
      {"<table class=\"t\">\n<tbody>\n", "</tbody>\n</table>\n", "<tr id=\"r@\"><td>@</td><td><a href=\"#\">x</a></td></tr>", "\n", true},
      {"<ul>\n", "</ul>\n", "<li id=\"i@\">item @</li>", "\n", true},
      {"<div>", "</div>", "<div id=\"d@\"><p>@</p><b>b</b></div>", " ", true},
      // The implied tbody's first row, and rows closed by the next one, have no checkpoint
      // before them: edits there re-parse the whole list (or parse afresh).
      {"<table>", "</table>", "<tr id=\"r@\"><td>@</td></tr>", "", false},
      {"<ol>", "</ol>", "<li>@<li>", "", false},
  };
  int region_hits = 0, clean_cases = 0;
  for (int round = 0; round < 40; ++round) {
    const shape& sh = shapes[pick(std::size(shapes))];
    std::vector<int> ids;
    for (int i = 0, n = 30 + static_cast<int>(pick(70)); i < n; ++i) ids.push_back(i);
    int next_id = 1000;
    auto render = [&] {
      std::string out = "<h1>title</h1>\n";
      out += sh.open;
      for (int id : ids) {
        std::string row = sh.row_open;
        for (std::size_t at; (at = row.find('@')) != std::string::npos;) row.replace(at, 1, std::to_string(id));
        out += row + sh.row_close;
      }
      return out + sh.close + "<p>footer</p>\n";
    };
    std::string html = render();
    tree prev = previous_of(html);
    for (int step = 0; step < 8; ++step) {
      for (int op = 0, ops = 1 + static_cast<int>(pick(3)); op < ops; ++op) {
        switch (pick(4)) {
          case 0: ids.insert(ids.begin() + static_cast<std::ptrdiff_t>(pick(ids.size() + 1)), next_id++); break;
          case 1:
            if (!ids.empty()) ids.erase(ids.begin() + static_cast<std::ptrdiff_t>(pick(ids.size())));
            break;
          default:
            if (ids.size() > 1) {
              std::size_t from = pick(ids.size()), to = pick(ids.size());
              int id = ids[from];
              ids.erase(ids.begin() + static_cast<std::ptrdiff_t>(from));
              ids.insert(ids.begin() + static_cast<std::ptrdiff_t>(to), id);
            }
        }
      }
      std::string now = render();
      std::string copy = now;
      if (sh.explicit_ends) {  // rows whose boundaries are checkpoints: reparsed by regions
        ++clean_cases;
        if (detail::reparse_regions(prev, copy, {}, now.size())) ++region_hits;
      }
      tree fast = reparse_fragment(prev, now);
      ASSERT_EQ(dump(fast), dump(parse_fragment(now))) << "seed " << seed << " round " << round << " step " << step << "\n"
                                                        << html << "\n=>\n" << now;
      diff(prev, fast);
      prev = std::move(fast);
      html = now;
    }
  }
  EXPECT_GT(region_hits, clean_cases * 9 / 10);
}

}  // namespace
}  // namespace djust::vdom
