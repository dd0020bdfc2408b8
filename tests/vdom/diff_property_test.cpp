// Property test: for thousands of random tree pairs (inserts, removals, moves, keyed and
// unkeyed, attribute and text edits), apply(diff(a, b), a) == b, ids included, over chains
// of renders so ids carried into the new tree are reused by the next diff.
#include <gtest/gtest.h>

#include <iostream>
#include <memory>
#include <random>
#include <vector>

#include "djust/vdom/apply.hpp"
#include "djust/vdom/diff.hpp"
#include "djust/vdom/parse.hpp"
#include "djust/vdom/serialize.hpp"

namespace djust::vdom {
namespace {

constexpr std::uint32_t seed = 20261123;
constexpr int chains = 600;
constexpr int steps_per_chain = 6;

struct model {
  std::string tag;  // empty: text node
  std::string text;
  std::vector<std::pair<std::string, std::string>> attrs;
  std::vector<std::unique_ptr<model>> kids;
  bool keyed_kids = false;
};

class generator {
 public:
  explicit generator(std::uint32_t s) : rng_(s) {}

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  std::string word() {
    static const char* words[] = {"a", "b", "hello", "x&amp;y", "1 &lt; 2", " ", "\n  ", "caf\xC3\xA9", "&nbsp;"};
    return words[pick(9)];
  }

  std::unique_ptr<model> node(int depth, const std::string& parent_tag, bool keyed) {
    auto m = std::make_unique<model>();
    if (parent_tag == "ul") m->tag = "li";
    else if (parent_tag == "tbody") m->tag = "tr";
    else if (parent_tag == "tr") m->tag = "td";
    else if (depth > 3 || pick(3) == 0) return text();
    else {
      static const char* tags[] = {"div", "span", "ul", "table", "b", "section", "input", "em"};
      m->tag = tags[pick(8)];
    }
    if (keyed) m->attrs.push_back({"dj-key", "k" + std::to_string(next_key_++)});
    if (pick(2)) m->attrs.push_back({"class", word()});
    if (m->tag == "input") {
      m->attrs.push_back({"value", word()});
      return m;
    }
    if (m->tag == "table") {
      auto tbody = std::make_unique<model>();
      tbody->tag = "tbody";
      tbody->keyed_kids = pick(2);
      fill(*tbody, depth + 1);
      m->kids.push_back(std::move(tbody));
      return m;
    }
    m->keyed_kids = pick(3) == 0;
    fill(*m, depth + 1);
    return m;
  }

  std::unique_ptr<model> text() {
    auto m = std::make_unique<model>();
    m->text = word();
    return m;
  }

  void fill(model& m, int depth) {
    int n = pick(depth > 3 ? 2 : 6);
    for (int i = 0; i < n; ++i) m.kids.push_back(node(depth, m.tag, m.keyed_kids));
  }

  // One random edit somewhere in the tree.
  void mutate(model& root) {
    std::vector<model*> all;
    collect(root, all);
    model& m = *all[static_cast<std::size_t>(pick(static_cast<int>(all.size())))];
    if (m.tag.empty()) {
      m.text = word() + word();
      return;
    }
    if (m.tag == "input") {
      m.attrs.back().second = word();
      return;
    }
    switch (pick(7)) {
      case 0:  // insert
        if (m.tag != "table") {
          auto kid = node(3, m.tag, m.keyed_kids);
          std::size_t at = static_cast<std::size_t>(pick(static_cast<int>(m.kids.size()) + 1));
          m.kids.insert(m.kids.begin() + static_cast<std::ptrdiff_t>(at), std::move(kid));
        }
        return;
      case 1:  // remove
        if (!m.kids.empty() && m.tag != "table")
          m.kids.erase(m.kids.begin() + pick(static_cast<int>(m.kids.size())));
        return;
      case 2:  // move one
      case 3:
        if (m.kids.size() > 1 && m.tag != "table") {
          std::size_t from = static_cast<std::size_t>(pick(static_cast<int>(m.kids.size())));
          auto kid = std::move(m.kids[from]);
          m.kids.erase(m.kids.begin() + static_cast<std::ptrdiff_t>(from));
          std::size_t to = static_cast<std::size_t>(pick(static_cast<int>(m.kids.size()) + 1));
          m.kids.insert(m.kids.begin() + static_cast<std::ptrdiff_t>(to), std::move(kid));
        }
        return;
      case 4:  // shuffle
        if (m.tag != "table") std::shuffle(m.kids.begin(), m.kids.end(), rng_);
        return;
      case 5:  // attribute set
        m.attrs.push_back({pick(2) ? "title" : "data-x", word()});
        return;
      default:  // attribute remove or change
        for (auto& a : m.attrs)
          if (a.first != "dj-key") a.second = pick(2) ? word() : "";
        if (!m.attrs.empty() && m.attrs.back().first != "dj-key" && pick(2)) m.attrs.pop_back();
        return;
    }
  }

