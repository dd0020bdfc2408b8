// Helpers shared by the string and HTML filters: Python int() of arguments, the
// stringfilter view of an input and urllib's quote() (HTML escaping: html_escape.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "djust/template/library.hpp"
#include "djust/template/value.hpp"
#include "html_escape.hpp"

namespace djust::tmpl::detail {

// The str() of a filter input (the engine already converted @stringfilter inputs).
inline std::string text_of(const value& v) {
  return v.is_string() ? v.as_string() : v.to_display_string();
}

// Python int(arg): nullopt where Python raises ValueError (filters that "fail
// silently" catch only that); throws filter_error for TypeError/OverflowError.
// A value beyond 64 bits is clamped.
std::optional<std::int64_t> py_int_or_value_error(const value& arg);
// Python int(arg), every failure a filter_error.
std::int64_t py_int_arg(const value& arg);

// urllib.parse.quote(s, safe): UTF-8 bytes other than ASCII letters, digits,
// "_.-~" and the ASCII characters of `safe` become %XX.
void append_quoted(std::string& out, std::string_view s, std::string_view safe);

// Registration of each concern's filters (register_text_filters calls them all).
void register_html_filters(library& lib);      // escape*, safe*, linebreaks*, json_script, ...
void register_urlize_filters(library& lib);    // urlize, urlizetrunc
void register_truncate_html_filters(library& lib);  // truncatechars_html, truncatewords_html

// django.utils.html.strip_tags (Python HTMLParser semantics); throws filter_error
// where Django raises SuspiciousOperation.
std::string strip_tags(std::string_view s);

}  // namespace djust::tmpl::detail
