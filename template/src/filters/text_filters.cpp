// Django's plain-string filters (case, padding, cutting, slugs, words, wrapping,
// truncation); registers the HTML ones from the html_*.cpp files too.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "djust/template/error.hpp"
#include "filters/builtin_filters.hpp"
#include "filters/text_common.hpp"
#include "text_util.hpp"

namespace djust::tmpl::detail {

namespace {

// str.center/ljust/rjust need the width; Python fails with MemoryError/OverflowError
// long before a width this large could be honoured.
constexpr std::int64_t max_pad_width = 100'000'000;

std::int64_t pad_width(const value* arg) {
  std::int64_t width = py_int_arg(*arg);
  if (width > max_pad_width) throw filter_error("width too large");
  return width;
}

value addslashes(const value& in, const value*, const filter_env&) {
  const std::string& s = in.as_string();
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    if (c == '\\' || c == '"' || c == '\'') out += '\\';
    out += c;
  }
  return out;
}

value capfirst(const value& in, const value*, const filter_env&) {
  const std::string& s = in.as_string();
  if (s.empty()) return in;
  std::string out;
  out.reserve(s.size() + 2);
  std::size_t i = 0;
  append_upper_char(out, next_code_point(s, i));
  out.append(s, i);
  return out;
}

value center(const value& in, const value* arg, const filter_env&) {
  const std::string& s = in.as_string();
  std::int64_t width = pad_width(arg);
  auto len = static_cast<std::int64_t>(code_point_count(s));
  std::int64_t marg = width - len;
  if (marg <= 0) return in;
  std::int64_t left = marg / 2 + (marg & width & 1);  // CPython's str.center rounding
  std::string out(static_cast<std::size_t>(left), ' ');
  out += s;
  out.append(static_cast<std::size_t>(marg - left), ' ');
  return out;
}

value ljust(const value& in, const value* arg, const filter_env&) {
  const std::string& s = in.as_string();
  std::int64_t width = pad_width(arg);
  auto len = static_cast<std::int64_t>(code_point_count(s));
  std::string out = s;
  if (width > len) out.append(static_cast<std::size_t>(width - len), ' ');
  return out;
}

value rjust(const value& in, const value* arg, const filter_env&) {
  const std::string& s = in.as_string();
  std::int64_t width = pad_width(arg);
  auto len = static_cast<std::int64_t>(code_point_count(s));
  std::string out;
  if (width > len) out.assign(static_cast<std::size_t>(width - len), ' ');
  out += s;
  return out;
}

value cut(const value& in, const value* arg, const filter_env&) {
  const value& a = arg->resolved();
  if (!a.is_string()) throw filter_error("replace() argument 1 must be str, not " + a.repr());
  const std::string& s = in.as_string();
  const std::string& needle = a.as_string();
  std::string out;
  if (needle.empty()) {
    out = s;
  } else {
    out.reserve(s.size());
    std::size_t start = 0;
    for (std::size_t pos; (pos = s.find(needle, start)) != std::string::npos;
         start = pos + needle.size())
      out.append(s, start, pos - start);
    out.append(s, start);
  }
  // Django keeps a safe input safe unless the cut character is ';' (entities could break).
  if (in.is_safe() && needle != ";") return value::safe(std::move(out));
  return out;
}

value lower(const value& in, const value*, const filter_env&) { return py_lower(in.as_string()); }
value upper(const value& in, const value*, const filter_env&) { return py_upper(in.as_string()); }

bool ascii_lower(char32_t c) { return c >= 'a' && c <= 'z'; }
bool ascii_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }

value title(const value& in, const value*, const filter_env&) {
  std::string t = py_title(in.as_string());
  // Both fix-ups only lowercase ASCII letters, so they work in place. Django lowercases
  // re "([a-z])'([A-Z])" matches ("they'Re" -> "they're") ...
  for (std::size_t i = 0; i + 2 < t.size();) {
    if (ascii_lower(t[i]) && t[i + 1] == '\'' && ascii_upper(t[i + 2])) {
      t[i + 2] = static_cast<char>(t[i + 2] - 'A' + 'a');
      i += 3;
    } else {
      ++i;
    }
  }
  // ... and r"\d([A-Z])" matches ("1St" -> "1st"), \d being any Unicode decimal digit.
  for (std::size_t i = 0; i < t.size();) {
    auto b = static_cast<unsigned char>(t[i]);
    bool digit;
    if (b < 0x80) {
      digit = b >= '0' && b <= '9';
      ++i;
    } else {
      digit = py_decimal(next_code_point(t, i)) >= 0;
    }
    if (digit && i < t.size() && ascii_upper(t[i])) {
      t[i] = static_cast<char>(t[i] - 'A' + 'a');
      ++i;
    }
  }
  return t;
}

