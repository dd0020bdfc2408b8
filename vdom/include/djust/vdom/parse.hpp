// HTML -> tree, building the same tree a browser (Chromium) builds from the same bytes.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "djust/vdom/tree.hpp"

namespace djust::vdom {

struct parse_options {
  // Elements nested deeper than this make the parse fail with parse_error.
  std::size_t max_depth = 512;
  // Fragment parsing: the tag name of the element the fragment is parsed into (the view
  // root container), as for element.innerHTML = html. "tbody" or "select" change the rules.
  std::string_view context = "div";
  // Namespace of the context element (svg/mathml when patching inside inline SVG/MathML;
  // "svg" and "math" contexts imply it).
  name_space context_ns = name_space::html;
};

// Thrown for input the parser refuses (too deep, too large). Never thrown for merely
// malformed HTML: that is repaired the way browsers repair it.
class parse_error : public std::runtime_error {
 public:
  parse_error(const std::string& what, std::size_t offset)
      : std::runtime_error(what), offset_(offset) {}
  // Byte offset in the input where parsing stopped.
  std::size_t offset() const { return offset_; }

 private:
  std::size_t offset_;
};

// Parses the children of the view root container (tree::root is the container itself).
// Nodes are numbered 1.. in document order; next_id() is one past the last.
tree parse_fragment(std::string html, const parse_options& options = {});

// parse_fragment(html, options) for a re-render: `previous` is the tree of the page's last
// render, parsed with the same options (diff() may have renumbered it since). The tree is
// copied from `previous` and patched where that is known to give the same result:
//  - markup edits in a few places (rows inserted, removed or moved): each changed stretch
//    is widened to two points where the parser's state was just an element and its
//    ancestors (checkpoints it records in node::marks), and only those bytes are parsed,
//    in that element; anything that would reach outside the element falls through;
//  - text and quoted attribute values that do not steer the parser, changed anywhere:
//    patched in place (no tokenizing, no tree construction).
// Otherwise html is parsed afresh. The result is the same tree either way, ids included.
tree reparse_fragment(const tree& previous, std::string html, const parse_options& options = {});

// Parses a whole document (doctype, implied html/head/body); tree::root is the document.
tree parse_document(std::string html, const parse_options& options = {});

}  // namespace djust::vdom
