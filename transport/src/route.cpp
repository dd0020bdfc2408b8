// Django-style route patterns: parse "<conv:name>" segments once, match by backtracking.
#include <cctype>
#include <charconv>
#include <stdexcept>

#include "djust/transport/route.hpp"

namespace djust::transport {
namespace {

bool is_identifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

bool is_slug_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!std::isdigit(static_cast<unsigned char>(c)) && !(c >= 'a' && c <= 'f')) {
      return false;
    }
  }
  return true;
}

}  // namespace

route_pattern::route_pattern(std::string_view pattern) : text_(pattern) {
  if (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
  std::vector<std::string> names;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    std::size_t open = pattern.find('<', pos);
    if (open != pos) {
      std::size_t end = open == std::string_view::npos ? pattern.size() : open;
      std::string_view literal = pattern.substr(pos, end - pos);
      if (literal.find('>') != std::string_view::npos)
        throw std::invalid_argument("route '" + text_ + "': '>' without '<'");
      parts_.push_back({converter::literal, std::string(literal)});
      pos = end;
      continue;
    }
    std::size_t close = pattern.find('>', open);
    if (close == std::string_view::npos)
      throw std::invalid_argument("route '" + text_ + "': unclosed '<'");
    std::string_view spec = pattern.substr(open + 1, close - open - 1);
    std::string_view conv = "str", name = spec;
    if (auto colon = spec.find(':'); colon != std::string_view::npos) {
      conv = spec.substr(0, colon);
      name = spec.substr(colon + 1);
    }
    if (!is_identifier(name))
      throw std::invalid_argument("route '" + text_ + "': '" + std::string(name) +
                                  "' is not a valid parameter name");
    for (const auto& n : names)
      if (n == name)
        throw std::invalid_argument("route '" + text_ + "': parameter '" + n + "' appears twice");
    names.emplace_back(name);
    converter kind;
    if (conv == "int") kind = converter::integer;
    else if (conv == "str") kind = converter::str;
    else if (conv == "slug") kind = converter::slug;
    else if (conv == "uuid") kind = converter::uuid;
    else if (conv == "path") kind = converter::path;
    else
      throw std::invalid_argument("route '" + text_ + "': unknown converter '" + std::string(conv) +
                                  "' (use int, str, slug, uuid or path)");
    parts_.push_back({kind, std::string(name)});
    pos = close + 1;
  }
}

bool route_pattern::match_from(std::string_view path, std::size_t i, tmpl::value_map& out) const {
  if (i == parts_.size()) return path.empty();
  const part& p = parts_[i];
  if (p.kind == converter::literal) {
    if (path.substr(0, p.text.size()) != p.text) return false;
    return match_from(path.substr(p.text.size()), i + 1, out);
  }
  // The longest run this converter accepts, then backtrack to shorter candidates.
  std::size_t max = 0;
  switch (p.kind) {
    case converter::integer:
      while (max < path.size() && std::isdigit(static_cast<unsigned char>(path[max]))) ++max;
      break;
    case converter::str: max = std::min(path.find('/'), path.size()); break;
    case converter::slug:
      while (max < path.size() && is_slug_char(path[max])) ++max;
      break;
    case converter::uuid: max = std::min<std::size_t>(36, path.size()); break;
    case converter::path: max = path.size(); break;
    case converter::literal: break;
  }
  for (std::size_t len = max; len >= 1; --len) {
    std::string_view piece = path.substr(0, len);
    tmpl::value captured;
    if (p.kind == converter::integer) {
      long long n = 0;
      auto r = std::from_chars(piece.data(), piece.data() + piece.size(), n);
      if (r.ec != std::errc{}) continue;  // out of range: no match
      captured = tmpl::value{n};
    } else if (p.kind == converter::uuid) {
      if (!is_uuid(piece)) continue;
      captured = tmpl::value{piece};
    } else {
      captured = tmpl::value{piece};
    }
    tmpl::value_map attempt = out;
    attempt.set(p.text, captured);
    if (match_from(path.substr(len), i + 1, attempt)) {
      out = std::move(attempt);
      return true;
    }
  }
  return false;
}

std::optional<tmpl::value_map> route_pattern::match(std::string_view path) const {
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  tmpl::value_map params;
  if (!match_from(path, 0, params)) return std::nullopt;
  return params;
}

void router::add(std::string_view pattern, std::size_t target) { routes_.emplace_back(route_pattern(pattern), target); }

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    unsigned byte = 0;
    if (i + 2 >= text.size()) return std::nullopt;
    auto r = std::from_chars(text.data() + i + 1, text.data() + i + 3, byte, 16);
    if (r.ptr != text.data() + i + 3) return std::nullopt;
    out.push_back(static_cast<char>(byte));
    i += 2;
  }
  return out;
}

std::optional<router::match_result> router::match(std::string_view target_url) const {
  auto path = percent_decode(target_url.substr(0, target_url.find_first_of("?#")));
  if (!path) return std::nullopt;
  for (const auto& [pattern, target] : routes_)
    if (auto params = pattern.match(*path)) return match_result{target, std::move(*params)};
  return std::nullopt;
}

}  // namespace djust::transport
