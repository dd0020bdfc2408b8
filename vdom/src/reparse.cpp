// reparse_fragment: re-parse changed regions (regions.cpp), or copy the previous tree and patch changed text and values.
//
// Every byte of the previous source belongs either to a slice the tree references (a tag
// name, attribute name or value, text, comment) or to the markup between slices. Walking
// the slices in source order (nodes and attributes are created in token order), the new
// source must repeat the markup between them byte for byte; a text slice may change to
// anything without '<' that is still non-empty and as blank as before, a quoted attribute
// value to anything without its quote. Then the tokenizer would see the same tokens with
// other text and values, the tree builder would take the same decisions, and the tree is the
// previous one with those slices swapped: offsets shift, hashes change along the edited paths.
#include "reparse.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include "byte_compare.hpp"
#include "checkpoints.hpp"
#include "djust/vdom/parse.hpp"
#include "regions.hpp"
#include "tags.hpp"

namespace djust::vdom {
namespace detail {
namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool blank(std::string_view s) {
  for (char c : s)
    if (!is_ws(c)) return false;
  return true;
}

// a[0, n) == b[0, n); short runs (most gaps and names) without a call.
bool same_bytes(const char* a, const char* b, std::size_t n) {
  return same_string(std::string_view(a, n), std::string_view(b, n));
}

// Index of the first `c` in s at or after `from`, or npos; short runs without a call.
std::size_t find_byte(std::string_view s, char c, std::size_t from) {
#if defined(__SSE2__)
  if (s.size() - from >= 16) {  // the 16 bytes from `from` at once (most values and texts end there)
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + from));
    unsigned hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c))));
    if (hits) return from + static_cast<std::size_t>(__builtin_ctz(hits));
    return s.find(c, from + 16);
  }
#endif
  std::size_t stop = std::min(s.size(), from + 24);
  for (std::size_t i = from; i < stop; ++i)
    if (s[i] == c) return i;
  return stop == s.size() ? std::string_view::npos : s.find(c, stop);
}

// Walks the in-source slices of a tree in source order, mapping each into the new source.
class slicer {
 public:
  slicer(std::string_view old_src, std::string_view new_src) : old_(old_src), new_(new_src) {
    std::size_t n = std::min(old_.size(), new_.size());
    suffix_from_ = old_.size() - common_suffix(old_.data() + old_.size(), new_.data() + new_.size(), n);
  }

  enum class kind { fixed, text, value };

  // The common case, inline: `r` is certainly unchanged and needs no mapping in pass 1:
  // synthesised bytes after the source, or a slice after the last change whose bytes and
  // ending byte equal the new source's at the current shift (the same bytes read from the
  // same tokenizer state give the same token).
  bool unchanged(const str_ref& r) {
    if (r.off >= old_.size()) return true;
    return unchanged_span(r.off, r.off + r.len);
  }

  // unchanged() for every slice in old bytes [lo, hi) at once (all the slices of a node).
  bool unchanged_span(std::size_t lo, std::size_t hi) {
    if (lo < anchor_ || (hi >= verified_ && (stuck_ || !verify_past(hi)))) return false;
    done_ = std::max(done_, hi);
    return true;
  }

  bool map(str_ref& r, kind k, bool& changed) {
    changed = false;
    if (r.off < std::max(done_, anchor_) || r.off + r.len > old_.size()) return false;  // out of order or overlapping
    if (!same_gap(r.off)) return false;
    std::size_t new_off = r.off + static_cast<std::size_t>(delta_);
    std::size_t new_len = r.len;
    if (k == kind::value && !quoted(r)) k = kind::fixed;  // boolean or unquoted: must stay as is
    if (k == kind::fixed) {
      if (new_off + r.len > new_.size() || !same_bytes(new_.data() + new_off, old_.data() + r.off, r.len))
        return false;
    } else {
      char stop = '<';
      if (k == kind::value) stop = old_[r.off - 1];
      std::size_t e = find_byte(new_, stop, new_off);
      if (e == std::string_view::npos) {
        if (k == kind::value) return false;
        e = new_.size();
      }
      new_len = e - new_off;
      changed = new_len != r.len || !same_bytes(new_.data() + new_off, old_.data() + r.off, r.len);
    }
    done_ = r.off + r.len;
    delta_ += static_cast<std::int64_t>(new_len) - static_cast<std::int64_t>(r.len);
    if (changed) {
      // A change starting inside the common suffix means the sources line up there in
      // another way than at their ends; a second such change almost surely means markup was
      // inserted or removed (rows of a list): give up early rather than at the end.
      if (done_ - r.len >= suffix_from_ && ++suffix_changes_ > 1) return false;
      // Equal bytes are counted again from here. The next slice of the markup starts past
      // the quote or '<' after this one: a slice at its end is a repeat of an empty one
      // (an element reopened by the parser) and must not pass as unchanged.
      verified_ = done_;
      anchor_ = done_ + 1;
      stuck_ = false;
    }
    r.off = static_cast<std::uint32_t>(new_off);
    r.len = static_cast<std::uint32_t>(new_len);
    return true;
  }

