// Finding the first byte of a class in text, 16 bytes a step where SSE2 is there, for
// scans where most bytes are not of the class (HTML escaping looks for & < > " ').
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace djust::tmpl::detail {

// The index of the first byte at or after i in s for which `is_member` holds, or s.size().
// `members` gives the same answer for 16 bytes at once, as a bit mask (bit k: byte k).
template <class Members, class IsMember>
inline std::size_t find_first_of_class(std::string_view s, std::size_t i, Members members,
                                       IsMember is_member) {
#if defined(__SSE2__)
  const char* p = s.data();
  const std::size_t n = s.size();
  for (; i + 16 <= n; i += 16)
    if (unsigned mask = members(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i))))
      return i + static_cast<std::size_t>(__builtin_ctz(mask));
  if (i == n) return n;
  // The last bytes, with fixed-size loads only (copying them to a buffer first costs a
  // store-forwarding stall): the final 16 bytes of a long text, else two overlapping
  // halves of a short one.
  auto first = [](unsigned mask, std::size_t base) { return base + static_cast<std::size_t>(__builtin_ctz(mask)); };
  if (n >= 16) {
    unsigned mask = members(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16)));
    mask &= ~0u << (16 - (n - i));  // bytes before i were looked at already
    return mask ? first(mask, n - 16) : n;
  }
  if (n >= 4) {
    // Offsets [0, half) in the low lanes, [n - half, n) in the high ones; only those >= i count.
    std::size_t half = n >= 8 ? 8 : 4;
    __m128i v;
    if (half == 8) {
      std::uint64_t lo, hi;
      std::memcpy(&lo, p, 8);
      std::memcpy(&hi, p + n - 8, 8);
      v = _mm_set_epi64x(static_cast<long long>(hi), static_cast<long long>(lo));
    } else {
      std::uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      v = _mm_cvtsi64_si128(static_cast<long long>(lo | static_cast<std::uint64_t>(hi) << 32));
    }
    unsigned mask = members(v), lanes = (1u << half) - 1;
    unsigned low = mask & lanes & (i < half ? ~0u << i : 0u);
    unsigned high = (mask >> half) & lanes;
    if (i > n - half) high &= ~0u << (i - (n - half));
    if (low) return first(low, 0);
    return high ? first(high, n - half) : n;
  }
#else
  (void)members;
#endif
  // Without SSE2, and for texts of 1-3 bytes: a byte at a time.
  for (; i < s.size(); ++i)
    if (is_member(static_cast<unsigned char>(s[i]))) return i;
  return s.size();
}

}  // namespace djust::tmpl::detail
