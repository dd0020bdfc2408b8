// Node-list rendering with located runtime errors, variable nodes, block collection.
#include "nodes.hpp"

#include "render.hpp"

namespace djust::tmpl::detail {

namespace {

[[noreturn]] void rethrow_located(const node& n, const char* what) {
  const origin* o = n.where;
  if (!o) throw template_error(error_kind::render, what);
  throw template_error(error_kind::render, what, o->name, o->line_at(n.offset),
                       o->text_at(n.offset, n.length));
}

}  // namespace

void render_list(const node_list& nodes, render_ctx& ctx, std::string& out) {
  for (const auto& n : nodes) {
    try {
      n->render(ctx, out);
    } catch (const template_error&) {
      throw;
    } catch (const syntax_error& e) {
      const origin* o = n->where;
      throw template_error(error_kind::syntax, e.what(), o ? o->name : "",
                           o ? o->line_at(n->offset) : 0, o ? o->text_at(n->offset, n->length) : "");
    } catch (const std::exception& e) {
      rethrow_located(*n, e.what());
    }
  }
  if (out.size() > ctx.output_limit)
    throw template_error(error_kind::render,
                         "Rendered output exceeds the limit of " + std::to_string(ctx.output_limit) +
                             " bytes");
}

void var_node::render(render_ctx& ctx, std::string& out) const {
  value tmp;
  append_value(ctx, out, *resolve(ctx, expr_, tmp));
}

void collect_blocks(const node_list& nodes, std::vector<const block_node*>& out) {
  for (const auto& n : nodes) {
    if (const block_node* b = n->as_block()) out.push_back(b);
    n->for_each_child([&out](const node_list& child) { collect_blocks(child, out); });
  }
}

bool contains_extends(const node_list& nodes) {
  for (const auto& n : nodes) {
    if (n->is_extends()) return true;
    bool found = false;
    n->for_each_child([&found](const node_list& child) { found = found || contains_extends(child); });
    if (found) return true;
  }
  return false;
}

}  // namespace djust::tmpl::detail
