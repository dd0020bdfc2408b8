// Django's date, time, timesince and timeuntil filters (django.utils.dateformat and
// django.utils.timesince under USE_TZ=False, TIME_ZONE "UTC").
#include <chrono>
#include <string>

#include "date_format.hpp"
#include "djust/template/error.hpp"
#include "filters/data_filters.hpp"
#include "number_format.hpp"

namespace djust::tmpl::detail {

namespace {

constexpr const char* nbsp = "\xc2\xa0";

// get_format(arg or default_name); false where Django raises TypeError (an unhashable
// list or dict argument). `scratch` holds str(arg) for a non-string argument.
bool get_format(const value* arg, std::string_view default_name, std::string& scratch,
                std::string_view& format) {
  if (!arg || !arg->truthy()) {
    format = resolve_format_setting(default_name);
    return true;
  }
  if (arg->kind() == value_kind::list || arg->kind() == value_kind::map) return false;
  if (arg->is_string()) {
    format = resolve_format_setting(arg->as_string());
  } else {
    scratch = py_str(*arg);
    format = resolve_format_setting(scratch);
  }
  return true;
}

// The raw fallback Django retries with after AttributeError: str(arg) as the format.
std::string_view raw_format(const value* arg, std::string& scratch) {
  if (!arg) return "None";
  if (arg->is_string()) return arg->as_string();
  scratch = py_str(*arg);
  return scratch;
}

bool is_none_or_empty(const value& v) {
  return v.is_null() || (v.is_string() && v.as_string().empty());
}

[[noreturn]] void time_specifier_on_date() {
  throw filter_error("The format for date objects may not contain time-related format specifiers.");
}

value date_filter(const value& input, const value* arg, const filter_env&) {
  if (is_none_or_empty(input)) return value("");
  std::string out, scratch;
  out.reserve(32);  // most formats print less: one allocation
  std::string_view format;
  if (!get_format(arg, "DATE_FORMAT", scratch, format))
    throw filter_error("date: unhashable format argument " + arg->repr());
  switch (format_date_into(out, input, format, false)) {
    case date_format_status::ok: return value(std::move(out));
    case date_format_status::type_error: time_specifier_on_date();
    case date_format_status::attribute_error: break;
  }
  out.clear();
  switch (format_date_into(out, input, raw_format(arg, scratch), false)) {
    case date_format_status::ok: return value(std::move(out));
    case date_format_status::type_error: time_specifier_on_date();
    case date_format_status::attribute_error: break;
  }
  return value("");
}

value time_filter(const value& input, const value* arg, const filter_env&) {
  if (is_none_or_empty(input)) return value("");
  std::string out, scratch;
  std::string_view format;
  if (get_format(arg, "TIME_FORMAT", scratch, format) &&
      format_date_into(out, input, format, true) == date_format_status::ok)
    return value(std::move(out));
  out.clear();
  if (format_date_into(out, input, raw_format(arg, scratch), true) == date_format_status::ok)
    return value(std::move(out));
  return value("");
}

// A date or datetime as microseconds since 1970-01-01 plus its year; dates count
// as midnight. Throws filter_error (Django's AttributeError) for anything else.
struct moment {
  std::int64_t micros = 0;
  int year = 1970;
};

moment to_moment(const value& v) {
  const date_value* d = nullptr;
  const time_value* t = nullptr;
  if (v.kind() == value_kind::date) {
    d = &v.as_date();
  } else if (v.kind() == value_kind::datetime) {
    d = &v.as_datetime().date;
    t = &v.as_datetime().time;
  } else {
    throw filter_error("timesince: '" + v.repr() + "' has no attribute 'year'");
  }
  moment m;
  m.year = d->year;
  m.micros = days_from_civil(d->year, d->month, d->day) * 86400000000LL;
  if (t)
    m.micros += ((t->hour * 60LL + t->minute) * 60 + t->second) * 1000000LL + t->microsecond;
  return m;
}

moment now_moment() {
  using namespace std::chrono;
  auto us = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
  auto days = floor<std::chrono::days>(sys_time<microseconds>(microseconds(us)));
  year_month_day ymd{days};
  return {us, static_cast<int>(ymd.year())};
}

std::int64_t leap_days_before(std::int64_t y) { return y / 4 - y / 100 + y / 400; }

// django.utils.timesince.timesince(d, now, reversed) with depth 2.
std::string timesince(const value& d_value, const value* now_value, bool reversed) {
  moment d = to_moment(d_value);
  moment now = now_value && now_value->truthy() ? to_moment(*now_value) : now_moment();
  if (reversed) std::swap(d, now);
  // calendar.leapdays(d.year, now.year), adjusted as Django does.
  std::int64_t leapdays = leap_days_before(now.year - 1) - leap_days_before(d.year - 1);
  if (leapdays != 0) {
    if (is_leap_year(d.year)) --leapdays;
    else if (is_leap_year(now.year)) ++leapdays;
  }
  std::int64_t delta = now.micros - d.micros - leapdays * 86400000000LL;
  std::int64_t since = delta >= 0 ? delta / 1000000 : -((-delta + 999999) / 1000000);
  struct chunk {
    std::int64_t seconds;
    const char* singular;
    const char* plural;
  };
  static constexpr chunk chunks[] = {
      {60LL * 60 * 24 * 365, "year", "years"}, {60LL * 60 * 24 * 30, "month", "months"},
      {60LL * 60 * 24 * 7, "week", "weeks"},   {60LL * 60 * 24, "day", "days"},
      {60LL * 60, "hour", "hours"},            {60, "minute", "minutes"},
  };
  std::string out;
  std::size_t i = 0;
  if (since > 0)
    while (i < std::size(chunks) && since / chunks[i].seconds == 0) ++i;
  if (since <= 0 || i == std::size(chunks)) return std::string("0") + nbsp + "minutes";
  for (int depth = 0; i < std::size(chunks) && depth < 2; ++i, ++depth) {
    std::int64_t count = since / chunks[i].seconds;
    if (count == 0) break;
    if (depth) out += ", ";
    out += std::to_string(count);
    out += nbsp;
    out += count == 1 ? chunks[i].singular : chunks[i].plural;
    since -= chunks[i].seconds * count;
  }
  return out;
}

value timesince_filter(const value& input, const value* arg, const filter_env&) {
  if (!input.truthy()) return value("");
  return value(timesince(input, arg, false));
}

value timeuntil_filter(const value& input, const value* arg, const filter_env&) {
  if (!input.truthy()) return value("");
  return value(timesince(input, arg, true));
}

}  // namespace

void register_date_filters(library& lib) {
  lib.add_filter("date", {date_filter, filter_arg::optional});
  lib.add_filter("time", {time_filter, filter_arg::optional});
  lib.add_filter("timesince", {timesince_filter, filter_arg::optional});
  lib.add_filter("timeuntil", {timeuntil_filter, filter_arg::optional});
}

}  // namespace djust::tmpl::detail
