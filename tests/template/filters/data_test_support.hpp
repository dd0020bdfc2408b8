// Test support for the number, list, logic and date filters: applies one filter the way
// the engine renders "{{ v|filter:arg }}" (is_safe, autoescape) and reports the output.
#pragma once

#include <optional>
#include <string>

#include "djust/template/error.hpp"
#include "djust/template/library.hpp"
#include "filters/builtin_filters.hpp"
#include "html_escape.hpp"

namespace djust::tmpl::test {

inline const library& data_library() {
  static const library lib = [] {
    library l;
    detail::register_data_filters(l);
    return l;
  }();
  return lib;
}

// What "{{ v|name:arg }}" prints (for string, number and list results), or "!Error"
// where Django raises while rendering.
inline std::string render_data_filter(const char* name, const value& input,
                                      const std::optional<value>& arg = std::nullopt,
                                      bool autoescape = true) {
  const filter_def* def = data_library().find_filter(name);
  if (!def) return "!NoSuchFilter";
  filter_env env;
  env.autoescape = autoescape;
  try {
    value r = def->fn(input, arg ? &*arg : nullptr, env);
    bool safe = r.is_safe() || (def->is_safe && input.is_safe() && r.is_string());
    std::string s = r.to_display_string();
    return autoescape && !safe ? detail::html_escaped(s) : s;
  } catch (const filter_error&) {
    return "!Error";
  }
}

struct filter_case {
  const char* filter;
  value input;
  std::optional<value> arg;
  bool autoescape;
  const char* expected;  // Django 3.2's output (django-oracle), or "!Error"
};

}  // namespace djust::tmpl::test
