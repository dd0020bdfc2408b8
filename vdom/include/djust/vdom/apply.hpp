// Applies patches to a tree the way the browser script applies them to the DOM.
// Used by tests (apply_patches(diff(a, b), a) must serialize like b) and by the browser suite's
// expected results; the runtime never needs it.
#pragma once

#include <stdexcept>

#include "djust/vdom/diff.hpp"
#include "djust/vdom/tree.hpp"

namespace djust::vdom {

class apply_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Applies `patches` in order to `t` (HTML payloads parse in the context of their parent,
// or of t.context() at the root). Throws apply_error for a patch naming an unknown node.
// New attributes go last, existing ones keep their place, as with setAttribute.
void apply_patches(tree& t, const patch_list& patches);

}  // namespace djust::vdom
