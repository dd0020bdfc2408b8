// Active formatting elements: reopening <b>/<i>/<a>... after a block closes them, and the
// adoption agency algorithm for misnested formatting end tags (HTML spec 13.2.4.3, 13.2.6.4.7).
#include <algorithm>

#include "tree_builder.hpp"

namespace djust::vdom::detail {
namespace {

bool same_element(const tree& t, node_index a, node_index b) {
  if (t.name(a) != t.name(b)) return false;
  auto x = t.attributes(a), y = t.attributes(b);
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (t.str(x[i].name) != t.str(y[i].name) || t.str(x[i].value) != t.str(y[i].value)) return false;
  return true;
}

}  // namespace

std::size_t tree_builder::stack_pos(node_index n) const {
  for (std::size_t i = stack_.size(); i-- > 1;)
    if (stack_[i] == n) return i;
  return stack_.size();
}

void tree_builder::push_active(node_index n) {
  int same = 0;
  std::size_t earliest = active_.size();
  for (std::size_t i = active_.size(); i-- > 0;) {
    if (active_[i] == no_node) break;
    if (same_element(t_, active_[i], n)) {
      ++same;
      earliest = i;
    }
  }
  if (same >= 3) active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(earliest));
  active_.push_back(n);
}

void tree_builder::clear_active_to_marker() {
  while (!active_.empty()) {
    node_index n = active_.back();
    active_.pop_back();
    if (n == no_node) return;
  }
}

node_index tree_builder::clone_element(node_index n) {
  node c;
  c.kind = node_kind::element;
  c.ns = t_.at(n).ns;
  c.tag = t_.at(n).tag;
  c.name = t_.at(n).name;
  auto& store = t_.attribute_store();
  std::uint32_t begin = t_.at(n).attr_begin, count = t_.at(n).attr_count;
  c.attr_begin = static_cast<std::uint32_t>(store.size());
  c.attr_count = count;
  for (std::uint32_t i = 0; i < count; ++i) store.push_back(store[begin + i]);
  return t_.add_node(c);
}

void tree_builder::reconstruct(bool foster) {
  if (active_.empty()) return;
  node_index last = active_.back();
  if (last == no_node || stack_pos(last) < stack_.size()) return;
  std::size_t i = active_.size() - 1;
  while (i > 0 && active_[i - 1] != no_node && stack_pos(active_[i - 1]) == stack_.size()) --i;
  for (; i < active_.size(); ++i) {
    node_index c = clone_element(active_[i]);
    place(c, foster);
    push(c);
    active_[i] = c;
  }
}

void tree_builder::any_other_end(std::string_view name) {
  for (std::size_t i = stack_.size(); i-- > 1;) {
    node_index n = stack_[i];
    if (is_html(n) && t_.name(n) == name) {
      generate_implied(tag_at(n));
      while (stack_.size() > i) pop();
      return;
    }
    if (is_html(n) && has(tag_at(n), special)) return;
  }
}

bool tree_builder::adoption_agency(std::string_view subject) {
  auto in_active = [&](node_index n) { return std::find(active_.begin(), active_.end(), n) != active_.end(); };
  node_index c = cur();
  if (c != tree::root && is_html(c) && t_.name(c) == subject && !in_active(c)) {
    pop();
    return true;
  }
  for (int outer = 0; outer < 8; ++outer) {
    // The formatting element: the last entry named `subject` after the last marker.
    std::size_t fe_pos = active_.size();
    for (std::size_t i = active_.size(); i-- > 0;) {
      if (active_[i] == no_node) break;
      if (t_.name(active_[i]) == subject) {
        fe_pos = i;
        break;
      }
    }
    if (fe_pos == active_.size()) return false;
    node_index fe = active_[fe_pos];
    std::size_t fe_stack = stack_pos(fe);
    if (fe_stack == stack_.size()) {
      active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(fe_pos));
      return true;
    }
    if (!in_scope(static_cast<tag>(t_.at(fe).tag))) return true;
    // The furthest block: the first special element above fe on the stack.
    std::size_t fb_stack = stack_.size();
    for (std::size_t i = fe_stack + 1; i < stack_.size(); ++i) {
      if (is_html(stack_[i]) ? has(tag_at(stack_[i]), special) : false) {
        fb_stack = i;
        break;
      }
    }
    if (fb_stack == stack_.size()) {
      while (stack_.size() > fe_stack) pop();
      active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(fe_pos));
      return true;
    }
    node_index fb = stack_[fb_stack];
    node_index common = stack_[fe_stack - 1];
    std::size_t bookmark = fe_pos;
    node_index last_node = fb;
    std::size_t node_stack = fb_stack;
    for (int inner = 1;; ++inner) {
      --node_stack;
      node_index n = stack_[node_stack];
      if (n == fe) break;
      auto it = std::find(active_.begin(), active_.end(), n);
      if (inner > 3 && it != active_.end()) {
        if (static_cast<std::size_t>(it - active_.begin()) < bookmark) --bookmark;
        active_.erase(it);
        it = active_.end();
      }
      if (it == active_.end()) {
        unstack(node_stack);
        continue;
      }
      node_index fresh = clone_element(n);
      *it = fresh;
      stack_[node_stack] = fresh;
      if (last_node == fb) bookmark = static_cast<std::size_t>(it - active_.begin()) + 1;
      relink(fresh, last_node);
      last_node = fresh;
    }
    bool foster = is_html(common) && common != tree::root && has(tag_at(common), table_ctx);
    if (foster) {
      node_index table = no_node;
      for (std::size_t i = stack_.size(); i-- > 1;)
        if (is_html(stack_[i]) && tag_at(stack_[i]) == tag::table) {
          table = stack_[i];
          break;
        }
      if (table != no_node && t_.at(table).parent != no_node) relink(t_.at(table).parent, last_node, table);
      else relink(common, last_node);
    } else {
      relink(common, last_node);
    }
    node_index fresh = clone_element(fe);
    while (t_.at(fb).first_child != no_node) {
      node_index k = t_.at(fb).first_child;
      relink(fresh, k);
    }
    relink(fb, fresh);
    std::size_t fe_now = static_cast<std::size_t>(std::find(active_.begin(), active_.end(), fe) - active_.begin());
    if (fe_now < bookmark) --bookmark;
    active_.erase(active_.begin() + static_cast<std::ptrdiff_t>(fe_now));
    active_.insert(active_.begin() + static_cast<std::ptrdiff_t>(std::min(bookmark, active_.size())), fresh);
    unstack(stack_pos(fe));
    std::size_t fb_s = stack_pos(fb);
    stack_.insert(stack_.begin() + static_cast<std::ptrdiff_t>(fb_s + 1), fresh);
    modes_.insert(modes_.begin() + static_cast<std::ptrdiff_t>(fb_s + 1), modes_[fb_s]);
  }
  return true;
}

}  // namespace djust::vdom::detail