value make_list(const value& in, const value*, const filter_env&) {
  const std::string& s = in.as_string();
  value_list items;
  items.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t begin = i;
    next_code_point(s, i);
    items.emplace_back(std::string(s, begin, i - begin));
  }
  return items;
}

value phone2numeric(const value& in, const value*, const filter_env&) {
  const value& v = in.resolved();
  if (!v.is_string()) throw filter_error(v.repr() + " has no attribute 'lower'");
  static constexpr char digits[] = "22233344455566677778889999";
  std::string out = py_lower(v.as_string());
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = digits[c - 'a'];
  return out;
}

value slugify(const value& in, const value*, const filter_env&) {
  // Per ASCII byte, once lowercased: 0 dropped (re [^\w\s-]), 1 part of a '-' run
  // (re [-\s]+), 2 kept.
  static constexpr auto kind = [] {
    std::array<std::uint8_t, 128> k{};
    for (int c = 0; c < 128; ++c) {
      bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      bool space = c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
      k[c] = word ? 2 : (space || c == '-') ? 1 : 0;
    }
    return k;
  }();
  const std::string& s = in.as_string();
  std::string out;
  out.reserve(s.size());
  bool in_dash_run = false;
  auto add = [&](char c) {
    if (kind[static_cast<unsigned char>(c)] == 2) {
      out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      in_dash_run = false;
    } else if (kind[static_cast<unsigned char>(c)] == 1 && !in_dash_run) {
      out += '-';
      in_dash_run = true;
    }
  };
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      add(s[i++]);
    } else {
      for (char c : ascii_fold_of(next_code_point(s, i))) add(c);  // NFKD, ASCII only
    }
  }
  std::size_t b = out.find_first_not_of("-_");
  if (b == std::string::npos) return std::string();
  out.resize(out.find_last_not_of("-_") + 1);
  out.erase(0, b);
  return out;
}

value wordcount(const value& in, const value*, const filter_env&) {
  py_words words(in.as_string());
  std::int64_t count = 0;
  for (std::string_view word; words.next(word);) ++count;
  return count;
}

// Python's str.splitlines(True) boundaries.
std::size_t line_break_length(std::string_view s, std::size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b == '\r') return i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
  if (b == '\n' || b == 0x0b || b == 0x0c || b == 0x1c || b == 0x1d || b == 0x1e) return 1;
  if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) return 2;
  if (b == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9))
    return 3;
  return 0;
}

struct chunk {
  std::string_view text;
  std::size_t length;  // code points
  bool blank;          // chunk.strip() == ''
};

// textwrap.TextWrapper(width, break_long_words=False, break_on_hyphens=False).wrap(line).
void wrap_line(std::string_view line, std::int64_t width, std::string& munged,
               std::vector<chunk>& chunks, std::vector<std::string>& lines) {
  // expandtabs(8) then every whitespace of '\t\n\x0b\x0c\r ' becomes ' '.
  munged.clear();
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t begin = i;
    char32_t c = next_code_point(line, i);
    if (c == '\t') {
      std::size_t n = 8 - column % 8;
      munged.append(n, ' ');
      column += n;
    } else if (c == '\n' || c == '\r' || c == 0x0b || c == 0x0c) {
      munged += ' ';
      column = c == 0x0b || c == 0x0c ? column + 1 : 0;
    } else {
      munged.append(line, begin, i - begin);
      ++column;
    }
  }
  chunks.clear();
  for (std::size_t i = 0; i < munged.size();) {
    std::size_t begin = i;
    bool space = munged[i] == ' ';
    std::size_t length = 0;
    bool blank = true;
    while (i < munged.size() && (munged[i] == ' ') == space) {
      char32_t c = next_code_point(munged, i);
      blank = blank && py_isspace(c);
      ++length;
    }
    chunks.push_back({std::string_view(munged).substr(begin, i - begin), length, blank});
  }
  if (width <= 0) throw filter_error("invalid width " + std::to_string(width) + " (must be > 0)");
  auto w = static_cast<std::size_t>(width);
  std::size_t next = 0, first_line = lines.size();
  while (next < chunks.size()) {
    if (chunks[next].blank && lines.size() > first_line) ++next;
    std::size_t begin = next, cur_len = 0;
    while (next < chunks.size() && cur_len + chunks[next].length <= w) cur_len += chunks[next++].length;
    if (next < chunks.size() && chunks[next].length > w && next == begin) ++next;  // long word
    std::size_t end = next;
    if (end > begin && chunks[end - 1].blank) --end;
    if (end > begin) {
      std::string out;
      for (std::size_t k = begin; k < end; ++k) out += chunks[k].text;
      lines.push_back(std::move(out));
    }
  }
}

