// Declarations of the generated Unicode tables (text_util_tables.cpp, made by text_util_tables.py).
#pragma once

#include <cstddef>
#include <cstdint>

namespace djust::tmpl::detail::tables {

// Bits of prop_range::flags, as Python's str methods see a single code point.
enum : std::uint8_t {
  prop_space = 1,           // str.isspace()
  prop_alnum = 2,           // str.isalnum() (so regex \w is alnum or '_')
  prop_cased = 4,           // Unicode Cased (islower/isupper/istitle)
  prop_case_ignorable = 8,  // Unicode Case_Ignorable (final sigma rule)
  prop_decimal = 16,        // str.isdecimal(); digit holds its value
  prop_printable = 32,      // str.isprintable() (repr() escapes the others)
};

// Properties are constant from `start` up to the next range's start.
struct prop_range {
  char32_t start;
  std::uint8_t flags, ccc, digit;
};

// Offsets into case_pool of length-prefixed UTF-8 mappings (str.lower/upper/title/casefold
// of one char).
struct case_entry {
  char32_t cp;
  std::uint16_t lower, upper, title, fold;
};

// Offset into a pool of a length-prefixed UTF-8 string.
struct decomp_entry {
  char32_t cp;
  std::uint16_t offset;
};

struct comp_entry {
  char32_t first, second, composite;
};

extern const prop_range props[];
extern const std::size_t props_size;
extern const unsigned char case_pool[];
extern const case_entry cases[];
extern const std::size_t cases_size;
extern const unsigned char decomp_pool[];  // full canonical decompositions (NFD)
extern const decomp_entry decomps[];
extern const std::size_t decomps_size;
extern const comp_entry comps[];  // primary composites, sorted by (first, second)
extern const std::size_t comps_size;
// html.entities.html5 sorted by name; offsets into entity_pool (length-prefixed strings).
struct entity_entry {
  std::uint32_t name, text;
};
struct invalid_charref {
  char32_t number, replacement;
};
extern const unsigned char entity_pool[];
extern const entity_entry entities[];
extern const std::size_t entities_size;
extern const invalid_charref invalid_charrefs[];  // html._invalid_charrefs
extern const std::size_t invalid_charrefs_size;
extern const char32_t invalid_codepoints[];  // html._invalid_codepoints, sorted
extern const std::size_t invalid_codepoints_size;
extern const unsigned char ascii_pool[];  // NFKD(c) with non-ASCII dropped
extern const decomp_entry ascii_folds[];
extern const std::size_t ascii_folds_size;

}  // namespace djust::tmpl::detail::tables
