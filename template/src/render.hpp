// Render-time evaluation: variable lookups, filter application and value output
// (Django's Variable.resolve, FilterExpression.resolve, render_value_in_context).
#pragma once

#include <string>
#include <string_view>

#include "context.hpp"
#include "expression.hpp"

namespace djust::tmpl::detail {

const value& none();

// Resolves a Variable; nullptr when it does not exist. Computed results live in `tmp`.
const value* resolve_variable(render_ctx& ctx, const variable& var, value& tmp);
// FilterExpression.resolve. A missing variable yields string_if_invalid (or None with
// ignore_failures); a missing filter argument throws variable_does_not_exist.
const value* resolve(render_ctx& ctx, const filter_expression& expr, value& tmp,
                     bool ignore_failures = false);
// The same, as an owned value.
value resolve_value(render_ctx& ctx, const filter_expression& expr, bool ignore_failures = false);

// render_value_in_context: str() with Django's localization, escaped under autoescape
// unless the value is a safe string.
void append_value(render_ctx& ctx, std::string& out, const value& v);
// Django's localize()+str() without escaping.
std::string localized_string(const value& v);

// Python's len(), iter() over a value for loops: false when not iterable.
bool iterable_items(const value& v, value_list& storage, const value_list*& items);

}  // namespace djust::tmpl::detail
