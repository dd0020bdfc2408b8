// Tokens of Django's template lexer: string_view slices of the owned source with offsets.
#pragma once

#include <cstdint>
#include <string_view>

namespace djust::tmpl::detail {

enum class token_kind : std::uint8_t {
  text,     // raw text between tags (also everything inside {% verbatim %})
  var,      // {{ ... }}
  block,    // {% ... %}
  comment,  // {# ... #}
};

struct token {
  token_kind kind = token_kind::text;
  std::string_view contents;  // stripped inner text (text tokens: the raw text)
  std::uint32_t offset = 0;   // byte offset of the whole token in the source
  std::uint32_t length = 0;   // byte length of the whole token ("{% if x %}")
};

}  // namespace djust::tmpl::detail
