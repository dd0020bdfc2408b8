// Python's urllib.parse and idna codec pieces that Django's smart_urlquote uses. URL
// parts are string_views of the URL; each is quoted and HTML-escaped straight into the
// href, and copies are left to the inputs that need them (%-escapes, non-ASCII hosts).
#include "filters/url_quote.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "filters/ascii_case.hpp"
#include "html_escape.hpp"
#include "text_util.hpp"

namespace djust::tmpl::detail {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// s.find_first_of(chars, from) as one memchr per char: libstdc++'s makes one call
// per byte of `s`.
std::size_t find_any(std::string_view s, std::string_view chars, std::size_t from = 0) {
  std::size_t first = npos;
  for (char c : chars) first = std::min(first, s.find(c, from));
  return first;
}

// ---- urllib.parse.unquote (errors='replace') ----

// bytes.decode('utf-8', 'replace'): each maximal invalid subpart becomes U+FFFD.
void append_decoded_utf8(std::string& out, std::string_view b) {
  auto at = [&](std::size_t i) { return static_cast<unsigned char>(b[i]); };
  for (std::size_t i = 0; i < b.size();) {
    unsigned char c = at(i);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    int need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    int got = 0;
    while (got < need && j < b.size()) {
      unsigned char d = at(j);
      if (d < (got == 0 ? lo : 0x80) || d > (got == 0 ? hi : 0xBF)) break;
      ++j;
      ++got;
    }
    if (got == need) {
      out.append(b, i, j - i);
    } else {
      out += "\xEF\xBF\xBD";
    }
    i = j;
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = ascii_lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// unquote(s): `s` itself when it has no '%', else the decoded text, built in `buf`.
std::string_view unquoted(std::string_view s, std::string& buf) {
  if (s.find('%') == npos) return s;
  buf.clear();
  buf.reserve(s.size());
  std::string bytes;  // one run of ASCII with its %XX escapes decoded
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) {
      std::size_t j = i;
      while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x80) ++j;
      buf.append(s, i, j - i);
      i = j;
      continue;
    }
    bytes.clear();
    for (; i < s.size() && static_cast<unsigned char>(s[i]) < 0x80; ++i) {
      int h, l;
      if (s[i] == '%' && i + 2 < s.size() && (h = hex_value(s[i + 1])) >= 0 &&
          (l = hex_value(s[i + 2])) >= 0) {
        bytes += static_cast<char>(h * 16 + l);
        i += 2;
      } else {
        bytes += s[i];
      }
    }
    append_decoded_utf8(buf, bytes);
  }
  return buf;
}

// ---- urllib.parse.quote, written straight into the href that escape() would make ----

// What quote() makes of one byte, seen through escape(): the byte itself, an HTML
// entity ('&' and '\'' are URL-safe but not HTML-safe), %XX, or '+' (quote_plus's space).
enum class quoted_as : std::uint8_t { itself, entity, percent, plus };
using quote_table = std::array<quoted_as, 256>;

constexpr quote_table make_quote_table(std::string_view safe, bool space_as_plus) {
  quote_table t{};
  for (auto& q : t) q = quoted_as::percent;
  for (int c = 0; c < 128; ++c)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
      t[c] = quoted_as::itself;
  for (char c : std::string_view("_.-~")) t[static_cast<unsigned char>(c)] = quoted_as::itself;
  for (char c : safe)
    t[static_cast<unsigned char>(c)] = c == '&' || c == '\'' ? quoted_as::entity : quoted_as::itself;
  if (space_as_plus) t[' '] = quoted_as::plus;
  return t;
}

// smart_urlquote's quote(segment, safe=RFC 3986 delimiters + '~').
constexpr quote_table segment_quoting = make_quote_table("!$&'()*+,;=:/?#[]@~", false);
// urlencode's quote_plus(s, safe='').
constexpr quote_table query_quoting = make_quote_table("", true);

void append_quoted_href(std::string& out, std::string_view s, const quote_table& how) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::size_t run = 0;  // start of the bytes kept since the last rewritten one
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    quoted_as q = how[b];
    if (q == quoted_as::itself) continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    if (q == quoted_as::percent) {
      const char escaped[3] = {'%', hex[b >> 4], hex[b & 15]};
      out.append(escaped, 3);
    } else if (q == quoted_as::plus) {
      out += '+';
    } else {
      out += b == '&' ? "&amp;" : "&#x27;";
    }
  }
  out.append(s.data() + run, s.size() - run);
}

