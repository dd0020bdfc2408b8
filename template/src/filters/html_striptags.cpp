// django.utils.html.strip_tags: a hand-written replica of Python's html.parser.HTMLParser
// (3.11, convert_charrefs=False) as Django's MLStripper drives it, repeated until stable.
#include <string>
#include <string_view>

#include "djust/template/error.hpp"
#include "filters/text_common.hpp"
#include "text_util.hpp"

namespace djust::tmpl::detail {

namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr int max_strip_tags_depth = 50;

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Byte length of the regex-\s code point at i (Unicode whitespace), or 0.
std::size_t space_len(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return py_isspace(b) ? 1 : 0;
  std::size_t j = i;
  return py_isspace(next_code_point(s, j)) ? j - i : 0;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (std::size_t n = space_len(s, i)) i += n;
  return i;
}

// Whether the code point ending at i is one of '"\s/ (the attribute lookbehind).
bool attr_lookbehind(std::string_view s, std::size_t i) {
  if (i == 0) return false;
  char c = s[i - 1];
  if (c == '\'' || c == '"' || c == '/') return true;
  std::size_t j = i;
  return py_isspace(prev_code_point(s, j));
}

// (?:\s|/(?!>))*
std::size_t skip_space_or_slash(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    if (std::size_t n = space_len(s, i)) {
      i += n;
    } else if (s[i] == '/' && !(i + 1 < s.size() && s[i + 1] == '>')) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

// \s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*), with the regex engine's backtracking;
// returns the end of the match or npos when the group does not match at i.
std::size_t match_attr_value(std::string_view s, std::size_t i) {
  std::size_t eq = skip_spaces(s, i);
  if (eq >= s.size() || s[eq] != '=') return npos;
  std::size_t eq_end = eq;
  while (eq_end < s.size() && s[eq_end] == '=') ++eq_end;
  std::size_t v = skip_spaces(s, eq_end);
  auto bare = [&](std::size_t k) {
    while (k < s.size() && s[k] != '>' && !space_len(s, k)) ++k;
    return k;
  };
  if (v < s.size() && (s[v] == '\'' || s[v] == '"')) {
    std::size_t close = s.find(s[v], v + 1);
    if (close != npos) return close + 1;
    if (v > eq_end) return v;  // backtrack: an empty bare value before the whitespace's end
    if (eq_end - eq > 1) return bare(eq_end - 1);  // backtrack: the last '=' starts a bare value
    return npos;
  }
  return bare(v);
}

// One attribute of attrfind_tolerant / locatestarttagend_tolerant at i, or npos.
std::size_t match_attr(std::string_view s, std::size_t i, bool trailing_space) {
  if (i >= s.size() || !attr_lookbehind(s, i)) return npos;
  if (space_len(s, i) || s[i] == '/' || s[i] == '>') return npos;
  std::size_t j = i;
  next_code_point(s, j);
  while (j < s.size() && !space_len(s, j) && s[j] != '/' && s[j] != '=' && s[j] != '>') ++j;
  std::size_t v = match_attr_value(s, j);
  if (v != npos) j = trailing_space ? skip_spaces(s, v) : v;
  return skip_space_or_slash(s, j);
}

// [a-zA-Z][^\t\n\r\f />\x00]* starting at i (s[i] is a letter).
std::size_t tag_name_end(std::string_view s, std::size_t i) {
  ++i;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == ' ' || c == '/' || c == '>' ||
        c == '\0')
      break;
    ++i;
  }
  return i;
}

std::size_t find_comment_close(std::string_view s, std::size_t from) {  // --\s*>
  for (std::size_t p = s.find("--", from); p != npos; p = s.find("--", p + 1)) {
    std::size_t k = skip_spaces(s, p + 2);
    if (k < s.size() && s[k] == '>') return k + 1;
  }
  return npos;
}

// ]\s*]\s*> (two brackets) or ]\s*> (one), returning the end of the match.
std::size_t find_section_close(std::string_view s, std::size_t from, bool two) {
  for (std::size_t p = s.find(']', from); p != npos; p = s.find(']', p + 1)) {
    std::size_t k = skip_spaces(s, p + 1);
    if (two) {
      if (k >= s.size() || s[k] != ']') continue;
      k = skip_spaces(s, k + 1);
    }
    if (k < s.size() && s[k] == '>') return k + 1;
  }
  return npos;
}

