// Character reference decoding (named and numeric), as the HTML tokenizer does it.
#pragma once

#include <string>
#include <string_view>

namespace djust::vdom::detail {

// Appends `raw` to `out` with character references decoded and CR/CRLF turned into LF.
// `in_attribute` applies the attribute-value rule for references without ';'.
void decode_html(std::string_view raw, bool in_attribute, std::string& out);

// True when decode_html(raw) could differ from raw.
inline bool needs_decode(std::string_view raw) {
  // A plain loop: find_first_of calls memchr over the set once per byte (libstdc++).
  for (char c : raw)
    if (c == '&' || c == '\r') return true;
  return false;
}

// Appends `cp` to `out` as UTF-8.
void append_utf8(char32_t cp, std::string& out);

}  // namespace djust::vdom::detail
