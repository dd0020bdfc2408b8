// diff(old, new) -> the patches that turn the browser's DOM for `old` into `new`.
//
// Design note: children are matched by key (dj-key, else id) or, for unkeyed nodes, by
// identical content (subtree hash), after trimming equal prefixes and suffixes; leftover
// unkeyed nodes pair up in order with same-tag nodes and are patched in place. Moves come
// from a longest-increasing-subsequence pass over the matched nodes, so the fewest nodes
// move. Patches address nodes by id (see tree.hpp); diff() writes the ids into `new_tree`
// (old ids for nodes that persist, fresh ids from the counter for new ones), so the new
// tree is the next call's old tree. Insert and replace carry the new nodes as HTML: a
// subtree the parser only builds by repairing misnested markup (a <dd> inside a <dt>...)
// does not survive serialization, so such markup can leave the browser's DOM different.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "djust/vdom/tree.hpp"
#include "djust/vdom/wire_keys.hpp"

namespace djust::vdom {

struct patch {
  wire::opcode op = wire::set_text;
  std::uint8_t flags = 0;      // wire::flag bits (set_text, set_prop, remove_prop)
  std::uint32_t id = 0;        // target node; insert: the parent
  std::uint32_t before = 0;    // insert, move: sibling to insert before (wire::append: at the end)
  std::uint32_t first_id = 0;  // insert, replace: id of the first new node (pre-order)
  std::string name;            // attribute or property name
  std::string value;           // text, attribute value, or HTML (insert, replace)

  bool operator==(const patch&) const = default;
};

using patch_list = std::vector<patch>;

// Patches from old_tree to new_tree; ids are written into new_tree (see above).
patch_list diff(const tree& old_tree, tree& new_tree);

}  // namespace djust::vdom
