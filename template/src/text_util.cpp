// UTF-8 helpers with Python str semantics, backed by the generated Unicode tables.
#include "text_util.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>

#include "text_util_tables.hpp"

namespace djust::tmpl::detail {

namespace {

constexpr char32_t escaped_byte_base = 0xDC00;

const tables::prop_range& props_of(char32_t c) noexcept {
  auto* end = tables::props + tables::props_size;
  auto* it = std::upper_bound(tables::props, end, c,
                              [](char32_t v, const tables::prop_range& r) { return v < r.start; });
  return *(it - 1);
}

const tables::case_entry* case_of(char32_t c) noexcept {
  auto* end = tables::cases + tables::cases_size;
  auto* it = std::lower_bound(tables::cases, end, c,
                              [](const tables::case_entry& e, char32_t v) { return e.cp < v; });
  return it != end && it->cp == c ? it : nullptr;
}

std::string_view pooled(const unsigned char* pool, std::size_t offset) {
  return {reinterpret_cast<const char*>(pool + offset + 1), pool[offset]};
}

const tables::decomp_entry* find_entry(const tables::decomp_entry* table, std::size_t size,
                                       char32_t c) noexcept {
  auto* end = table + size;
  auto* it = std::lower_bound(table, end, c,
                              [](const tables::decomp_entry& e, char32_t v) { return e.cp < v; });
  return it != end && it->cp == c ? it : nullptr;
}

// Python's final sigma rule for the capital sigma at bytes [begin, end).
bool final_sigma(std::string_view s, std::size_t begin, std::size_t end) {
  std::size_t i = begin;
  char32_t c = 0;
  bool found = false;
  while (i > 0) {
    c = prev_code_point(s, i);
    if (!(props_of(c).flags & tables::prop_case_ignorable)) {
      found = true;
      break;
    }
  }
  if (!found || !py_iscased(c)) return false;
  i = end;
  while (i < s.size()) {
    c = next_code_point(s, i);
    if (!(props_of(c).flags & tables::prop_case_ignorable)) return !py_iscased(c);
  }
  return true;
}

enum class case_kind { lower, upper, title, fold };

void append_mapped(std::string& out, char32_t c, case_kind kind) {
  if (c < 0x80) {
    char ch = static_cast<char>(c);
    if (kind == case_kind::lower || kind == case_kind::fold) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    } else if (ch >= 'a' && ch <= 'z') {
      ch = static_cast<char>(ch - 'a' + 'A');
    }
    out += ch;
    return;
  }
  const auto* e = case_of(c);
  if (!e) {
    append_utf8(out, c);
    return;
  }
  auto offset = kind == case_kind::lower   ? e->lower
                : kind == case_kind::upper ? e->upper
                : kind == case_kind::title ? e->title
                                           : e->fold;
  out += pooled(tables::case_pool, offset);
}

void append_lower_at(std::string& out, std::string_view s, std::size_t begin, std::size_t end,
                     char32_t c) {
  if (c == 0x3A3) {
    append_utf8(out, final_sigma(s, begin, end) ? 0x3C2 : 0x3C3);
  } else {
    append_mapped(out, c, case_kind::lower);
  }
}

// Hangul syllable constants (Unicode 3.12).
constexpr char32_t s_base = 0xAC00, l_base = 0x1100, v_base = 0x1161, t_base = 0x11A7;
constexpr int l_count = 19, v_count = 21, t_count = 28, n_count = v_count * t_count,
              s_count = l_count * n_count;

void decompose(char32_t c, std::u32string& out) {
  if (c >= s_base && c < s_base + s_count) {
    int index = static_cast<int>(c - s_base);
    out += static_cast<char32_t>(l_base + index / n_count);
    out += static_cast<char32_t>(v_base + (index % n_count) / t_count);
    if (index % t_count) out += static_cast<char32_t>(t_base + index % t_count);
    return;
  }
  if (c >= 0xC0) {
    if (const auto* e = find_entry(tables::decomps, tables::decomps_size, c)) {
      auto text = pooled(tables::decomp_pool, e->offset);
      for (std::size_t i = 0; i < text.size();) out += next_code_point(text, i);
      return;
    }
  }
  out += c;
}

char32_t compose(char32_t a, char32_t b) {
  if (a >= l_base && a < l_base + l_count && b >= v_base && b < v_base + v_count)
    return s_base + ((a - l_base) * v_count + (b - v_base)) * t_count;
  if (a >= s_base && a < s_base + s_count && (a - s_base) % t_count == 0 && b > t_base &&
      b < t_base + t_count)
    return a + (b - t_base);
  auto* end = tables::comps + tables::comps_size;
  auto* it = std::lower_bound(tables::comps, end, std::pair{a, b},
                              [](const tables::comp_entry& e, std::pair<char32_t, char32_t> v) {
                                return e.first < v.first ||
                                       (e.first == v.first && e.second < v.second);
                              });
  return it != end && it->first == a && it->second == b ? it->composite : 0;
}

}  // namespace

