// Lookup of known HTML tag names and their parser categories.
#include "tags.hpp"

#include <algorithm>
#include <array>

namespace djust::vdom::detail {
namespace {

struct tag_info {
  std::string_view name;
  tag t;
  std::uint32_t flags;
};

constexpr std::array tag_table = {
#define DJUST_VDOM_TAG_INFO(e, n, f) tag_info{n, tag::e, f},
    DJUST_VDOM_TAGS(DJUST_VDOM_TAG_INFO)
#undef DJUST_VDOM_TAG_INFO
};

constexpr bool table_sorted() {
  for (std::size_t i = 1; i < tag_table.size(); ++i)
    if (!(tag_table[i - 1].name < tag_table[i].name)) return false;
  return true;
}
static_assert(table_sorted(), "DJUST_VDOM_TAGS must be sorted by name");

}  // namespace

tag tag_of(std::string_view name) {
  auto it = std::lower_bound(tag_table.begin(), tag_table.end(), name,
                             [](const tag_info& a, std::string_view b) { return a.name < b; });
  return it != tag_table.end() && it->name == name ? it->t : tag::unknown;
}

std::uint32_t tag_flags(tag t) {
  return t == tag::unknown ? 0 : tag_table[static_cast<std::size_t>(t) - 1].flags;
}

std::string_view tag_name(tag t) {
  return t == tag::unknown ? std::string_view{} : tag_table[static_cast<std::size_t>(t) - 1].name;
}

}  // namespace djust::vdom::detail
