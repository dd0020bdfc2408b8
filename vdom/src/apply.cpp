// The reference patch applier: a C++ model of what the browser script does to the DOM.
#include "djust/vdom/apply.hpp"

#include <unordered_map>

#include "djust/vdom/parse.hpp"
#include "serializer.hpp"

namespace djust::vdom {
namespace {

// Raw (as-written) form of a decoded value: '&' and '<' escaped so it decodes back.
std::string to_raw(std::string_view v, bool literal) {
  if (literal) return std::string(v);
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '\r') out += "&#13;";
    else out.push_back(c);
  }
  return out;
}

class applier {
 public:
  explicit applier(tree& t) : t_(t) { index(tree::root); }

  void run(const patch& p) {
    switch (p.op) {
      case wire::set_text: {
        node_index n = find(p.id);
        bool literal = t_.at(n).kind == node_kind::comment || detail::literal_text_parent(t_, t_.at(n).parent);
        t_.mut(n).name = t_.append_bytes(to_raw(p.value, literal));
        return;
      }
      case wire::set_attr:
      case wire::set_prop:
        set_attribute(find(p.id), p.name, &p.value);
        return;
      case wire::remove_attr:
      case wire::remove_prop:
        set_attribute(find(p.id), p.name, nullptr);
        return;
      case wire::insert: {
        node_index parent = find(p.id);
        insert_html(parent, p.before == wire::append ? no_node : find(p.before), p.first_id, p.value);
        return;
      }
      case wire::remove: {
        node_index n = find(p.id);
        forget(n);
        t_.unlink(n);
        return;
      }
      case wire::move: {
        node_index n = find(p.id);
        node_index parent = t_.at(n).parent;
        node_index before = p.before == wire::append ? no_node : find(p.before);
        t_.unlink(n);
        t_.link(parent, n, before);
        return;
      }
      case wire::replace: {
        node_index old = find(p.id);
        insert_html(t_.at(old).parent, old, p.first_id, p.value);
        forget(old);
        t_.unlink(old);
        return;
      }
    }
    throw apply_error("apply: unknown opcode " + std::to_string(p.op));
  }

 private:
  void index(node_index from) { walk(from, [&](node_index c) { by_id_[t_.at(c).id] = c; }); }
  void forget(node_index from) { walk(from, [&](node_index c) { by_id_.erase(t_.at(c).id); }); }

  template <class F>
  void walk(node_index from, F f) {
    for (node_index c = from; c != no_node;) {
      f(c);
      bool opaque = t_.at(c).kind == node_kind::element && t_.at(c).ns == name_space::html && t_.name(c) == "template";
      if (t_.at(c).first_child != no_node && !opaque) {
        c = t_.at(c).first_child;
        continue;
      }
      while (c != from && t_.at(c).next_sibling == no_node) c = t_.at(c).parent;
      c = c == from ? no_node : t_.at(c).next_sibling;
    }
  }

  node_index find(std::uint32_t id) const {
    auto it = by_id_.find(id);
    if (it == by_id_.end() || (it->second != tree::root && t_.at(it->second).parent == no_node))
      throw apply_error("apply: no node with id " + std::to_string(id));
    return it->second;
  }

  void set_attribute(node_index n, std::string_view name, const std::string* value) {
    if (t_.at(n).kind != node_kind::element) throw apply_error("apply: attribute patch on a non-element");
    auto& store = t_.attribute_store();
    std::vector<attribute> next;
    bool found = false;
    for (const attribute& a : t_.attributes(n)) {
      if (t_.str(a.name) != name) {
        next.push_back(a);
        continue;
      }
      found = true;
      if (value) next.push_back({a.name, t_.append_bytes(to_raw(*value, false))});
    }
    if (!found && value) next.push_back({t_.append_bytes(name), t_.append_bytes(to_raw(*value, false))});
    t_.mut(n).attr_begin = static_cast<std::uint32_t>(store.size());
    t_.mut(n).attr_count = static_cast<std::uint32_t>(next.size());
    store.insert(store.end(), next.begin(), next.end());
  }

  node_index copy(const tree& src, node_index s, node_index parent, node_index before) {
    const node& x = src.at(s);
    node n;
    n.kind = x.kind;
    n.ns = x.ns;
    n.tag = x.tag;
    n.id = x.id;
    n.name = t_.append_bytes(src.str(x.name));
    std::vector<attribute> attrs;
    for (const attribute& a : src.attributes(s))
      attrs.push_back({t_.append_bytes(src.str(a.name)), t_.append_bytes(src.str(a.value))});
    auto& store = t_.attribute_store();
    n.attr_begin = static_cast<std::uint32_t>(store.size());
    n.attr_count = static_cast<std::uint32_t>(attrs.size());
    store.insert(store.end(), attrs.begin(), attrs.end());
    node_index k = t_.add_node(n);
    t_.link(parent, k, before);
    by_id_[n.id] = k;
    for (node_index c = x.first_child; c != no_node; c = src.at(c).next_sibling) copy(src, c, k, no_node);
    return k;
  }

  void insert_html(node_index parent, node_index before, std::uint32_t first_id, const std::string& html) {
    parse_options o;
    std::string context = parent == tree::root ? t_.context() : std::string(t_.name(parent));
    o.context = context;
    o.context_ns = parent == tree::root ? t_.context_ns() : t_.at(parent).ns;
    tree frag = parse_fragment(html, o);
    std::uint32_t next = first_id;
    for (node_index c = frag.at(tree::root).first_child; c != no_node; c = frag.at(c).next_sibling)
      next = frag.number(c, next);
    for (node_index c = frag.at(tree::root).first_child; c != no_node; c = frag.at(c).next_sibling)
      copy(frag, c, parent, before);
    if (next > t_.next_id()) t_.set_next_id(next);
  }

  tree& t_;
  std::unordered_map<std::uint32_t, node_index> by_id_;
};

}  // namespace

void apply_patches(tree& t, const patch_list& patches) {
  applier a(t);
  for (const patch& p : patches) a.run(p);
  t.rehash();
}

}  // namespace djust::vdom
