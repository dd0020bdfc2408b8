// The template engine facade: loaders, the compiled-template cache, rendering.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "djust/template/error.hpp"
#include "djust/template/library.hpp"
#include "djust/template/value.hpp"

namespace djust::tmpl {

class compiled_template;

struct engine_options {
  std::vector<std::string> dirs;   // filesystem loader roots, searched in order
  bool debug = false;              // reload a template when its file changes
  bool autoescape = true;
  std::string string_if_invalid;   // printed for missing variables (Django's default: "")
  std::string static_url = "/static/";
  // {% url name args %}: returns the path or throws filter_error (no resolver: always throws).
  std::function<std::string(std::string_view name, const std::vector<value>& args,
                            const value_map& kwargs)>
      url_resolver;
  // Limits that turn runaway templates into clear errors.
  int max_include_depth = 64;
  int max_nesting_depth = 350;  // Django itself hits RecursionError near 400 nested ifs
  std::size_t max_output_bytes = std::size_t{1} << 28;  // 256 MiB of output per render
};

// Thread-safe: compile once, render many, from any thread.
class engine {
 public:
  explicit engine(engine_options options = {});
  ~engine();
  engine(const engine&) = delete;
  engine& operator=(const engine&) = delete;

  // In-memory loader: consulted before the filesystem dirs.
  void add_template(std::string name, std::string source);

  // The compiled template (cached); throws template_error (syntax / does_not_exist).
  std::shared_ptr<const compiled_template> get_template(std::string_view name) const;
  // Compiles a template that is not cached, named `name` in errors.
  std::shared_ptr<const compiled_template> from_string(std::string source,
                                                       std::string name = "<string>") const;

  // Renders a named template; throws template_error.
  std::string render(std::string_view name, const value_map& context) const;

  // Extension points: the builtin library is always available; other libraries by {% load %}.
  library& builtins();
  void add_library(std::string load_name, library lib);

  const engine_options& options() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// A compiled template: immutable, shared by all threads.
class compiled_template {
 public:
  virtual ~compiled_template() = default;
  virtual const std::string& name() const = 0;
  // Appends the rendering to `out` (reuse `out` across renders to avoid allocation).
  virtual void render(const value_map& context, std::string& out) const = 0;
  std::string render(const value_map& context) const {
    std::string out;
    render(context, out);
    return out;
  }
};

}  // namespace djust::tmpl