class stripper {
 public:
  explicit stripper(std::string_view s) : raw_(s) {}

  std::string run() {
    goahead(false);
    goahead(true);
    return std::move(out_);
  }

 private:
  std::string_view raw_;
  std::size_t i_ = 0;
  std::string out_;
  std::string cdata_;  // the open script/style element, lowercased

  // In CDATA mode, interesting = re.compile(r'</\s*%s\s*>' % cdata, re.I).
  std::size_t find_cdata_end(std::size_t from) const {
    for (std::size_t p = raw_.find("</", from); p != npos; p = raw_.find("</", p + 1)) {
      std::size_t k = skip_spaces(raw_, p + 2);
      if (raw_.size() - k < cdata_.size()) return npos;
      bool same = true;
      for (std::size_t n = 0; n < cdata_.size() && same; ++n) {
        char c = raw_[k + n];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        same = c == cdata_[n];
      }
      if (!same) continue;
      k = skip_spaces(raw_, k + cdata_.size());
      if (k < raw_.size() && raw_[k] == '>') return p;
    }
    return npos;
  }

  void goahead(bool end) {
    std::string_view s = raw_;
    std::size_t n = s.size();
    std::size_t& i = i_;
    while (i < n) {
      std::size_t j;
      if (cdata_.empty()) {
        j = i;
        while (j < n && s[j] != '&' && s[j] != '<') ++j;
      } else {
        j = find_cdata_end(i);
        if (j == npos) break;
      }
      if (i < j) out_.append(s, i, j - i);
      i = j;
      if (i == n) break;
      if (s[i] == '<') {
        std::ptrdiff_t k;
        if (i + 1 < n && is_alpha(s[i + 1])) {
          k = parse_starttag(i);
        } else if (s.substr(i, 2) == "</") {
          k = parse_endtag(i);
        } else if (s.substr(i, 4) == "<!--") {
          k = to_k(find_comment_close(s, i + 4));
        } else if (s.substr(i, 2) == "<?") {
          std::size_t gt = s.find('>', i + 2);
          k = gt == npos ? -1 : static_cast<std::ptrdiff_t>(gt + 1);
        } else if (s.substr(i, 2) == "<!") {
          k = parse_html_declaration(i);
        } else if (i + 1 < n) {
          out_ += '<';
          k = static_cast<std::ptrdiff_t>(i + 1);
        } else {
          break;
        }
        if (k < 0) {
          if (!end) break;
          std::size_t e = s.find('>', i + 1);
          if (e == npos) {
            e = s.find('<', i + 1);
            if (e == npos) e = i + 1;
          } else {
            ++e;
          }
          out_.append(s, i, e - i);
          k = static_cast<std::ptrdiff_t>(e);
        }
        i = static_cast<std::size_t>(k);
      } else if (s.substr(i, 2) == "&#") {
        std::size_t t = match_charref(i);
        if (t != npos) {
          out_ += "&#";
          out_.append(s, i + 2, t - (i + 2));
          out_ += ';';
          i = s[t] == ';' ? t + 1 : t;
          continue;
        }
        if (s.find(';', i) != npos) {  // bail by consuming "&#"
          out_ += "&#";
          i += 2;
        }
        break;
      } else {  // '&'
        std::size_t t = match_entityref(i);
        if (t != npos) {
          out_ += '&';
          out_.append(s, i + 1, t - (i + 1));
          out_ += ';';
          i = s[t] == ';' ? t + 1 : t;
          continue;
        }
        if (i + 1 < n && (is_alpha(s[i + 1]) || s[i + 1] == '#')) {  // incomplete
          if (end && i + 2 == n) ++i;
          break;
        }
        if (i + 1 < n) {
          out_ += '&';
          ++i;
        } else {
          break;
        }
      }
    }
    if (end && i < n && cdata_.empty()) {
      out_.append(s, i, n - i);
      i = n;
    }
  }

