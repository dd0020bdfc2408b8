// Tree diff: node and attribute comparison, keyed/unkeyed child matching, LIS-based moves.
#include "djust/vdom/diff.hpp"

#include <algorithm>
#include <memory>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "byte_compare.hpp"
#include "diff_general.hpp"
#include "entities.hpp"
#include "hash.hpp"
#include "serializer.hpp"
#include "tags.hpp"

namespace djust::vdom {
namespace {

using detail::tag;

constexpr std::size_t pairing_window = 8;

// Indices of the longest strictly increasing subsequence of `seq` (entries < 0 skipped).
std::vector<std::uint8_t> lis_members(const std::vector<int>& seq) {
  std::vector<std::uint8_t> in(seq.size(), 0);
  std::vector<int> tails;      // tails[k]: index into seq of the smallest tail of length k+1
  std::vector<int> tail_vals;  // seq[tails[k]], searched without the indirection
  std::vector<int> prev(seq.size(), -1);
  for (std::size_t i = 0; i < seq.size(); ++i) {
    int v = seq[i];
    if (v < 0) continue;
    // Mostly-ordered children (a few moves) extend the longest run: no search.
    std::size_t k = !tail_vals.empty() && tail_vals.back() < v
                        ? tail_vals.size()
                        : static_cast<std::size_t>(std::lower_bound(tail_vals.begin(), tail_vals.end(), v) - tail_vals.begin());
    if (k > 0) prev[i] = tails[k - 1];
    if (k == tails.size()) {
      tails.push_back(static_cast<int>(i));
      tail_vals.push_back(v);
    } else {
      tails[k] = static_cast<int>(i);
      tail_vals[k] = v;
    }
  }
  for (int k = tails.empty() ? -1 : tails.back(); k >= 0; k = prev[static_cast<std::size_t>(k)])
    in[static_cast<std::size_t>(k)] = 1;
  return in;
}

class differ {
 public:
  differ(const tree& a, tree& b, patch_list& out) : a_(a), b_(b), out_(out), next_id_(a.next_id()) {}

  void run() {
    b_.mut(tree::root).id = a_.at(tree::root).id;
    children(tree::root, tree::root);
    b_.set_next_id(next_id_);
  }

  // Trees of one shape (a re-render that changed only text and values): each new node is
  // the old node at its index. Taken where run() pairs them that way too and emits the same
  // patches in the same order, walking only the changed nodes; false, with nothing emitted
  // and no id written, otherwise.
  bool run_same_shape() {
    // Twins (a re-parse that kept the links and ids of a) need no node-by-node check below.
    bool twins = b_.twin_of() != 0 && b_.twin_of() == a_.version();
    const std::vector<node>& an = a_.node_store();
    const std::vector<node>& bn = std::as_const(b_).node_store();
    if (an.size() != bn.size()) return false;
    // The walk first: it reads b only at indices it takes from a (all in range), and a
    // re-render that changed keys or markup (rows moved) mostly fails it early.
    if (twins && b_.has_edits() ? !same_shape_edits(b_.edits()) : !same_shape_children(tree::root)) {
      out_.clear();
      return false;
    }
    if (twins) {
      b_.set_next_id(next_id_);
      return true;
    }
    // Then the links, node by node, taking the old ids on the way (one pass over both
    // arenas); on a mismatch the new ids written so far are put back.
    std::vector<node>& bw = b_.node_store();
    auto before = std::make_unique_for_overwrite<std::uint32_t[]>(an.size());
    for (std::size_t i = 0; i < an.size(); ++i) {
      if (an[i].parent != bn[i].parent || an[i].first_child != bn[i].first_child ||
          an[i].next_sibling != bn[i].next_sibling) {
        for (std::size_t k = 0; k < i; ++k) bw[k].id = before[k];
        out_.clear();
        return false;
      }
      before[i] = bw[i].id;
      bw[i].id = an[i].id;
    }
    b_.set_next_id(next_id_);
    return true;
  }

