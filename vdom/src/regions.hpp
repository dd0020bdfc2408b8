// Re-render path for markup edits: re-parse only the changed slices of a page, between checkpoints.
#pragma once

#include <optional>
#include <string>

#include "djust/vdom/parse.hpp"
#include "djust/vdom/tree.hpp"

namespace djust::vdom::detail {

// The tree parse_fragment(html, options) would build, made from `previous` (parsed from an
// earlier HTML with the same options) by re-parsing only where the sources differ: each
// changed stretch is widened to two checkpoints (checkpoints.hpp) of one element, its old
// and new bytes are parsed alone with that element's ancestors as the stack, and the new
// nodes replace the old ones. A move (a row taken out here and put back there) makes two
// such regions. nullopt when no region is found, the regions hold more than max_bytes (old
// and new bytes together) or a check fails; html is then left as is.
std::optional<tree> reparse_regions(const tree& previous, std::string& html, const parse_options& options,
                                    std::size_t max_bytes);

}  // namespace djust::vdom::detail
