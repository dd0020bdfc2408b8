// The patch wire format, pinned in one place: opcodes, flags and reserved ids.
// client/src/constants.js mirrors these values; docs/protocol.md ("Patches") documents them.
#pragma once

#include <cstdint>

namespace djust::vdom::wire {

// Every patch is an array whose first element is one of these opcodes, followed by
// integer node ids and strings (see docs/protocol.md, "Patches"):
//   [set_text,     id, text]              text node data (decoded text)
//   [set_text,     id, text, flags]       same, flags as below (textarea content)
//   [set_attr,     id, name, value]       element.setAttribute(name, value)
//   [remove_attr,  id, name]              element.removeAttribute(name)
//   [set_prop,     id, name, value, flags] setAttribute + property (value/checked/selected)
//   [remove_prop,  id, name, flags]       removeAttribute + property reset ("" / false)
//   [insert,       parent, before, first_id, html]  parse html, insert its nodes before `before`
//   [remove,       id]                    remove the node (and its subtree)
//   [move,         id, before]            move the node before sibling `before` (same parent)
//   [replace,      id, first_id, html]    replace the node (and subtree) with the parsed html
enum opcode : std::uint8_t {
  set_text = 0,
  set_attr = 1,
  remove_attr = 2,
  set_prop = 3,
  remove_prop = 4,
  insert = 5,
  remove = 6,
  move = 7,
  replace = 8,
};

// Flags on set_text / set_prop / remove_prop.
enum flag : std::uint8_t {
  // The client leaves the element's property alone while the element has focus
  // (document.activeElement): the user is typing. The attribute is still updated.
  flag_keep_focused = 1,
  // set_text only: the text node is a textarea's content; also assign the parent
  // textarea's `value` property (subject to flag_keep_focused).
  flag_sync_value = 2,
};

// The view root container: parent of the top-level nodes of a fragment.
inline constexpr std::uint32_t root_id = 0;
// `before` value meaning "append as last child".
inline constexpr std::uint32_t append = 0;
// First id handed out by the initial render (ids are assigned in document order).
inline constexpr std::uint32_t first_id = 1;

// Attributes that name a node's key among its siblings, in order of preference.
inline constexpr const char* key_attr = "dj-key";
inline constexpr const char* key_attr_fallback = "id";

}  // namespace djust::vdom::wire
