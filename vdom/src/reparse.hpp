// Re-render fast path: rebuild a tree from the previous one when only text and attribute values changed.
#pragma once

#include <optional>
#include <string>

#include "djust/vdom/tree.hpp"

namespace djust::vdom::detail {

// The tree parse_fragment(html) would build, made by copying `previous` (parsed from an
// earlier HTML with the same options) and patching the text nodes and quoted attribute values
// that differ; nullopt when the sources differ anywhere else (markup, names, comments,
// unquoted values) or a change could steer the parser (whitespace-only text becoming
// non-blank or back, a newline right after <pre>, an input's type), and html is left as is.
std::optional<tree> splice(const tree& previous, std::string& html);

}  // namespace djust::vdom::detail
