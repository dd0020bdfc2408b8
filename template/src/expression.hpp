// Django's Variable and FilterExpression: `var.attr|filter:arg`, compiled once at parse time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "djust/template/error.hpp"
#include "djust/template/library.hpp"
#include "djust/template/value.hpp"

namespace djust::tmpl::detail {

// One dotted segment; `index` is int(segment) when it parses as one, else -1.
// What a segment names on a `forloop`, decided at compile time (loops are looked up often).
enum class loop_attribute : std::uint8_t {
  none, counter, counter0, revcounter, revcounter0, first, last, parentloop
};

struct lookup_segment {
  std::string_view name;
  std::int64_t index = -1;
  std::uint32_t hash = 0;  // value_map::hash_key(name)
  loop_attribute loop = loop_attribute::none;
};

// Django's Variable: a literal (number or quoted string, marked safe) or a lookup path.
struct variable {
  std::string_view text;  // as written
  bool is_literal = false;
  value literal;
  std::vector<lookup_segment> lookups;
};

struct filter_call {
  std::string_view name;
  const filter_def* def = nullptr;
  bool has_arg = false;
  variable arg;
};

struct filter_expression {
  std::string_view token;  // the whole expression as written
  variable var;
  std::vector<filter_call> filters;
};

// Thrown by parse-time helpers; the parser adds the template, line and token.
struct syntax_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A Python exception other than TemplateSyntaxError raised while compiling a tag
// (Django reports it as a plain error, not a syntax error).
struct compile_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Django's VariableDoesNotExist (a missing variable used as a filter argument).
struct variable_does_not_exist : filter_error {
  using filter_error::filter_error;
};

// Variable(text): number literal, quoted string literal, or dotted lookups.
variable make_variable(std::string_view text);

using filter_finder = std::function<const filter_def*(std::string_view name)>;
// FilterExpression(token): parses and checks each filter's arity; throws syntax_error.
filter_expression compile_filter_expression(std::string_view token, const filter_finder& find);

// Python's int(text) for a Variable (digits with optional sign and '_'); false when not an int.
bool parse_py_int(std::string_view text, std::int64_t& out);

}  // namespace djust::tmpl::detail
