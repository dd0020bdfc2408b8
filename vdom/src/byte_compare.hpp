// Common prefix and suffix lengths of two byte ranges, a block and a word at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace djust::vdom::detail {

// Length of the common prefix of a[0, n) and b[0, n): blocks first, then words, then bytes.
inline std::size_t common_prefix(const char* a, const char* b, std::size_t n) {
  constexpr std::size_t block = 512;
  std::size_t i = 0;
  while (n - i >= block && std::memcmp(a + i, b + i, block) == 0) i += block;
  while (n - i >= 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    if (x != y) break;
    i += 8;
  }
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

// Length of the common suffix of the n bytes before a_end and before b_end.
inline std::size_t common_suffix(const char* a_end, const char* b_end, std::size_t n) {
  constexpr std::size_t block = 512;
  std::size_t i = 0;
  while (n - i >= block && std::memcmp(a_end - i - block, b_end - i - block, block) == 0) i += block;
  while (i < n && a_end[-1 - static_cast<std::ptrdiff_t>(i)] == b_end[-1 - static_cast<std::ptrdiff_t>(i)]) ++i;
  return i;
}

}  // namespace djust::vdom::detail
