// The value model templates see: Python-like dynamic values with Django's
// truthiness, display (str) and repr rules.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace djust::tmpl {

struct date_value {
  int year = 1970, month = 1, day = 1;
  friend bool operator==(const date_value&, const date_value&) = default;
  friend auto operator<=>(const date_value&, const date_value&) = default;
};

struct time_value {
  int hour = 0, minute = 0, second = 0, microsecond = 0;
  friend bool operator==(const time_value&, const time_value&) = default;
  friend auto operator<=>(const time_value&, const time_value&) = default;
};

struct datetime_value {
  date_value date;
  time_value time;
  friend bool operator==(const datetime_value&, const datetime_value&) = default;
  friend auto operator<=>(const datetime_value&, const datetime_value&) = default;
};

// A Python decimal.Decimal kept as its exact text ("3.50", "-0.1", "1E+2", "NaN").
struct decimal_value {
  std::string text;
  friend bool operator==(const decimal_value&, const decimal_value&) = default;
};

class value;
using value_list = std::vector<value>;
class value_map;

enum class value_kind : std::uint8_t {
  null,      // Python None
  boolean,   // True / False
  integer,   // int (64-bit; larger JSON integers arrive as decimal)
  floating,  // float
  string,    // str; safe() marks it as SafeString (not escaped on output)
  list,      // list
  map,       // dict, insertion-ordered
  date,      // datetime.date
  time,      // datetime.time
  datetime,  // datetime.datetime (naive)
  decimal,   // decimal.Decimal
  lazy,      // computed on first use; resolved() yields the computed value
};

// A cheap-to-copy immutable value: strings, lists and maps are shared, never
// copied on assignment. Compiled templates and contexts may share values across
// threads; nothing here mutates after construction except a lazy's one-time fill.
class value {
 public:
  using lazy_fn = std::function<value()>;

  value() noexcept = default;
  value(std::nullptr_t) noexcept {}
  value(bool b) noexcept : data_(b) {}
  value(int i) noexcept : data_(std::int64_t{i}) {}
  value(long i) noexcept : data_(std::int64_t{i}) {}
  value(long long i) noexcept : data_(std::int64_t{i}) {}
  value(unsigned i) noexcept : data_(std::int64_t{i}) {}
  value(double d) noexcept : data_(d) {}
  value(std::string s);
  value(std::string_view s) : value(std::string(s)) {}
  value(const char* s) : value(std::string(s)) {}
  value(value_list items);
  value(value_map items);
  value(date_value d) noexcept : data_(d) {}
  value(time_value t) noexcept : data_(t) {}
  value(datetime_value dt) noexcept : data_(dt) {}
  value(decimal_value d);

  // A string marked safe (Django's mark_safe / SafeString).
  static value safe(std::string s);
  // A value computed by `fn` the first time a render touches it (thread-safe, once).
  static value lazy(lazy_fn fn);

  value_kind kind() const noexcept { return static_cast<value_kind>(data_.index()); }
  bool is_null() const noexcept { return kind() == value_kind::null; }
  bool is_string() const noexcept { return kind() == value_kind::string; }
  bool is_number() const noexcept;  // integer, floating, decimal (not boolean)
  bool is_safe() const noexcept {  // a safe string
    auto* s = std::get_if<std::shared_ptr<const string_payload>>(&data_);
    return s && (*s)->safe;
  }
  // Forces a lazy value (once) and returns the computed value; any other value returns itself.
  const value& resolved() const { return kind() == value_kind::lazy ? resolve_lazy() : *this; }

  // Typed access; each requires the matching kind().
  bool as_bool() const { return std::get<bool>(data_); }
  std::int64_t as_int() const { return std::get<std::int64_t>(data_); }
  double as_double() const { return std::get<double>(data_); }
  const std::string& as_string() const {
    return std::get<std::shared_ptr<const string_payload>>(data_)->text;
  }
  const value_list& as_list() const { return *std::get<std::shared_ptr<const value_list>>(data_); }
  const value_map& as_map() const { return *std::get<std::shared_ptr<const value_map>>(data_); }
  const date_value& as_date() const { return std::get<date_value>(data_); }
  const time_value& as_time() const { return std::get<time_value>(data_); }
  const datetime_value& as_datetime() const { return std::get<datetime_value>(data_); }
  const decimal_value& as_decimal() const;

  // Python truthiness: None, False, 0, 0.0, Decimal zero, "", [], {} are false.
  bool truthy() const;
  // Python str(): what {{ value }} prints before escaping ("None", "True", "1.0", "['a', 1]").
  std::string to_display_string() const;
  // Python repr(): strings quoted, dates as datetime.date(2008, 1, 2), Decimal('1.5').
  std::string repr() const;

  // Python == semantics (1 == 1.0 == True, lists/maps element-wise, no cross-type str/number).
  friend bool operator==(const value& a, const value& b);

 private:
  struct string_payload {
    std::string text;
    bool safe = false;
  };
  struct lazy_payload;
  const value& resolve_lazy() const;

  std::variant<std::monostate, bool, std::int64_t, double,
               std::shared_ptr<const string_payload>, std::shared_ptr<const value_list>,
               std::shared_ptr<const value_map>, date_value, time_value, datetime_value,
               std::shared_ptr<const decimal_value>, std::shared_ptr<lazy_payload>>
      data_;
};

// An insertion-ordered string-keyed map (Python dict with str keys).
class value_map {
 public:
  using entry = std::pair<std::string, value>;

  value_map() = default;
  value_map(std::initializer_list<entry> entries);

  // Inserts or replaces (keeping the original position, as dict assignment does).
  void set(std::string key, value v);
  const value* find(std::string_view key) const noexcept { return find(key, hash_key(key)); }
  // find() with the key's hash_key() computed once by the caller (compiled templates hash
  // each variable name at compile time).
  const value* find(std::string_view key, std::uint32_t hash) const noexcept;
  static std::uint32_t hash_key(std::string_view key) noexcept;
  bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }
  std::size_t size() const noexcept { return entries_.size(); }
  bool empty() const noexcept { return entries_.empty(); }
  auto begin() const noexcept { return entries_.begin(); }
  auto end() const noexcept { return entries_.end(); }

 private:
  std::vector<entry> entries_;
  std::vector<std::uint32_t> hashes_;  // hash_key of each entry's key: lookups compare these first
};

}  // namespace djust::tmpl
