// Lookup of known HTML tag names and their parser categories.
#include "tags.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace djust::vdom::detail {
namespace {

// Up to the first 8 bytes of a name packed little-endian into a word (one compare per entry).
constexpr std::uint64_t pack(std::string_view s) {
  std::uint64_t k = 0;
  for (std::size_t i = 0; i < s.size() && i < 8; ++i) k |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  return k;
}

struct tag_info {
  std::string_view name;
  tag t;
  std::uint64_t key;  // pack(name)
};

constexpr std::array tag_table = {
#define DJUST_VDOM_TAG_INFO(e, n, f) tag_info{n, tag::e, pack(n)},
    DJUST_VDOM_TAGS(DJUST_VDOM_TAG_INFO)
#undef DJUST_VDOM_TAG_INFO
};

constexpr bool table_sorted() {
  for (std::size_t i = 1; i < tag_table.size(); ++i)
    if (!(tag_table[i - 1].name < tag_table[i].name)) return false;
  return true;
}
static_assert(table_sorted(), "DJUST_VDOM_TAGS must be sorted by name");

constexpr std::size_t longest_name = 10;  // tag_of() rejects longer names up front
constexpr bool names_fit() {
  for (const tag_info& e : tag_table)
    if (e.name.size() > longest_name) return false;
  return true;
}
static_assert(names_fit(), "a tag name is longer than longest_name");

// Index of the first table entry for each initial letter (the table is sorted).
struct letter_index {
  std::array<std::uint8_t, 27> start{};
  constexpr letter_index() {
    std::size_t k = 0;
    for (int c = 0; c < 26; ++c) {
      while (k < tag_table.size() && tag_table[k].name[0] < 'a' + c) ++k;
      start[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(k);
    }
    start[26] = static_cast<std::uint8_t>(tag_table.size());
  }
};
constexpr letter_index letters;

}  // namespace

tag tag_of(std::string_view name) {
  if (name.empty() || name[0] < 'a' || name[0] > 'z') return tag::unknown;
  if (name.size() > longest_name) return tag::unknown;
  std::size_t c = static_cast<std::size_t>(name[0] - 'a');
  std::uint64_t key = pack(name);
  for (std::size_t k = letters.start[c]; k < letters.start[c + 1]; ++k) {
    const tag_info& e = tag_table[k];
    if (e.key == key && e.name.size() == name.size() &&
        (name.size() <= 8 || std::memcmp(e.name.data() + 8, name.data() + 8, name.size() - 8) == 0))
      return e.t;
  }
  return tag::unknown;
}

std::string_view tag_name(tag t) {
  return t == tag::unknown ? std::string_view{} : tag_table[static_cast<std::size_t>(t) - 1].name;
}

}  // namespace djust::vdom::detail
