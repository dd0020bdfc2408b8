// Byte range comparisons: common prefix and suffix lengths (blocks, words, 16 or 32 bytes at a time), short equality.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace djust::vdom::detail {

// Index of the first unequal byte of a[0, 16) and b[0, 16), or 16.
inline std::size_t first_difference_16(const char* a, const char* b) {
#if defined(__SSE2__)
  __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a));
  __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
  unsigned unequal = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, y))) & 0xFFFFu;
  return unequal ? static_cast<std::size_t>(__builtin_ctz(unequal)) : 16;
#else
  std::size_t i = 0;
  while (i < 16 && a[i] == b[i]) ++i;
  return i;
#endif
}

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

// common_prefix() where a difference is expected within a few hundred bytes (the stretch
// between two changed values of a re-render): the first 256 bytes 32 at a time, so a block
// compare that fails there is not read twice. (Long equal runs, as a region re-parse
// meets, are faster with common_prefix's blocks from the start.)
inline std::size_t common_prefix_near(const char* a, const char* b, std::size_t n) {
  constexpr std::size_t near = 256;
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i < near && n - i >= 32; i += 32) {  // two compares, one mask
    __m128i e0 = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i)),
                                _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i)));
    __m128i e1 = _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i + 16)),
                                _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i + 16)));
    if (_mm_movemask_epi8(_mm_and_si128(e0, e1)) != 0xFFFF) {
      std::size_t d = first_difference_16(a + i, b + i);
      return i + (d < 16 ? d : 16 + first_difference_16(a + i + 16, b + i + 16));
    }
  }
#endif
  for (; i < near && n - i >= 16; i += 16)
    if (std::size_t d = first_difference_16(a + i, b + i); d < 16) return i + d;
  return i + common_prefix(a + i, b + i, n - i);
}

// p[0, n) == q[0, n) for sizeof(Word) <= n <= 2 * sizeof(Word): the first and the last
// word of each, which overlap or meet and so cover every byte.
template <class Word>
inline bool same_by_end_words(const char* p, const char* q, std::size_t n) {
  Word x0, y0, x1, y1;
  std::memcpy(&x0, p, sizeof(Word));
  std::memcpy(&y0, q, sizeof(Word));
  std::memcpy(&x1, p + n - sizeof(Word), sizeof(Word));
  std::memcpy(&y1, q + n - sizeof(Word), sizeof(Word));
  return x0 == y0 && x1 == y1;
}

// a == b; short strings (names, keys, values) without a call to memcmp.
inline bool same_string(std::string_view a, std::string_view b) {
  std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  if (n > 16) return std::memcmp(p, q, n) == 0;
  if (n >= 8) return same_by_end_words<std::uint64_t>(p, q, n);
  if (n >= 4) return same_by_end_words<std::uint32_t>(p, q, n);
  for (std::size_t i = 0; i < n; ++i)
    if (p[i] != q[i]) return false;
  return true;
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
