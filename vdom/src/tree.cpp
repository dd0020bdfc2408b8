// The node arena: linking, hashing, numbering and memory accounting.
#include "djust/vdom/tree.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <utility>

#include "entities.hpp"
#include "hash.hpp"
#include "tags.hpp"

namespace djust::vdom {

tree::tree() {
  nodes_.push_back(node{});  // the root
}

const attribute* tree::find_attribute(node_index i, std::string_view attr_name) const {
  for (const attribute& a : attributes(i))
    if (str(a.name) == attr_name) return &a;
  return nullptr;
}

std::string tree::decoded(str_ref raw, bool in_attribute) const {
  std::string out;
  std::string_view s = str(raw);
  if (!detail::needs_decode(s)) return std::string(s);
  out.reserve(s.size());
  detail::decode_html(s, in_attribute, out);
  return out;
}

std::size_t tree::memory_bytes() const {
  return sizeof(*this) + buf_.capacity() + context_.capacity() + nodes_.capacity() * sizeof(node) +
         attrs_.capacity() * sizeof(attribute);
}

str_ref tree::append_bytes(std::string_view bytes) {
  str_ref r{static_cast<std::uint32_t>(buf_.size()), static_cast<std::uint32_t>(bytes.size())};
  buf_.append(bytes);
  return r;
}

void tree::stamp(std::uint64_t twin, std::vector<node_index>* edits) {
  static std::atomic<std::uint64_t> versions{0};  // trees are built on many threads
  version_ = versions.fetch_add(1, std::memory_order_relaxed) + 1;
  twin_of_ = twin;
  has_edits_ = twin != 0 && edits != nullptr;
  if (!has_edits_) edits_.clear();
  else edits_ = std::move(*edits);
}

void tree::link(node_index parent, node_index child, node_index before) {
  forget_version();
  node& c = nodes_[child];
  node& p = nodes_[parent];
  c.parent = parent;
  if (before == no_node) {
    c.prev_sibling = p.last_child;
    c.next_sibling = no_node;
    if (p.last_child != no_node) nodes_[p.last_child].next_sibling = child;
    else p.first_child = child;
    p.last_child = child;
  } else {
    node& b = nodes_[before];
    c.prev_sibling = b.prev_sibling;
    c.next_sibling = before;
    if (b.prev_sibling != no_node) nodes_[b.prev_sibling].next_sibling = child;
    else p.first_child = child;
    b.prev_sibling = child;
  }
}

void tree::unlink(node_index child) {
  forget_version();
  node& c = nodes_[child];
  if (c.parent == no_node) return;
  node& p = nodes_[c.parent];
  if (c.prev_sibling != no_node) nodes_[c.prev_sibling].next_sibling = c.next_sibling;
  else p.first_child = c.next_sibling;
  if (c.next_sibling != no_node) nodes_[c.next_sibling].prev_sibling = c.prev_sibling;
  else p.last_child = c.prev_sibling;
  c.parent = c.prev_sibling = c.next_sibling = no_node;
}

void tree::hash_node(node_index k) {
  // The fold is a chain of multiplications, each waiting for the one before: an attribute's
  // name and value, and two neighbouring children, are mixed apart first and enter it as
  // one term (a re-render that changes every row rehashes every row and their parent).
  node& n = nodes_[k];
  const char* b = buf_.data();  // slices are in range: no substr checks
  bool known_tag = n.kind == node_kind::element && n.tag != 0;
  std::uint64_t h = detail::hash_mix(static_cast<std::uint64_t>(n.kind) + 1, n.ns == name_space::html ? 0 : 7);
  h = detail::hash_mix(h, known_tag ? n.tag : detail::hash_field(b + n.name.off, n.name.len));
  for (const attribute& a : attributes(k))
    h = detail::hash_mix(h, detail::hash_mix(detail::hash_field(b + a.name.off, a.name.len),
                                             detail::hash_field(b + a.value.off, a.value.len) + 1));
  for (node_index c = n.first_child; c != no_node;) {
    node_index d = nodes_[c].next_sibling;
    if (d == no_node) {
      h = detail::hash_mix(h, nodes_[c].hash);
      break;
    }
    h = detail::hash_mix(h, detail::hash_mix(nodes_[c].hash, nodes_[d].hash));
    c = nodes_[d].next_sibling;
  }
  n.hash = h;
}

void tree::rehash() {
  // Post-order walk from the root: a node's hash is computed once its children's are.
  node_index cur = root;
  for (;;) {
    while (nodes_[cur].first_child != no_node) cur = nodes_[cur].first_child;
    for (;;) {
      hash_node(cur);
      if (cur == root) return;
      if (nodes_[cur].next_sibling != no_node) {
        cur = nodes_[cur].next_sibling;
        break;
      }
      cur = nodes_[cur].parent;
    }
  }
}

void tree::rehash_edited(std::span<const node_index> edited) {
  // The union of the paths to the root, children before their parents. When every node on
  // them comes after its parent in the arena (as the parser creates them), that is falling
  // index order: a scan of the marks, no sort.
  std::vector<std::uint8_t> queued(nodes_.size());
  std::vector<std::pair<std::uint32_t, node_index>> todo;  // (depth, node)
  todo.reserve(edited.size() + 16);  // mostly the edited nodes and a few shared ancestors
  bool parents_first = true;
  node_index lowest = no_node, highest = 0;
  for (node_index e : edited)
    for (node_index cur = e; cur != no_node && !queued[cur]; cur = nodes_[cur].parent) {
      queued[cur] = 1;
      todo.emplace_back(0, cur);
      lowest = std::min(lowest, cur);
      highest = std::max(highest, cur);
      parents_first = parents_first && (nodes_[cur].parent == no_node || nodes_[cur].parent < cur);
    }
  if (todo.empty()) return;
  if (parents_first) {
    for (node_index i = highest + 1; i-- > lowest;)
      if (queued[i]) hash_node(i);
    return;
  }
  for (auto& item : todo)
    for (node_index up = nodes_[item.second].parent; up != no_node; up = nodes_[up].parent) ++item.first;
  std::sort(todo.begin(), todo.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& item : todo) hash_node(item.second);
}

std::uint32_t tree::number(node_index from, std::uint32_t first) {
  forget_version();
  // Iterative pre-order walk of the subtree.
  node_index cur = from;
  while (cur != no_node) {
    nodes_[cur].id = first++;
    // <template> contents live in template.content, outside the DOM walk of the browser
    // script, so they get no ids (diff() replaces a changed template whole).
    bool opaque = nodes_[cur].kind == node_kind::element && nodes_[cur].ns == name_space::html &&
                  static_cast<detail::tag>(nodes_[cur].tag) == detail::tag::template_;
    if (nodes_[cur].first_child != no_node && !opaque) {
      cur = nodes_[cur].first_child;
      continue;
    }
    while (cur != from && nodes_[cur].next_sibling == no_node) cur = nodes_[cur].parent;
    cur = cur == from ? no_node : nodes_[cur].next_sibling;
  }
  return first;
}

}  // namespace djust::vdom