 private:
  std::string_view key(const tree& t, node_index n) const {
    static constexpr std::string_view key_name = wire::key_attr, fallback_name = wire::key_attr_fallback;
    if (t.at(n).kind != node_kind::element) return {};
    const attribute* fallback = nullptr;
    for (const attribute& at : t.attributes(n)) {
      std::string_view nm = t.str(at.name);
      if (detail::same_string(nm, key_name)) return t.str(at.value);
      if (!fallback && detail::same_string(nm, fallback_name)) fallback = &at;
    }
    return fallback ? t.str(fallback->value) : std::string_view{};
  }

  bool same_type(node_index ai, node_index bi) const {
    const node& x = a_.at(ai);
    const node& y = b_.at(bi);
    if (x.kind != y.kind) return false;
    if (x.kind != node_kind::element) return true;
    return x.ns == y.ns && detail::same_string(a_.name(ai), b_.name(bi));
  }

  // Prefix/suffix match: same key and type when keyed, identical content when unkeyed.
  bool matches(node_index ai, node_index bi) const {
    if (a_.at(ai).hash == b_.at(bi).hash) return true;  // equal subtrees: same key and type too
    std::string_view ka = key(a_, ai), kb = key(b_, bi);
    if (!ka.empty() || !kb.empty()) return detail::same_string(ka, kb) && same_type(ai, bi);
    return a_.at(ai).hash == b_.at(bi).hash;
  }

  void copy_ids(node_index ai, node_index bi) {
    b_.mut(bi).id = a_.at(ai).id;
    node_index ac = a_.at(ai).first_child, bc = b_.at(bi).first_child;
    while (ac != no_node && bc != no_node) {
      const node& x = a_.at(ac);
      node& y = b_.mut(bc);
      if (x.first_child == no_node && y.first_child == no_node) y.id = x.id;  // a leaf, without a call
      else copy_ids(ac, bc);
      ac = x.next_sibling;
      bc = y.next_sibling;
    }
    if (bc != no_node) fresh_ids_from(bc);
  }

  void fresh_ids_from(node_index bc) {
    for (; bc != no_node; bc = b_.at(bc).next_sibling) next_id_ = b_.number(bc, next_id_);
  }

  std::string html_of(node_index bi) const {
    std::string out;
    detail::serialize_flags f;
    f.keep_leading_newline = true;
    detail::serialize_node(b_, bi, f, out);
    return out;
  }

  void node_pair(node_index ai, node_index bi) {
    const node& x = a_.at(ai);
    const node& y = b_.at(bi);
    if (x.hash == y.hash) {
      copy_ids(ai, bi);
      return;
    }
    b_.mut(bi).id = x.id;
    switch (y.kind) {
      case node_kind::text:
      case node_kind::comment:
        text_pair(ai, bi);
        return;
      case node_kind::element:
        // Raw text (script, style...) gaining or losing its text: an inserted text node
        // would be parsed as markup by the client, so the element is sent whole. So is a
        // changed <template>: its contents have no ids (tree::number).
        if ((detail::literal_text_parent(b_, bi) && (x.first_child == no_node) != (y.first_child == no_node)) ||
            (y.ns == name_space::html && static_cast<tag>(y.tag) == tag::template_)) {
          replace(ai, bi);
          return;
        }
        attributes(ai, bi);
        children(ai, bi);
        return;
      default:
        return;  // doctype: names equal when types match
    }
  }

  // Text or comment nodes of different hashes: set_text when their values differ.
  void text_pair(node_index ai, node_index bi) {
    const node& x = a_.at(ai);
    const node& y = b_.at(bi);
    std::string va = y.kind == node_kind::text ? detail::text_value(a_, ai) : std::string(a_.str(x.name));
    std::string vb = y.kind == node_kind::text ? detail::text_value(b_, bi) : std::string(b_.str(y.name));
    if (va == vb) return;
    patch p;
    p.op = wire::set_text;
    p.id = x.id;
    node_index parent = y.parent;
    if (y.kind == node_kind::text && parent != no_node && b_.at(parent).ns == name_space::html &&
        static_cast<tag>(b_.at(parent).tag) == tag::textarea)
      p.flags = wire::flag_sync_value | wire::flag_keep_focused;
    p.value = std::move(vb);
    out_.push_back(std::move(p));
  }

  void replace(node_index ai, node_index bi) {
    patch r;
    r.op = wire::replace;
    r.id = a_.at(ai).id;
    r.first_id = next_id_;
    next_id_ = b_.number(bi, next_id_);
    r.value = html_of(bi);
    out_.push_back(std::move(r));
  }

