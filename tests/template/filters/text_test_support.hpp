// Test support for the string and HTML filters: applies one filter the way the engine
// renders "{{ v|filter:arg }}" (stringfilter, is_safe, autoescape) and reports the output.
#pragma once

#include <optional>
#include <string>

#include "djust/template/error.hpp"
#include "djust/template/library.hpp"
#include "filters/builtin_filters.hpp"
#include "filters/text_common.hpp"

namespace djust::tmpl::test {

inline const library& text_library() {
  static const library lib = [] {
    library l;
    detail::register_text_filters(l);
    return l;
  }();
  return lib;
}

// What "{{ v|name:arg }}" prints, or "!Error" where Django raises while rendering.
inline std::string render_filter(const char* name, const value& input,
                                 const std::optional<value>& arg = std::nullopt,
                                 bool autoescape = true) {
  const filter_def* def = text_library().find_filter(name);
  if (!def) return "!NoSuchFilter";
  value in = input;
  if (def->string_input && !in.is_string()) in = value(in.to_display_string());
  filter_env env;
  env.autoescape = autoescape;
  try {
    value r = def->fn(in, arg ? &*arg : nullptr, env);
    if (def->is_safe && input.is_safe() && !r.is_safe()) r = value::safe(r.to_display_string());
    std::string s = r.to_display_string();
    return autoescape && !r.is_safe() ? detail::html_escaped(s) : s;
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
