// The source of one template (its name and text) and location arithmetic for errors.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

namespace djust::tmpl::detail {

struct origin {
  std::string name;
  std::string source;

  // 1-based line of a byte offset; computed only when an error is raised.
  int line_at(std::uint32_t offset) const {
    auto end = source.begin() + std::min<std::size_t>(offset, source.size());
    return 1 + static_cast<int>(std::count(source.begin(), end, '\n'));
  }
  std::string text_at(std::uint32_t offset, std::uint32_t length) const {
    if (offset >= source.size()) return {};
    return source.substr(offset, length);
  }
};

}  // namespace djust::tmpl::detail
