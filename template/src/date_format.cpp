// django.utils.dateformat: DateFormat/TimeFormat with every format character, under
// the fixed settings (naive values, TIME_ZONE "UTC").
#include "date_format.hpp"

#include <charconv>

#include "djust/template/error.hpp"

namespace djust::tmpl::detail {

namespace {

constexpr const char* month_names[] = {"January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December"};
constexpr const char* month_ap[] = {"Jan.", "Feb.", "March", "April", "May",  "June",
                                    "July", "Aug.", "Sept.", "Oct.",  "Nov.", "Dec."};
constexpr const char* weekday_names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                         "Friday", "Saturday", "Sunday"};

int days_in_month(int year, int month) noexcept {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

int weekday_of(std::int64_t days) noexcept {  // Monday = 0; 1970-01-01 was a Thursday
  return static_cast<int>(((days + 3) % 7 + 7) % 7);
}

std::int64_t iso_week1_monday(int year) noexcept {
  std::int64_t first = days_from_civil(year, 1, 1);
  int first_weekday = weekday_of(first);
  std::int64_t monday = first - first_weekday;
  if (first_weekday > 3) monday += 7;
  return monday;
}

// Python's date.isocalendar(): (ISO year, ISO week).
void iso_calendar(const date_value& d, int& iso_year, int& iso_week) noexcept {
  int year = d.year;
  std::int64_t today = days_from_civil(d.year, d.month, d.day);
  std::int64_t monday = iso_week1_monday(year);
  std::int64_t diff = today - monday;
  std::int64_t week = diff >= 0 ? diff / 7 : -((-diff + 6) / 7);
  if (week < 0) {
    --year;
    week = (today - iso_week1_monday(year)) / 7;
  } else if (week >= 52 && today >= iso_week1_monday(year + 1)) {
    ++year;
    week = 0;
  }
  iso_year = year;
  iso_week = static_cast<int>(week) + 1;
}

void append_int(std::string& out, std::int64_t v) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, static_cast<std::size_t>(res.ptr - buf));
}

// At least `width` digits, zero-padded (Python's '%02d' / '%04d' / '%06d' for v >= 0).
void append_padded(std::string& out, int v, int width) {
  char buf[16];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  auto n = static_cast<int>(res.ptr - buf);
  if (v >= 0 && n < width) out.append(static_cast<std::size_t>(width - n), '0');
  out.append(buf, static_cast<std::size_t>(n));
}

void append_02(std::string& out, int v) { append_padded(out, v, 2); }
void append_year4(std::string& out, int year) { append_padded(out, year, 4); }

void append_iso_time(std::string& out, const time_value& t) {
  append_02(out, t.hour);
  out += ':';
  append_02(out, t.minute);
  out += ':';
  append_02(out, t.second);
  if (t.microsecond) {
    out += '.';
    append_padded(out, t.microsecond, 6);
  }
}

bool is_format_char(char c) noexcept {
  switch (c) {
    case 'a': case 'A': case 'b': case 'c': case 'd': case 'D': case 'e': case 'E':
    case 'f': case 'F': case 'g': case 'G': case 'h': case 'H': case 'i': case 'I':
    case 'j': case 'l': case 'L': case 'm': case 'M': case 'n': case 'N': case 'o':
    case 'O': case 'P': case 'r': case 's': case 'S': case 't': case 'T': case 'U':
    case 'u': case 'w': case 'W': case 'y': case 'Y': case 'z': case 'Z':
      return true;
    default:
      return false;
  }
}

// The specifiers TimeFormat defines (the rest exist only on DateFormat).
bool is_time_char(char c) noexcept {
  switch (c) {
    case 'a': case 'A': case 'e': case 'f': case 'g': case 'G': case 'h': case 'H':
    case 'i': case 'O': case 'P': case 's': case 'T': case 'u': case 'Z':
      return true;
    default:
      return false;
  }
}

struct subject {
  const date_value* date = nullptr;  // set for date and datetime
  const time_value* time = nullptr;  // set for time and datetime
  bool is_datetime = false;          // naive datetime: the default time zone applies
};

