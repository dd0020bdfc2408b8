// Django's date/time format strings (dateformat.format / time_format), shared by
// the date and time filters and the {% now %} tag.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "djust/template/value.hpp"

namespace djust::tmpl::detail {

// Formats a date, time or datetime value with a Django format string ("N j, Y", "H:i")
// or a format setting name ("DATE_FORMAT", "SHORT_DATETIME_FORMAT"), as the date
// filter does. Throws filter_error where Django raises (e.g. a time specifier on a
// plain date); a value without the fields the format needs yields "".
std::string format_date(const value& when, std::string_view format);

// How a DateFormat/TimeFormat run ended: Django raises AttributeError when the value
// lacks a field a specifier reads, TypeError for time specifiers on a plain date.
enum class date_format_status { ok, attribute_error, type_error };

// DateFormat(when).format(format) (time_only=false) or TimeFormat(when).format(format)
// (time_only=true), appending to `out`. `format` is used as given (no setting names).
date_format_status format_date_into(std::string& out, const value& when, std::string_view format,
                                    bool time_only);

// django.utils.formats.get_format(name) under the fixed settings: the setting's value
// as str() for a format setting name, else the name itself.
std::string_view resolve_format_setting(std::string_view name) noexcept;

// Calendar helpers (proleptic Gregorian, as Python's datetime).
bool is_leap_year(int year) noexcept;
// Days from 1970-01-01 to the given date (negative before).
std::int64_t days_from_civil(int year, int month, int day) noexcept;

}  // namespace djust::tmpl::detail
