// Serialization internals shared by serialize.cpp and diff.cpp (insert/replace payloads).
#pragma once

#include <string>

#include "djust/vdom/tree.hpp"

namespace djust::vdom::detail {

struct serialize_flags {
  bool sorted_attributes = false;  // canonical form for comparisons
  bool keep_leading_newline = false;  // re-add the LF a parser drops after <pre>/<textarea>/<listing>
};

// Appends node `n` (and its subtree) to `out`.
void serialize_node(const tree& t, node_index n, const serialize_flags& f, std::string& out);

// True when the text children of `n` are literal (script, style, xmp, iframe, noembed,
// noframes, noscript, plaintext): no character references, no escaping.
bool literal_text_parent(const tree& t, node_index n);

// The DOM value of a text node: decoded unless its parent holds literal text.
std::string text_value(const tree& t, node_index text_node);

}  // namespace djust::vdom::detail
