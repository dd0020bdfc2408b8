// Django's date/time format strings (dateformat.format / time_format), shared by
// the date and time filters and the {% now %} tag.
#pragma once

#include <string>
#include <string_view>

#include "djust/template/value.hpp"

namespace djust::tmpl::detail {

// Formats a date, time or datetime value with a Django format string ("N j, Y", "H:i").
// Throws filter_error where Django raises (e.g. a time specifier on a plain date).
std::string format_date(const value& when, std::string_view format);

}  // namespace djust::tmpl::detail