  // New offset - old offset after the last slice.
  std::int64_t delta() const { return delta_; }

  // The markup after the last slice must match to the end.
  bool finish() const {
    return static_cast<std::int64_t>(new_.size()) - static_cast<std::int64_t>(old_.size()) == delta_ &&
           same_gap(old_.size());
  }

 private:
  // Counts equal bytes on from verified_ (up to the next difference); whether they reach past `end`.
  [[gnu::noinline]] bool verify_past(std::size_t end) {
    std::size_t n = std::min(old_.size() - verified_, new_.size() - shifted(verified_));
    std::size_t run = common_prefix_near(old_.data() + verified_, new_.data() + shifted(verified_), n);
    verified_ += run;
    stuck_ = run < n;  // at a difference: counting again finds nothing until the shift changes
    return end < verified_;
  }

  // A value written between quotes: the same quote on both sides in the old source.
  bool quoted(const str_ref& r) const {
    if (r.off == 0 || r.off + r.len >= old_.size()) return false;
    char q = old_[r.off - 1];
    return (q == '"' || q == '\'') && old_[r.off + r.len] == q;
  }

  // old[done_, old_end) == new[done_ + delta_, old_end + delta_).
  bool same_gap(std::size_t old_end) const {
    std::size_t n = old_end - done_;
    std::size_t from = done_ + static_cast<std::size_t>(delta_);
    return from + n <= new_.size() && same_bytes(old_.data() + done_, new_.data() + from, n);
  }

  std::size_t shifted(std::size_t old_off) const { return static_cast<std::size_t>(static_cast<std::int64_t>(old_off) + delta_); }

  std::string_view old_, new_;
  std::size_t suffix_from_ = 0;  // old[suffix_from_, end) equals the end of the new source
  int suffix_changes_ = 0;       // changed slices starting at or after suffix_from_
  std::size_t anchor_ = 0;    // one past the end of the last changed slice, in the old source
  std::size_t verified_ = 0;  // old[end of the last change, verified_) equals the new source at the current shift
  bool stuck_ = false;        // old[verified_] differs from the new source at the current shift
  std::size_t done_ = 0;   // end of the last slice, in the old source
  std::int64_t delta_ = 0;  // new offset - old offset after that slice
};

// A changed text slice must leave the tree builder's decisions alone.
bool text_change_ok(const tree& t, node_index i, std::string_view before, std::string_view after) {
  if (after.empty() || blank(before) != blank(after)) return false;
  node_index p = t.at(i).parent;
  if (p == no_node || p == tree::root) return after[0] != '\n' && after[0] != '\r';  // context may be <pre>
  const node& parent = t.at(p);
  if (parent.ns != name_space::html) return true;
  tag g = static_cast<tag>(parent.tag);
  bool drops_newline = g == tag::pre || g == tag::listing || g == tag::textarea;
  return !(drops_newline && (after[0] == '\n' || after[0] == '\r'));
}

// Values the tree builder reads: <input type>, <annotation-xml encoding>.
bool steering_attribute(std::string_view name) { return name == "type" || name == "encoding"; }

}  // namespace