value wordwrap(const value& in, const value* arg, const filter_env&) {
  std::int64_t width = py_int_arg(*arg);
  const std::string& s = in.as_string();
  std::vector<std::string> lines;
  std::string munged;
  std::vector<chunk> chunks;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t n = line_break_length(s, i)) {
      wrap_line(std::string_view(s).substr(start, i + n - start), width, munged, chunks, lines);
      i += n;
      start = i;
    } else {
      ++i;
    }
  }
  if (start < s.size()) wrap_line(std::string_view(s).substr(start), width, munged, chunks, lines);
  std::string out;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (k) out += '\n';
    out += lines[k];
  }
  return out;
}

// Truncator.chars(): NFC first, combining characters do not count, '…' takes one place.
value truncatechars(const value& in, const value* arg, const filter_env&) {
  auto length = py_int_or_value_error(*arg);
  if (!length) return in;  // Django fails silently on a non-integer
  const std::string& raw = in.as_string();
  if (std::all_of(raw.begin(), raw.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0xCC; })) {
    // Below U+0300 (lead bytes < 0xCC) text is NFC already and has no combining marks:
    // every code point counts, so only the length matters.
    if (static_cast<std::int64_t>(raw.size()) <= *length) return in;  // never more code points than bytes
    std::int64_t n = 0;
    const std::int64_t last = *length - 1;  // the code point the ellipsis replaces
    std::size_t cut = 0;
    for (std::size_t i = 0; i < raw.size();) {
      std::size_t end = ascii_run_end(raw, i);  // one code point a byte
      auto run = static_cast<std::int64_t>(end - i);
      if (last >= n && last < n + run) cut = i + static_cast<std::size_t>(last - n);
      n += run;
      i = end;
      if (i == raw.size()) break;
      if ((static_cast<unsigned char>(raw[i]) & 0xC0) != 0x80) {  // not a continuation byte
        if (n == last) cut = i;
        ++n;
      }
      ++i;
    }
    if (n <= *length || n == 0) return in;
    return raw.substr(0, *length >= 1 ? cut : 0) + "\xE2\x80\xA6";
  }
  std::string text = nfc(raw);
  std::int64_t truncate_len = *length - 1, s_len = 0;
  std::size_t end_index = 0;
  bool have_end = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t begin = i;
    char32_t c = next_code_point(text, i);
    if (combining_class(c)) continue;
    ++s_len;
    if (!have_end && s_len > truncate_len) {
      end_index = begin;
      have_end = true;
    }
    if (s_len > *length) return text.substr(0, end_index) + "\xE2\x80\xA6";
  }
  return text;
}

// truncatewords' words[:length] for the usual text, 16 bytes a step: words separated by
// single ' ' or '\n' bytes, nothing before the first. Sets `end` to where the kept words
// end, `more` to whether a word follows them and `newline` to whether a '\n' may be among
// the kept separators; false (decide nothing) for any other
// text: other whitespace or control bytes, lead bytes of possible Unicode whitespace
// (C2, E1, E2, E3), runs of separators, leading separators.
bool single_spaced_words(std::string_view text, std::int64_t length, std::size_t& end, bool& more,
                         bool& newline) {
#if defined(__SSE2__)
  if (length < 1) return false;
  const std::size_t n = text.size();
  std::int64_t words = 0;   // word starts seen so far
  newline = false;
  unsigned after_space = 1;  // the byte before this block is a separator (or the text starts)
  for (std::size_t i = 0; i < n; i += 16) {
    char block[16];
    unsigned valid = 0xFFFF;  // bit k: byte k is text, not padding
    if (i + 16 <= n) {
      std::memcpy(block, text.data() + i, 16);
    } else {
      std::memset(block, 'a', 16);
      std::memcpy(block, text.data() + i, n - i);
      valid = (1u << (n - i)) - 1;
    }
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
    auto is = [&b](int c) { return _mm_cmpeq_epi8(b, _mm_set1_epi8(static_cast<char>(c))); };
    __m128i newlines = is('\n');
    newline = newline || _mm_movemask_epi8(newlines) != 0;
    __m128i sep = _mm_or_si128(is(' '), newlines);
    __m128i below = _mm_cmpeq_epi8(_mm_min_epu8(b, _mm_set1_epi8(0x20)), b);  // b <= 0x20
    __m128i lead = _mm_or_si128(_mm_or_si128(is(0xC2), is(0xE1)), _mm_or_si128(is(0xE2), is(0xE3)));
    if (_mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(sep, below), lead))) return false;
    auto spaces = static_cast<unsigned>(_mm_movemask_epi8(sep));
    unsigned before = (spaces << 1) | after_space;  // bit k: byte k - 1 is a separator
    if (spaces & before & 0xFFFF) return false;  // a run of separators, or a leading one
    unsigned starts = ~spaces & before & valid;
    auto count = static_cast<std::int64_t>(__builtin_popcount(starts));
    if (words + count > length) {  // word length + 1 starts in this block
      for (std::int64_t k = words; k < length; ++k) starts &= starts - 1;
      end = i + static_cast<std::size_t>(__builtin_ctz(starts)) - 1;  // before its separator
      more = true;
      return true;
    }
    words += count;
    after_space = (spaces >> 15) & 1;
  }
  end = n;
  if (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;  // one trailing separator
  more = false;
  return true;
#else
  (void)text, (void)length, (void)end, (void)more, (void)newline;
  return false;
#endif
}

