// The compiled node tree: the node base, node lists, text/variable nodes and the
// block node that inheritance needs to see.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "context.hpp"
#include "expression.hpp"
#include "origin.hpp"

namespace djust::tmpl::detail {

class node;
using node_list = std::vector<std::unique_ptr<node>>;

class node {
 public:
  virtual ~node() = default;
  virtual void render(render_ctx& ctx, std::string& out) const = 0;
  virtual bool is_text() const { return false; }
  virtual bool is_extends() const { return false; }
  virtual const block_node* as_block() const { return nullptr; }
  // Calls fn on each child node list (Django's child_nodelists).
  virtual void for_each_child(const std::function<void(const node_list&)>& fn) const {}
  // Django's repr(node), used in "must be the first tag" errors.
  virtual std::string repr() const { return "<Node>"; }

  const origin* where = nullptr;  // the template this node was compiled from
  std::uint32_t offset = 0, length = 0;  // the token that made it
};

// Renders each node, turning an escaping runtime failure into a located template_error.
void render_list(const node_list& nodes, render_ctx& ctx, std::string& out);
// Django's NodeList.get_nodes_by_type(BlockNode), in document order.
void collect_blocks(const node_list& nodes, std::vector<const block_node*>& out);
bool contains_extends(const node_list& nodes);

class text_node final : public node {
 public:
  explicit text_node(std::string_view text) : text_(text) {}
  void render(render_ctx&, std::string& out) const override { out.append(text_); }
  bool is_text() const override { return true; }
  std::string repr() const override { return "<TextNode>"; }

 private:
  std::string_view text_;
};

class var_node final : public node {
 public:
  explicit var_node(filter_expression e) : expr_(std::move(e)) {}
  void render(render_ctx& ctx, std::string& out) const override;
  std::string repr() const override { return "<Variable Node: " + std::string(expr_.token) + ">"; }

 private:
  filter_expression expr_;
};

class block_node final : public node {
 public:
  block_node(std::string_view name, node_list body) : name_(name), body_(std::move(body)) {}
  std::string_view name() const { return name_; }
  void render(render_ctx& ctx, std::string& out) const override;
  const block_node* as_block() const override { return this; }
  void for_each_child(const std::function<void(const node_list&)>& fn) const override { fn(body_); }
  std::string repr() const override { return "<Block Node: " + std::string(name_) + ">"; }
  // Renders this block's body as the block `self` (Django's BlockNode.render with a given block).
  void render_as(render_ctx& ctx, std::string& out) const;
  // {{ block.super }}: the parent's version of the block being rendered.
  value super_value(render_ctx& ctx, const block_binding& self) const;

 private:
  std::string_view name_;
  node_list body_;
};

}  // namespace djust::tmpl::detail