void append_12h(std::string& out, int hour) { append_int(out, hour % 12 ? hour % 12 : 12); }

void append_f(std::string& out, const time_value& t) {
  append_12h(out, t.hour);
  if (t.minute != 0) {
    out += ':';
    append_02(out, t.minute);
  }
}

date_format_status format_char(std::string& out, char c, const subject& s, bool time_only) {
  using st = date_format_status;
  bool plain_date = s.date && !s.time;
  if (plain_date && (is_time_char(c) || c == 'r')) return st::type_error;
  if (time_only && !is_time_char(c)) return st::attribute_error;
  const time_value* t = s.time;
  const date_value* d = s.date;
  switch (c) {
    // Time zone specifiers: only a datetime has one (UTC, since values are naive).
    case 'e': return st::ok;
    case 'T': if (s.is_datetime) out += "UTC"; return st::ok;
    case 'O': if (s.is_datetime) out += "+0000"; return st::ok;
    case 'Z': if (s.is_datetime) out += '0'; return st::ok;
    case 'I': if (s.is_datetime) out += '0'; return st::ok;
    case 'c':
      if (d) {
        append_year4(out, d->year);
        out += '-';
        append_02(out, d->month);
        out += '-';
        append_02(out, d->day);
        if (t) out += 'T';
      }
      if (t) append_iso_time(out, *t);
      return d || t ? st::ok : st::attribute_error;
    default: break;
  }
  if (is_time_char(c)) {
    if (!t) return st::attribute_error;
    switch (c) {
      case 'a': out += t->hour > 11 ? "p.m." : "a.m."; break;
      case 'A': out += t->hour > 11 ? "PM" : "AM"; break;
      case 'f': append_f(out, *t); break;
      case 'g': append_12h(out, t->hour); break;
      case 'G': append_int(out, t->hour); break;
      case 'h': append_02(out, t->hour % 12 ? t->hour % 12 : 12); break;
      case 'H': append_02(out, t->hour); break;
      case 'i': append_02(out, t->minute); break;
      case 's': append_02(out, t->second); break;
      case 'u': append_padded(out, t->microsecond, 6); break;
      case 'P':
        if (t->minute == 0 && t->hour == 0) {
          out += "midnight";
        } else if (t->minute == 0 && t->hour == 12) {
          out += "noon";
        } else {
          append_f(out, *t);
          out += t->hour > 11 ? " p.m." : " a.m.";
        }
        break;
      default: break;
    }
    return st::ok;
  }
  if (!d) return st::attribute_error;
  auto days = [d] { return days_from_civil(d->year, d->month, d->day); };  // few specifiers need it
  switch (c) {
    case 'b': {
      const char* m = month_names[d->month - 1];
      out += static_cast<char>(m[0] - 'A' + 'a');
      out.append(m + 1, 2);
      break;
    }
    case 'd': append_02(out, d->day); break;
    case 'D': out.append(weekday_names[weekday_of(days())], 3); break;
    case 'E':
    case 'F': out += month_names[d->month - 1]; break;
    case 'j': append_int(out, d->day); break;
    case 'l': out += weekday_names[weekday_of(days())]; break;
    case 'L': out += is_leap_year(d->year) ? "True" : "False"; break;
    case 'm': append_02(out, d->month); break;
    case 'M': out.append(month_names[d->month - 1], 3); break;
    case 'n': append_int(out, d->month); break;
    case 'N': out += month_ap[d->month - 1]; break;
    case 'o': {
      int y, w;
      iso_calendar(*d, y, w);
      append_int(out, y);
      break;
    }
    case 'W': {
      int y, w;
      iso_calendar(*d, y, w);
      append_int(out, w);
      break;
    }
    case 'r': {
      out.append(weekday_names[weekday_of(days())], 3);
      out += ", ";
      append_02(out, d->day);
      out += ' ';
      out.append(month_names[d->month - 1], 3);
      out += ' ';
      append_year4(out, d->year);
      out += ' ';
      append_02(out, t->hour);
      out += ':';
      append_02(out, t->minute);
      out += ':';
      append_02(out, t->second);
      out += " +0000";
      break;
    }
    case 'S': {
      int day = d->day;
      if (day >= 11 && day <= 13) {
        out += "th";
      } else {
        int last = day % 10;
        out += last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
      }
      break;
    }
    case 't': append_02(out, days_in_month(d->year, d->month)); break;
    case 'U': {
      std::int64_t secs = days() * 86400;
      if (t) secs += t->hour * 3600 + t->minute * 60 + t->second;
      append_int(out, secs);
      break;
    }
    case 'w': append_int(out, (weekday_of(days()) + 1) % 7); break;
    case 'y': append_02(out, ((d->year % 100) + 100) % 100); break;
    case 'Y': append_int(out, d->year); break;
    case 'z': append_int(out, days() - days_from_civil(d->year, 1, 1) + 1); break;
    default: break;
  }
  return st::ok;
}

}  // namespace

