// The engine facade: loaders (memory, filesystem), the compiled-template cache, rendering.
#include "djust/template/engine.hpp"

#include <fstream>
#include <sstream>

#include "engine_impl.hpp"
#include "filters/builtin_filters.hpp"
#include "lexer.hpp"
#include "parser.hpp"

namespace djust::tmpl {

namespace detail {

template_impl::template_impl(const engine_impl& eng, std::string name, std::string source)
    : eng_(eng), origin_{std::move(name), std::move(source)} {}

void template_impl::compile() {
  parser p(eng_, origin_, tokenize(origin_.source));
  nodes_ = p.parse();
}

void template_impl::render(const value_map& context, std::string& out) const {
  render_ctx ctx(eng_, context, eng_.options.autoescape);
  render_list(nodes_, ctx, out);
}

void template_impl::render_nested(render_ctx& ctx, std::string& out) const {
  ctx.push_frame();
  try {
    render_list(nodes_, ctx, out);
  } catch (...) {
    ctx.pop_frame();
    throw;
  }
  ctx.pop_frame();
}

engine_impl::engine_impl(engine_options opts) : options(std::move(opts)) {
  register_builtin_filters(builtin_filters);
  register_control_tags(builtin_tags);
  register_loader_tags(builtin_tags);
  register_misc_tags(builtin_tags);
  register_static_tags(libraries["static"].tags);
  for (const char* name : {"l10n", "tz", "i18n", "cache"}) libraries[name];
}

std::shared_ptr<const template_impl> engine_impl::compile(std::string name,
                                                          std::string source) const {
  auto t = std::make_shared<template_impl>(*this, std::move(name), std::move(source));
  t->compile();
  return t;
}

namespace {

// A name the filesystem loader may open: relative, without '..' components.
bool safe_relative(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find('\0') != std::string_view::npos) return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t slash = name.find('/', start);
    std::string_view part = name.substr(start, slash == std::string_view::npos ? name.npos : slash - start);
    if (part == "..") return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

}  // namespace

std::shared_ptr<const template_impl> engine_impl::get(std::string_view name) const {
  std::string key(name);
  {
    std::shared_lock lock(mutex);
    auto it = cache.find(key);
    if (it != cache.end()) {
      if (!options.debug || it->second.file.empty()) return it->second.tmpl;
      std::error_code ec;
      auto mtime = std::filesystem::last_write_time(it->second.file, ec);
      if (!ec && mtime == it->second.mtime) return it->second.tmpl;
    }
  }
  cache_entry entry;
  std::string source;
  bool found = false;
  if (auto it = memory_templates.find(key); it != memory_templates.end()) {
    source = it->second;
    found = true;
  } else if (safe_relative(name)) {
    for (const auto& dir : options.dirs) {
      std::filesystem::path path = std::filesystem::path(dir) / key;
      std::error_code ec;
      if (!std::filesystem::is_regular_file(path, ec)) continue;
      std::ifstream in(path, std::ios::binary);
      if (!in) continue;
      std::ostringstream buf;
      buf << in.rdbuf();
      source = buf.str();
      entry.file = path;
      entry.mtime = std::filesystem::last_write_time(path, ec);
      found = true;
      break;
    }
  }
  if (!found) throw template_error(error_kind::does_not_exist, key, key);
  entry.tmpl = compile(key, std::move(source));
  std::unique_lock lock(mutex);
  auto& slot = cache[key];
  slot = std::move(entry);
  return slot.tmpl;
}

}  // namespace detail

struct engine::impl : detail::engine_impl {
  using detail::engine_impl::engine_impl;
};

engine::engine(engine_options options) : impl_(std::make_unique<impl>(std::move(options))) {}
engine::~engine() = default;

void engine::add_template(std::string name, std::string source) {
  std::unique_lock lock(impl_->mutex);
  impl_->cache.erase(name);
  impl_->memory_templates[std::move(name)] = std::move(source);
}

std::shared_ptr<const compiled_template> engine::get_template(std::string_view name) const {
  return impl_->get(name);
}

std::shared_ptr<const compiled_template> engine::from_string(std::string source,
                                                             std::string name) const {
  return impl_->compile(std::move(name), std::move(source));
}

std::string engine::render(std::string_view name, const value_map& context) const {
  return impl_->get(name)->compiled_template::render(context);
}

library& engine::builtins() { return impl_->builtin_filters; }

void engine::add_library(std::string load_name, library lib) {
  impl_->libraries[std::move(load_name)].lib = std::move(lib);
}

const engine_options& engine::options() const { return impl_->options; }

}  // namespace djust::tmpl