  // How attribute `name` of element `bi` is patched: 0 attribute, 1 property, 2 guarded property.
  int prop_kind(node_index bi, std::string_view name) const {
    const node& y = b_.at(bi);
    if (y.ns != name_space::html) return 0;
    tag g = static_cast<tag>(y.tag);
    if (g == tag::input && name == "value") return 2;
    if (g == tag::input && name == "checked") return 1;
    if (g == tag::option && name == "selected") return 1;
    return 0;
  }

  void attributes(node_index ai, node_index bi) {
    auto aa = a_.attributes(ai);
    auto ba = b_.attributes(bi);
    std::uint32_t id = a_.at(ai).id;
    // Mostly the same names in the same order (values changed): paired by position, with
    // no name searches and nothing removed.
    bool same_names = aa.size() == ba.size();
    for (std::size_t k = 0; same_names && k < aa.size(); ++k) same_names = detail::same_string(a_.str(aa[k].name), b_.str(ba[k].name));
    for (std::size_t k = 0; k < ba.size(); ++k) {
      const attribute& nb = ba[k];
      std::string_view name = b_.str(nb.name);
      const attribute* old = nullptr;
      if (same_names) {
        old = &aa[k];
      } else {
        for (const attribute& oa : aa)
          if (a_.str(oa.name) == name) old = &oa;
      }
      std::string_view old_raw = old ? a_.str(old->value) : std::string_view{}, new_raw = b_.str(nb.value);
      if (old && detail::same_string(old_raw, new_raw)) continue;
      // Raw values that differ and hold no character reference or CR decode differently.
      bool decode_new = detail::needs_decode(new_raw);
      std::string value = decode_new ? b_.decoded(nb.value, true) : std::string(new_raw);
      if (old && (decode_new || detail::needs_decode(old_raw)) && a_.decoded(old->value, true) == value) continue;
      int pk = prop_kind(bi, name);
      // Built in place from fresh strings: assigning into a patch's strings costs more.
      std::uint8_t flags = pk == 2 ? wire::flag_keep_focused : 0;
      out_.emplace_back(pk ? wire::set_prop : wire::set_attr, flags, id, 0u, 0u, std::string(name), std::move(value));
    }
    if (same_names) return;
    for (const attribute& oa : aa) {
      std::string_view name = a_.str(oa.name);
      bool kept = std::any_of(ba.begin(), ba.end(), [&](const attribute& nb) { return b_.str(nb.name) == name; });
      if (kept) continue;
      int pk = prop_kind(bi, name);
      patch p;
    p.op = pk ? wire::remove_prop : wire::remove_attr;
      p.id = id;
      p.name = std::string(name);
      if (pk == 2) p.flags = wire::flag_keep_focused;
      out_.push_back(std::move(p));
    }
  }

  // The siblings from `from` up to (not including) `end`.
  static std::vector<node_index> run_of(const tree& t, node_index from, node_index end) {
    std::vector<node_index> v;
    for (node_index c = from; c != end; c = t.at(c).next_sibling) v.push_back(c);
    return v;
  }

  // run()'s children() and node_pair() for node i of both trees, when that pairs children by
  // index: every changed child matches its counterpart (same key and type) and so falls in
  // the common prefix, or one unkeyed changed child of the same type follows them, alone in
  // the middle, with only unchanged children after it (which the suffix walk would pair
  // first, emitting nothing).
  bool same_shape_children(node_index i) {
    bool middle_taken = false;
    for (node_index c = a_.at(i).first_child; c != no_node; c = a_.at(c).next_sibling) {
      if (a_.at(c).hash == b_.at(c).hash) continue;
      if (middle_taken || !same_type(c, c)) return false;
      std::string_view ka = key(a_, c), kb = key(b_, c);
      if (ka.empty() && kb.empty()) middle_taken = true;
      else if (!detail::same_string(ka, kb)) return false;
      if (!same_shape_pair(c)) return false;
    }
    return true;
  }

