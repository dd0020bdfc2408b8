// Formats located template errors.
#include "djust/template/error.hpp"

namespace djust::tmpl {

namespace {

std::string located(const std::string& message, const std::string& name, int line,
                    const std::string& token) {
  std::string out;
  if (!name.empty()) out += name;
  if (line > 0) out += (out.empty() ? "line " : ", line ") + std::to_string(line);
  if (!out.empty()) out += ": ";
  out += message;
  if (!token.empty()) out += " (at '" + token + "')";
  return out;
}

}  // namespace

template_error::template_error(error_kind kind, std::string message, std::string template_name,
                               int line, std::string token)
    : std::runtime_error(located(message, template_name, line, token)),
      kind_(kind),
      message_(std::move(message)),
      template_name_(std::move(template_name)),
      token_(std::move(token)),
      line_(line) {}

}  // namespace djust::tmpl
