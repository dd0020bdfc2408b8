// Django's Lexer: splits a template source into text, variable, block and comment tokens.
#pragma once

#include <string_view>
#include <vector>

#include "token.hpp"

namespace djust::tmpl::detail {

// Tags never span lines (Django's tag_re has no DOTALL); inside {% verbatim [name] %}
// every tag is text until the matching {% endverbatim [name] %}.
std::vector<token> tokenize(std::string_view source);

// Python's str.strip() for the ASCII and C1 whitespace a template can hold.
std::string_view strip_ws(std::string_view s);
bool is_py_space(unsigned char c);

}  // namespace djust::tmpl::detail
