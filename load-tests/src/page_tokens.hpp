// What a client needs from a served page to join its views: tokens, CSRF, cookies.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace djust::load::detail {

// One live view root found in the page (the element carrying the signed token).
struct view_root {
  std::string token;
  std::string csrf;  // the root's own CSRF attribute, else the page's
};

struct page_tokens {
  std::vector<view_root> views;  // in document order
  std::string csrf;              // page-level CSRF (meta csrf-token or csrfmiddlewaretoken input)
};

// Scans the HTML the way the browser script reads it (client/src/live.js): a root is
// any element with a `dj-token` attribute (also accepted: `data-dj-token`,
// `data-djust-token`); its CSRF is `dj-csrf` (or the data- forms), else the page's
// `<meta name="csrf-token" content=…>`, else a `csrfmiddlewaretoken` hidden input.
// Attribute values may be double-, single- or un-quoted and carry character
// references. Comments and the contents of <script>/<style> are skipped.
page_tokens extract_page_tokens(std::string_view html);

// Decodes the character references found in attribute values (&amp; &lt; &gt; &quot;
// &apos; &#39; &#x27; …); unknown references are kept as written.
std::string decode_entities(std::string_view text);

// The Cookie request header for a list of Set-Cookie response header values:
// "name=value; name2=value2" (attributes after the first ';' dropped; later wins).
std::string cookie_header(const std::vector<std::string>& set_cookie_values);

}  // namespace djust::load::detail
