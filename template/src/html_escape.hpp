// Django's escape() and conditional_escape(): HTML-escaping of values, shared by
// the renderer and the escape/force_escape filters.
#pragma once

#include <string>
#include <string_view>

#include "djust/template/value.hpp"

namespace djust::tmpl::detail {

// django.utils.html.escape on text: & < > " ' become &amp; &lt; &gt; &quot; &#x27;.
inline void append_html_escaped(std::string& out, std::string_view s) {
  // 1 for the five characters escape() replaces.
  static constexpr auto special = [] {
    struct table {
      bool v[256] = {};
    } t;
    t.v[static_cast<unsigned char>('&')] = t.v[static_cast<unsigned char>('<')] = true;
    t.v[static_cast<unsigned char>('>')] = t.v[static_cast<unsigned char>('"')] = true;
    t.v[static_cast<unsigned char>('\'')] = true;
    return t;
  }();
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!special.v[static_cast<unsigned char>(s[i])]) continue;
    const char* rep;
    switch (s[i]) {
      case '&': rep = "&amp;"; break;
      case '<': rep = "&lt;"; break;
      case '>': rep = "&gt;"; break;
      case '"': rep = "&quot;"; break;
      case '\'': rep = "&#x27;"; break;
      default: continue;
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