bool is_leap_year(int year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

std::int64_t days_from_civil(int year, int month, int day) noexcept {
  std::int64_t y = year - (month <= 2 ? 1 : 0);
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string_view resolve_format_setting(std::string_view name) noexcept {
  struct setting {
    std::string_view name, text;
  };
  static constexpr setting settings[] = {
      {"DATE_FORMAT", "N j, Y"},
      {"DATETIME_FORMAT", "N j, Y, P"},
      {"TIME_FORMAT", "P"},
      {"SHORT_DATE_FORMAT", "m/d/Y"},
      {"SHORT_DATETIME_FORMAT", "m/d/Y P"},
      {"YEAR_MONTH_FORMAT", "F Y"},
      {"MONTH_DAY_FORMAT", "F j"},
      {"DECIMAL_SEPARATOR", "."},
      {"THOUSAND_SEPARATOR", ","},
      {"NUMBER_GROUPING", "0"},
      {"FIRST_DAY_OF_WEEK", "0"},
      {"DATE_INPUT_FORMATS",
       "['%Y-%m-%d', '%m/%d/%Y', '%m/%d/%y', '%b %d %Y', '%b %d, %Y', '%d %b %Y', "
       "'%d %b, %Y', '%B %d %Y', '%B %d, %Y', '%d %B %Y', '%d %B, %Y']"},
      {"TIME_INPUT_FORMATS", "['%H:%M:%S', '%H:%M:%S.%f', '%H:%M']"},
      {"DATETIME_INPUT_FORMATS",
       "['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M:%S.%f', '%Y-%m-%d %H:%M', "
       "'%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M:%S.%f', '%m/%d/%Y %H:%M', "
       "'%m/%d/%y %H:%M:%S', '%m/%d/%y %H:%M:%S.%f', '%m/%d/%y %H:%M']"},
  };
  for (const auto& s : settings)
    if (s.name == name) return s.text;
  return name;
}

date_format_status format_date_into(std::string& out, const value& when, std::string_view format,
                                    bool time_only) {
  subject s;
  switch (when.kind()) {
    case value_kind::date: s.date = &when.as_date(); break;
    case value_kind::time: s.time = &when.as_time(); break;
    case value_kind::datetime:
      s.date = &when.as_datetime().date;
      s.time = &when.as_datetime().time;
      s.is_datetime = true;
      break;
    default: break;
  }
  for (std::size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (is_format_char(c) && (i == 0 || format[i - 1] != '\\')) {
      auto status = format_char(out, c, s, time_only);
      if (status != date_format_status::ok) return status;
    } else if (c == '\\' && i + 1 < format.size() && format[i + 1] != '\n') {
      out += format[++i];
    } else {
      out += c;
    }
  }
  return date_format_status::ok;
}

std::string format_date(const value& when, std::string_view format) {
  if (format.empty()) format = "DATE_FORMAT";
  std::string out;
  auto status = format_date_into(out, when, resolve_format_setting(format), false);
  if (status == date_format_status::type_error)
    throw filter_error("The format for date objects may not contain time-related format specifiers.");
  if (status == date_format_status::attribute_error) out.clear();
  return out;
}

}  // namespace djust::tmpl::detail
