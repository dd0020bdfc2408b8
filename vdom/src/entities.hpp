// Character reference decoding (named and numeric), as the HTML tokenizer does it.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace djust::vdom::detail {

// Appends `raw` to `out` with character references decoded and CR/CRLF turned into LF.
// `in_attribute` applies the attribute-value rule for references without ';'.
void decode_html(std::string_view raw, bool in_attribute, std::string& out);

// True when decode_html(raw) could differ from raw: it holds '&' or CR. Eight bytes at a
// time (find_first_of calls memchr over the set once per byte, libstdc++).
inline bool needs_decode(std::string_view raw) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  // Whether a word holds '&' or CR: a byte of w ^ c is zero where w has c.
  auto has_either = [](std::uint64_t w) {
    std::uint64_t a = w ^ (ones * '&'), r = w ^ (ones * '\r');
    return (((a - ones) & ~a) | ((r - ones) & ~r)) & high;
  };
  const char* p = raw.data();
  std::size_t n = raw.size();
  if (n < 8) {
    for (std::size_t i = 0; i < n; ++i)
      if (p[i] == '&' || p[i] == '\r') return true;
    return false;
  }
  std::uint64_t w;
  for (std::size_t i = 0; i + 8 < n; i += 8) {
    std::memcpy(&w, p + i, 8);
    if (has_either(w)) return true;
  }
  std::memcpy(&w, p + n - 8, 8);  // the last eight, overlapping the words before
  return has_either(w) != 0;
}

// Appends `cp` to `out` as UTF-8.
void append_utf8(char32_t cp, std::string& out);

}  // namespace djust::vdom::detail
