// Tree -> HTML, using the browser's serialization (what element.innerHTML returns).
#pragma once

#include <string>

#include "djust/vdom/tree.hpp"

namespace djust::vdom {

// The children of `from` serialized as element.innerHTML would: attributes as name="value"
// in their stored order, text and attribute values re-escaped (&amp; &lt; &gt; &quot; &nbsp;).
std::string inner_html(const tree& t, node_index from = tree::root);

// The node itself (element.outerHTML; for text, its escaped data).
std::string outer_html(const tree& t, node_index n);

// Like inner_html but with each element's attributes sorted by name: equal for trees that a
// browser would consider the same DOM regardless of attribute order (used by tests).
std::string canonical_html(const tree& t, node_index from = tree::root);

}  // namespace djust::vdom
