// reparse_regions: re-parse the changed slices of a page between parser checkpoints and splice them in.
//
// The parser marks checkpoints in the tree (checkpoints.hpp): token boundaries where its
// whole state is "the stack is this element and its ancestors, nothing else pending". The
// bytes between two checkpoints of one element E, parsed alone with E's ancestors as the
// stack, give exactly the nodes a full parse gives them, in the same order, provided that
// parse never reaches outside E (closing E, foster-parenting past it, joining text before
// it, a form). So a re-render that differs from the previous HTML in a stretch of bytes is
// handled by widening the stretch to checkpoints of the deepest element that has them,
// parsing its old bytes alone (which checks that the old nodes there are exactly a range of
// the arena: creation order is arena order) and its new bytes alone, and copying the
// previous tree with that range replaced; offsets after it shift, hashes change on the
// path to E, nodes are renumbered.
#include "regions.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "byte_compare.hpp"
#include "checkpoints.hpp"
#include "tags.hpp"
#include "tree_builder.hpp"

namespace djust::vdom::detail {
namespace {

constexpr std::size_t max_regions = 8;
// A region this large is worth splitting where the sources line up again (a moved row).
constexpr std::size_t split_above = 1024;
// Bytes that must match after a guessed realignment, and how far an insertion is looked for.
constexpr std::size_t realign_run = 64;
constexpr std::size_t realign_window = 16 * 1024;
constexpr int deletion_tries = 8;

struct region {
  node_index container = tree::root;  // in the previous tree
  node_index first = no_node;         // first old child in the region: its checkpoint starts it
  node_index after = no_node;         // first old child after it; no_node: the container's end
  std::size_t old_begin = 0, old_end = 0;  // bytes of the previous source
  std::size_t new_begin = 0, new_end = 0;  // bytes of the new source
};

// Moves each of x's links into the arena through `to` (old index -> index in the copy).
template <class Remap>
void remap_links(node& x, Remap&& to) {
  x.parent = to(x.parent);
  x.first_child = to(x.first_child);
  x.last_child = to(x.last_child);
  x.prev_sibling = to(x.prev_sibling);
  x.next_sibling = to(x.next_sibling);
}

// Start of child c when the token there began at a checkpoint of its parent.
std::uint32_t checkpoint_before(const tree& t, node_index c) {
  return (t.at(c).marks & mark_clean_before) ? start_offset(t, c) : no_offset;
}

// The container and its ancestors are the parser's stack at its checkpoints (nothing was
// foster-parented, moved or closed out of order on the way) and none is a <template>.
bool trusted_chain(const tree& t, node_index e) {
  while (e != tree::root) {
    if (e == no_node) return false;
    const node& x = t.at(e);
    if ((x.marks & mark_misplaced) || x.kind != node_kind::element) return false;
    if (x.ns == name_space::html && static_cast<tag>(x.tag) == tag::template_) return false;
    e = x.parent;
  }
  return true;
}

// Widens old bytes [p0, p1) to a region: checkpoints of the deepest element that has one at
// or before p0 (and at or after `floor`) and one at or after p1; level 1, 2... take the next
// such elements up, for when parsing in the deeper one fails.
bool widen(const tree& t, std::size_t p0, std::size_t p1, std::size_t floor, int level, region& r) {
  // The path from the root down through the last child starting at or before p0.
  std::vector<node_index> path{tree::root};
  node_index leaf = no_node;
  for (node_index e = tree::root;;) {
    node_index pick = no_node;
    for (node_index c = t.at(e).first_child; c != no_node; c = t.at(c).next_sibling) {
      std::uint32_t s = start_offset(t, c);
      if (s == no_offset) continue;
      if (s > p0) break;
      pick = c;
    }
    if (pick == no_node || t.at(pick).kind != node_kind::element) {
      leaf = pick;
      break;
    }
    path.push_back(pick);
    e = pick;
  }
  for (std::size_t k = path.size(); k-- > 0;) {
    node_index e = path[k];
    if (!trusted_chain(t, e)) continue;
    node_index first = no_node;
    std::size_t b0 = 0;
    for (node_index c = k + 1 < path.size() ? path[k + 1] : leaf; c != no_node; c = t.at(c).prev_sibling) {
      std::uint32_t s = checkpoint_before(t, c);
      if (s == no_offset || s > p0) continue;
      if (s < floor) break;
      if (t.at(c).marks & mark_after_text) continue;  // text here would join the text before
      first = c;
      b0 = s;
      break;
    }
    if (first == no_node) continue;
    node_index after = no_node;
    std::size_t b1 = 0;
    for (node_index d = first; d != no_node; d = t.at(d).next_sibling) {
      // A token starts at or before its node's name: most children (all, when p1 is near
      // the end of a long list) are passed over without working out where they start.
      if (t.at(d).name.off < std::max<std::size_t>(p1, b0)) continue;
      std::uint32_t s = checkpoint_before(t, d);
      if (s != no_offset && s >= p1 && s >= b0) {
        after = d;
        b1 = s;
        break;
      }
    }
    if (after == no_node) {
      b1 = end_checkpoint(t.at(e));
      if (b1 == 0 || b1 < p1) continue;
    }
    if (level-- > 0) continue;
    r = region{e, first, after, b0, b1, 0, 0};
    return true;
  }
  return false;
}

// Splits off the start of a large region where the sources line up again: after old
// children were deleted there, or new bytes were inserted before its first child. `head`
// is that region and (u, v) the aligned old and new positions after it.
bool split(const tree& t, std::string_view o, std::string_view n, const region& r, region& head, std::size_t& u,
           std::size_t& v) {
  std::size_t v0 = r.new_begin;
  int tries = 0;
  for (node_index d = t.at(r.first).next_sibling; d != no_node && tries < deletion_tries; d = t.at(d).next_sibling) {
    std::size_t s = checkpoint_before(t, d);
    if (s == no_offset) continue;
    ++tries;
    std::size_t run = common_prefix(o.data() + s, n.data() + v0, std::min(o.size() - s, n.size() - v0));
    if (run >= realign_run || (s + run == o.size() && v0 + run == n.size())) {
      head = region{r.container, r.first, d, r.old_begin, s, v0, v0};
      u = s;
      v = v0;
      return true;
    }
    if (d == r.after) break;
  }
  std::size_t need = std::min(realign_run, o.size() - r.old_begin);
  if (need == 0 || v0 + 1 >= n.size()) return false;
  std::size_t window = std::min(realign_window, n.size() - v0 - 1);
  const void* at = memmem(n.data() + v0 + 1, window, o.data() + r.old_begin, need);
  if (!at) return false;
  std::size_t q = static_cast<std::size_t>(static_cast<const char*>(at) - n.data());
  head = region{r.container, r.first, r.first, r.old_begin, r.old_begin, v0, q};
  u = r.old_begin;
  v = q;
  return true;
}

// A region's bytes parsed alone: a scratch tree holding the root, copies of the container
// and its ancestors, a stand-in for the child before the region, then the region's nodes.
struct parsed {
  tree t;
  node_index container = tree::root;
  node_index left = no_node;       // the stand-in
  node_index first_new = 0;        // t's nodes from here on are the region's
  std::size_t synth_begin = 0;     // t's buffer from here on: bytes the parser made
  bool ends_with_text = false;     // the last token was text
};

bool parse_alone(const tree& prev, const region& r, std::string_view bytes, const parse_options& options,
                 parsed& out) {
  tree& s = out.t;
  std::string& buf = s.buffer_for_parser();
  buf.reserve(bytes.size() + bytes.size() / 16 + 256);
  buf.assign(bytes);
  std::vector<node_index> up;  // previous tree: the container, then its ancestors
  for (node_index e = r.container; e != tree::root; e = prev.at(e).parent) up.push_back(e);
  std::vector<node_index> chain;
  node_index parent = tree::root;
  for (auto it = up.rbegin(); it != up.rend(); ++it) {
    const node& x = prev.at(*it);
    node c;
    c.kind = x.kind;
    c.ns = x.ns;
    c.tag = x.tag;
    c.name = s.append_bytes(prev.name(*it));
    c.attr_begin = static_cast<std::uint32_t>(s.attribute_store().size());
    c.attr_count = x.attr_count;
    for (const attribute& a : prev.attributes(*it)) {
      str_ref an = s.append_bytes(prev.str(a.name));
      str_ref av = s.append_bytes(prev.str(a.value));
      s.attribute_store().push_back({an, av});
    }
    node_index k = s.add_node(c);
    s.link(parent, k);
    chain.push_back(k);
    parent = k;
  }
  out.container = parent;
  if (node_index l = prev.at(r.first).prev_sibling; l != no_node) {
    node d;
    d.kind = prev.at(l).kind;
    out.left = s.add_node(d);
    s.link(parent, out.left);
  }
  out.first_new = static_cast<node_index>(s.node_count());
  out.synth_begin = buf.size();
  s.set_source_length(bytes.size());
  try {
    tree_builder b(s, options, chain, out.first_new, bytes.size());
    b.run();
    if (!b.region_ok()) return false;
    out.ends_with_text = b.ended_with_text();
  } catch (const parse_error&) {
    return false;  // a full parse decides
  }
  return true;
}

// A region ready to splice: its fresh nodes and the previous tree's nodes [a, z) they replace.
struct placed {
  region r;
  parsed fresh;
  node_index a = 0, z = 0;
  std::size_t count = 0;     // fresh nodes
  node_index out_first = 0;  // where they go in the new arena
  std::size_t synth_at = 0;  // where their parser-made bytes go in the new buffer
};

// Parses region r's old bytes (which must give exactly the nodes from r.first on that it
// replaces) and new bytes, and checks its seams; `ps` are the regions before it.
bool prepare(const tree& prev, std::string_view o, std::string_view n, const region& r, const parse_options& options,
             const std::vector<placed>& ps, placed& p) {
  p.r = r;
  p.a = r.first;
  if (p.a < (ps.empty() ? node_index{1} : ps.back().z)) return false;
  if (r.old_end > r.old_begin) {
    parsed old;
    if (!parse_alone(prev, r, o.substr(r.old_begin, r.old_end - r.old_begin), options, old)) return false;
    p.z = static_cast<node_index>(p.a + (old.t.node_count() - old.first_new));
  } else {
    p.z = p.a;
  }
  if (p.z > prev.node_count() || (r.after != no_node && r.after != p.z) || (r.after == r.first && p.z != p.a))
    return false;
  for (node_index e = r.container; e != tree::root; e = prev.at(e).parent)
    for (const placed& q : ps)
      if (e >= q.a && e < q.z) return false;
  std::string_view bytes = n.substr(r.new_begin, r.new_end - r.new_begin);
  if (!parse_alone(prev, r, bytes, options, p.fresh)) return false;
  // Seams: text next to text would have been one node; a text token at the end would
  // have run on into the next one.
  const tree& s = p.fresh.t;
  node_index last = s.at(p.fresh.container).last_child;
  bool any = last != no_node && last >= p.fresh.first_new;
  bool last_text = any && s.at(last).kind == node_kind::text;
  node_index l = prev.at(r.first).prev_sibling;
  bool left_text = l != no_node && prev.at(l).kind == node_kind::text;
  bool right_text = r.after != no_node && prev.at(r.after).kind == node_kind::text;
  if (right_text && (any ? last_text : left_text)) return false;
  // Text foster-parented out of a table that follows the region joins the text before the
  // table, in the old tree and in a full parse of the new bytes alike.
  if (r.after != no_node && prev.at(r.after).ns == name_space::html &&
      static_cast<tag>(prev.at(r.after).tag) == tag::table) {
    node_index old_last = prev.at(r.after).prev_sibling;
    if (last_text || (old_last != no_node && prev.at(old_last).kind == node_kind::text)) return false;
  }
  if (p.fresh.ends_with_text && (right_text || bytes.ends_with("</"))) return false;
  p.fresh.t.rehash();
  p.count = s.node_count() - p.fresh.first_new;
  return true;
}

// The regions where o and n differ, in source order, parsed and checked; false when one
// cannot be found or parsed, or they would hold more than max_bytes. split: try to cut
// large ones (set `split_used` when that happened).
bool find_regions(const tree& t, std::string_view o, std::string_view n, const parse_options& options,
                  bool allow_split, std::size_t max_bytes, std::vector<placed>& out, bool& split_used) {
  std::size_t u = 0, v = 0, floor = 0, bytes = 0;
  std::size_t su = 0, sv = 0;  // where the sources were last known to line up
  for (;;) {
    std::size_t run = common_prefix(o.data() + u, n.data() + v, std::min(o.size() - u, n.size() - v));
    u += run;
    v += run;
    if (u == o.size() && v == n.size()) return !out.empty();
    std::size_t s = common_suffix(o.data() + o.size(), n.data() + n.size(), std::min(o.size() - u, n.size() - v));
    // The stretch that differs can often sit further left too (an inserted "<li>..</li>\n<"
    // is also "\n<li>..</li>" one byte earlier): each candidate element is tried with both.
    std::size_t full = common_suffix(o.data() + o.size(), n.data() + n.size(), std::min(o.size() - su, n.size() - sv));
    std::size_t slid = std::min(full - s, u - su);
    bool head_placed = false, too_big = false;
    for (int level = 0; level < 4 && !head_placed && !too_big; ++level) {
      for (int alt = 0; alt < 2 && !(alt == 1 && slid == 0); ++alt) {
        std::size_t k = alt == 0 ? 0 : slid;
        region r;
        if (!widen(t, u - k, o.size() - s - k, floor, level, r)) continue;
        r.new_begin = (v - k) - ((u - k) - r.old_begin);  // o[su, u) equals n[sv, v)
        r.new_end = n.size() - (o.size() - r.old_end);
        std::size_t size = (r.old_end - r.old_begin) + (r.new_end - r.new_begin);
        region head;
        std::size_t hu = 0, hv = 0;
        if (allow_split && out.size() + 1 < max_regions && size > split_above && split(t, o, n, r, head, hu, hv)) {
          placed p;
          std::size_t head_size = (head.old_end - head.old_begin) + (head.new_end - head.new_begin);
          if (bytes + head_size <= max_bytes && prepare(t, o, n, head, options, out, p)) {
            out.push_back(std::move(p));
            bytes += head_size;
            split_used = true;
            u = su = hu;
            v = sv = hv;
            floor = head.old_end + 1;  // the next region starts after this one's boundary child
            head_placed = true;
            break;
          }
        }
        if (bytes + size > max_bytes) {  // elements further up only hold more
          too_big = true;
          continue;
        }
        placed p;
        if (prepare(t, o, n, r, options, out, p)) {
          out.push_back(std::move(p));
          return true;  // the last region: the sources agree after it
        }
      }
    }
    if (!head_placed) return false;
  }
}

// The previous tree with each region's old nodes replaced by its fresh ones.
std::optional<tree> assemble(const tree& prev, std::string& html, std::vector<placed>& ps) {
  std::size_t old_len = prev.source().size(), new_len = html.size();
  std::size_t synth = prev.buffer().size() - old_len;
  for (const placed& p : ps) synth += p.fresh.t.buffer().size() - p.fresh.synth_begin;
  if (synth > new_len / 16 + 64) return std::nullopt;  // keep the buffer as tight as a parse's

  tree t;
  std::string& buf = t.buffer_for_parser();
  if (html.capacity() >= new_len + synth) {
    buf.swap(html);
  } else {
    buf.reserve(new_len + synth);
    buf.append(html);
  }
  auto give_back = [&] {
    if (buf.size() > new_len) buf.resize(new_len);
    if (html.empty()) html.swap(buf);
    return std::nullopt;
  };
  buf.append(prev.buffer(), old_len);
  for (placed& p : ps) {
    p.synth_at = buf.size();
    buf.append(p.fresh.t.buffer(), p.fresh.synth_begin);
  }
  t.set_source_length(new_len);
  t.set_context(prev.context(), prev.context_ns());

  std::vector<node>& nodes = t.node_store();
  std::vector<attribute>& attrs = t.attribute_store();
  std::size_t total = prev.node_count(), fresh_attrs = 0;
  for (const placed& p : ps) {
    total = total + p.count - (p.z - p.a);
    fresh_attrs += p.fresh.t.attribute_store().size();
  }
  nodes.clear();
  nodes.reserve(total);
  attrs.reserve(prev.attribute_store().size() + fresh_attrs);

  bool bad = false;
  bool in_order = true;  // no node breaks_arena_order()
  std::size_t hits = 0;  // survivors' links into replaced nodes
  auto remap = [&](node_index i) -> node_index {
    if (i == no_node) return no_node;
    std::int64_t sh = 0;
    for (const placed& p : ps) {
      if (i < p.a) break;
      if (i < p.z) {
        ++hits;
        return no_node;
      }
      sh += static_cast<std::int64_t>(p.count) - (p.z - p.a);
    }
    return static_cast<node_index>(i + sh);
  };
  auto shift_byte = [&](std::size_t off) -> std::size_t {
    if (off >= old_len) return off - old_len + new_len;
    std::int64_t sh = 0;
    for (const placed& p : ps) {
      if (off < p.r.old_begin) break;
      if (off < p.r.old_end) {
        bad = true;
        return off;
      }
      sh += static_cast<std::int64_t>(p.r.new_end - p.r.new_begin) - static_cast<std::int64_t>(p.r.old_end - p.r.old_begin);
    }
    return static_cast<std::size_t>(static_cast<std::int64_t>(off) + sh);
  };

  node_index seg_lo = 0;
  std::int64_t seg_sh = 0, byte_sh = 0;
  std::size_t byte_lo = 0;
  for (std::size_t k = 0; k <= ps.size(); ++k) {
    node_index seg_hi = k < ps.size() ? ps[k].a : static_cast<node_index>(prev.node_count());
    std::size_t byte_hi = k < ps.size() ? ps[k].r.old_begin : old_len;
    auto idx = [&](node_index i) {
      return i >= seg_lo && i < seg_hi ? static_cast<node_index>(i + seg_sh) : remap(i);
    };
    auto off = [&](std::uint32_t o) {
      return static_cast<std::uint32_t>(o >= byte_lo && o < byte_hi ? o + byte_sh : shift_byte(o));
    };
    // The segment's nodes are copied whole, and so are their attributes, one run of the
    // old store (attributes are stored in node order); then the copies are fixed in place.
    const auto& old_nodes = prev.node_store();
    const auto& old_attrs = prev.attribute_store();
    std::uint32_t attr_lo = 0, attr_hi = 0;
    for (node_index i = seg_lo; i < seg_hi; ++i)
      if (old_nodes[i].attr_count) {
        attr_lo = old_nodes[i].attr_begin;
        break;
      }
    for (node_index i = seg_hi; i-- > seg_lo;)
      if (old_nodes[i].attr_count) {
        attr_hi = old_nodes[i].attr_begin + old_nodes[i].attr_count;
        break;
      }
    if (attr_hi < attr_lo || attr_hi > old_attrs.size()) return give_back();
    std::uint32_t attr_base = static_cast<std::uint32_t>(attrs.size());
    attrs.insert(attrs.end(), old_attrs.begin() + attr_lo, old_attrs.begin() + attr_hi);
    for (std::size_t a = attr_base; a < attrs.size(); ++a) {
      attrs[a].name.off = off(attrs[a].name.off);
      attrs[a].value.off = off(attrs[a].value.off);
    }
    std::size_t node_base = nodes.size();
    nodes.insert(nodes.end(), old_nodes.begin() + seg_lo, old_nodes.begin() + seg_hi);
    for (std::size_t j = node_base; j < nodes.size(); ++j) {
      node& x = nodes[j];
      in_order = in_order && !breaks_arena_order(x);
      remap_links(x, idx);
      x.name.off = off(x.name.off);
      if (x.attr_count == 0) {
        x.attr_begin = attr_base;
      } else {
        if (x.attr_begin < attr_lo || x.attr_begin + x.attr_count > attr_hi) bad = true;
        x.attr_begin = x.attr_begin - attr_lo + attr_base;
      }
      if (std::uint32_t e = end_checkpoint(x)) {
        std::size_t moved = e >= byte_lo && e < byte_hi ? e + byte_sh : shift_byte(e);
        x.marks = (x.marks & ~mark_end_mask) | (moved <= mark_end_mask ? static_cast<std::uint32_t>(moved) : 0);
      }
    }
    if (k == ps.size()) break;
    placed& p = ps[k];
    const tree& s = p.fresh.t;
    p.out_first = static_cast<node_index>(nodes.size());
    node_index container = remap(p.r.container);
    node_index left = prev.at(p.r.first).prev_sibling;
    left = left == no_node ? no_node : remap(left);
    std::size_t region_len = p.r.new_end - p.r.new_begin;
    auto fidx = [&](node_index i) -> node_index {
      if (i == no_node) return no_node;
      if (i >= p.fresh.first_new) return p.out_first + (i - p.fresh.first_new);
      if (i == p.fresh.container) return container;
      if (i == p.fresh.left) return left;
      bad = true;
      return no_node;
    };
    auto foff = [&](std::uint32_t o) -> std::uint32_t {
      if (o < region_len) return static_cast<std::uint32_t>(o + p.r.new_begin);
      if (o >= p.fresh.synth_begin) return static_cast<std::uint32_t>(o - p.fresh.synth_begin + p.synth_at);
      bad = true;
      return 0;
    };
    for (node_index i = p.fresh.first_new; i < s.node_count(); ++i) {
      node x = s.at(i);
      in_order = in_order && !breaks_arena_order(x);
      remap_links(x, fidx);
      x.name.off = foff(x.name.off);
      std::uint32_t begin = x.attr_begin;
      x.attr_begin = static_cast<std::uint32_t>(attrs.size());
      for (std::uint32_t a = begin; a < begin + x.attr_count; ++a) {
        attribute at = s.attribute_store()[a];
        at.name.off = foff(at.name.off);
        at.value.off = foff(at.value.off);
        attrs.push_back(at);
      }
      if (std::uint32_t e = end_checkpoint(x)) {
        std::size_t moved = e + p.r.new_begin;
        x.marks = (x.marks & ~mark_end_mask) | (moved <= mark_end_mask ? static_cast<std::uint32_t>(moved) : 0);
      }
      nodes.push_back(x);
    }
    seg_lo = p.z;
    seg_sh += static_cast<std::int64_t>(p.count) - (p.z - p.a);
    byte_lo = p.r.old_end;
    byte_sh += static_cast<std::int64_t>(p.r.new_end - p.r.new_begin) - static_cast<std::int64_t>(p.r.old_end - p.r.old_begin);
  }

  // Stitch each region's top-level nodes between its neighbours; every link from the
  // previous tree into a replaced range must be one of those neighbour links.
  std::size_t expected = 0;
  std::vector<node_index> containers;
  for (const placed& p : ps) {
    auto replaced = [&](node_index i) { return i != no_node && i >= p.a && i < p.z; };
    node_index l = prev.at(p.r.first).prev_sibling, r = p.r.after, e = p.r.container;
    expected += replaced(l != no_node ? prev.at(l).next_sibling : prev.at(e).first_child);
    expected += replaced(r != no_node ? prev.at(r).prev_sibling : prev.at(e).last_child);
    std::size_t saved = hits;
    node_index E = remap(e), L = l == no_node ? no_node : remap(l), R = r == no_node ? no_node : remap(r);
    if (hits != saved) return give_back();
    const tree& s = p.fresh.t;
    node_index f = s.at(p.fresh.container).first_child;
    if (f != no_node && f < p.fresh.first_new) f = s.at(f).next_sibling;  // the stand-in
    node_index last = s.at(p.fresh.container).last_child;
    node_index F = f == no_node ? no_node : p.out_first + (f - p.fresh.first_new);
    node_index Lr = last == no_node || last < p.fresh.first_new ? no_node : p.out_first + (last - p.fresh.first_new);
    if (F != no_node) {
      nodes[F].prev_sibling = L;
      nodes[Lr].next_sibling = R;
    }
    node_index left_next = F != no_node ? F : R, right_prev = Lr != no_node ? Lr : L;
    if (L != no_node) nodes[L].next_sibling = left_next;
    else nodes[E].first_child = left_next;
    if (R != no_node) {
      nodes[R].prev_sibling = right_prev;
      // Its token now follows the region's last token.
      if (nodes[R].marks & mark_clean_before) {
        nodes[R].marks &= ~mark_after_text;
        if (p.fresh.ends_with_text) nodes[R].marks |= mark_after_text;
      }
    } else {
      nodes[E].last_child = right_prev;
    }
    containers.push_back(E);
  }
  if (bad || hits != expected) return give_back();
  t.rehash_edited(containers);
  if (in_order) number_by_index(t);
  else number_from_scratch(t);
  t.stamp();
  return t;
}

}  // namespace

std::optional<tree> reparse_regions(const tree& previous, std::string& html, const parse_options& options,
                                    std::size_t max_bytes) {
  if (html.size() >= mark_end_mask || previous.context().empty()) return std::nullopt;
  std::string_view o = previous.source(), n = html;
  bool split_used = false;
  for (bool allow_split : {true, false}) {
    std::vector<placed> ps;
    if (find_regions(previous, o, n, options, allow_split, max_bytes, ps, split_used)) return assemble(previous, html, ps);
    if (!split_used) break;  // without splitting it would find the same
  }
  return std::nullopt;
}

}  // namespace djust::vdom::detail
