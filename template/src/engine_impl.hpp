// The engine's private state: options, libraries, loaders, the compiled-template cache.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "djust/template/engine.hpp"
#include "nodes.hpp"
#include "origin.hpp"
#include "token.hpp"

namespace djust::tmpl::detail {

class parser;
using tag_compiler = std::function<std::unique_ptr<node>(parser&, const token&)>;
using tag_registry = std::unordered_map<std::string, tag_compiler>;

// A {% load %}-able library: tags compiled by the engine plus user filters/simple tags.
struct loadable_library {
  tag_registry tags;
  library lib;
};

// The compiled form of one template (immutable after compile).
class template_impl final : public compiled_template {
 public:
  template_impl(const engine_impl& eng, std::string name, std::string source);
  const std::string& name() const override { return origin_.name; }
  void render(const value_map& context, std::string& out) const override;
  // Renders inside a running render (include): a fresh render-state frame, same scopes.
  void render_nested(render_ctx& ctx, std::string& out) const;
  const node_list& nodes() const { return nodes_; }
  const detail::origin& where() const { return origin_; }
  void compile();

 private:
  const engine_impl& eng_;
  detail::origin origin_;
  node_list nodes_;
};

struct engine_impl {
  engine_options options;
  library builtin_filters;
  tag_registry builtin_tags;
  std::unordered_map<std::string, loadable_library> libraries;

  std::unordered_map<std::string, std::string> memory_templates;
  struct cache_entry {
    std::shared_ptr<const template_impl> tmpl;
    std::filesystem::path file;  // empty for in-memory templates
    std::filesystem::file_time_type mtime{};
  };
  mutable std::shared_mutex mutex;
  mutable std::unordered_map<std::string, cache_entry> cache;

  explicit engine_impl(engine_options opts);
  // Loads (from the cache, memory or the filesystem dirs) and compiles; throws
  // template_error does_not_exist / syntax.
  std::shared_ptr<const template_impl> get(std::string_view name) const;
  std::shared_ptr<const template_impl> compile(std::string name, std::string source) const;
};

// Registration of the built-in tags, one file per concern.
void register_control_tags(tag_registry& tags);  // if, for, ifchanged, ifequal, with, cycle, firstof, ...
void register_loader_tags(tag_registry& tags);   // block, extends, include
void register_misc_tags(tag_registry& tags);     // autoescape, comment, filter, load, lorem, now, ...
void register_static_tags(tag_registry& tags);   // the `static` library
// A node for a user simple tag: {% name args kw=v as var %}.
std::unique_ptr<node> compile_simple_tag(parser& p, const token& t, const simple_tag_fn& fn);

}  // namespace djust::tmpl::detail
