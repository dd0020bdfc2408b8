// The one error type of the template engine, located at template, line and token.
#pragma once

#include <stdexcept>
#include <string>

namespace djust::tmpl {

enum class error_kind {
  syntax,          // Django TemplateSyntaxError (compile time, or a bad include at render time)
  does_not_exist,  // Django TemplateDoesNotExist
  render,          // any other exception while rendering (Django: "Error")
};

// what() reads like "main.html, line 3: Invalid filter: 'foo' (at '{{ x|foo }}')".
class template_error : public std::runtime_error {
 public:
  template_error(error_kind kind, std::string message, std::string template_name = {},
                 int line = 0, std::string token = {});

  error_kind kind() const noexcept { return kind_; }
  const std::string& message() const noexcept { return message_; }
  const std::string& template_name() const noexcept { return template_name_; }
  int line() const noexcept { return line_; }  // 1-based; 0 when unknown
  const std::string& token() const noexcept { return token_; }

 private:
  error_kind kind_;
  std::string message_, template_name_, token_;
  int line_;
};

// Thrown by a filter or tag implementation for a runtime failure; the engine
// turns it into a located template_error of kind render.
class filter_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace djust::tmpl