  static std::ptrdiff_t to_k(std::size_t pos) {
    return pos == npos ? -1 : static_cast<std::ptrdiff_t>(pos);
  }

  // &#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]: where the terminator starts, or npos.
  std::size_t match_charref(std::size_t i) const {
    std::string_view s = raw_;
    std::size_t k = i + 2;
    if (k < s.size() && is_digit(s[k])) {
      while (k < s.size() && is_digit(s[k])) ++k;
      if (k < s.size() && !is_hex(s[k])) return k;
    }
    k = i + 2;
    if (k < s.size() && (s[k] == 'x' || s[k] == 'X')) {
      ++k;
      std::size_t start = k;
      while (k < s.size() && is_hex(s[k])) ++k;
      if (k > start && k < s.size()) return k;
    }
    return npos;
  }

  // &([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9] with the regex's backtracking at the end
  // of input: where the terminator starts, or npos.
  std::size_t match_entityref(std::size_t i) const {
    std::string_view s = raw_;
    std::size_t p = i + 1;
    if (p >= s.size() || !is_alpha(s[p])) return npos;
    std::size_t e = p + 1;
    while (e < s.size() && (is_alnum(s[e]) || s[e] == '-' || s[e] == '.')) ++e;
    if (e < s.size()) return e;
    for (std::size_t t = e - 1; t > p; --t)
      if (s[t] == '-' || s[t] == '.') return t;
    return npos;
  }

  std::ptrdiff_t check_for_whole_start_tag(std::size_t i) const {
    std::string_view s = raw_;
    std::size_t j = tag_name_end(s, i + 1);
    while (j < s.size()) {  // [\s/]*
      if (s[j] == '/') {
        ++j;
      } else if (std::size_t n = space_len(s, j)) {
        j += n;
      } else {
        break;
      }
    }
    for (std::size_t a; (a = match_attr(s, j, true)) != npos;) j = a;
    j = skip_spaces(s, j);
    if (j >= s.size()) return -1;
    char next = s[j];
    if (next == '>') return static_cast<std::ptrdiff_t>(j + 1);
    if (next == '/') {
      if (j + 1 < s.size() && s[j + 1] == '>') return static_cast<std::ptrdiff_t>(j + 2);
      return -1;
    }
    if (is_alpha(next) || next == '=' || next == '/') return -1;
    return static_cast<std::ptrdiff_t>(j > i ? j : i + 1);
  }

  std::ptrdiff_t parse_starttag(std::size_t i) {
    std::ptrdiff_t endpos_signed = check_for_whole_start_tag(i);
    if (endpos_signed < 0) return endpos_signed;
    auto endpos = static_cast<std::size_t>(endpos_signed);
    std::string_view s = raw_;
    std::size_t name_end = tag_name_end(s, i + 1);
    std::size_t k = skip_space_or_slash(s, name_end);
    while (k < endpos) {
      std::size_t a = match_attr(s, k, false);
      if (a == npos) break;
      k = a;
    }
    std::string_view rest = k < endpos ? py_strip(s.substr(k, endpos - k)) : std::string_view();
    if (rest != ">" && rest != "/>") {
      out_.append(s, i, endpos - i);
      return endpos_signed;
    }
    if (rest == ">") {
      std::string tag = py_lower(s.substr(i + 1, name_end - (i + 1)));
      if (tag == "script" || tag == "style") cdata_ = tag;
    }
    return endpos_signed;
  }