std::optional<tree> splice(const tree& previous, std::string& html) {
  std::string_view old_src = previous.source();
  if (html.size() > 0x7FFFFFFFu || previous.context().empty()) return std::nullopt;
  const std::size_t new_size = html.size();

  // One walk over a copy of the previous nodes and attributes, in creation (= source)
  // order: each slice is checked against the new source and moved to where it is there.
  // On a mismatch the copy is dropped and html is untouched (the buffer is built last).
  tree t;
  t.node_store() = previous.node_store();
  t.attribute_store() = previous.attribute_store();
  node* nodes = t.node_store().data();
  attribute* attrs = t.attribute_store().data();
  const std::uint32_t old_size = static_cast<std::uint32_t>(old_src.size());
  const std::uint32_t after_source = static_cast<std::uint32_t>(new_size - old_src.size());  // mod 2^32
  slicer s(old_src, html);
  std::vector<node_index> changed;

  // Elements whose closing token (end_checkpoint) lies ahead, innermost last: each moves by
  // the growth of the slices before it, known once the walk reaches a slice past it.
  struct open_end {
    node_index node;
    std::uint32_t end;
  };
  std::vector<open_end> ends{{no_node, 0xFFFFFFFFu}};  // a sentinel under them, never settled
  ends.reserve(64);
  auto settle = [&](std::uint32_t upto) {
    while (ends.back().end <= upto) {
      node& e = nodes[ends.back().node];
      std::int64_t moved = ends.back().end + s.delta();
      e.marks &= ~mark_end_mask;
      if (moved > 0 && moved <= mark_end_mask) e.marks |= static_cast<std::uint32_t>(moved);
      ends.pop_back();
    }
  };
  // A slice of a node off the fast path: synthesised, unchanged, or mapped by the slicer.
  auto step = [&](str_ref& r, slicer::kind k, bool& ch) {
    ch = false;
    if (r.off >= old_size) {
      r.off += after_source;
      return true;
    }
    if (s.unchanged(r)) {
      r.off += static_cast<std::uint32_t>(s.delta());
      return true;
    }
    settle(r.off);  // closing tokens before this slice move by the growth so far
    return s.map(r, k, ch);
  };

  bool in_order = true;  // no node breaks_arena_order(): ids are indices (number_by_index)
  // The previous tree's ids are indices too: with the links copied, the two are twins
  // (tree::twin_of), and diff() need not pair their nodes.
  std::uint32_t id_bits_off = nodes[tree::root].id;  // bits where an id is not its index
  nodes[tree::root].id = 0;
  for (node_index i = 1, count = static_cast<node_index>(t.node_count()); i < count; ++i) {
    node& n = nodes[i];
    in_order &= !breaks_arena_order(n);
    id_bits_off |= n.id ^ i;
    n.id = i;  // while the node is at hand; renumbered below when out of order
    attribute* a = attrs + n.attr_begin;
    attribute* a_end = a + n.attr_count;
    if (n.name.off < old_size && ends.back().end <= n.name.off) settle(n.name.off);
    // Most nodes lie wholly in bytes already known equal: one test for all their slices,
    // which then move by the growth so far (bytes the parser synthesised lie past the
    // source: they fail the test, and the slice-by-slice path moves them).
    std::uint32_t lo = n.name.off, hi = n.name.off + n.name.len;
    for (const attribute* x = a; x != a_end; ++x) {
      lo = std::min(lo, std::min(x->name.off, x->value.off));
      hi = std::max(hi, std::max(x->name.off + x->name.len, x->value.off + x->value.len));
    }
    if (s.unchanged_span(lo, hi)) {
      const std::uint32_t d = static_cast<std::uint32_t>(s.delta());
      n.name.off += d;
      for (; a != a_end; ++a) {
        a->name.off += d;
        a->value.off += d;
      }
    } else {
      bool ch = false;  // set by step() when the slice has new content
      str_ref old_name = n.name;
      if (!step(n.name, n.kind == node_kind::text ? slicer::kind::text : slicer::kind::fixed, ch)) return std::nullopt;
      if (ch) {
        if (!text_change_ok(previous, i, previous.str(old_name), std::string_view(html).substr(n.name.off, n.name.len)))
          return std::nullopt;
        changed.push_back(i);
      }
      bool element_changed = false;
      for (; a != a_end; ++a) {
        bool steering = steering_attribute(previous.str(a->name));
        if (!step(a->name, slicer::kind::fixed, ch)) return std::nullopt;
        if (!step(a->value, steering ? slicer::kind::fixed : slicer::kind::value, ch)) return std::nullopt;
        element_changed |= ch;
      }
      if (element_changed) changed.push_back(i);
    }
    if (std::uint32_t end = end_checkpoint(n)) {
      if (ends.back().end < end) return std::nullopt;  // not nested: markup out of order
      ends.push_back({i, end});
    }
  }
  if (!s.finish()) return std::nullopt;
  settle(0xFFFFFFFEu);  // all but the sentinel (ends are below 2^29)
  if (end_checkpoint(nodes[tree::root]))  // the end of the input
    nodes[tree::root].marks = (nodes[tree::root].marks & ~mark_end_mask) |
                              (new_size <= mark_end_mask ? static_cast<std::uint32_t>(new_size) : 0);

  // The buffer: the new source, then the bytes the parser synthesised after the old one.
  std::string& buf = t.buffer_for_parser();
  std::size_t tail = previous.buffer().size() - old_src.size();
  if (html.capacity() >= new_size + tail) {
    buf = std::move(html);
  } else {  // a new string of exactly this size (reserve() would double it; the session keeps it)
    buf.reserve(new_size + tail);
    buf.append(html);
  }
  buf.append(previous.buffer(), old_src.size());
  t.set_source_length(new_size);
  t.set_context(previous.context(), previous.context_ns());
  t.rehash_edited(changed);
  if (in_order) t.set_next_id(static_cast<std::uint32_t>(t.node_count()));
  else number_from_scratch(t);
  t.stamp(in_order && id_bits_off == 0 ? previous.version() : 0, &changed);
  return t;
}

}  // namespace detail

tree reparse_fragment(const tree& previous, std::string html, const parse_options& options) {
  if (previous.context() == options.context && previous.context_ns() == options.context_ns) {
    // Small markup edits first (a row inserted or moved), then text and values anywhere,
    // then any regions that still parse less than the whole page.
    if (std::optional<tree> t = detail::reparse_regions(previous, html, options, html.size() / 8)) return std::move(*t);
    if (std::optional<tree> t = detail::splice(previous, html)) return std::move(*t);
    if (std::optional<tree> t = detail::reparse_regions(previous, html, options, html.size())) return std::move(*t);
  }
  return parse_fragment(std::move(html), options);
}

}  // namespace djust::vdom
