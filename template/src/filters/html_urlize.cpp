// urlize and urlizetrunc: django.utils.html.urlize with hand-written scanners for its
// regexes (the urllib pieces it relies on: url_quote.hpp). Words and URL parts are
// string_views, and each link (its href quoted and HTML-escaped on the way) is written
// straight into the output; copies are left to the rare inputs that need them
// (character references, %-escapes, non-ASCII hosts).
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "filters/ascii_case.hpp"
#include "filters/text_common.hpp"
#include "filters/url_quote.hpp"
#include "text_util.hpp"

namespace djust::tmpl::detail {

namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr std::size_t max_url_length = 2048;
constexpr std::string_view ellipsis = "\xE2\x80\xA6";

std::size_t count_of(std::string_view s, char c) {
  std::size_t n = 0;
  for (char x : s) n += x == c;
  return n;
}

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
