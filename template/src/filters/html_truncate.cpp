// truncatechars_html and truncatewords_html: Django's Truncator._truncate_html, with its
// regexes (re_chars, WordsRegex, re_tag) replaced by scanners that match the same text.
#include <string>
#include <string_view>
#include <vector>

#include "filters/text_common.hpp"
#include "text_util.hpp"

namespace djust::tmpl::detail {

namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr std::size_t max_length_html = 5'000'000;  // Truncator.MAX_LENGTH_HTML (characters)

bool space_at(std::string_view s, std::size_t i, std::size_t& next) {
  next = i;
  return py_isspace(next_code_point(s, next));
}

// One step of the scan: either a counted unit (a character or a word) or a tag-like
// "<...>" piece.
struct piece {
  std::size_t begin, end;
  bool counted;
};

// re_chars = r'<[^>]+?>|(.)' (re.S), searched from pos (it always matches there).
bool next_char_piece(std::string_view s, std::size_t pos, piece& p) {
  if (pos >= s.size()) return false;
  if (s[pos] == '<' && pos + 1 < s.size() && s[pos + 1] != '>') {
    std::size_t gt = s.find('>', pos + 2);
    if (gt != npos) {
      p = {pos, gt + 1, false};
      return true;
    }
  }
  std::size_t end = pos;
  next_code_point(s, end);
  p = {pos, end, true};
  return true;
}

// Django's WordsRegex.search: "<" (a tag up to the next ">") or a run of [^<>\s].
bool find_word_from(std::string_view s, std::size_t pos, piece& p) {
  std::size_t i = pos;
  while (i < s.size()) {
    std::size_t next;
    if (s[i] == '<' || s[i] == '>' || space_at(s, i, next)) {
      i = s[i] == '<' || s[i] == '>' ? i + 1 : next;
      continue;
    }
    std::size_t e = i;
    while (e < s.size() && s[e] != '<' && s[e] != '>' && !space_at(s, e, next)) e = next;
    p = {i, e, true};
    return true;
  }
  return false;
}

bool next_word_piece(std::string_view s, std::size_t pos, piece& p) {
  std::size_t i = pos;
  while (i < s.size()) {
    std::size_t next;
    if (s[i] == '<') break;
    if (s[i] == '>' || space_at(s, i, next)) {
      i = s[i] == '>' ? i + 1 : next;
      continue;
    }
    return find_word_from(s, i, p);
  }
  if (i >= s.size()) return false;
  std::size_t gt = s.find('>', i + 1);
  if (gt == npos) return find_word_from(s, pos + 1, p);  // an unclosed "<" is skipped
  p = {i, gt + 1, false};
  return true;
}

// re_tag = r'<(/)?(\S+?)(?:(\s*/)|\s.*?)?>' on "<inner>": the tag name and flags.
bool match_tag_body(std::string_view b, std::string_view& name, bool& self_closing) {
  for (std::size_t q = 0; q < b.size();) {
    std::size_t next;
    if (space_at(b, q, next)) return false;  // \S+? cannot cross whitespace
    q = next;
    std::string_view rest = b.substr(q);
    if (rest.empty()) {
      name = b.substr(0, q);
      self_closing = false;
      return true;
    }
    std::size_t k = 0;
    while (k < rest.size() && space_at(rest, k, next)) k = next;
    if (k + 1 == rest.size() && rest[k] == '/') {
      name = b.substr(0, q);
      self_closing = true;
      return true;
    }
    if (k > 0) {
      name = b.substr(0, q);
      self_closing = false;
      return true;
    }
  }
  return false;
}

bool match_tag(std::string_view tag, bool& closing, std::string_view& name, bool& self_closing) {
  std::string_view inner = tag.substr(1, tag.size() - 2);
  if (!inner.empty() && inner[0] == '/' && match_tag_body(inner.substr(1), name, self_closing)) {
    closing = true;
    return true;
  }
  closing = false;
  return match_tag_body(inner, name, self_closing);
}

bool is_html4_singlet(std::string_view t) {
  return t == "br" || t == "col" || t == "link" || t == "base" || t == "img" || t == "param" ||
         t == "area" || t == "hr" || t == "input";
}

std::string truncate_html(std::string text, std::int64_t length, std::int64_t truncate_len,
                          bool words, std::string_view truncate_text) {
  if (words && length <= 0) return {};
  bool size_limited = false;
  if (text.size() > max_length_html && code_point_count(text) > max_length_html) {
    text.resize(byte_offset_of(text, max_length_html));
    size_limited = true;
  }
  std::string_view s = text;
  std::size_t pos = 0, end_text_pos = 0;
  std::int64_t current_len = 0;
  std::vector<std::string> open_tags;  // innermost last
  piece p;
  while (current_len <= length) {
    if (!(words ? next_word_piece(s, pos, p) : next_char_piece(s, pos, p))) break;
    pos = p.end;
    if (p.counted) {
      ++current_len;
      if (current_len == truncate_len) end_text_pos = pos;
      continue;
    }
    bool closing, self_closing;
    std::string_view name;
    if (!match_tag(s.substr(p.begin, p.end - p.begin), closing, name, self_closing) ||
        current_len >= truncate_len)
      continue;
    std::string tag = py_lower(name);
    if (self_closing || is_html4_singlet(tag)) continue;
    if (closing) {
      if (!open_tags.empty() && open_tags.back() == tag) open_tags.pop_back();
    } else {
      open_tags.push_back(std::move(tag));
    }
  }
  if (current_len <= length) {
    if (size_limited) text += truncate_text;
    return text;
  }
  std::string out(s.substr(0, end_text_pos));
  out += truncate_text;
  for (auto it = open_tags.rbegin(); it != open_tags.rend(); ++it) {
    out += "</";
    out += *it;
    out += '>';
  }
  return out;
}

value truncatechars_html(const value& in, const value* arg, const filter_env&) {
  auto length = py_int_or_value_error(*arg);
  if (!length) return in;  // Django fails silently on a non-integer
  return truncate_html(nfc(in.as_string()), *length, *length - 1, false, "\xE2\x80\xA6");
}

value truncatewords_html(const value& in, const value* arg, const filter_env&) {
  auto length = py_int_or_value_error(*arg);
  if (!length) return in;
  return truncate_html(in.as_string(), *length, *length, true, " \xE2\x80\xA6");
}

filter_def string_filter(filter_fn fn) {
  filter_def d;
  d.fn = std::move(fn);
  d.arg = filter_arg::required;
  d.is_safe = true;
  d.string_input = true;
  return d;
}

}  // namespace

void register_truncate_html_filters(library& lib) {
  lib.add_filter("truncatechars_html", string_filter(truncatechars_html));
  lib.add_filter("truncatewords_html", string_filter(truncatewords_html));
}

}  // namespace djust::tmpl::detail
