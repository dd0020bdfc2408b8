// Django's escape() and conditional_escape(): HTML-escaping of values, shared by
// the renderer and the escape/force_escape filters.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "djust/template/value.hpp"

namespace djust::tmpl::detail {

// The index of the first of & < > " ' in s at or after i, or s.size(): 16 bytes a step
// where SSE2 is there (values are mostly clean text, so the scan is the cost).
inline std::size_t next_html_special(std::string_view s, std::size_t i) {
#if defined(__SSE2__)
  const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'),
                quot = _mm_set1_epi8('"'), apos = _mm_set1_epi8('\'');
  auto specials = [&](__m128i b) {
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, amp), _mm_cmpeq_epi8(b, lt)),
                               _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, gt), _mm_cmpeq_epi8(b, quot)),
                                            _mm_cmpeq_epi8(b, apos)));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  const char* p = s.data();
  const std::size_t n = s.size();
  for (; i + 16 <= n; i += 16)
    if (unsigned mask = specials(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i))))
      return i + static_cast<std::size_t>(__builtin_ctz(mask));
  if (i == n) return n;
  // The last bytes, with fixed-size loads only (copying them to a buffer first costs a
  // store-forwarding stall): the final 16 bytes of a long value, else two overlapping
  // halves of a short one.
  auto first = [](unsigned mask, std::size_t base) { return base + static_cast<std::size_t>(__builtin_ctz(mask)); };
  if (n >= 16) {
    unsigned mask = specials(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16)));
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
    unsigned mask = specials(v), lanes = (1u << half) - 1;
    unsigned low = mask & lanes & (i < half ? ~0u << i : 0u);
    unsigned high = (mask >> half) & lanes;
    if (i > n - half) high &= ~0u << (i - (n - half));
    if (low) return first(low, 0);
    return high ? first(high, n - half) : n;
  }
#endif
  // Without SSE2, and for values of 1-3 bytes: a byte at a time.
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') return i;
  }
  return s.size();
}

// django.utils.html.escape on text: & < > " ' become &amp; &lt; &gt; &quot; &#x27;.
inline void append_html_escaped(std::string& out, std::string_view s) {
  std::size_t start = 0;
  for (std::size_t i = next_html_special(s, 0); i < s.size(); i = next_html_special(s, start)) {
    std::string_view rep;
    switch (s[i]) {
      case '&': rep = "&amp;"; break;
      case '<': rep = "&lt;"; break;
      case '>': rep = "&gt;"; break;
      case '"': rep = "&quot;"; break;
      default: rep = "&#x27;"; break;
    }
    out.append(s.data() + start, i - start);
    out.append(rep);
    start = i + 1;
  }
  out.append(s.data() + start, s.size() - start);
}

inline std::string html_escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  append_html_escaped(out, s);
  return out;
}

// Django's escape(v): str(v) escaped and marked safe (even when v is already safe).
inline value escape(const value& v) { return value::safe(html_escaped(v.to_display_string())); }

// Django's conditional_escape(v): a safe string as is, anything else escaped.
inline value conditional_escape(const value& v) {
  const value& r = v.resolved();
  if (r.is_safe()) return r;
  return escape(r);
}

}  // namespace djust::tmpl::detail
