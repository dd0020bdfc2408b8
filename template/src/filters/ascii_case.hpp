// ASCII case helpers that urlize and its URL quoting share (inline: they sit on the
// per-word path).
#pragma once

#include <cstddef>
#include <string_view>

namespace djust::tmpl::detail {

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// s starts with `lower_prefix` (lowercase ASCII) in any ASCII case.
inline bool istarts_with(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i)
    if (ascii_lower(s[i]) != lower_prefix[i]) return false;
  return true;
}

}  // namespace djust::tmpl::detail
