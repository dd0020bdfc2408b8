// Parser checkpoints kept in node::marks: where the tree builder's state allows re-parsing a slice.
//
// A checkpoint is a token boundary where the builder's state is fully described by the tree:
// the stack of open elements is the checkpoint element and its ancestors, no formatting
// element is waiting to be reopened, the tokenizer reads markup (not raw text) and no
// newline is about to be dropped. Parsing the bytes between two checkpoints of the same
// element in isolation, with that stack, then makes exactly the nodes a full parse makes.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "djust/vdom/tree.hpp"
#include "tags.hpp"

namespace djust::vdom::detail {

// The token that created this node (its first node, put into the current node) started
// at a checkpoint of the node's parent; the token is at start_offset().
inline constexpr std::uint32_t mark_clean_before = 1u << 31;
// Inserted elsewhere than into the current node (foster parenting), moved after insertion
// (adoption agency) or taken off the stack out of order: the parser's stack and the tree's
// ancestry may disagree here.
inline constexpr std::uint32_t mark_misplaced = 1u << 30;
// With mark_clean_before: the token before was text (a text token here would have joined it).
inline constexpr std::uint32_t mark_after_text = 1u << 29;
// Elements: offset of the markup token that closed the element, which started at a checkpoint
// of the element (0: none). Offsets from 2^29 on are not recorded.
inline constexpr std::uint32_t mark_end_mask = mark_after_text - 1;

// Where the token that created node i starts in t's source (derived from its slices), or
// no_offset when that cannot be told.
inline constexpr std::uint32_t no_offset = 0xFFFFFFFFu;
inline std::uint32_t start_offset(const tree& t, node_index i) {
  const node& n = t.at(i);
  std::string_view src = t.source();
  std::uint32_t off = n.name.off;
  if (off >= src.size()) return no_offset;
  switch (n.kind) {
    case node_kind::element: return off >= 1 && src[off - 1] == '<' ? off - 1 : no_offset;
    case node_kind::text: return off;
    case node_kind::comment: return off >= 4 && src.substr(off - 4, 4) == "<!--" ? off - 4 : no_offset;
    default: return no_offset;
  }
}

inline std::uint32_t end_checkpoint(const node& n) { return n.marks & mark_end_mask; }

// A node that keeps a tree from being numbered by arena index: while every node went into
// the current node of the parser, creation order (the arena) is document order, except
// inside <template> (whose contents get no ids, tree::number).
inline bool breaks_arena_order(const node& n) {
  return (n.marks & mark_misplaced) ||
         (n.kind == node_kind::element && n.ns == name_space::html && static_cast<tag>(n.tag) == tag::template_);
}

// tree::number(root, 0) for a tree with no node that breaks_arena_order(): ids are indices.
inline void number_by_index(tree& t) {
  std::vector<node>& nodes = t.node_store();
  for (std::size_t i = 0; i < nodes.size(); ++i) nodes[i].id = static_cast<std::uint32_t>(i);
  t.set_next_id(static_cast<std::uint32_t>(nodes.size()));
}

// tree::number(root, 0) from a clean slate, as a parse numbers a tree that is out of arena
// order: nodes the walk skips (<template> contents) keep id 0, not ids from a copied tree.
inline void number_from_scratch(tree& t) {
  for (node& n : t.node_store()) n.id = 0;
  t.set_next_id(t.number(tree::root, 0));
}

}  // namespace djust::vdom::detail
