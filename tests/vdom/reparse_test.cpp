// reparse_fragment: the same tree as parse_fragment, taken by the fast path only when safe.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "djust/vdom/diff.hpp"
#include "djust/vdom/parse.hpp"
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
      "<p><b class=\"@\">@</p>@"};  // the last two clone formatting elements (repeated slices)
  int fast = 0;
  for (int round = 0; round < 3000; ++round) {
    std::vector<std::string> page;
    int n = 1 + pick(6);
    for (int i = 0; i < n; ++i) page.push_back(pieces[pick(15)]);
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

}  // namespace
}  // namespace djust::vdom