  // same_shape_children(root) for twins whose edited nodes are known: the nodes of
  // changed hash are those and their ancestors, and in a twin's arena (in document order)
  // they come in the walk's order, so only they are visited.
  bool same_shape_edits(std::span<const node_index> edits) {
    std::vector<std::uint8_t> listed(b_.node_count(), 0);
    std::vector<node_index> order, path;
    order.reserve(edits.size() + 16);
    for (node_index e : edits) {
      // The ancestors not listed yet lie between the last listed node and e.
      path.clear();
      for (node_index x = e; x != tree::root && !listed[x]; x = b_.at(x).parent) {
        listed[x] = 1;
        path.push_back(x);
      }
      order.insert(order.end(), path.rbegin(), path.rend());
    }
    struct open_node {
      node_index node;
      bool middle_taken;
    };
    std::vector<open_node> open{{tree::root, false}};
    out_.reserve(edits.size());  // mostly a patch per edited node: no regrowing a long list
    for (node_index c : order) {
      if (a_.at(c).hash == b_.at(c).hash) return false;  // the walk would pass it by: let it decide
      node_index p = b_.at(c).parent;
      while (open.back().node != p) {
        open.pop_back();
        if (open.empty()) return false;
      }
      if (open.back().middle_taken || !same_type(c, c)) return false;
      std::string_view ka = key(a_, c), kb = key(b_, c);
      if (ka.empty() && kb.empty()) open.back().middle_taken = true;
      else if (!detail::same_string(ka, kb)) return false;
      const node& y = b_.at(c);
      switch (y.kind) {
        case node_kind::text:
        case node_kind::comment:
          text_pair(c, c);
          break;
        case node_kind::element:
          if (y.ns == name_space::html && static_cast<tag>(y.tag) == tag::template_) return false;
          attributes(c, c);
          break;
        default:
          break;
      }
      open.push_back({c, false});
    }
    return true;
  }

  bool same_shape_pair(node_index c) {
    const node& y = b_.at(c);
    switch (y.kind) {
      case node_kind::text:
      case node_kind::comment:
        text_pair(c, c);
        return true;
      case node_kind::element:
        if (y.ns == name_space::html && static_cast<tag>(y.tag) == tag::template_) return false;  // replaced
        attributes(c, c);
        return same_shape_children(c);
      default:
        return true;
    }
  }

  void children(node_index ai, node_index bi);
  // Children that differ: old A, new B, then `b_after` (the first new child after B, or none).
  void middle(node_index bi, const std::vector<node_index>& A, const std::vector<node_index>& B, node_index b_after);