value truncatewords(const value& in, const value* arg, const filter_env&) {
  auto length = py_int_or_value_error(*arg);
  if (!length) return in;  // Django fails silently on a non-integer
  static constexpr std::string_view ellipsis = " \xE2\x80\xA6";
  const std::string& text = in.as_string();
  std::string out;
  out.reserve(text.size() + ellipsis.size());  // the words are never longer
  bool truncated;
  std::size_t end;
  bool newline;
  if (single_spaced_words(text, *length, end, truncated, newline)) {
    out.assign(text, 0, end);
    if (newline) std::replace(out.begin(), out.end(), '\n', ' ');
  } else if (*length >= 0) {
    // words[:length]; a word after those means the text was truncated. While the words
    // are text[0, end) separated by single bytes (ASCII whitespace), that prefix is the
    // output once those bytes (a few, noted in `other`) are spaces.
    py_words words(text);
    std::string_view word;
    std::int64_t kept = 0;
    std::size_t end = 0;
    bool prefix = true;
    std::size_t other[8], others = 0;  // separators that are not ' '
    auto copy_prefix = [&] {
      out.assign(text, 0, end);
      for (std::size_t k = 0; k < others; ++k) out[other[k]] = ' ';
    };
    while ((truncated = words.next(word)) && kept < *length) {
      auto at = static_cast<std::size_t>(word.data() - text.data());
      bool follows = at == (kept == 0 ? 0 : end + 1);
      if (prefix && follows && kept > 0 && text[end] != ' ') {
        if (others < std::size(other)) other[others++] = end;
        else follows = false;  // too many to note: join the words instead
      }
      if (prefix && !follows) {
        prefix = false;
        copy_prefix();
      }
      if (!prefix) {
        if (kept) out += ' ';
        out += word;
      }
      end = at + word.size();
      ++kept;
    }
    if (prefix) copy_prefix();
  } else {
    auto words = py_split(text);
    auto keep = std::max<std::int64_t>(0, static_cast<std::int64_t>(words.size()) + *length);
    truncated = true;  // len(words) > length for any negative length
    for (std::int64_t k = 0; k < keep; ++k) {
      if (k) out += ' ';
      out += words[static_cast<std::size_t>(k)];
    }
  }
  if (truncated && !out.ends_with(ellipsis)) out += ellipsis;
  return out;
}

filter_def string_filter(filter_fn fn, filter_arg arg, bool is_safe) {
  filter_def def;
  def.fn = std::move(fn);
  def.arg = arg;
  def.is_safe = is_safe;
  def.string_input = true;
  return def;
}

}  // namespace

void register_text_filters(library& lib) {
  using enum filter_arg;
  lib.add_filter("addslashes", string_filter(addslashes, none, true));
  lib.add_filter("capfirst", string_filter(capfirst, none, true));
  lib.add_filter("center", string_filter(center, required, true));
  lib.add_filter("cut", string_filter(cut, required, false));
  lib.add_filter("ljust", string_filter(ljust, required, true));
  lib.add_filter("rjust", string_filter(rjust, required, true));
  lib.add_filter("lower", string_filter(lower, none, true));
  lib.add_filter("upper", string_filter(upper, none, false));
  lib.add_filter("title", string_filter(title, none, true));
  lib.add_filter("make_list", string_filter(make_list, none, false));
  lib.add_filter("phone2numeric", filter_def{phone2numeric, none, true, false});
  lib.add_filter("slugify", string_filter(slugify, none, true));
  lib.add_filter("wordcount", string_filter(wordcount, none, false));
  lib.add_filter("wordwrap", string_filter(wordwrap, required, true));
  lib.add_filter("truncatechars", string_filter(truncatechars, required, true));
  lib.add_filter("truncatewords", string_filter(truncatewords, required, true));
  register_html_filters(lib);
  register_urlize_filters(lib);
  register_truncate_html_filters(lib);
}

}  // namespace djust::tmpl::detail