  std::ptrdiff_t parse_endtag(std::size_t i) {
    std::string_view s = raw_;
    std::size_t gt = s.find('>', i + 1);
    if (gt == npos) return -1;
    std::size_t gtpos = gt + 1;
    // endtagfind: </\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>
    std::size_t p = skip_spaces(s, i + 2);
    bool matched = false;
    std::size_t name_begin = p, name_end = p;
    if (p < s.size() && is_alpha(s[p])) {
      std::size_t e = p + 1;
      while (e < s.size() && (is_alnum(s[e]) || s[e] == '-' || s[e] == '.' || s[e] == ':' ||
                              s[e] == '_'))
        ++e;
      name_end = e;
      std::size_t q = skip_spaces(s, e);
      matched = q < s.size() && s[q] == '>';
    }
    if (!matched) {
      if (!cdata_.empty()) {
        out_.append(s, i, gtpos - i);
        return static_cast<std::ptrdiff_t>(gtpos);
      }
      if (i + 2 < s.size() && is_alpha(s[i + 2])) {
        std::size_t name_stop = skip_space_or_slash(s, tag_name_end(s, i + 2));
        return static_cast<std::ptrdiff_t>(s.find('>', name_stop) + 1);
      }
      if (s.substr(i, 3) == "</>") return static_cast<std::ptrdiff_t>(i + 3);
      std::size_t bogus = s.find('>', i + 2);
      return bogus == npos ? -1 : static_cast<std::ptrdiff_t>(bogus + 1);
    }
    if (!cdata_.empty()) {
      std::string elem;
      for (std::size_t e = name_begin; e < name_end; ++e)
        elem += static_cast<char>(s[e] >= 'A' && s[e] <= 'Z' ? s[e] - 'A' + 'a' : s[e]);
      if (elem != cdata_) {
        out_.append(s, i, gtpos - i);
        return static_cast<std::ptrdiff_t>(gtpos);
      }
    }
    cdata_.clear();
    return static_cast<std::ptrdiff_t>(gtpos);
  }

  std::ptrdiff_t parse_html_declaration(std::size_t i) {
    std::string_view s = raw_;
    if (s.substr(i, 3) == "<![") {
      // _scan_name: [a-zA-Z][-_.a-zA-Z0-9]*\s*
      std::size_t p = i + 3;
      if (p == s.size()) return -1;
      if (!is_alpha(s[p])) throw filter_error("expected name token in marked section");
      std::size_t e = p + 1;
      while (e < s.size() && (is_alnum(s[e]) || s[e] == '-' || s[e] == '_' || s[e] == '.')) ++e;
      std::size_t after = skip_spaces(s, e);
      if (after == s.size()) return -1;
      std::string name = py_lower(s.substr(p, e - p));
      std::size_t close;
      if (name == "temp" || name == "cdata" || name == "ignore" || name == "include" ||
          name == "rcdata") {
        close = find_section_close(s, i + 3, true);
      } else if (name == "if" || name == "else" || name == "endif") {
        close = find_section_close(s, i + 3, false);
      } else {
        throw filter_error("unknown status keyword in marked section");
      }
      return to_k(close);
    }
    if (s.size() - i >= 9 && py_lower(s.substr(i, 9)) == "<!doctype") {
      std::size_t gt = s.find('>', i + 9);
      return gt == npos ? -1 : static_cast<std::ptrdiff_t>(gt + 1);
    }
    std::size_t gt = s.find('>', i + 2);
    return gt == npos ? -1 : static_cast<std::ptrdiff_t>(gt + 1);
  }
};

std::size_t count_lt(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += c == '<';
  return n;
}

// Django refuses (SuspiciousOperation) a tag left open for 1000+ characters that
// holds 50+ '<': re "<[a-zA-Z][^>]{1000,}".
void check_long_open_tags(std::string_view s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '<' || !is_alpha(s[i + 1])) continue;
    std::size_t gt = s.find('>', i + 2);
    std::size_t stop = gt == npos ? s.size() : gt;
    if (stop - (i + 2) < 1000 || code_point_count(s.substr(i + 2, stop - (i + 2))) < 1000) continue;
    if (count_lt(s.substr(i, stop - i)) >= max_strip_tags_depth)
      throw filter_error("SuspiciousOperation: too many nested tags");
    i = stop - 1;
  }
}

}  // namespace

std::string strip_tags(std::string_view input) {
  check_long_open_tags(input);
  std::string value(input);
  int depth = 0;
  while (value.find('<') != std::string::npos && value.find('>') != std::string::npos) {
    if (depth >= max_strip_tags_depth) throw filter_error("SuspiciousOperation: strip_tags depth");
    std::string next = stripper(value).run();
    if (count_lt(value) == count_lt(next)) break;
    value = std::move(next);
    ++depth;
  }
  return value;
}

}  // namespace djust::tmpl::detail
