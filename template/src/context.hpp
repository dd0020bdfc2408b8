// The render context: Django's Context (a stack of scopes over the caller's map) and
// RenderContext (per-template node state, block stacks for inheritance).
#pragma once

#include <cstdint>
#include <deque>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "djust/template/value.hpp"

namespace djust::tmpl::detail {

struct engine_impl;
class template_impl;
class block_node;

// Per-node render state ({% cycle %}, {% ifchanged %}): stable addresses while nodes
// render, and nothing allocated until a node asks (most frames and loops never do).
using node_state_list = std::list<std::pair<const void*, value>>;

// One running {% for %}: what `forloop` shows, computed on lookup (no map per iteration).
struct loop_state {
  std::int64_t index = 0, length = 0;
  const loop_state* parent_loop = nullptr;  // the enclosing loop
  const value* parent_value = nullptr;      // or a `forloop` the context already held
  node_state_list node_state;  // {% ifchanged %} bound to this loop
};

// What `block` names inside {% block %}: the block being rendered.
struct block_binding {
  const block_node* block = nullptr;
  bool has_context = false;  // false in a template that extends nothing (block.super fails)
};

// A lookup result: a value, a loop or a block binding (at most one set).
struct ref {
  const value* v = nullptr;
  const loop_state* loop = nullptr;
  const block_binding* block = nullptr;
  explicit operator bool() const { return v || loop || block; }
};

// One name bound in a scope (its name is in render_ctx's keys_).
struct scope_entry {
  const value* ext = nullptr;  // a value kept alive elsewhere (loop items), else `own`
  value own;
  const loop_state* loop = nullptr;
  const block_binding* block = nullptr;
};

// A scope entry's name and the entry (which a deque keeps in place), contiguous for
// lookups to scan.
struct scope_name {
  std::string_view name;
  scope_entry* entry;
};

// Django's BlockContext: block name -> stack of overriding blocks (most derived on top).
struct block_context {
  std::unordered_map<std::string_view, std::vector<const block_node*>> blocks;
  void add_blocks(const std::vector<const block_node*>& found);
  const block_node* pop(std::string_view name);
  void push(std::string_view name, const block_node* b) { blocks[name].push_back(b); }
  const block_node* get(std::string_view name) const;
};

// Django's RenderContext frame: pushed for every template rendered by include.
struct render_frame {
  node_state_list state;
  std::unique_ptr<block_context> blocks;
  std::vector<std::string> extends_history;
  void clear() {
    state.clear();
    blocks.reset();
    extends_history.clear();
  }
};

class render_ctx {
 public:
  render_ctx(const engine_impl& eng, const value_map& base, bool autoescape);

  const engine_impl& eng;
  bool autoescape;
  int include_depth = 0;
  std::size_t output_limit;

  ref find(std::string_view key) const { return find(key, value_map::hash_key(key)); }
  // find() with value_map::hash_key(key) computed at compile time.
  ref find(std::string_view key, std::uint32_t hash) const;
  std::size_t push() {
    marks_.push_back(entries_.size());
    return marks_.size();
  }
  void pop() {
    entries_.resize(marks_.back());
    keys_.resize(marks_.back());
    marks_.pop_back();
  }
  // context[key] = v in the innermost scope.
  scope_entry& set(std::string_view key, value v);
  scope_entry& set_ref(std::string_view key, const value* v);
  scope_entry& set_loop(std::string_view key, const loop_state* loop);
  scope_entry& set_block(std::string_view key, const block_binding* b);
  // Context.set_upward: the innermost scope that has `key`, else the innermost scope.
  void set_upward(std::string_view key, value v);

  // Context.new(): runs `fn` with only `values` visible (include ... only).
  struct saved_scopes {
    std::deque<scope_entry> entries;
    std::vector<scope_name> keys;
    std::vector<std::size_t> marks;
    const value_map* base;
  };
  saved_scopes isolate();
  void restore(saved_scopes&& s);

  render_frame& frame() { return depth_ == 0 ? top_frame_ : *frames_[depth_ - 1]; }
  // Frames are reused, not reallocated: an include in a loop pushes one per iteration.
  void push_frame() {
    if (depth_ == frames_.size()) frames_.push_back(std::make_unique<render_frame>());
    ++depth_;
  }
  void pop_frame() { frames_[--depth_]->clear(); }

  // Django's IncludeNode cache (render_context[node]): the template an include loaded
  // under `name` earlier in this render, or nullptr.
  const template_impl* included(const void* node, std::string_view name) const;
  void remember_included(const void* node, std::string name, std::shared_ptr<const template_impl> t);
  // Per-node state in the current frame (Django: render_context[node]).
  value* node_state(const void* node, bool create);
  void erase_node_state(const void* node);

  const value* base_find(std::string_view key, std::uint32_t hash) const;

 private:
  scope_entry& slot(std::string_view key);
  const value_map* base_;
  std::deque<scope_entry> entries_;  // a deque: loops hold on to their entry
  std::vector<scope_name> keys_;  // entries_ by name, in the same order
  std::vector<std::size_t> marks_;
  render_frame top_frame_;  // the template being rendered; includes push frames_
  std::vector<std::unique_ptr<render_frame>> frames_;
  std::size_t depth_ = 0;  // frames_[0, depth_) are in use
  struct included_template {
    const void* node;
    std::string name;
    std::shared_ptr<const template_impl> tmpl;
  };
  std::vector<included_template> included_;
};

}  // namespace djust::tmpl::detail