  const tree& a_;
  tree& b_;
  patch_list& out_;
  std::uint32_t next_id_;
};

void differ::children(node_index ai, node_index bi) {
  // Common first and last children walk the sibling links; only a differing middle is
  // gathered into vectors (most elements have none).
  node_index as = a_.at(ai).first_child, bs = b_.at(bi).first_child;
  while (as != no_node && bs != no_node && matches(as, bs)) {
    node_pair(as, bs);
    as = a_.at(as).next_sibling;
    bs = b_.at(bs).next_sibling;
  }
  node_index ae = no_node, be = no_node;  // the first children after the middle
  while (as != ae && bs != be) {
    node_index al = ae == no_node ? a_.at(ai).last_child : a_.at(ae).prev_sibling;
    node_index bl = be == no_node ? b_.at(bi).last_child : b_.at(be).prev_sibling;
    if (!matches(al, bl)) break;
    node_pair(al, bl);
    ae = al;
    be = bl;
  }
  if (as == ae && bs == be) return;
  middle(bi, run_of(a_, as, ae), run_of(b_, bs, be), be);
}

void differ::middle(node_index bi, const std::vector<node_index>& A, const std::vector<node_index>& B,
                    node_index b_after) {
  std::size_t na = A.size(), nb = B.size();
  std::vector<int> old_match(na, -1), new_match(nb, -1);
  // Flags as bytes: vector<bool>'s bit twiddling showed in profiles of long child lists.
  std::vector<std::uint8_t> replaced(nb, 0);
  std::vector<std::uint8_t> a_keyed(na), b_keyed(nb);
  std::vector<std::string_view> a_key(na);
  // Old keys in an open-addressing table of (hash, index + 1; 0: empty), filled in old order:
  // one allocation and no sort. Entries of one hash share a probe sequence in insertion
  // order, so equal keys resolve to the earliest old node.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
  std::size_t keyed_mask = 0;
  // Old nodes whose key hash no other old node shares: found without the search when the
  // new children come in the old order (the node after the last match, or the one after it,
  // past the whitespace between rows).
  std::vector<std::uint8_t> a_unique_key(na, 0);
  auto find_key = [&](std::string_view k, int last) -> std::size_t {
    for (std::size_t i = static_cast<std::size_t>(last + 1); i < na && i <= static_cast<std::size_t>(last + 2); ++i)
      if (a_unique_key[i] && detail::same_string(a_key[i], k)) return i;
    std::uint64_t h = detail::hash_bytes(k);
    for (std::size_t pos = h & keyed_mask; keyed[pos].second != 0; pos = (pos + 1) & keyed_mask)
      if (keyed[pos].first == h && detail::same_string(a_key[keyed[pos].second - 1], k)) return keyed[pos].second - 1;
    return na;
  };
  // Unkeyed old nodes by content, in order; `from` skips a bucket's leading matched entries
  // and a binary search the ones up to the last match, so long runs of equal nodes (the
  // whitespace between rows) are not rescanned for every match.
  struct bucket {
    std::vector<std::size_t> at;
    std::size_t from = 0;
    std::size_t hint = 0;  // after the last pick: where the search lands when picks go in order
  };
  std::unordered_map<std::uint64_t, bucket> by_hash;
  // The bucket of the last unkeyed node: the whitespace between rows repeats one hash.
  bucket* recent = nullptr;
  std::uint64_t recent_hash = 0;
  auto bucket_of = [&](std::uint64_t h, bool add) -> bucket* {
    if (recent && recent_hash == h) return recent;
    if (add) recent = &by_hash[h];
    else if (auto it = by_hash.find(h); it != by_hash.end()) recent = &it->second;
    else return nullptr;
    recent_hash = h;
    return recent;
  };
  std::size_t key_count = 0;
  for (std::size_t i = 0; i < na; ++i) {
    std::string_view k = key(a_, A[i]);
    a_key[i] = k;
    a_keyed[i] = !k.empty();
    if (a_keyed[i]) ++key_count;
    else bucket_of(a_.at(A[i]).hash, true)->at.push_back(i);
  }
  std::size_t slots = 16;  // at most half full: short probes
  while (slots < 2 * key_count) slots <<= 1;
  keyed.assign(slots, {0, 0});
  keyed_mask = slots - 1;
  for (std::size_t i = 0; i < na; ++i) {
    if (!a_keyed[i]) continue;
    std::uint64_t h = detail::hash_bytes(a_key[i]);
    a_unique_key[i] = 1;
    std::size_t pos = h & keyed_mask;
    for (; keyed[pos].second != 0; pos = (pos + 1) & keyed_mask)
      if (keyed[pos].first == h) a_unique_key[i] = a_unique_key[keyed[pos].second - 1] = 0;
    keyed[pos] = {h, static_cast<std::uint32_t>(i + 1)};
  }
  // 1. Exact matches: by key, or by identical content for unkeyed nodes.
  int last = -1;
  for (std::size_t j = 0; j < nb; ++j) {
    node_index n = B[j];
    std::string_view k = key(b_, n);
    b_keyed[j] = !k.empty();
    if (b_keyed[j]) {
      std::size_t i = find_key(k, last);
      if (i < na && old_match[i] < 0 && same_type(A[i], n)) {
        old_match[i] = static_cast<int>(j);
        new_match[j] = static_cast<int>(i);
        last = static_cast<int>(i);
      }
      continue;
    }
    bucket* found = bucket_of(b_.at(n).hash, false);
    if (!found) continue;
    // The first unmatched entry after the last match, else the first unmatched one.
    bucket& bk = *found;
    while (bk.from < bk.at.size() && old_match[bk.at[bk.from]] >= 0) ++bk.from;
    if (bk.from == bk.at.size()) continue;
    std::size_t pick = bk.from;
    std::size_t q = std::max(bk.hint, bk.from);
    bool hint_ok = (q == bk.from || static_cast<int>(bk.at[q - 1]) <= last) &&
                   (q == bk.at.size() || static_cast<int>(bk.at[q]) > last);
    if (!hint_ok)
      q = static_cast<std::size_t>(std::upper_bound(bk.at.begin() + static_cast<std::ptrdiff_t>(bk.from), bk.at.end(), last,
                                                    [](int v, std::size_t i) { return v < static_cast<int>(i); }) -
                                   bk.at.begin());
    for (; q < bk.at.size(); ++q)
      if (old_match[bk.at[q]] < 0) {
        pick = q;
        break;
      }
    bk.hint = pick + 1;
    pick = bk.at[pick];
    old_match[pick] = static_cast<int>(j);
    new_match[j] = static_cast<int>(pick);
    last = static_cast<int>(pick);
  }
  // 2. Leftover unkeyed nodes pair up in order: same type -> patched, else replaced.
  std::size_t p = 0;
  for (std::size_t j = 0; j < nb; ++j) {
    if (new_match[j] >= 0 || b_keyed[j]) continue;
    while (p < na && (old_match[p] >= 0 || a_keyed[p])) ++p;
    if (p >= na) break;
    std::size_t found = na;
    for (std::size_t q = p; q < na && q < p + pairing_window; ++q) {
      if (old_match[q] >= 0 || a_keyed[q]) continue;
      if (same_type(A[q], B[j])) {
        found = q;
        break;
      }
    }
    if (found == na) {
      found = p;
      replaced[j] = true;
    }
    old_match[found] = static_cast<int>(j);
    new_match[j] = static_cast<int>(found);
    p = found + 1;
  }
  // 3. Removals, then patches of matched pairs (in new order).
  for (std::size_t i = 0; i < na; ++i) {
    if (old_match[i] >= 0) continue;
    patch r;
    r.op = wire::remove;
    r.id = a_.at(A[i]).id;
    out_.push_back(std::move(r));
  }
  for (std::size_t j = 0; j < nb; ++j) {
    if (new_match[j] < 0) continue;
    node_index on = A[static_cast<std::size_t>(new_match[j])], nn = B[j];
    if (!replaced[j]) {
      node_pair(on, nn);
      continue;
    }
    replace(on, nn);
  }
  // 4. Moves (nodes off the longest increasing run) and inserts, right to left.
  std::vector<std::uint8_t> stays = lis_members(new_match);
  std::uint32_t parent_id = b_.at(bi).id;
  std::uint32_t before = b_after != no_node ? b_.at(b_after).id : wire::append;
  for (std::size_t j = nb; j-- > 0;) {
    node_index n = B[j];
    if (new_match[j] >= 0) {
      if (!stays[j]) {
        patch m;
    m.op = wire::move;
        m.id = b_.at(n).id;
        m.before = before;
        out_.push_back(std::move(m));
      }
      before = b_.at(n).id;
      continue;
    }
    std::size_t k = j;
    while (k > 0 && new_match[k - 1] < 0) --k;
    patch ins;
    ins.op = wire::insert;
    ins.id = parent_id;
    ins.before = before;
    ins.first_id = next_id_;
    for (std::size_t q = k; q <= j; ++q) {
      next_id_ = b_.number(B[q], next_id_);
      ins.value += html_of(B[q]);
    }
    before = ins.first_id;
    out_.push_back(std::move(ins));
    j = k;
  }
}

}  // namespace

patch_list diff(const tree& old_tree, tree& new_tree) {
  patch_list out;
  differ d(old_tree, new_tree, out);
  bool twins_with_edits = new_tree.has_edits() && new_tree.twin_of() == old_tree.version();
  bool same_shape = d.run_same_shape();
  if (!same_shape) d.run();
  // Of one shape, the new tree now has the old one's ids too: they are twins (and the edits
  // between them, when known, are still those).
  std::vector<node_index> edits;
  if (same_shape && twins_with_edits) edits.assign(new_tree.edits().begin(), new_tree.edits().end());
  new_tree.stamp(same_shape ? old_tree.version() : 0, same_shape && twins_with_edits ? &edits : nullptr);
  return out;
}

namespace detail {

patch_list diff_general(const tree& old_tree, tree& new_tree) {
  patch_list out;
  differ d(old_tree, new_tree, out);
  d.run();
  new_tree.stamp();
  return out;
}

}  // namespace detail

}  // namespace djust::vdom
