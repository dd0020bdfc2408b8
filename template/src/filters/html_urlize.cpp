// urlize and urlizetrunc: django.utils.html.urlize with hand-written scanners for its
// regexes, plus the urllib pieces it relies on (urlsplit, quote/unquote, IDNA). Words
// and URL parts are string_views, and each link (its href quoted and HTML-escaped on
// the way) is written straight into the output; copies are left to the rare inputs
// that need them (character references, %-escapes, non-ASCII hosts).
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "filters/text_common.hpp"
#include "text_util.hpp"

namespace djust::tmpl::detail {

namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr std::size_t max_url_length = 2048;
constexpr std::string_view ellipsis = "\xE2\x80\xA6";

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool istarts_with(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (ascii_lower(s[i]) != prefix[i]) return false;
  return true;
}

// s.find_first_of(chars, from) as one memchr per char: libstdc++'s makes one call
// per byte of `s`.
std::size_t find_any(std::string_view s, std::string_view chars, std::size_t from = 0) {
  std::size_t first = npos;
  for (char c : chars) first = std::min(first, s.find(c, from));
  return first;
}

std::size_t count_of(std::string_view s, char c) {
  std::size_t n = 0;
  for (char x : s) n += x == c;
  return n;
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

// escape(smart_urlquote(url)): each part is quoted straight into the href, and
// urlunsplit's joining is done on the way.
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

// ---- urlize proper ----

// lead, middle and trail as Django's trim_punctuation leaves them. They view the word,
// or the buffers where entities made Django's slicing copy text.
struct trimmed_word {
  std::string_view lead, middle, trail;
  bool entities = false;  // html.unescape changes the word (so maybe the middle)
  std::string lead_buf, middle_buf, trail_buf;
};

constexpr std::pair<char, char> wrapping_punctuation[] = {{'(', ')'}, {'[', ']'}};

bool trailing_punctuation(char c) {
  return c == '.' || c == ',' || c == ':' || c == ';' || c == '!';
}

// Whether `middle`, ending with `closing`, holds one more `closing` than `opening`.
bool unbalanced_close(std::string_view middle, char opening, char closing) {
  return !middle.empty() && middle.back() == closing &&
         count_of(middle, closing) == count_of(middle, opening) + 1;
}

// trim_punctuation for a word that html.unescape leaves alone: the lead and the trail
// are then a prefix and a suffix of the word.
void trim_punctuation_plain(std::string_view word, trimmed_word& w) {
  std::size_t begin = 0, end = word.size();
  bool trimmed = true;
  while (trimmed) {
    trimmed = false;
    for (auto [opening, closing] : wrapping_punctuation) {
      if (begin < end && word[begin] == opening) {
        ++begin;
        trimmed = true;
      }
      if (unbalanced_close(word.substr(begin, end - begin), opening, closing)) {
        --end;
        trimmed = true;
      }
    }
    while (end > begin && trailing_punctuation(word[end - 1])) {
      --end;
      trimmed = true;
    }
  }
  w.lead = word.substr(0, begin);
  w.middle = word.substr(begin, end - begin);
  w.trail = word.substr(end);
}

// trim_punctuation for a word with character references: the trailing punctuation is
// found in the unescaped text, and Django slices the escaped text with the unescaped
// lengths (sic).
void trim_punctuation_entities(std::string_view word, trimmed_word& w) {
  std::string &lead = w.lead_buf, &middle = w.middle_buf, &trail = w.trail_buf;
  middle = word;
  bool trimmed = true;
  while (trimmed) {
    trimmed = false;
    for (auto [opening, closing] : wrapping_punctuation) {
      if (!middle.empty() && middle.front() == opening) {
        middle.erase(0, 1);
        lead += opening;
        trimmed = true;
      }
      if (unbalanced_close(middle, opening, closing)) {
        middle.pop_back();
        trail.insert(trail.begin(), closing);
        trimmed = true;
      }
    }
    std::string unescaped = html_unescape(middle);
    std::size_t end = unescaped.find_last_not_of(".,:;!");
    end = end == npos ? 0 : end + 1;
    if (end != unescaped.size()) {
      std::size_t stripped_len = code_point_count(std::string_view(unescaped).substr(0, end));
      std::size_t removed = code_point_count(std::string_view(unescaped).substr(end));
      trail.insert(0, middle, byte_offset_of(middle, stripped_len));
      std::size_t middle_len = code_point_count(middle);
      middle.resize(removed >= middle_len ? 0 : byte_offset_of(middle, middle_len - removed));
      trimmed = true;
    }
  }
  w.lead = lead;
  w.middle = middle;
  w.trail = trail;
}

// Django's trim_punctuation: moves wrapping and trailing punctuation to lead/trail.
// When html.unescape leaves the word alone (a '&' in a query string, say) it leaves
// every trimmed middle alone too: trimming drops '(' and '[' before any '&' and
// shortens the last reference-like run, and a run that names no entity has no prefix
// that does.
void trim_punctuation(std::string_view word, trimmed_word& w) {
  w.entities = word.find('&') != npos && html_unescape(word) != word;
  if (w.entities) {
    trim_punctuation_entities(word, w);
  } else {
    trim_punctuation_plain(word, w);
  }
}

bool is_email_simple(std::string_view v) {
  if (v.empty() || v.front() == '@' || v.back() == '@') return false;
  auto at = v.find('@');
  if (at == npos || v.find('@', at + 1) != npos) return false;
  std::string_view domain = v.substr(at + 1);
  if (domain.size() > 63 && code_point_count(domain) > 63) return false;
  return domain.find('.') != npos && domain.front() != '.';
}

// re r'^https?://\[?\w' (IGNORECASE)
bool simple_url(std::string_view m) {
  std::size_t i;
  if (istarts_with(m, "https://")) {
    i = 8;
  } else if (istarts_with(m, "http://")) {
    i = 7;
  } else {
    return false;
  }
  if (i < m.size() && m[i] == '[') ++i;
  if (i >= m.size()) return false;
  return py_isword(next_code_point(m, i));
}

// Whether `s` starts with one of simple_url_2's seven gTLDs, in any case.
bool starts_with_gtld(std::string_view s) {
  if (s.size() < 3) return false;
  char t[3] = {ascii_lower(s[0]), ascii_lower(s[1]), ascii_lower(s[2])};
  for (std::string_view tld : {"com", "edu", "gov", "int", "mil", "net", "org"})
    if (std::string_view(t, 3) == tld) return true;
  return false;
}

// re r'^www\.|^(?!http)\w[^@]+\.(com|edu|gov|int|mil|net|org)($|/.*)$' (IGNORECASE)
bool simple_url_2(std::string_view m) {
  if (istarts_with(m, "www.")) return true;
  if (istarts_with(m, "http") || m.empty()) return false;
  std::size_t i = 0;
  if (!py_isword(next_code_point(m, i))) return false;
  std::size_t at = m.find('@', i);
  for (std::size_t dot = m.find('.', i + 1); dot != npos && dot < at; dot = m.find('.', dot + 1)) {
    if (!starts_with_gtld(m.substr(dot + 1))) continue;
    if (dot + 4 == m.size() || m[dot + 4] == '/') return true;
  }
  return false;
}

// Bytes as re r'[\s<>"\']' sees them: ASCII word characters, ASCII separators (Python's
// ASCII whitespace, angle brackets, quotes), and non-ASCII bytes, whose code point decides.
enum class byte_kind : std::uint8_t { word, separator, non_ascii };

constexpr std::array<byte_kind, 256> byte_kinds = [] {
  std::array<byte_kind, 256> t{};
  for (int b = 0x80; b < 0x100; ++b) t[b] = byte_kind::non_ascii;
  for (char c : std::string_view(" \t\n\v\f\r\x1c\x1d\x1e\x1f<>\"'"))
    t[static_cast<unsigned char>(c)] = byte_kind::separator;
  return t;
}();

// The end of the run of separators (`separators` true) or of word characters that
// starts at byte i.
std::size_t run_end(std::string_view s, std::size_t i, bool separators) {
  const byte_kind same = separators ? byte_kind::separator : byte_kind::word;
  while (i < s.size()) {
    byte_kind kind = byte_kinds[static_cast<unsigned char>(s[i])];
    if (kind == same) {
      ++i;
      continue;
    }
    if (kind != byte_kind::non_ascii) break;
    std::size_t next = i;
    if (py_isspace(next_code_point(s, next)) != separators) break;
    i = next;
  }
  return i;
}

void append_plain(std::string& out, std::string_view word, bool escape) {
  if (word.empty()) return;  // lead, trail and pending text mostly are
  if (escape) {
    append_html_escaped(out, word);
  } else {
    out += word;
  }
}

// Django's test ('.', '@' or ':' in the word), then a necessary condition for a link
// in one pass: the trimmed word is a substring of the word, and each of the three
// link patterns needs "http", "www.", a ".tld" or an "@" (in any case).
bool may_be_link(std::string_view word) {
  if (std::none_of(word.begin(), word.end(), [](char c) { return c == '.' || c == '@' || c == ':'; }))
    return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    switch (ascii_lower(word[i])) {
      case '@': return true;
      case 'h': if (istarts_with(word.substr(i), "http")) return true; break;
      case 'w': if (istarts_with(word.substr(i), "www.")) return true; break;
      case '.': if (starts_with_gtld(word.substr(i + 1))) return true; break;
      default: break;
    }
  }
  return false;
}

// byte_offset_of(s, n), decoding code points only after the leading ASCII bytes.
std::size_t code_point_offset(std::string_view s, std::size_t n) {
  std::size_t i = 0, end = std::min(n, s.size());
  for (std::uint64_t chunk; i + 8 <= end; i += 8) {  // 8 bytes at a time, none with the top bit
    std::memcpy(&chunk, s.data() + i, 8);
    if (chunk & 0x8080808080808080u) break;
  }
  while (i < end && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i == end ? i : i + byte_offset_of(s.substr(i), n - i);
}

// len(s) <= n, counting code points only when the bytes do not settle it.
bool at_most_code_points(std::string_view s, std::size_t n) {
  return s.size() <= n || (s.size() <= n * 4 && code_point_offset(s, n) == s.size());
}

// Which of urlize's three patterns the trimmed word matches.
enum class link_kind { none, url, bare_url, email };

link_kind classify(std::string_view middle) {
  bool short_enough = at_most_code_points(middle, max_url_length);
  if (short_enough && simple_url(middle)) return link_kind::url;
  if (short_enough && simple_url_2(middle)) return link_kind::bare_url;
  if (middle.find(':') == npos && is_email_simple(middle)) return link_kind::email;
  return link_kind::none;
}

// escape(smart_urlquote(html.unescape(middle))), with "http://" in front for a bare URL.
void append_url_href(std::string& out, std::string_view middle, bool entities, link_kind kind) {
  if (kind == link_kind::url && !entities) {
    append_smart_urlquoted(out, middle);
    return;
  }
  std::string url = kind == link_kind::bare_url ? "http://" : "";
  if (entities) {
    url += html_unescape(middle);
  } else {
    url += middle;
  }
  append_smart_urlquoted(out, url);
}

// trim_url: the text of the link, cut to limit - 1 code points and an ellipsis when
// it is longer than the limit (a negative one means no limit).
void append_link_text(std::string& out, std::string_view middle, std::int64_t limit, bool escape) {
  auto n = static_cast<std::size_t>(limit);
  if (limit < 0 || at_most_code_points(middle, n)) {
    append_plain(out, middle, escape);
    return;
  }
  append_plain(out, middle.substr(0, code_point_offset(middle, n > 0 ? n - 1 : 0)), escape);
  out += ellipsis;
}

struct urlize_options {
  std::int64_t limit;  // urlizetrunc's, or -1
  bool escape_plain;   // autoescape on and the input not safe
};

// If `word` becomes a link, or stays raw, appends the pending text before it and then
// the word's output, and returns true; returns false when the word is plain text.
bool urlize_word(std::string& out, std::string_view pending, std::string_view word,
                 const urlize_options& opt) {
  if (!may_be_link(word)) return false;
  trimmed_word w;
  trim_punctuation(word, w);
  link_kind kind = classify(w.middle);
  if (kind == link_kind::none) return false;
  std::string_view local, domain;  // an e-mail's parts, the domain IDNA-encoded
  std::string domain_buf;
  if (kind == link_kind::email) {
    auto at = w.middle.rfind('@');
    auto encoded = idna_encode(w.middle.substr(at + 1), domain_buf);
    if (!encoded) {
      // Django's `continue`: the word is left exactly as it was, not even escaped.
      append_plain(out, pending, opt.escape_plain);
      out += word;
      return true;
    }
    local = w.middle.substr(0, at);
    domain = *encoded;
  }
  append_plain(out, pending, opt.escape_plain);
  append_plain(out, w.lead, opt.escape_plain);
  out += "<a href=\"";
  if (kind == link_kind::email) {
    out += "mailto:";
    append_html_escaped(out, local);
    out += '@';
    append_html_escaped(out, domain);
    out += "\">";
  } else {
    append_url_href(out, w.middle, w.entities, kind);
    out += "\" rel=\"nofollow\">";
  }
  append_link_text(out, w.middle, opt.limit, opt.escape_plain);
  out += "</a>";
  append_plain(out, w.trail, opt.escape_plain);
  return true;
}

std::string urlize(std::string_view text, std::int64_t limit, bool safe_input, bool autoescape) {
  urlize_options opt{limit, !safe_input && autoescape};
  std::string out;
  // A link writes its word twice (href and text) with 34 bytes of markup.
  out.reserve(text.size() * 2 + 48);
  // re.split(r'([\s<>"\']+)'): words alternate with separator runs. Text that stays
  // text is copied (escaped) in one piece when the next link or the end comes.
  std::size_t i = 0, plain = 0;
  while (true) {
    std::size_t start = i;
    i = run_end(text, i, false);
    std::string_view pending = text.substr(plain, start - plain);
    if (urlize_word(out, pending, text.substr(start, i - start), opt)) plain = i;
    if (i >= text.size()) break;
    i = run_end(text, i, true);
  }
  append_plain(out, text.substr(plain), opt.escape_plain);
  return out;
}

value urlize_filter(const value& in, const value*, const filter_env& env) {
  return value::safe(urlize(in.as_string(), -1, in.is_safe(), env.autoescape));
}

value urlizetrunc(const value& in, const value* arg, const filter_env& env) {
  std::int64_t limit = py_int_arg(*arg);
  // trim_url: len(x) <= limit keeps x; a negative limit slices x[:max(0, limit - 1)].
  if (limit < 0) limit = 0;
  return value::safe(urlize(in.as_string(), limit, in.is_safe(), env.autoescape));
}

filter_def def(filter_fn fn, filter_arg arg) {
  filter_def d;
  d.fn = std::move(fn);
  d.arg = arg;
  d.is_safe = true;
  d.string_input = true;
  return d;
}

}  // namespace

void register_urlize_filters(library& lib) {
  lib.add_filter("urlize", def(urlize_filter, filter_arg::none));
  lib.add_filter("urlizetrunc", def(urlizetrunc, filter_arg::required));
}

}  // namespace djust::tmpl::detail
