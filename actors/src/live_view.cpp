// live_view: handler dispatch and the coercion of event parameters to handler types.
#include <cctype>
#include <charconv>
#include <cmath>

#include "djust/actors/auth.hpp"
#include "djust/actors/live_view.hpp"

namespace djust::live {
namespace {

[[noreturn]] void bad(std::string_view param_name, std::string_view handler, std::string_view want,
                      const tmpl::value& got) {
  throw event_error("bad_params", "parameter '" + std::string(param_name) + "' of '" + std::string(handler) +
                                      "' must be " + std::string(want) + ", got " + got.repr());
}

std::string_view trimmed(const std::string& s) {
  std::string_view v = s;
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
  return v;
}

}  // namespace

const tmpl::value& live_view::get(std::string_view key) const {
  static const tmpl::value null_value;
  const tmpl::value* v = assigns_.find(key);
  return v ? *v : null_value;
}

void live_view::dispatch(std::string_view name, const tmpl::value_map& payload) {
  auto it = handlers_.find(name);
  if (it == handlers_.end()) throw event_error("unknown_handler", "no handler '" + std::string(name) + "'");
  if (auto guard = handler_permissions_.find(name); guard != handler_permissions_.end())
    for (const auto& permission : guard->second)
      if (!has_permission(user_, permission))
        throw event_error("forbidden", "handler '" + std::string(name) + "' needs permission '" + permission + "'");
  it->second(*this, payload);
}

template <>
std::int64_t coerce<std::int64_t>(const tmpl::value& raw, std::string_view p, std::string_view h) {
  const tmpl::value& v = raw.resolved();
  switch (v.kind()) {
    case tmpl::value_kind::null: return 0;
    case tmpl::value_kind::integer: return v.as_int();
    case tmpl::value_kind::floating:
      if (std::isfinite(v.as_double()) && v.as_double() == std::trunc(v.as_double()) && std::abs(v.as_double()) < 9e18)
        return static_cast<std::int64_t>(v.as_double());
      break;
    case tmpl::value_kind::string: {
      std::string_view s = trimmed(v.as_string());
      if (!s.empty() && s.front() == '+') s.remove_prefix(1);
      std::int64_t n = 0;
      auto r = std::from_chars(s.data(), s.data() + s.size(), n);
      if (!s.empty() && r.ec == std::errc{} && r.ptr == s.data() + s.size()) return n;
      break;
    }
    default: break;
  }
  bad(p, h, "an integer", v);
}

template <>
int coerce<int>(const tmpl::value& v, std::string_view p, std::string_view h) {
  std::int64_t n = coerce<std::int64_t>(v, p, h);
  if (n < INT32_MIN || n > INT32_MAX) bad(p, h, "an integer in 32-bit range", v);
  return static_cast<int>(n);
}

template <>
double coerce<double>(const tmpl::value& raw, std::string_view p, std::string_view h) {
  const tmpl::value& v = raw.resolved();
  switch (v.kind()) {
    case tmpl::value_kind::null: return 0.0;
    case tmpl::value_kind::integer: return static_cast<double>(v.as_int());
    case tmpl::value_kind::floating: return v.as_double();
    case tmpl::value_kind::string: {
      std::string_view s = trimmed(v.as_string());
      double d = 0;
      auto r = std::from_chars(s.data(), s.data() + s.size(), d);
      if (!s.empty() && r.ec == std::errc{} && r.ptr == s.data() + s.size() && std::isfinite(d)) return d;
      break;
    }
    default: break;
  }
  bad(p, h, "a number", v);
}

template <>
bool coerce<bool>(const tmpl::value& raw, std::string_view p, std::string_view h) {
  const tmpl::value& v = raw.resolved();
  switch (v.kind()) {
    case tmpl::value_kind::null: return false;
    case tmpl::value_kind::boolean: return v.as_bool();
    case tmpl::value_kind::integer:
      if (v.as_int() == 0 || v.as_int() == 1) return v.as_int() == 1;
      break;
    case tmpl::value_kind::string: {
      std::string_view s = trimmed(v.as_string());
      if (s == "true" || s == "on" || s == "1" || s == "yes") return true;
      if (s == "false" || s == "off" || s == "0" || s == "no" || s.empty()) return false;
      break;
    }
    default: break;
  }
  bad(p, h, "a boolean", v);
}

template <>
std::string coerce<std::string>(const tmpl::value& raw, std::string_view p, std::string_view h) {
  const tmpl::value& v = raw.resolved();
  switch (v.kind()) {
    case tmpl::value_kind::null: return "";
    case tmpl::value_kind::string: return v.as_string();
    case tmpl::value_kind::integer:
    case tmpl::value_kind::floating:
    case tmpl::value_kind::boolean: return v.to_display_string();
    default: break;
  }
  bad(p, h, "a string", v);
}

template <>
tmpl::value coerce<tmpl::value>(const tmpl::value& v, std::string_view, std::string_view) {
  return v.resolved();
}

template <>
tmpl::value_map coerce<tmpl::value_map>(const tmpl::value& raw, std::string_view p, std::string_view h) {
  const tmpl::value& v = raw.resolved();
  if (v.is_null()) return {};
  if (v.kind() != tmpl::value_kind::map) bad(p, h, "a map", v);
  return v.as_map();
}

template <>
tmpl::value_list coerce<tmpl::value_list>(const tmpl::value& raw, std::string_view p, std::string_view h) {
  const tmpl::value& v = raw.resolved();
  if (v.is_null()) return {};
  if (v.kind() != tmpl::value_kind::list) bad(p, h, "a list", v);
  return v.as_list();
}

}  // namespace djust::live