// quote(unquote(segment), safe=...) into the href.
void append_unquote_quoted(std::string& out, std::string_view segment) {
  std::string buf;
  append_quoted_href(out, unquoted(segment, buf), segment_quoting);
}

// ---- IDNA (encodings.idna, approximating nameprep by casefold() and NFC) ----

std::string punycode_encode(std::u32string_view input) {
  constexpr std::uint32_t base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
  std::string out;
  for (char32_t c : input)
    if (c < 0x80) out += static_cast<char>(c);
  std::size_t basic = out.size(), handled = basic;
  if (basic) out += '-';
  std::uint32_t n = 128, delta = 0, bias = 72;
  auto adapt = [&](std::uint32_t d, std::size_t points, bool first) {
    d = first ? d / damp : d / 2;
    d += d / static_cast<std::uint32_t>(points);
    std::uint32_t k = 0;
    while (d > ((base - tmin) * tmax) / 2) {
      d /= base - tmin;
      k += base;
    }
    return k + (base - tmin + 1) * d / (d + skew);
  };
  auto digit = [](std::uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + d - 26); };
  while (handled < input.size()) {
    char32_t m = 0x10FFFF;
    for (char32_t c : input)
      if (c >= n && c < m) m = c;
    delta += (m - n) * static_cast<std::uint32_t>(handled + 1);
    n = m;
    for (char32_t c : input) {
      if (c < n) ++delta;
      if (c != n) continue;
      std::uint32_t q = delta;
      for (std::uint32_t k = base;; k += base) {
        std::uint32_t t = k <= bias ? tmin : k >= bias + tmax ? tmax : k - bias;
        if (q < t) break;
        out += digit(t + (q - t) % (base - t));
        q = (q - t) / (base - t);
      }
      out += digit(q);
      bias = adapt(delta, handled + 1, handled == basic);
      delta = 0;
      ++handled;
    }
    ++delta;
    ++n;
  }
  return out;
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// Characters nameprep maps to nothing (RFC 3454 table B.1).
bool nameprep_dropped(char32_t c) {
  return c == 0xAD || c == 0x34F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) ||
         (c >= 0x200B && c <= 0x200D) || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) ||
         c == 0xFEFF;
}

bool idna_label(std::string_view label, std::string& out) {
  if (is_ascii(label)) {
    if (label.empty() || label.size() >= 64) return false;
    out += label;
    return true;
  }
  std::string mapped;
  for (std::size_t i = 0; i < label.size();) {
    char32_t c = next_code_point(label, i);
    if (!nameprep_dropped(c)) append_utf8(mapped, c);
  }
  std::string prepared = nfc(py_casefold(mapped));
  if (is_ascii(prepared)) {
    if (prepared.empty() || prepared.size() >= 64) return false;
    out += prepared;
    return true;
  }
  if (istarts_with(prepared, "xn--")) return false;
  std::string encoded = "xn--" + punycode_encode(to_u32(prepared));
  if (encoded.size() >= 64) return false;
  out += encoded;
  return true;
}

// The idna codec's check of an ASCII name: each label but the last has 1-63 bytes,
// the last at most 63. nullopt when the name is not ASCII.
std::optional<bool> ascii_labels_valid(std::string_view domain) {
  std::size_t label = 0;  // bytes so far in the current label
  bool valid = true;
  for (char c : domain) {
    if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
    if (c != '.') {
      ++label;
      continue;
    }
    valid = valid && label > 0 && label < 64;
    label = 0;
  }
  return valid && label < 64;
}

}  // namespace

// domain.encode('idna').decode('ascii'): an ASCII domain is only checked and returned
// as it is; another is encoded into `buf`. nullopt where Python raises UnicodeError.
std::optional<std::string_view> idna_encode(std::string_view domain, std::string& buf) {
  if (auto valid = ascii_labels_valid(domain)) {
    if (*valid) return domain;
    return std::nullopt;
  }
  // Labels split on the four IDNA dots.
  std::vector<std::string_view> labels;
  std::size_t start = 0;
  for (std::size_t i = 0; i < domain.size();) {
    std::size_t begin = i;
    char32_t c = next_code_point(domain, i);
    if (c == '.' || c == 0x3002 || c == 0xFF0E || c == 0xFF61) {
      labels.push_back(domain.substr(start, begin - start));
      start = i;
    }
  }
  labels.push_back(domain.substr(start));
  bool trailing_dot = labels.back().empty();
  if (trailing_dot) labels.pop_back();
  buf.clear();
  for (std::size_t k = 0; k < labels.size(); ++k) {
    if (k) buf += '.';
    if (!idna_label(labels[k], buf)) return std::nullopt;
  }
  if (trailing_dot) buf += '.';
  return buf;
}

