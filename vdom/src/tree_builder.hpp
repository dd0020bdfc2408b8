// Tree construction: turns tokens into nodes with the browser's repair rules (HTML spec 13.2.6).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "djust/vdom/parse.hpp"
#include "djust/vdom/tree.hpp"
#include "tags.hpp"
#include "tokenizer.hpp"

namespace djust::vdom::detail {

// Insertion modes kept per open element (the spec's "reset the insertion mode" result).
enum class mode : std::uint8_t { body, table, table_body, row, cell, caption, colgroup };

// Document-level modes before and after the body (whole-document parsing only).
enum class doc_mode : std::uint8_t { before_html, before_head, in_head, after_head, in_body, after_body };

class tree_builder {
 public:
  // Builds into t's root. `document`: whole-document rules; else fragment rules with
  // options.context as the context element.
  tree_builder(tree& t, const parse_options& options, bool document);
  // Region parsing for reparse_fragment: tokenizes t.buffer()[0, end) starting from a
  // checkpoint of chain.back(): `chain` (outermost first) are t's copies of the elements open
  // there, nodes from index first_new on are the region's. Whatever a full parse would do
  // outside the container (close it, foster-parent, touch a form) makes region_ok() false.
  tree_builder(tree& t, const parse_options& options, std::span<const node_index> chain, node_index first_new,
               std::size_t end);
  void run();

  // Region parsing: the region ended at a checkpoint of the container, having touched
  // nothing outside its own nodes and the container's end.
  bool region_ok() const;
  // Region parsing: the last token was text (it would join text that follows).
  bool ended_with_text() const { return prev_text_; }

 private:
  // Token dispatch.
  void process(token& tok);
  bool document_rules(token& tok);
  bool use_foreign_rules(const token& tok) const;
  void foreign(token& tok);
  void start_tag(token& tok);
  void end_tag(token& tok);
  void body_start(token& tok, tag t, bool foster);
  void body_end(token& tok, tag t);
  void text(str_ref r);

  // Stack of open elements.
  node_index cur() const { return stack_.back(); }
  tag tag_at(node_index n) const;
  bool is_html(node_index n) const;
  mode cur_mode() const { return modes_.back(); }
  void push(node_index n);
  void pop();
  bool in_scope(tag t, std::uint32_t extra = 0) const;  // extra: 1 button, 2 list item, 4 table
  bool in_table_scope(tag t) const;
  void pop_until(tag t);
  void pop_until_any(std::uint32_t flags);
  void clear_to(std::uint32_t ctx_flags);
  void generate_implied(tag except = tag::unknown);
  void close_p_if_in_button_scope();
  void close_cell();

  // Insertion.
  node_index create_element(const token& tok, name_space ns);
  node_index create_implied(tag t);
  void place(node_index n, bool foster);
  node_index insert(const token& tok, bool foster, name_space ns = name_space::html);
  void insert_implied(tag t);
  void insert_comment(str_ref r, node_index parent);
  void insert_text_at(str_ref r, node_index parent, node_index before);
  str_ref intern(std::string_view s);

  // Every new node enters the tree through attach(), every move through relink(), every
  // out-of-order removal from the stack through unstack(): they keep node::marks and the
  // region checks.
  void attach(node_index parent, node_index n, node_index before = no_node);
  void relink(node_index parent, node_index n, node_index before = no_node);
  void unstack(std::size_t at);
  bool region_parent_ok(node_index parent) const { return !region_ || parent == stack_[base_ - 1] || parent >= first_new_; }
  bool clean_state() const;

  // Active formatting elements (formatting.cpp): reconstruction and the adoption agency.
  void push_active(node_index n);
  void push_marker() { active_.push_back(no_node); }
  void clear_active_to_marker();
  void reconstruct(bool foster);
  bool adoption_agency(std::string_view subject);  // false: run "any other end tag" instead
  node_index clone_element(node_index n);
  std::size_t stack_pos(node_index n) const;  // stack_.size() when absent
  void any_other_end(std::string_view name);

  tree& t_;
  const parse_options& opts_;
  tokenizer tok_;
  std::vector<node_index> stack_;
  std::vector<mode> modes_;
  std::vector<node_index> active_;  // no_node entries are markers
  tag ctx_tag_ = tag::div;
  name_space ctx_ns_ = name_space::html;
  bool document_ = false;
  doc_mode doc_mode_ = doc_mode::in_body;
  bool quirks_ = false;
  bool skip_lf_ = false;
  node_index form_ = no_node;
  node_index html_ = no_node;
  node_index head_ = no_node;
  node_index body_ = no_node;
  std::vector<std::pair<std::string, str_ref>> interned_;

  // Checkpoint bookkeeping (checkpoints.hpp), per token.
  node_index clean_top_ = no_node;  // the current node when the token started at a checkpoint
  std::uint32_t token_start_ = 0;
  bool token_text_ = false;
  bool made_node_ = false;  // the token has created a node
  bool prev_text_ = false;  // the previous token was text

  // Region parsing.
  bool region_ = false;
  bool unsafe_ = false;
  std::size_t base_ = 1;  // stack entries below this are the container and its ancestors
  node_index first_new_ = 0;
};

}  // namespace djust::vdom::detail