  std::mt19937& rng() { return rng_; }

 private:
  void collect(model& m, std::vector<model*>& out) {
    out.push_back(&m);
    for (auto& k : m.kids) collect(*k, out);
  }
  std::mt19937 rng_;
  int next_key_ = 0;
};

void html(const model& m, std::string& out) {
  if (m.tag.empty()) {
    out += m.text;
    return;
  }
  out += "<" + m.tag;
  std::vector<std::string> seen;
  for (const auto& [k, v] : m.attrs) out += " " + k + "=\"" + v + "\"";
  out += ">";
  if (m.tag == "input") return;
  for (const auto& k : m.kids) html(*k, out);
  out += "</" + m.tag + ">";
}

std::unique_ptr<model> clone(const model& m) {
  auto c = std::make_unique<model>();
  c->tag = m.tag, c->text = m.text, c->attrs = m.attrs, c->keyed_kids = m.keyed_kids;
  for (const auto& k : m.kids) c->kids.push_back(clone(*k));
  return c;
}

void ids(const tree& t, node_index n, std::vector<std::uint32_t>& out) {
  out.push_back(t.at(n).id);
  for (node_index c = t.at(n).first_child; c != no_node; c = t.at(c).next_sibling) ids(t, c, out);
}

TEST(diff_property, apply_of_diff_rebuilds_the_new_tree) {
  std::cout << "diff_property seed " << seed << "\n";
  RecordProperty("seed", static_cast<int>(seed));
  generator g(seed);
  int pairs = 0;
  for (int c = 0; c < chains; ++c) {
    model root;
    root.tag = "div";
    root.keyed_kids = g.pick(2);
    g.fill(root, 0);
    std::string old_html;
    for (const auto& k : root.kids) html(*k, old_html);
    tree old_tree = parse_fragment(old_html);
    tree dom = parse_fragment(old_html);  // what the browser holds
    for (int s = 0; s < steps_per_chain; ++s) {
      int edits = 1 + g.pick(4);
      for (int e = 0; e < edits; ++e) g.mutate(root);
      std::string new_html;
      for (const auto& k : root.kids) html(*k, new_html);
      tree new_tree = parse_fragment(new_html);
      patch_list p = diff(old_tree, new_tree);
      ASSERT_NO_THROW(apply_patches(dom, p)) << "chain " << c << " step " << s << "\nold: " << old_html << "\nnew: " << new_html;
      ASSERT_EQ(canonical_html(dom), canonical_html(new_tree))
          << "chain " << c << " step " << s << "\nold: " << old_html << "\nnew: " << new_html;
      std::vector<std::uint32_t> want, got;
      ids(new_tree, tree::root, want);
      ids(dom, tree::root, got);
      ASSERT_EQ(got, want) << "ids differ, chain " << c << " step " << s;
      old_tree = std::move(new_tree);
      old_html = new_html;
      ++pairs;
    }
  }
  EXPECT_EQ(pairs, chains * steps_per_chain);
}

}  // namespace
}  // namespace djust::vdom