namespace {

// ---- urllib.parse.urlsplit / urlunsplit and Django's smart_urlquote ----

// urlsplit's five parts (the scheme lowercased). They view the URL, or the buffers
// where urlsplit had to change it.
struct url_parts {
  std::string_view scheme, netloc, path, query, fragment;
  std::string cleaned, lower_scheme;
};

bool valid_ipv4(std::string_view s) {
  int parts = 0;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = s.find('.', start);
    std::string_view part = s.substr(start, dot == npos ? npos : dot - start);
    if (part.empty() || part.size() > 3) return false;
    int v = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    if (v > 255 || (part.size() > 1 && part[0] == '0')) return false;
    ++parts;
    if (dot == npos) break;
    start = dot + 1;
  }
  return parts == 4;
}

// ipaddress.IPv6Address(s) accepts it (with an optional %scope).
bool valid_ipv6(std::string_view s) {
  if (auto pct = s.find('%'); pct != npos) {
    if (pct + 1 == s.size()) return false;
    s = s.substr(0, pct);
  }
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t colon = s.find(':', start);
    parts.push_back(s.substr(start, colon == npos ? npos : colon - start));
    if (colon == npos) break;
    start = colon + 1;
  }
  if (parts.size() < 3) return false;
  std::size_t max_parts = 8;
  if (parts.back().find('.') != npos) {
    if (!valid_ipv4(parts.back())) return false;
    parts.back() = "0";
    parts.push_back("0");
  }
  if (parts.size() > max_parts + 1) return false;
  int skip = -1;
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
    if (parts[i].empty()) {
      if (skip >= 0) return false;
      skip = static_cast<int>(i);
    }
  }
  if (skip >= 0) {
    std::size_t hi = skip, lo = parts.size() - skip - 1;
    if (parts.front().empty() && --hi) return false;
    if (parts.back().empty() && --lo) return false;
    if (hi + lo >= max_parts) return false;
  } else {
    if (parts.size() != max_parts) return false;
    if (parts.front().empty() || parts.back().empty()) return false;
  }
  for (auto p : parts) {
    if (p.size() > 4) return false;
    for (char c : p)
      if (hex_value(c) < 0) return false;
  }
  return true;
}

bool check_bracketed_netloc(std::string_view netloc) {
  auto at = netloc.rfind('@');
  std::string_view host_port = at == npos ? netloc : netloc.substr(at + 1);
  std::string_view hostname;
  auto open = host_port.find('[');
  if (open != npos) {
    if (open > 0) return false;
    std::string_view bracketed = host_port.substr(open + 1);
    auto close = bracketed.find(']');
    hostname = bracketed.substr(0, close);
    std::string_view port = close == npos ? std::string_view() : bracketed.substr(close + 1);
    if (!port.empty() && port[0] != ':') return false;
  } else {
    hostname = host_port.substr(0, host_port.find(':'));
  }
  if (!hostname.empty() && hostname[0] == 'v') {
    // \Av[a-fA-F0-9]+\..+\Z
    std::size_t i = 1;
    while (i < hostname.size() && hex_value(hostname[i]) >= 0) ++i;
    return i > 1 && i + 1 < hostname.size() && hostname[i] == '.';
  }
  return valid_ipv6(hostname);
}