char32_t next_code_point_slow(std::string_view s, std::size_t& i) noexcept {
  auto b0 = static_cast<unsigned char>(s[i]);
  int len = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 && b0 < 0xE0 ? 2 : 0;
  if (b0 > 0xF4) len = 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return escaped_byte_base + b0;
  }
  char32_t c = b0 & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return escaped_byte_base + b0;
    }
    c = (c << 6) | (b & 0x3F);
  }
  bool overlong = (len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF));
  if (overlong || (c >= 0xD800 && c < 0xE000)) {
    ++i;
    return escaped_byte_base + b0;
  }
  i += len;
  return c;
}

char32_t prev_code_point(std::string_view s, std::size_t& i) noexcept {
  std::size_t start = i - 1;
  int back = 0;
  while (start > 0 && back < 3 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
    ++back;
  }
  std::size_t j = start;
  char32_t c = next_code_point(s, j);
  if (j == i) {
    i = start;
    return c;
  }
  --i;  // not a whole sequence ending here: one escaped byte
  return escaped_byte_base + static_cast<unsigned char>(s[i]);
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c >= escaped_byte_base + 0x80 && c <= escaped_byte_base + 0xFF) {
    out += static_cast<char>(c - escaped_byte_base);
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::size_t code_point_count(std::string_view s) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t end = ascii_run_end(s, i);  // one code point a byte
    n += end - i;
    i = end;
    if (i < s.size()) {
      next_code_point(s, i);
      ++n;
    }
  }
  return n;
}

std::size_t byte_offset_of(std::string_view s, std::size_t n) noexcept {
  std::size_t i = 0;
  while (n > 0 && i < s.size()) {
    next_code_point(s, i);
    --n;
  }
  return i;
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) out += next_code_point(s, i);
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

bool py_isspace_slow(char32_t c) noexcept { return props_of(c).flags & tables::prop_space; }

bool py_isalnum_slow(char32_t c) noexcept { return props_of(c).flags & tables::prop_alnum; }

bool py_iscased(char32_t c) noexcept {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return props_of(c).flags & tables::prop_cased;
}

bool py_isprintable(char32_t c) noexcept {
  if (c < 0x80) return c >= 0x20 && c < 0x7f;
  return props_of(c).flags & tables::prop_printable;
}

int py_decimal(char32_t c) noexcept {
  if (c < 0x80) return c >= '0' && c <= '9' ? static_cast<int>(c - '0') : -1;
  const auto& p = props_of(c);
  return p.flags & tables::prop_decimal ? p.digit : -1;
}

int combining_class(char32_t c) noexcept { return c < 0x300 ? 0 : props_of(c).ccc; }


// Flips the case bit (0x20) of the ASCII letters in [first, first + 26) among p[0, n), eight
// bytes a step: with every byte below 0x80, adding 0x80 - x to each sets its high bit
// exactly when it is >= x, and no addition carries into the next byte.
static void flip_case_ascii(char* p, std::size_t n, unsigned char first) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  const std::uint64_t from = ones * (0x80u - first), past = ones * (0x80u - first - 26u);
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    w ^= ((w + from) & ~(w + past) & highs) >> 2;
    std::memcpy(p + i, &w, 8);
  }
  for (; i < n; ++i)
    if (static_cast<unsigned char>(p[i] - first) < 26) p[i] = static_cast<char>(p[i] ^ 0x20);
}

// Appends the ASCII run at i with the letters from `first` (A-Z or a-z) case-flipped;
// returns its end.
static std::size_t append_ascii_run(std::string& out, std::string_view s, std::size_t i, char first) {
  std::size_t end = ascii_run_end(s, i), old = out.size();
  out.append(s.data() + i, end - i);
  flip_case_ascii(out.data() + old, end - i, static_cast<unsigned char>(first));
  return end;
}

void append_lower(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      i = append_ascii_run(out, s, i, 'A');
      continue;
    }
    std::size_t begin = i;
    char32_t c = next_code_point(s, i);
    append_lower_at(out, s, begin, i, c);
  }
}

