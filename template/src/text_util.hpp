// UTF-8 text helpers with Python str semantics (code points, case mapping, predicates,
// normalization) for filters that must match Django character for character.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace djust::tmpl::detail {

// a == b for the short names of variables and dict keys, without a memcmp call: the
// first and last 8 (or 4) bytes compared as words, which for names up to 16 bytes is all.
inline bool same_name(std::string_view a, std::string_view b) noexcept {
  std::size_t n = a.size();
  if (n != b.size()) return false;
  auto load8 = [](const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  };
  auto load4 = [](const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
  };
  const char *x = a.data(), *y = b.data();
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (load8(x + i) != load8(y + i)) return false;
    return load8(x + n - 8) == load8(y + n - 8);
  }
  if (n >= 4) return load4(x) == load4(y) && load4(x + n - 4) == load4(y + n - 4);
  for (std::size_t i = 0; i < n; ++i)
    if (x[i] != y[i]) return false;
  return true;
}

// Decodes the code point at byte `i` and advances `i`. A byte that does not start
// valid UTF-8 decodes as U+DC80+byte (Python's surrogateescape) so it round-trips.
char32_t next_code_point_slow(std::string_view s, std::size_t& i) noexcept;
inline char32_t next_code_point(std::string_view s, std::size_t& i) noexcept {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  return next_code_point_slow(s, i);
}
// Decodes the code point that ends at byte `i` and moves `i` back to its start.
char32_t prev_code_point(std::string_view s, std::size_t& i) noexcept;
// Appends `cp` as UTF-8 (U+DC80..U+DCFF as their raw byte).
void append_utf8(std::string& out, char32_t cp);
// len() of the Python str.
std::size_t code_point_count(std::string_view s) noexcept;
// The end of the run of ASCII bytes at i (i itself when s[i] is not ASCII), eight bytes a step.
inline std::size_t ascii_run_end(std::string_view s, std::size_t i) noexcept {
  constexpr std::uint64_t highs = 0x8080808080808080ull;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & highs) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// Byte offset of code point number `n` (s.size() when the string is shorter).
std::size_t byte_offset_of(std::string_view s, std::size_t n) noexcept;
std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);

// Python's str predicates on one code point.
bool py_isspace_slow(char32_t c) noexcept;
bool py_isalnum_slow(char32_t c) noexcept;
inline bool py_isspace(char32_t c) noexcept {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  return py_isspace_slow(c);
}
inline bool py_isalnum(char32_t c) noexcept {
  if (c < 0x80)
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return py_isalnum_slow(c);
}
inline bool py_isword(char32_t c) noexcept { return c == '_' || py_isalnum(c); }  // regex \w
bool py_iscased(char32_t c) noexcept;
bool py_isprintable(char32_t c) noexcept;  // repr() shows it as is
int py_decimal(char32_t c) noexcept;          // str.isdecimal() digit value, or -1
int combining_class(char32_t c) noexcept;     // unicodedata.combining()

// Python str.lower() / upper() / title() (full mappings, final sigma).
void append_lower(std::string& out, std::string_view s);
void append_upper(std::string& out, std::string_view s);
std::string py_lower(std::string_view s);
std::string py_upper(std::string_view s);
std::string py_title(std::string_view s);
std::string py_casefold(std::string_view s);
// chr(c).upper() appended.
void append_upper_char(std::string& out, char32_t c);

// unicodedata.normalize('NFC', s).
std::string nfc(std::string_view s);
// What unicodedata.normalize('NFKD', s).encode('ascii', 'ignore') keeps of a code point
// c >= 0x80 (often nothing). Decomposition works code point by code point, and the
// reordering of combining marks never moves ASCII, so a string folds piece by piece.
std::string_view ascii_fold_of(char32_t c);

// html.unescape(s): HTML5 named and numeric character references.
std::string html_unescape(std::string_view s);

// str.split() with no argument: runs of whitespace separate, no empty items. With a
// `limit`, stops once it has that many words (the first `limit` of str.split()).
std::vector<std::string_view> py_split(std::string_view s,
                                       std::size_t limit = static_cast<std::size_t>(-1));
// str.split() one word at a time, for callers that stop early or need no list.
class py_words {
 public:
  explicit py_words(std::string_view s) noexcept : s_(s) {}
  // The next word, or false after the last one.
  bool next(std::string_view& word) noexcept;

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};
// str.strip() with no argument.
std::string_view py_strip(std::string_view s);

// int(s) for a str: Python's rules (surrounding whitespace, sign, '_' between
// digits, any Unicode decimal digits). ok=false is Python's ValueError; a value
// beyond 64 bits is clamped and flagged.
struct py_int {
  bool ok = false;
  bool overflow = false;
  std::int64_t value = 0;
};
py_int parse_py_int(std::string_view s);

}  // namespace djust::tmpl::detail
