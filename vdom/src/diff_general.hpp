// diff() without its same-shape shortcut, for tests that hold the two paths to one result.
#pragma once

#include "djust/vdom/diff.hpp"

namespace djust::vdom::detail {

// What diff(old_tree, new_tree) returns and writes into new_tree, always by the general walk.
patch_list diff_general(const tree& old_tree, tree& new_tree);

}  // namespace djust::vdom::detail