// urlsplit(url); false where Python raises ValueError.
bool urlsplit(std::string_view url, url_parts& r) {
  std::size_t lead = 0;
  while (lead < url.size() && static_cast<unsigned char>(url[lead]) <= 0x20) ++lead;
  std::string_view u = url.substr(lead);
  if (find_any(u, "\t\r\n") != npos) {
    for (char c : u)
      if (c != '\t' && c != '\r' && c != '\n') r.cleaned += c;
    u = r.cleaned;
  }
  std::size_t colon = u.find(':');
  if (colon != npos && colon > 0 && ascii_alpha(u[0])) {
    bool ok = true;
    for (char c : u.substr(0, colon))
      ok = ok && (ascii_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.');
    if (ok) {
      r.scheme = u.substr(0, colon);
      if (std::any_of(r.scheme.begin(), r.scheme.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        for (char c : r.scheme) r.lower_scheme += ascii_lower(c);
        r.scheme = r.lower_scheme;
      }
      u = u.substr(colon + 1);
    }
  }
  if (u.substr(0, 2) == "//") {
    std::size_t delim = find_any(u, "/?#", 2);
    r.netloc = u.substr(2, delim == npos ? npos : delim - 2);
    u = delim == npos ? std::string_view() : u.substr(delim);
    bool open = r.netloc.find('[') != npos, close = r.netloc.find(']') != npos;
    if (open != close) return false;
    if (open && !check_bracketed_netloc(r.netloc)) return false;
  }
  if (auto hash = u.find('#'); hash != npos) {
    r.fragment = u.substr(hash + 1);
    u = u.substr(0, hash);
  }
  if (auto q = u.find('?'); q != npos) {
    r.query = u.substr(q + 1);
    u = u.substr(0, q);
  }
  r.path = u;
  return true;
}

bool uses_netloc(std::string_view scheme) {
  static constexpr std::string_view names[] = {
      "",     "ftp",    "http", "gopher", "nntp",  "telnet", "imap",    "wais", "file",
      "mms",  "https",  "shttp", "snews", "prospero", "rtsp", "rtspu", "rsync", "svn",
      "svn+ssh", "sftp", "nfs",  "git",   "git+ssh", "ws",   "wss"};
  for (auto n : names)
    if (n == scheme) return true;
  return false;
}

// A query name or value as smart_urlquote re-encodes it: parse_qsl turns '+' into a
// space and unquotes, smart_urlquote unquotes once more, urlencode applies quote_plus.
void append_query_part(std::string& out, std::string_view s) {
  if (std::none_of(s.begin(), s.end(), [](char c) { return c == '+' || c == '%'; })) {
    append_quoted_href(out, s, query_quoting);
    return;
  }
  std::string spaced(s), once, twice;
  std::replace(spaced.begin(), spaced.end(), '+', ' ');
  append_quoted_href(out, unquoted(unquoted(spaced, once), twice), query_quoting);
}

// urlencode(parse_qsl(query, keep_blank_values=True)) with its '?', if any pair is left.
void append_query(std::string& out, std::string_view query) {
  bool first = true;
  for (std::size_t start = 0; start <= query.size();) {
    std::size_t amp = query.find('&', start);
    std::string_view pair = query.substr(start, amp == npos ? npos : amp - start);
    start = amp == npos ? query.size() + 1 : amp + 1;
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    out += first ? "?" : "&amp;";
    first = false;
    append_query_part(out, pair.substr(0, eq));
    out += '=';
    append_query_part(out, eq == npos ? std::string_view() : pair.substr(eq + 1));
  }
}

}  // namespace

// escape(smart_urlquote(url)).
void append_smart_urlquoted(std::string& out, std::string_view url) {
  url_parts parts;
  std::string host_buf;
  std::optional<std::string_view> host;
  if (!urlsplit(url, parts) || !(host = idna_encode(parts.netloc, host_buf))) {
    append_unquote_quoted(out, url);  // urlsplit's ValueError or punycode's UnicodeError
    return;
  }
  std::string path_buf;
  // urlunsplit looks for '/' and "//" at the start of the quoted path; quote() keeps
  // '/', so the unquoted path answers the same.
  std::string_view path = unquoted(parts.path, path_buf);
  if (!parts.scheme.empty()) {
    out += parts.scheme;
    out += ':';
  }
  if (!host->empty() ||
      (!parts.scheme.empty() && uses_netloc(parts.scheme) && path.substr(0, 2) != "//")) {
    out += "//";
    append_html_escaped(out, *host);
    if (!path.empty() && path[0] != '/') out += '/';
  }
  append_quoted_href(out, path, segment_quoting);
  append_query(out, parts.query);
  if (!parts.fragment.empty()) {
    out += '#';
    append_unquote_quoted(out, parts.fragment);
  }
}

}  // namespace djust::tmpl::detail
