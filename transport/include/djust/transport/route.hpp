// Django-style URL patterns ("items/<int:id>/", "<slug:s>", "<uuid:u>", "<path:p>") and a router.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "djust/template/value.hpp"

namespace djust::transport {

// A compiled pattern. Converters: int (digits -> integer value), str (no '/'),
// slug (letters, digits, '-', '_'), uuid (lowercase 8-4-4-4-12 hex), path (anything, '/' too).
// The pattern is matched against the request path without its leading '/'.
class route_pattern {
 public:
  // Throws std::invalid_argument naming the problem (unknown converter, bad name, duplicate).
  explicit route_pattern(std::string_view pattern);

  // The captured parameters when `path` (with or without a leading '/') matches entirely.
  std::optional<tmpl::value_map> match(std::string_view path) const;
  const std::string& text() const noexcept { return text_; }

 private:
  enum class converter { literal, integer, str, slug, uuid, path };
  struct part {
    converter kind;
    std::string text;  // the literal, or the parameter name
  };
  bool match_from(std::string_view path, std::size_t part_index, tmpl::value_map& out) const;

  std::string text_;
  std::vector<part> parts_;
};

// "%2F" -> "/"; nullopt for a truncated or non-hex escape. '+' is left as is (paths, not forms).
std::optional<std::string> percent_decode(std::string_view text);

// First-match router over patterns, each tagged with a caller-defined target index.
class router {
 public:
  struct match_result {
    std::size_t target;
    tmpl::value_map params;
  };

  // Adds a pattern; throws std::invalid_argument for a bad pattern.
  void add(std::string_view pattern, std::size_t target);
  // Matches the percent-decoded path part of `target_url` ("?query" and "#fragment" are
  // ignored); a path with a bad %-escape matches nothing.
  std::optional<match_result> match(std::string_view target_url) const;

 private:
  std::vector<std::pair<route_pattern, std::size_t>> routes_;
};

}  // namespace djust::transport
