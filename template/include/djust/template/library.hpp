// Filters and simple tags: how built-ins and user code extend the engine.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "djust/template/value.hpp"

namespace djust::tmpl {

// What a filter may know about the render it runs in.
struct filter_env {
  bool autoescape = true;  // the autoescape state where the filter is applied
};

// A filter: `input` is resolved (never lazy); `arg` is nullptr when the template
// gave no argument. Throw filter_error to fail the render (Django's "Error").
using filter_fn = std::function<value(const value& input, const value* arg, const filter_env& env)>;

enum class filter_arg { none, optional, required };  // arity checked at compile time

struct filter_def {
  filter_fn fn;
  filter_arg arg = filter_arg::none;
  // Django's is_safe: when the input is a safe string, a string result stays safe.
  bool is_safe = false;
  // Django's @stringfilter: the input is converted with to_display_string() first
  // (a safe string input stays safe).
  bool string_input = false;
};

// A simple tag: {% name arg1 kw=arg2 as var %}. The result is escaped like a
// variable unless it is a safe string.
using simple_tag_fn =
    std::function<value(const std::vector<value>& args, const value_map& kwargs)>;

// A named set of filters and simple tags; the engine has a builtin library and
// `{% load name %}` libraries.
class library {
 public:
  void add_filter(std::string name, filter_def def) { filters_[std::move(name)] = std::move(def); }
  void add_simple_tag(std::string name, simple_tag_fn fn) { simple_tags_[std::move(name)] = std::move(fn); }

  const filter_def* find_filter(std::string_view name) const {
    auto it = filters_.find(std::string(name));
    return it == filters_.end() ? nullptr : &it->second;
  }
  const simple_tag_fn* find_simple_tag(std::string_view name) const {
    auto it = simple_tags_.find(std::string(name));
    return it == simple_tags_.end() ? nullptr : &it->second;
  }

 private:
  std::unordered_map<std::string, filter_def> filters_;
  std::unordered_map<std::string, simple_tag_fn> simple_tags_;
};

}  // namespace djust::tmpl
