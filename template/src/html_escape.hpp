// Django's escape() and conditional_escape(): HTML-escaping of values, shared by
// the renderer and the escape/force_escape filters.
#pragma once

#include <string>
#include <string_view>

#include "byte_scan.hpp"
#include "djust/template/value.hpp"

namespace djust::tmpl::detail {

#if defined(__SSE2__)
// Bit k set where byte k of the block is one of & < > " '.
inline unsigned html_special_mask(__m128i b) {
  const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'),
                quot = _mm_set1_epi8('"'), apos = _mm_set1_epi8('\'');
  __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, amp), _mm_cmpeq_epi8(b, lt)),
                             _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, gt), _mm_cmpeq_epi8(b, quot)),
                                          _mm_cmpeq_epi8(b, apos)));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
#endif

// The index of the first of & < > " ' in s at or after i, or s.size() (values are mostly
// clean text, so the scan is the cost).
inline std::size_t next_html_special(std::string_view s, std::size_t i) {
#if defined(__SSE2__)
  auto specials = html_special_mask;
#else
  auto specials = nullptr;
#endif
  return find_first_of_class(s, i, specials, [](unsigned char c) {
    return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
  });
}

// django.utils.html.escape on text: & < > " ' become &amp; &lt; &gt; &quot; &#x27;.
inline void append_html_escaped(std::string& out, std::string_view s) {
  std::size_t start = 0;  // the text since the last special, not yet appended
  auto escape_at = [&](std::size_t i) {
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
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  // Whole blocks: one load gives every special in 16 bytes.
  for (; i + 16 <= s.size(); i += 16)
    for (unsigned mask = html_special_mask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i)));
         mask; mask &= mask - 1)
      escape_at(i + static_cast<std::size_t>(__builtin_ctz(mask)));
#endif
  for (i = next_html_special(s, i); i < s.size(); i = next_html_special(s, i + 1)) escape_at(i);
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
