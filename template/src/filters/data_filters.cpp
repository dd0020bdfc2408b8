// Django's logic filters (default, default_if_none, yesno, pluralize) and the
// registration of the whole number, list, logic and date group.
#include "filters/data_filters.hpp"

#include "djust/template/error.hpp"
#include "filters/builtin_filters.hpp"
#include "html_escape.hpp"
#include "number_format.hpp"

namespace djust::tmpl::detail {

namespace {

value default_filter(const value& input, const value* arg, const filter_env&) {
  return input.truthy() ? input : *arg;
}

value default_if_none(const value& input, const value* arg, const filter_env&) {
  return input.is_null() ? *arg : input;
}

const std::string& require_str(const value* arg, const char* filter) {
  if (!arg->is_string())
    throw filter_error(std::string(filter) + ": the argument must be a string");
  return arg->as_string();
}

value yesno(const value& input, const value* arg, const filter_env&) {
  std::string_view spec =
      arg && !arg->is_null() ? std::string_view(require_str(arg, "yesno")) : "yes,no,maybe";
  std::string_view bits[3];
  std::size_t count = 0, start = 0;
  for (;;) {
    auto comma = spec.find(',', start);
    std::string_view bit = spec.substr(start, comma == std::string_view::npos ? comma : comma - start);
    if (count < 3) bits[count] = bit;
    ++count;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (count < 2) return input;
  std::string_view maybe = count == 3 ? bits[2] : bits[1];
  if (input.is_null()) return value(maybe);
  return value(input.truthy() ? bits[0] : bits[1]);
}

value pluralize(const value& input, const value* arg, const filter_env&) {
  std::string_view spec = arg ? std::string_view(require_str(arg, "pluralize")) : "s";
  std::string_view singular, plural;
  auto comma = spec.find(',');
  if (comma == std::string_view::npos) {
    plural = spec;
  } else {
    if (spec.find(',', comma + 1) != std::string_view::npos) return value("");
    singular = spec.substr(0, comma);
    plural = spec.substr(comma + 1);
  }
  double number;
  switch (to_py_float(input, number)) {
    case py_error::none: return value(number == 1 ? singular : plural);
    case py_error::type_error: break;
    default: return value("");
  }
  // Not a number: maybe a sized container.
  switch (input.kind()) {
    case value_kind::list: return value(input.as_list().size() == 1 ? singular : plural);
    case value_kind::map: return value(input.as_map().size() == 1 ? singular : plural);
    default: return value("");
  }
}

}  // namespace

void append_conditional_escape(std::string& out, const value& item) {
  const value& v = item.resolved();
  if (v.is_safe()) {
    out += v.as_string();
  } else if (v.is_string()) {
    append_html_escaped(out, v.as_string());
  } else {
    append_html_escaped(out, py_str(v));
  }
}

void register_data_filters(library& lib) {
  lib.add_filter("default", {default_filter, filter_arg::required});
  lib.add_filter("default_if_none", {default_if_none, filter_arg::required});
  lib.add_filter("yesno", {yesno, filter_arg::optional});
  lib.add_filter("pluralize", {pluralize, filter_arg::optional});
  register_data_list_filters(lib);
  register_data_number_filters(lib);
  register_stringformat_filter(lib);
  register_pprint_filter(lib);
  register_date_filters(lib);
}

}  // namespace djust::tmpl::detail
