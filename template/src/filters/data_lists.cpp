// Django's sequence filters: first, last, length, length_is, random, slice, join,
// unordered_list, dictsort and dictsortreversed, with Python's indexing, slicing,
// iteration and ordering rules.
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "djust/template/error.hpp"
#include "filters/data_filters.hpp"
#include "number_format.hpp"

namespace djust::tmpl::detail {

namespace {

// Byte offsets where each code point of a UTF-8 string starts, plus s.size().
std::vector<std::size_t> code_point_starts(std::string_view s) {
  std::vector<std::size_t> starts;
  starts.reserve(s.size() + 1);
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  starts.push_back(s.size());
  return starts;
}

std::size_t code_point_count(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Python's iter(x) for the value kinds: list items (the list itself, not a copy), str
// characters, dict keys (those two made in `out`). nullptr where Python raises TypeError.
const value_list* iterate(const value& v, value_list& out) {
  switch (v.kind()) {
    case value_kind::list: return &v.as_list();
    case value_kind::string: {
      const std::string& s = v.as_string();
      auto starts = code_point_starts(s);
      out.clear();
      out.reserve(starts.size() - 1);
      for (std::size_t i = 0; i + 1 < starts.size(); ++i)
        out.emplace_back(std::string_view(s).substr(starts[i], starts[i + 1] - starts[i]));
      return &out;
    }
    case value_kind::map:
      out.clear();
      for (const auto& [key, item] : v.as_map()) out.emplace_back(key);
      return &out;
    default: return nullptr;
  }
}

// value[i] for a list or str with Python's negative indexing; nullopt on IndexError.
// Throws filter_error where Python raises anything else (dict KeyError, TypeError).
std::optional<value> py_index(const value& v, std::int64_t index, const char* filter) {
  if (v.kind() == value_kind::list) {
    const auto& items = v.as_list();
    auto n = static_cast<std::int64_t>(items.size());
    if (index < 0) index += n;
    if (index < 0 || index >= n) return std::nullopt;
    return items[static_cast<std::size_t>(index)];
  }
  if (v.kind() == value_kind::string) {
    const std::string& s = v.as_string();
    auto starts = code_point_starts(s);
    auto n = static_cast<std::int64_t>(starts.size() - 1);
    if (index < 0) index += n;
    if (index < 0 || index >= n) return std::nullopt;
    auto i = static_cast<std::size_t>(index);
    return value(std::string_view(s).substr(starts[i], starts[i + 1] - starts[i]));
  }
  if (v.kind() == value_kind::map)
    throw filter_error(std::string(filter) + ": KeyError " + std::to_string(index));
  throw filter_error(std::string(filter) + ": '" + v.repr() + "' is not subscriptable");
}

value first(const value& input, const value*, const filter_env&) {
  auto item = py_index(input, 0, "first");
  return item ? *item : value("");
}

value last(const value& input, const value*, const filter_env&) {
  auto item = py_index(input, -1, "last");
  return item ? *item : value("");
}

// len(x); nullopt where Python raises TypeError.
std::optional<std::size_t> py_len(const value& v) {
  switch (v.kind()) {
    case value_kind::string: return code_point_count(v.as_string());
    case value_kind::list: return v.as_list().size();
    case value_kind::map: return v.as_map().size();
    default: return std::nullopt;
  }
}

value length(const value& input, const value*, const filter_env&) {
  auto n = py_len(input);
  return value(static_cast<long long>(n.value_or(0)));
}

value length_is(const value& input, const value* arg, const filter_env&) {
  auto n = py_len(input);
  if (!n) return value("");
  big_int expected;
  switch (to_big_int(*arg, expected)) {
    case py_error::none: break;
    case py_error::overflow_error: throw filter_error("length_is: cannot convert the argument to an integer");
    default: return value("");
  }
  return value(compare(expected, big_int::from_int64(static_cast<std::int64_t>(*n))) == 0);
}

value random_filter(const value& input, const value*, const filter_env&) {
  auto n = py_len(input);
  if (!n) throw filter_error("random: '" + input.repr() + "' is not a sequence");
  if (*n == 0) throw filter_error("random: cannot choose from an empty sequence");
  if (input.kind() == value_kind::map) throw filter_error("random: KeyError");
  thread_local std::mt19937_64 engine{std::random_device{}()};
  std::uniform_int_distribution<std::int64_t> pick(0, static_cast<std::int64_t>(*n) - 1);
  return *py_index(input, pick(engine), "random");
}

// Python's slice.indices(length) followed by the selected positions.
std::vector<std::size_t> slice_positions(std::size_t length, const std::optional<std::int64_t> bits[3]) {
  auto len = static_cast<std::int64_t>(length);
  std::int64_t step = bits[2].value_or(1);
  std::int64_t lower = step < 0 ? -1 : 0, upper = step < 0 ? len - 1 : len;
  auto clamp = [&](std::optional<std::int64_t> b, std::int64_t fallback) {
    if (!b) return fallback;
    std::int64_t v = *b;
    if (v < 0) {
      v += len;
      if (v < lower) v = lower;
    } else if (v > upper) {
      v = upper;
    }
    return v;
  };
  std::int64_t start = clamp(bits[0], step < 0 ? upper : lower);
  std::int64_t stop = clamp(bits[1], step < 0 ? lower : upper);
  std::vector<std::size_t> out;
  if (step > 0) {
    for (std::int64_t i = start; i < stop; i += step) out.push_back(static_cast<std::size_t>(i));
  } else {
    for (std::int64_t i = start; i > stop; i += step) out.push_back(static_cast<std::size_t>(i));
  }
  return out;
}

value slice_filter(const value& input, const value* arg, const filter_env&) {
  std::string spec = py_str(*arg);
  std::optional<std::int64_t> bits[3];
  std::size_t count = 0, start = 0;
  for (;;) {
    auto colon = spec.find(':', start);
    std::string_view part = std::string_view(spec).substr(
        start, colon == std::string::npos ? std::string::npos : colon - start);
    if (count >= 3) return input;  // slice() takes at most 3 arguments
    if (!part.empty()) {
      big_int b;
      if (parse_int_text(part, b) != py_error::none) return input;
      auto v = b.to_int64();
      bits[count] = v ? *v : (b.negative ? INT64_MIN / 2 : INT64_MAX / 2);
    }
    ++count;
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (count == 1) {  // slice(stop)
    bits[1] = bits[0];
    bits[0].reset();
  }
  if (bits[2] && *bits[2] == 0) return input;  // ValueError: slice step cannot be zero
  if (input.kind() == value_kind::list) {
    const auto& items = input.as_list();
    value_list out;
    for (auto i : slice_positions(items.size(), bits)) out.push_back(items[i]);
    return value(std::move(out));
  }
  if (input.kind() == value_kind::string) {
    const std::string& s = input.as_string();
    auto starts = code_point_starts(s);
    std::string out;
    for (auto i : slice_positions(starts.size() - 1, bits))
      out.append(s, starts[i], starts[i + 1] - starts[i]);
    return value(std::move(out));
  }
  return input;
}

value join(const value& input, const value* arg, const filter_env& env) {
  value_list storage;
  const value_list* items = iterate(input, storage);
  if (!items) return input;
  std::string sep;
  append_conditional_escape(sep, *arg);
  std::string out;
  bool first_item = true;
  for (const auto& item : *items) {
    if (!first_item) out += sep;
    first_item = false;
    if (env.autoescape) {
      append_conditional_escape(out, item);
    } else {
      if (!item.is_string()) return input;  // str.join: TypeError
      out += item.as_string();
    }
  }
  return value::safe(std::move(out));
}

void format_list_items(std::string& out, const value_list& items, int tabs, bool autoescape) {
  std::string indent(static_cast<std::size_t>(tabs), '\t');
  bool first_line = true;
  auto emit = [&](const value& raw, const value* children) {
    const value& item = raw.resolved();
    if (!first_line) out += '\n';
    first_line = false;
    out += indent;
    out += "<li>";
    if (autoescape) {
      append_conditional_escape(out, item);
    } else {
      out += py_str(item);
    }
    if (children && !children->resolved().as_list().empty()) {
      out += '\n';
      out += indent;
      out += "<ul>\n";
      format_list_items(out, children->resolved().as_list(), tabs + 1, autoescape);
      out += '\n';
      out += indent;
      out += "</ul>\n";
      out += indent;
    }
    out += "</li>";
  };
  std::size_t i = 0, n = items.size();
  if (n == 0) return;
  const value* item = &items[i++];
  for (;;) {
    if (i >= n) {
      emit(*item, nullptr);
      break;
    }
    const value* next = &items[i++];
    if (next->resolved().kind() == value_kind::list) {
      emit(*item, next);
      if (i >= n) break;
      item = &items[i++];
      continue;
    }
    emit(*item, nullptr);
    item = next;
  }
}

value unordered_list(const value& input, const value*, const filter_env& env) {
  value_list storage;
  const value_list* items = iterate(input, storage);
  if (!items) throw filter_error("unordered_list: '" + input.repr() + "' is not iterable");
  std::string out;
  format_list_items(out, *items, 1, env.autoescape);
  return value::safe(std::move(out));
}

// ---- dictsort ----------------------------------------------------------------

struct not_comparable {};  // Python's TypeError from '<' (dictsort returns '')
struct no_attribute {};    // Python's AttributeError from the key lookup

// A sort key: a value, or a bound method (never comparable with '<').
struct sort_key {
  value v;
  bool method = false;
};

bool py_less(const value& a, const value& b);

int number_rank(const value& v) {
  switch (v.kind()) {
    case value_kind::boolean:
    case value_kind::integer:
    case value_kind::floating:
    case value_kind::decimal: return 1;
    default: return 0;
  }
}

bool number_less(const value& a, const value& b) {
  if (a.kind() == value_kind::integer && b.kind() == value_kind::integer) return a.as_int() < b.as_int();
  double x = 0, y = 0;
  to_py_float(a, x);
  to_py_float(b, y);
  return x < y;
}

bool py_less(const value& lhs, const value& rhs) {
  const value& a = lhs.resolved();
  const value& b = rhs.resolved();
  if (number_rank(a) && number_rank(b)) return number_less(a, b);
  if (a.kind() != b.kind()) throw not_comparable{};
  switch (a.kind()) {
    case value_kind::string: return a.as_string() < b.as_string();
    case value_kind::date: return a.as_date() < b.as_date();
    case value_kind::time: return a.as_time() < b.as_time();
    case value_kind::datetime: return a.as_datetime() < b.as_datetime();
    case value_kind::list: {
      const auto& x = a.as_list();
      const auto& y = b.as_list();
      std::size_t i = 0;
      while (i < x.size() && i < y.size() && x[i] == y[i]) ++i;
      if (i < x.size() && i < y.size()) return py_less(x[i], y[i]);
      return x.size() < y.size();
    }
    default: throw not_comparable{};
  }
}

bool is_dict_method(std::string_view name) {
  static constexpr std::string_view names[] = {"clear", "copy",       "fromkeys", "get",
                                               "items", "keys",       "pop",      "popitem",
                                               "setdefault", "update", "values"};
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

bool is_list_method(std::string_view name) {
  static constexpr std::string_view names[] = {"append", "clear",  "copy",    "count",
                                               "extend", "index",  "insert",  "pop",
                                               "remove", "reverse", "sort"};
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// getattr(v, name) for the attributes a template value has.
sort_key get_attribute(const value& v, std::string_view name) {
  auto field = [&](int x) { return sort_key{value(x)}; };
  switch (v.kind()) {
    case value_kind::map:
      if (is_dict_method(name)) return {value(), true};
      break;
    case value_kind::list:
      if (is_list_method(name)) return {value(), true};
      break;
    case value_kind::date:
    case value_kind::datetime: {
      const date_value& d = v.kind() == value_kind::date ? v.as_date() : v.as_datetime().date;
      if (name == "year") return field(d.year);
      if (name == "month") return field(d.month);
      if (name == "day") return field(d.day);
      if (v.kind() == value_kind::date) break;
      [[fallthrough]];
    }
    case value_kind::time: {
      const time_value& t = v.kind() == value_kind::time ? v.as_time() : v.as_datetime().time;
      if (name == "hour") return field(t.hour);
      if (name == "minute") return field(t.minute);
      if (name == "second") return field(t.second);
      if (name == "microsecond") return field(t.microsecond);
      break;
    }
    default: break;
  }
  throw no_attribute{};
}

// _property_resolver(arg) applied to one item.
sort_key resolve_key(const value& raw_item, const value& arg, bool item_getter,
                     const std::vector<std::string_view>& parts) {
  const value& item = raw_item.resolved();
  if (item_getter) {  // operator.itemgetter(arg)
    if (item.kind() == value_kind::map) {
      const value* found = arg.is_string() ? item.as_map().find(arg.as_string()) : nullptr;
      if (!found) throw filter_error("dictsort: KeyError " + arg.repr());
      return {found->resolved()};
    }
    if ((item.kind() == value_kind::list || item.kind() == value_kind::string) && is_big_int(arg))
      throw filter_error("dictsort: index out of range");
    if ((item.kind() == value_kind::list || item.kind() == value_kind::string) &&
        (arg.kind() == value_kind::integer || arg.kind() == value_kind::boolean)) {
      auto got = py_index(item, arg.kind() == value_kind::integer ? arg.as_int() : arg.as_bool(),
                          "dictsort");
      if (!got) throw filter_error("dictsort: index out of range");
      return {got->resolved()};
    }
    throw not_comparable{};  // TypeError: indices must be integers / not subscriptable
  }
  sort_key key{item};
  for (auto part : parts) {
    if (key.method) throw no_attribute{};
    if (key.v.kind() == value_kind::map) {
      if (const value* found = key.v.as_map().find(part)) {
        key.v = found->resolved();
        continue;
      }
    }
    key = get_attribute(key.v, part);
  }
  return key;
}

value sort_by(const value& input, const value* arg, bool reverse) {
  double ignored;
  py_error numeric = to_py_float(*arg, ignored);
  if (numeric == py_error::type_error) return value("");  // float(arg): TypeError
  bool item_getter = numeric == py_error::none;
  std::vector<std::string_view> parts;
  if (!item_getter) {
    const std::string& spec = arg->as_string();
    if (spec.empty()) throw filter_error("dictsort: empty argument");
    if (spec[0] == '_' || spec.find("._") != std::string::npos) return value("");
    std::size_t start = 0;
    for (;;) {
      auto dot = spec.find('.', start);
      parts.push_back(std::string_view(spec).substr(start, dot == std::string::npos ? dot : dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
  }
  value_list storage;
  const value_list* found = iterate(input, storage);
  if (!found) return value("");
  const value_list& items = *found;
  try {
    std::vector<sort_key> keys;
    keys.reserve(items.size());
    for (const auto& item : items) keys.push_back(resolve_key(item, *arg, item_getter, parts));
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const sort_key& x = keys[reverse ? b : a];
      const sort_key& y = keys[reverse ? a : b];
      if (x.method || y.method) throw not_comparable{};
      return py_less(x.v, y.v);
    });
    value_list out;
    out.reserve(items.size());
    for (auto i : order) out.push_back(items[i]);
    return value(std::move(out));
  } catch (const not_comparable&) {
    return value("");
  } catch (const no_attribute&) {
    return value("");
  }
}

value dictsort(const value& input, const value* arg, const filter_env&) {
  return sort_by(input, arg, false);
}

value dictsortreversed(const value& input, const value* arg, const filter_env&) {
  return sort_by(input, arg, true);
}

}  // namespace

void register_data_list_filters(library& lib) {
  lib.add_filter("first", {first, filter_arg::none});
  lib.add_filter("last", {last, filter_arg::none, /*is_safe=*/true});
  lib.add_filter("length", {length, filter_arg::none});
  lib.add_filter("length_is", {length_is, filter_arg::required});
  lib.add_filter("random", {random_filter, filter_arg::none, /*is_safe=*/true});
  lib.add_filter("slice", {slice_filter, filter_arg::required, /*is_safe=*/true});
  lib.add_filter("join", {join, filter_arg::required, /*is_safe=*/true});
  lib.add_filter("unordered_list", {unordered_list, filter_arg::none, /*is_safe=*/true});
  lib.add_filter("dictsort", {dictsort, filter_arg::required});
  lib.add_filter("dictsortreversed", {dictsortreversed, filter_arg::required});
}

}  // namespace djust::tmpl::detail
