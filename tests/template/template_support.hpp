// Helpers shared by the template engine tests: render a source, capture its error.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "djust/template/engine.hpp"

namespace djust::tmpl::testing {

// Renders `source` as "main.html" (with `others` loadable beside it).
inline std::string render(std::string_view source, value_map context = {}, engine_options options = {},
                          std::vector<std::pair<std::string, std::string>> others = {}) {
  engine eng(std::move(options));
  eng.add_template("main.html", std::string(source));
  for (auto& [name, text] : others) eng.add_template(name, text);
  return eng.render("main.html", context);
}

// The template_error rendering `source` raises (a failed test when it renders).
inline template_error render_error(std::string_view source, value_map context = {},
                                   std::vector<std::pair<std::string, std::string>> others = {},
                                   engine_options options = {}) {
  try {
    std::string out = render(source, std::move(context), std::move(options), std::move(others));
    ADD_FAILURE() << "rendered without error: " << out;
  } catch (const template_error& e) {
    return e;
  }
  return template_error(error_kind::render, "no error");
}

}  // namespace djust::tmpl::testing
