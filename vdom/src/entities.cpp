// Character reference decoding: the WHATWG named table plus numeric references.
#include "entities.hpp"

#include <algorithm>
#include <cstdint>

namespace djust::vdom::detail {
namespace {

struct entity {
  std::string_view name;
  std::string_view value;
};

constexpr entity entity_table[] = {
#include "entity_table.inc"
};
constexpr std::size_t max_entity_name = 32;

// Windows-1252 replacements for numeric references 0x80..0x9F (HTML spec table).
constexpr char32_t c1_replacements[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

const entity* find_entity(std::string_view name) {
  auto it = std::lower_bound(std::begin(entity_table), std::end(entity_table), name,
                             [](const entity& e, std::string_view n) { return e.name < n; });
  return it != std::end(entity_table) && it->name == name ? it : nullptr;
}

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Decodes the reference starting at raw[i] == '&'. Returns the number of bytes consumed
// (0 when this '&' is not a reference and stays literal).
std::size_t decode_one(std::string_view raw, std::size_t i, bool in_attribute, std::string& out) {
  std::size_t j = i + 1;
  if (j < raw.size() && raw[j] == '#') {
    ++j;
    bool hex = j < raw.size() && (raw[j] == 'x' || raw[j] == 'X');
    if (hex) ++j;
    std::size_t digits_start = j;
    std::uint32_t cp = 0;
    bool overflow = false;
    while (j < raw.size()) {
      char c = raw[j];
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else break;
      if (cp > 0x10FFFF) overflow = true;
      else cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      ++j;
    }
    if (j == digits_start) return 0;  // "&#" or "&#x" without digits: literal
    if (j < raw.size() && raw[j] == ';') ++j;
    if (overflow || cp > 0x10FFFF || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    else if (cp >= 0x80 && cp <= 0x9F) cp = c1_replacements[cp - 0x80];
    append_utf8(cp, out);
    return j - i;
  }
  // Named: the longest table entry that prefixes the text after '&'.
  std::size_t avail = std::min(raw.size() - j, max_entity_name);
  std::size_t run = 0;
  while (run < avail && (is_alnum(raw[j + run]) || (run > 0 && raw[j + run] == ';'))) {
    if (raw[j + run] == ';') { ++run; break; }
    ++run;
  }
  for (std::size_t len = run; len > 0; --len) {
    const entity* e = find_entity(raw.substr(j, len));
    if (!e) continue;
    bool has_semicolon = raw[j + len - 1] == ';';
    if (!has_semicolon && in_attribute && j + len < raw.size()) {
      char next = raw[j + len];
      if (next == '=' || is_alnum(next)) return 0;  // legacy rule: stays literal in attributes
    }
    out.append(e->value);
    return 1 + len;
  }
  return 0;
}

}  // namespace

void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void decode_html(std::string_view raw, bool in_attribute, std::string& out) {
  std::size_t i = 0;
  while (i < raw.size()) {
    std::size_t next = raw.find_first_of("&\r", i);
    if (next == std::string_view::npos) {
      out.append(raw.substr(i));
      return;
    }
    out.append(raw.substr(i, next - i));
    if (raw[next] == '\r') {
      out.push_back('\n');
      i = next + 1;
      if (i < raw.size() && raw[i] == '\n') ++i;
      continue;
    }
    std::size_t used = decode_one(raw, next, in_attribute, out);
    if (used == 0) {
      out.push_back('&');
      i = next + 1;
    } else {
      i = next + used;
    }
  }
}

}  // namespace djust::vdom::detail
