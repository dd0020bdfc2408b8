// parse_fragment / parse_document: run the tokenizer and tree builder, then hash and number.
#include "djust/vdom/parse.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "checkpoints.hpp"
#include "tree_builder.hpp"

namespace djust::vdom {
namespace {

// Number of '<' bytes, eight at a time: a byte of w ^ "<<<<<<<<" is zero where w has '<'.
std::size_t count_lt(std::string_view s) {
  constexpr std::uint64_t lt = 0x3C3C3C3C3C3C3C3Cull, low7 = 0x7F7F7F7F7F7F7F7Full;
  std::size_t n = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    std::uint64_t x = w ^ lt;
    std::uint64_t zero_high = ~(((x & low7) + low7) | x | low7);  // 0x80 in each zero byte
    n += static_cast<std::size_t>(((zero_high >> 7) * 0x0101010101010101ull) >> 56);  // bytes summed
  }
  for (; i < s.size(); ++i) n += s[i] == '<';
  return n;
}

tree build(std::string html, const parse_options& options, bool document) {
  tree t;
  std::string& buf = t.buffer_for_parser();
  // Room for lowercased or merged names and text. A new string of exactly that capacity:
  // reserve() on the old one would double it (libstdc++), and the session keeps this buffer.
  std::size_t room = html.size() + html.size() / 16 + 64;
  if (html.capacity() < room) {
    std::string grown;
    grown.reserve(room);
    grown.append(html.data(), html.size());
    html.swap(grown);
  }
  buf.swap(html);  // (swap, not move-assignment: g++ 12 warns wrongly about the latter here)
  t.set_source_length(buf.size());
  // About one node per '<' (an element or comment, and the text after it): reserving up
  // front avoids growing the arena (copies and fresh pages) on large pages, and a close
  // count keeps the session's tree small (capacity is what it holds).
  t.reserve(count_lt(buf) + 16);
  t.set_context(document ? std::string_view{} : options.context, options.context_ns);
  detail::tree_builder builder(t, options, document);
  builder.run();
  t.rehash();
  // Document order is arena order unless a node was put elsewhere than the current node.
  const std::vector<node>& nodes = t.node_store();
  bool in_order = std::none_of(nodes.begin(), nodes.end(), [](const node& n) { return detail::breaks_arena_order(n); });
  if (in_order) detail::number_by_index(t);
  else t.set_next_id(t.number(tree::root, 0));
  t.stamp();
  return t;
}

}  // namespace

tree parse_fragment(std::string html, const parse_options& options) { return build(std::move(html), options, false); }

tree parse_document(std::string html, const parse_options& options) { return build(std::move(html), options, true); }

}  // namespace djust::vdom
