// A small JSON reader/writer for the djust-template tool: JSON to template values
// (with the conformance corpus's tagged $date/$datetime/$time/$safe/$decimal objects).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "djust/template/value.hpp"

namespace djust::tmpl::tool {

struct json_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses one JSON document. Objects become value_map (key order kept); integers past
// 64 bits become decimal values; one-key objects with a $-tag become the tagged type.
value parse_json(std::string_view text);

// Appends `s` as a JSON string literal.
void append_json_string(std::string& out, std::string_view s);

}  // namespace djust::tmpl::tool