void append_upper(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      i = append_ascii_run(out, s, i, 'a');
      continue;
    }
    append_mapped(out, next_code_point(s, i), case_kind::upper);
  }
}

std::string py_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_lower(out, s);
  return out;
}

std::string py_upper(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_upper(out, s);
  return out;
}

// Appends the ASCII run at i as str.title() maps it; `cased` tells whether the character
// before was cased, and is left telling the same of the run's last one.
static std::size_t append_title_ascii_run(std::string& out, std::string_view s, std::size_t i, bool& cased) {
  std::size_t end = ascii_run_end(s, i), old = out.size();
  out.append(s.data() + i, end - i);
  for (char* p = out.data() + old; p != out.data() + out.size(); ++p) {
    auto c = static_cast<unsigned char>(*p);
    bool lower = static_cast<unsigned char>(c - 'a') < 26, upper = static_cast<unsigned char>(c - 'A') < 26;
    if ((cased && upper) || (!cased && lower)) *p = static_cast<char>(c ^ 0x20);
    cased = lower || upper;
  }
  return end;
}

std::string py_title(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool previous_cased = false;
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      i = append_title_ascii_run(out, s, i, previous_cased);
      continue;
    }
    std::size_t begin = i;
    char32_t c = next_code_point(s, i);
    if (previous_cased) {
      append_lower_at(out, s, begin, i, c);
    } else {
      append_mapped(out, c, case_kind::title);
    }
    previous_cased = py_iscased(c);
  }
  return out;
}

std::string py_casefold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) append_mapped(out, next_code_point(s, i), case_kind::fold);
  return out;
}

void append_upper_char(std::string& out, char32_t c) { append_mapped(out, c, case_kind::upper); }

