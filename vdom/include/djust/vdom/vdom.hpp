// The vdom facade: everything the runtime needs to turn renders into patches.
//
//   djust::vdom::tree old_tree = djust::vdom::parse_fragment(render());   // first render
//   // ... send the HTML; the client numbers its DOM the same way ...
//   std::string html = render();                                         // after an event
//   if (html == old_tree.source()) return;                               // nothing changed
//   djust::vdom::tree next = djust::vdom::reparse_fragment(old_tree, std::move(html));
//   // (= parse_fragment(html), but copies old_tree when only text/attribute values changed)
//   djust::vdom::patch_list p = djust::vdom::diff(old_tree, next);       // ids move into next
//   std::string frame_part = djust::vdom::encode_msgpack(p);             // or encode_json(p)
//   old_tree = std::move(next);                                          // next diff's base
//   std::size_t bytes = old_tree.memory_bytes();                         // per-session memory
//
// parse_fragment throws parse_error for input nested deeper than parse_options::max_depth.
#pragma once

#include "djust/vdom/diff.hpp"
#include "djust/vdom/encode.hpp"
#include "djust/vdom/parse.hpp"
#include "djust/vdom/serialize.hpp"
#include "djust/vdom/tree.hpp"
#include "djust/vdom/wire_keys.hpp"
