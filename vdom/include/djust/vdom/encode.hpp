// Patch list -> wire bytes: msgpack (binary frames) and JSON (text frames), same shape.
#pragma once

#include <string>

#include "djust/vdom/diff.hpp"

namespace djust::vdom {

// An array of patch arrays, e.g. [[0,12,"hello"],[1,5,"class","on"]] (docs/protocol.md).
std::string encode_msgpack(const patch_list& patches);
std::string encode_json(const patch_list& patches);

// Appends one JSON string literal (UTF-8 passed through; quotes, backslashes and control
// characters escaped) to `out`. Shared with other JSON writers of the wire protocol.
void append_json_string(std::string_view s, std::string& out);

}  // namespace djust::vdom