std::string nfc(std::string_view s) {
  // Every code point below U+0300 is already NFC, and only those have lead bytes < 0xCC.
  if (std::all_of(s.begin(), s.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0xCC; }))
    return std::string(s);
  std::u32string d;
  d.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) decompose(next_code_point(s, i), d);
  // Canonical ordering: stable sort each run of non-starters by combining class.
  for (std::size_t i = 0; i < d.size();) {
    if (combining_class(d[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < d.size() && combining_class(d[j]) != 0) ++j;
    std::stable_sort(d.begin() + i, d.begin() + j, [](char32_t a, char32_t b) {
      return combining_class(a) < combining_class(b);
    });
    i = j;
  }
  // Canonical composition.
  std::u32string r;
  r.reserve(d.size());
  std::size_t starter = std::u32string::npos;
  int last_class = -1;
  for (char32_t c : d) {
    int cc = combining_class(c);
    if (starter != std::u32string::npos && (last_class < cc || last_class == 0)) {
      if (char32_t composite = compose(r[starter], c)) {
        r[starter] = composite;
        continue;
      }
    }
    if (cc == 0) starter = r.size();
    last_class = cc;
    r += c;
  }
  return to_utf8(r);
}

std::string_view ascii_fold_of(char32_t c) {
  const auto* e = find_entry(tables::ascii_folds, tables::ascii_folds_size, c);
  return e ? pooled(tables::ascii_pool, e->offset) : std::string_view();
}

namespace {

const tables::entity_entry* find_entity(std::string_view name) {
  auto* end = tables::entities + tables::entities_size;
  auto* it = std::lower_bound(tables::entities, end, name,
                              [](const tables::entity_entry& e, std::string_view v) {
                                return pooled(tables::entity_pool, e.name) < v;
                              });
  return it != end && pooled(tables::entity_pool, it->name) == name ? it : nullptr;
}

// html._replace_charref for a numeric reference.
void append_numeric_charref(std::string& out, std::string_view digits, bool hex) {
  std::uint64_t num = 0;
  bool huge = false;
  for (char c : digits) {
    if (c == ';') break;
    int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    num = num * (hex ? 16 : 10) + d;
    if (num > 0x10FFFF) huge = true, num = 0x110000;
  }
  auto c = static_cast<char32_t>(num);
  if (!huge) {
    for (std::size_t k = 0; k < tables::invalid_charrefs_size; ++k) {
      if (tables::invalid_charrefs[k].number == c) {
        append_utf8(out, tables::invalid_charrefs[k].replacement);
        return;
      }
    }
  }
  if (huge || (c >= 0xD800 && c <= 0xDFFF)) {
    append_utf8(out, 0xFFFD);
    return;
  }
  if (std::binary_search(tables::invalid_codepoints,
                         tables::invalid_codepoints + tables::invalid_codepoints_size, c))
    return;
  append_utf8(out, c);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

}  // namespace

std::string html_unescape(std::string_view s) {
  // html.entities.html5 names are an ASCII letter, letters and digits, and maybe a ';'
  // (a test checks it). start[b]: the first name whose first byte is b or more.
  static const auto start = [] {
    std::array<std::uint16_t, 257> t{};
    std::size_t k = 0;
    for (unsigned b = 0; b < t.size(); ++b) {
      auto first_byte = [&] { return pooled(tables::entity_pool, tables::entities[k].name)[0]; };
      while (k < tables::entities_size && static_cast<unsigned char>(first_byte()) < b) ++k;
      t[b] = static_cast<std::uint16_t>(k);
    }
    return t;
  }();
  auto alnum = [](char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); };
  // Whether Python replaces the reference-like text after the '&' at `amp`. A numeric
  // reference always changes the text; a named run does when a name prefixes it, which
  // only its leading letters and digits (with the ';' that may end the run) can hold.
  // Names are sorted, so the greatest name up to that key either prefixes it or shares
  // with it every name that does: a run that names no entity is settled in a search or
  // two among the names with its first letter.
  auto replaced_at = [&s, &alnum](std::size_t amp) {
    std::size_t p = amp + 1;
    if (p == s.size()) return false;
    if (s[p] == '#') {
      return (p + 1 < s.size() && is_digit(s[p + 1])) ||
             (p + 2 < s.size() && (s[p + 1] | 0x20) == 'x' && is_hex(s[p + 2]));
    }
    std::size_t e = p;
    while (e < s.size() && e - p < 32 && alnum(s[e])) ++e;
    if (e < s.size() && s[e] == ';') ++e;
    if (e - p < 2) return false;
    std::string_view key = s.substr(p, e - p);
    auto c = static_cast<unsigned char>(key[0]);
    const auto *lo = tables::entities + start[c], *hi = tables::entities + start[c + 1];
    while (key.size() >= 2) {
      auto above = std::upper_bound(lo, hi, key, [](std::string_view v, const auto& x) {
        return v < pooled(tables::entity_pool, x.name);
      });
      if (above == lo) return false;
      std::string_view below = pooled(tables::entity_pool, (above - 1)->name);
      std::size_t common = 0;
      while (common < below.size() && common < key.size() && below[common] == key[common])
        ++common;
      if (common == below.size()) return true;
      key = key.substr(0, common);
    }
    return false;
  };
  // Every '&' before the first replaced reference stays as it is (no reference Python
  // finds holds a '&'), so text whose '&'s start none - a raw '&' in a query string,
  // say - comes back without entity lookups or rebuilding.
  std::size_t first = s.find('&');
  while (first != std::string_view::npos && !replaced_at(first)) first = s.find('&', first + 1);
  if (first == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  out.append(s, 0, first);
  std::size_t i = first;
  while (i < s.size()) {
    std::size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) break;
    out.append(s, i, amp - i);
    std::size_t p = amp + 1;
    // &(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)
    if (p < s.size() && s[p] == '#') {
      std::size_t q = p + 1;
      bool hex = false;
      if (q + 1 < s.size() && (s[q] == 'x' || s[q] == 'X') && is_hex(s[q + 1])) {
        hex = true;
        ++q;
      } else if (!(q < s.size() && is_digit(s[q]))) {
        out += '&';
        i = p;
        continue;
      }
      std::size_t e = q;
      while (e < s.size() && (hex ? is_hex(s[e]) : is_digit(s[e]))) ++e;
      append_numeric_charref(out, s.substr(q, e - q), hex);
      if (e < s.size() && s[e] == ';') ++e;
      i = e;
      continue;
    }
    std::size_t e = p;
    for (int n = 0; n < 32 && e < s.size(); ++n) {
      char c = s[e];
      if (c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '<' || c == '&' || c == '#' ||
          c == ';')
        break;
      next_code_point(s, e);
    }
    if (e == p) {
      out += '&';
      i = p;
      continue;
    }
    if (e < s.size() && s[e] == ';') ++e;
    std::string_view name = s.substr(p, e - p);
    i = e;
    if (const auto* entity = find_entity(name)) {
      out += pooled(tables::entity_pool, entity->text);
      continue;
    }
    bool found = false;
    for (std::size_t x = name.size() - 1; x > 1; --x) {
      if (const auto* entity = find_entity(name.substr(0, x))) {
        out += pooled(tables::entity_pool, entity->text);
        out += name.substr(x);
        found = true;
        break;
      }
    }
    if (!found) {
      out += '&';
      out += name;
    }
  }
  out.append(s, i);
  return out;
}

namespace {

// Per byte: 0 never starts whitespace, 1 ASCII whitespace (str.isspace()), 2 the lead
// byte of a code point that may be whitespace (U+0085, U+00A0, U+1680, U+2000..U+205F,
// U+3000; the test checks that no other lead byte starts one). Lead bytes never occur
// inside a code point, so a word is scanned byte by byte.
constexpr auto space_class = [] {
  std::array<std::uint8_t, 256> t{};
  for (int b : {0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f}) t[b] = 1;
  for (int b : {0xC2, 0xE1, 0xE2, 0xE3}) t[b] = 2;
  return t;
}();

// Bytes taken by the whitespace code point at `i`, or 0 when none starts there.
std::size_t space_length(std::string_view s, std::size_t i) noexcept {
  std::uint8_t cls = space_class[static_cast<unsigned char>(s[i])];
  if (cls < 2) return cls;
  std::size_t end = i;
  return py_isspace(next_code_point(s, end)) ? end - i : 0;
}

// The first byte at or after i that may start whitespace (space_class != 0): eight bytes
// a step find any byte below 0x21 or from 0x80 up (words are short, and a vector load
// costs more to set up than it saves), and the table settles which of those count.
std::size_t next_space_candidate(std::string_view s, std::size_t i) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = ones * 0x80;
  const std::size_t n = s.size();
  while (i + 8 <= n) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // The high bit of each byte below 0x21 (a borrow may mark bytes above the first such
    // byte, never below it) or from 0x80 up.
    std::uint64_t hits = (((w - ones * 0x21) & ~w) | w) & highs;
    if (!hits) {
      i += 8;
      continue;
    }
    std::size_t j = i + static_cast<std::size_t>(__builtin_ctzll(hits) >> 3);
    if (space_class[static_cast<unsigned char>(s[j])] != 0) return j;
    i = j + 1;
  }
  for (; i < n; ++i)
    if (space_class[static_cast<unsigned char>(s[i])] != 0) return i;
  return n;
}

}  // namespace

