// The render context: scope stack lookups and per-template render state.
#include "context.hpp"

#include "engine_impl.hpp"
#include "nodes.hpp"
#include "text_util.hpp"

namespace djust::tmpl::detail {

void block_context::add_blocks(const std::vector<const block_node*>& found) {
  for (const block_node* b : found) {
    auto& stack = blocks[b->name()];
    stack.insert(stack.begin(), b);
  }
}

const block_node* block_context::pop(std::string_view name) {
  auto it = blocks.find(name);
  if (it == blocks.end() || it->second.empty()) return nullptr;
  const block_node* b = it->second.back();
  it->second.pop_back();
  return b;
}

const block_node* block_context::get(std::string_view name) const {
  auto it = blocks.find(name);
  if (it == blocks.end() || it->second.empty()) return nullptr;
  return it->second.back();
}

render_ctx::render_ctx(const engine_impl& e, const value_map& base, bool ae)
    : eng(e), autoescape(ae), output_limit(e.options.max_output_bytes), base_(&base) {}

namespace {
const value true_value{true}, false_value{false}, none_value{};
}  // namespace

const value* render_ctx::base_find(std::string_view key, std::uint32_t hash) const {
  if (base_)
    if (const value* v = base_->find(key, hash)) return v;
  if (key == "True") return &true_value;
  if (key == "False") return &false_value;
  if (key == "None") return &none_value;
  return nullptr;
}

ref render_ctx::find(std::string_view key, std::uint32_t hash) const {
  for (std::size_t i = keys_.size(); i-- > 0;) {
    if (!same_name(keys_[i].name, key)) continue;
    const scope_entry& e = *keys_[i].entry;
    ref r;
    if (e.loop) r.loop = e.loop;
    else if (e.block) r.block = e.block;
    else r.v = e.ext ? e.ext : &e.own;
    return r;
  }
  ref r;
  r.v = base_find(key, hash);
  return r;
}

scope_entry& render_ctx::slot(std::string_view key) {
  std::size_t start = marks_.empty() ? 0 : marks_.back();
  for (std::size_t i = keys_.size(); i-- > start;) {
    if (same_name(keys_[i].name, key)) {
      scope_entry& e = *keys_[i].entry;
      e.ext = nullptr;
      e.loop = nullptr;
      e.block = nullptr;
      return e;
    }
  }
  keys_.push_back({key, &entries_.emplace_back()});
  return entries_.back();
}

scope_entry& render_ctx::set(std::string_view key, value v) {
  auto& e = slot(key);
  e.own = std::move(v);
  return e;
}

scope_entry& render_ctx::set_ref(std::string_view key, const value* v) {
  auto& e = slot(key);
  e.ext = v;
  return e;
}

scope_entry& render_ctx::set_loop(std::string_view key, const loop_state* loop) {
  auto& e = slot(key);
  e.loop = loop;
  return e;
}

scope_entry& render_ctx::set_block(std::string_view key, const block_binding* b) {
  auto& e = slot(key);
  e.block = b;
  return e;
}

void render_ctx::set_upward(std::string_view key, value v) {
  for (std::size_t i = keys_.size(); i-- > 0;) {
    if (same_name(keys_[i].name, key)) {
      scope_entry& e = *keys_[i].entry;
      e.ext = nullptr;
      e.loop = nullptr;
      e.block = nullptr;
      e.own = std::move(v);
      return;
    }
  }
  set(key, std::move(v));
}

render_ctx::saved_scopes render_ctx::isolate() {
  saved_scopes s{std::move(entries_), std::move(keys_), std::move(marks_), base_};
  entries_.clear();
  keys_.clear();
  marks_.clear();
  base_ = nullptr;
  return s;
}

void render_ctx::restore(saved_scopes&& s) {
  entries_ = std::move(s.entries);
  keys_ = std::move(s.keys);
  marks_ = std::move(s.marks);
  base_ = s.base;
}

value* render_ctx::node_state(const void* node, bool create) {
  auto& st = frame().state;
  for (auto& [k, v] : st)
    if (k == node) return &v;
  if (!create) return nullptr;
  st.emplace_back(node, value{});
  return &st.back().second;
}

const template_impl* render_ctx::included(const void* node, std::string_view name) const {
  for (const auto& i : included_)
    if (i.node == node && i.name == name) return i.tmpl.get();
  return nullptr;
}

void render_ctx::remember_included(const void* node, std::string name,
                                   std::shared_ptr<const template_impl> t) {
  included_.push_back({node, std::move(name), std::move(t)});
}

void render_ctx::erase_node_state(const void* node) {
  if (value* v = node_state(node, false)) *v = value{};
}

}  // namespace djust::tmpl::detail