bool py_words::next(std::string_view& word) noexcept {
  const std::size_t n = s_.size();
  std::size_t i = i_, len;
  while (i < n && (len = space_length(s_, i)) != 0) i += len;
  if (i == n) {
    i_ = n;
    return false;
  }
  std::size_t start = i;
  do {
    i = next_space_candidate(s_, i + 1);
  } while (i < n && space_length(s_, i) == 0);  // control bytes and other code points go on
  i_ = i;
  word = s_.substr(start, i - start);
  return true;
}

std::vector<std::string_view> py_split(std::string_view s, std::size_t limit) {
  std::vector<std::string_view> words;
  py_words split(s);
  std::string_view word;
  while (words.size() < limit && split.next(word)) words.push_back(word);
  return words;
}

std::string_view py_strip(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t next = i;
    if (!py_isspace(next_code_point(s, next))) break;
    i = next;
  }
  std::size_t j = s.size();
  while (j > i) {
    std::size_t prev = j;
    if (!py_isspace(prev_code_point(s, prev))) break;
    j = prev;
  }
  return s.substr(i, j - i);
}

py_int parse_py_int(std::string_view s) {
  py_int r;
  s = py_strip(s);
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  bool any = false, last_underscore = false;
  constexpr auto limit = std::numeric_limits<std::int64_t>::max();
  std::uint64_t v = 0;
  while (i < s.size()) {
    char32_t c = next_code_point(s, i);
    if (c == '_') {
      if (!any || last_underscore) return {};
      last_underscore = true;
      continue;
    }
    int digit = py_decimal(c);
    if (digit < 0) return {};
    any = true;
    last_underscore = false;
    if (v > (static_cast<std::uint64_t>(limit) - digit) / 10) {
      r.overflow = true;
      v = static_cast<std::uint64_t>(limit);
    } else if (!r.overflow) {
      v = v * 10 + digit;
    }
  }
  if (!any || last_underscore) return {};
  r.ok = true;
  r.value = negative ? -static_cast<std::int64_t>(v) : static_cast<std::int64_t>(v);
  return r;
}

}  // namespace djust::tmpl::detail
