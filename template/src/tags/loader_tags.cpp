// Inheritance and inclusion: {% block %}, {% extends %}, {% include %}.
#include "parser.hpp"
#include "render.hpp"

namespace djust::tmpl::detail {

namespace {

std::string str(std::string_view s) { return std::string(s); }

// posixpath.normpath for the relative names construct_relative_path makes.
std::string normpath(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") parts.pop_back();
      else parts.push_back(part);
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out.empty() ? "." : out;
}

// Django's construct_relative_path: "./x" and "../x" relative to the current template.
std::string relative_name(const std::string& current, std::string_view name) {
  std::string bare(name);
  while (!bare.empty() && (bare.front() == '"' || bare.front() == '\'')) bare.erase(bare.begin());
  while (!bare.empty() && (bare.back() == '"' || bare.back() == '\'')) bare.pop_back();
  if (bare.rfind("./", 0) != 0 && bare.rfind("../", 0) != 0) return str(name);
  std::string cur = current;
  while (!cur.empty() && cur.front() == '/') cur.erase(cur.begin());
  auto slash = cur.rfind('/');
  std::string dir = slash == std::string::npos ? "" : cur.substr(0, slash);
  std::string joined = normpath(dir.empty() ? bare : dir + "/" + bare);
  if (joined.rfind("../", 0) == 0 || joined == "..")
    throw syntax_error("The relative path '" + str(name) +
                       "' points outside the file hierarchy that template '" + current + "' is in.");
  if (joined == cur)
    throw syntax_error("The relative path '" + str(name) + "' was translated to template name '" +
                       current + "', the same template in which the tag appears.");
  bool quoted = !name.empty() && (name.front() == '"' || name.front() == '\'') && name.front() == name.back();
  return quoted ? "\"" + joined + "\"" : joined;
}

class extends_node final : public node {
 public:
  std::string parent_text;  // owns the (possibly rewritten) parent name expression
  filter_expression parent;
  node_list body;
  std::vector<const block_node*> blocks;

  bool is_extends() const override { return true; }
  std::string repr() const override { return "<ExtendsNode: extends " + parent_text + ">"; }
  void for_each_child(const std::function<void(const node_list&)>& fn) const override { fn(body); }

  void render(render_ctx& ctx, std::string& out) const override {
    value name = resolve_value(ctx, parent);
    if (!name.truthy()) {
      std::string msg = "Invalid template name in 'extends' tag: " + name.repr() + ".";
      if (!parent.filters.empty() || !parent.var.is_literal)
        msg += " Got this from the '" + str(parent.token) + "' variable.";
      throw syntax_error(msg);
    }
    std::string parent_name = name.is_string() ? name.as_string() : name.to_display_string();
    auto& frame = ctx.frame();
    if (frame.extends_history.empty()) frame.extends_history.push_back(where->name);
    for (const auto& seen : frame.extends_history)
      if (seen == parent_name) throw template_error(error_kind::does_not_exist, parent_name, parent_name);
    auto tmpl = ctx.eng.get(parent_name);
    frame.extends_history.push_back(parent_name);
    if (!frame.blocks) frame.blocks = std::make_unique<block_context>();
    frame.blocks->add_blocks(blocks);
    for (const auto& n : tmpl->nodes()) {
      if (n->is_text()) continue;
      if (!n->is_extends()) {
        std::vector<const block_node*> parent_blocks;
        collect_blocks(tmpl->nodes(), parent_blocks);
        frame.blocks->add_blocks(parent_blocks);
      }
      break;
    }
    render_list(tmpl->nodes(), ctx, out);
  }
};

std::unique_ptr<node> compile_extends(parser& p, const token& t) {
  auto bits = parser::split_contents(t.contents);
  if (bits.size() != 2) throw syntax_error("'" + str(bits[0]) + "' takes one argument");
  auto n = std::make_unique<extends_node>();
  n->parent_text = relative_name(p.where.name, bits[1]);
  n->parent = p.compile_filter(n->parent_text);
  n->body = p.parse();
  if (contains_extends(n->body))
    throw syntax_error("'" + str(bits[0]) + "' cannot appear more than once in the same template");
  collect_blocks(n->body, n->blocks);
  return n;
}

std::unique_ptr<node> compile_block(parser& p, const token& t) {
  auto bits = parser::split_words(t.contents);
  if (bits.size() != 2) throw syntax_error("'" + str(bits[0]) + "' tag takes only one argument");
  std::string name = str(bits[1]);
  for (const auto& b : p.loaded_blocks)
    if (b == name)
      throw syntax_error("'" + str(bits[0]) + "' tag with name '" + name + "' appears more than once");
  p.loaded_blocks.push_back(name);
  node_list body = p.parse({"endblock"});
  token end = p.next_token();
  std::string alt = "endblock " + name;
  if (end.contents != "endblock" && end.contents != alt)
    p.invalid_block_tag(end, "endblock", {"endblock", alt});
  return std::make_unique<block_node>(bits[1], std::move(body));
}

class include_node final : public node {
 public:
  std::string name_text;
  filter_expression name;
  std::vector<std::pair<std::string_view, filter_expression>> extra;
  bool only = false;

  void render(render_ctx& ctx, std::string& out) const override {
    value name_tmp;
    const value& r = resolve(ctx, name, name_tmp, false)->resolved();
    std::shared_ptr<const template_impl> loaded;
    const template_impl* tmpl = nullptr;
    if (r.is_string() && !r.as_string().empty()) {
      tmpl = ctx.included(this, r.as_string());
      if (!tmpl) {
        loaded = ctx.eng.get(r.as_string());
        tmpl = loaded.get();
        ctx.remember_included(this, r.as_string(), std::move(loaded));
      }
    } else if (r.kind() == value_kind::list && !r.as_list().empty()) {
      std::string tried;
      for (const auto& item : r.as_list()) {
        std::string n = item.to_display_string();
        try {
          loaded = ctx.eng.get(n);
          tmpl = loaded.get();
          break;
        } catch (const template_error& e) {
          if (e.kind() != error_kind::does_not_exist) throw;
          tried += (tried.empty() ? "" : ", ") + n;
        }
      }
      if (!tmpl) throw template_error(error_kind::does_not_exist, tried, tried);
    } else if (!r.truthy()) {
      throw template_error(error_kind::does_not_exist, "No template names provided");
    } else {
      throw filter_error("'" + r.to_display_string() + "' is not a template name");
    }
    if (ctx.include_depth >= ctx.eng.options.max_include_depth)
      throw filter_error("Include nested too deeply (more than " +
                         std::to_string(ctx.eng.options.max_include_depth) +
                         " levels): recursive include?");
    // Django resolves every `with` value before the new scope exists; a few fit on the stack.
    constexpr std::size_t inline_values = 4;
    value inline_vals[inline_values];
    value_list more_vals(extra.size() > inline_values ? extra.size() : 0);
    value* vals = extra.size() > inline_values ? more_vals.data() : inline_vals;
    for (std::size_t i = 0; i < extra.size(); ++i) vals[i] = resolve_value(ctx, extra[i].second);
    render_ctx::saved_scopes saved;
    if (only) saved = ctx.isolate();
    ctx.push();
    for (std::size_t i = 0; i < extra.size(); ++i) ctx.set(extra[i].first, std::move(vals[i]));
    ++ctx.include_depth;
    auto finish = [&] {
      --ctx.include_depth;
      ctx.pop();
      if (only) ctx.restore(std::move(saved));
    };
    try {
      tmpl->render_nested(ctx, out);
    } catch (...) {
      finish();
      throw;
    }
    finish();
  }
};

std::unique_ptr<node> compile_include(parser& p, const token& t) {
  auto bits = parser::split_contents(t.contents);
  if (bits.size() < 2)
    throw syntax_error("'" + str(bits[0]) +
                       "' tag takes at least one argument: the name of the template to be included.");
  auto n = std::make_unique<include_node>();
  std::vector<std::string_view> rest(bits.begin() + 2, bits.end());
  bool have_with = false, have_only = false;
  while (!rest.empty()) {
    std::string_view option = rest.front();
    rest.erase(rest.begin());
    if ((option == "with" && have_with) || (option == "only" && have_only))
      throw syntax_error("The '" + str(option) + "' option was specified more than once.");
    if (option == "with") {
      n->extra = token_kwargs(rest, p, false);
      if (n->extra.empty())
        throw syntax_error("\"with\" in '" + str(bits[0]) + "' tag needs at least one keyword argument.");
      have_with = true;
    } else if (option == "only") {
      have_only = n->only = true;
    } else {
      throw syntax_error("Unknown argument for '" + str(bits[0]) + "' tag: '" + str(option) + "'.");
    }
  }
  n->name_text = relative_name(p.where.name, bits[1]);
  n->name = p.compile_filter(n->name_text);
  return n;
}

}  // namespace

void block_node::render(render_ctx& ctx, std::string& out) const {
  block_context* bc = ctx.frame().blocks.get();
  ctx.push();
  block_binding binding;
  const block_node* pushed = nullptr;
  try {
    if (!bc) {
      binding = {this, false};
      ctx.set_block("block", &binding);
      render_list(body_, ctx, out);
    } else {
      pushed = bc->pop(name_);
      const block_node* block = pushed ? pushed : this;
      binding = {block, true};
      ctx.set_block("block", &binding);
      render_list(block->body_, ctx, out);
      if (pushed) bc->push(name_, pushed);
    }
  } catch (...) {
    ctx.pop();
    throw;
  }
  ctx.pop();
}

value block_node::super_value(render_ctx& ctx, const block_binding& self) const {
  if (!self.has_context)
    throw syntax_error(
        "'BlockNode' object has no attribute 'context'. Did you use {{ block.super }} in a base "
        "template?");
  block_context* bc = ctx.frame().blocks.get();
  if (bc && bc->get(name_)) {
    std::string s;
    render(ctx, s);
    return value::safe(std::move(s));
  }
  return value(std::string());
}

void register_loader_tags(tag_registry& tags) {
  tags["block"] = compile_block;
  tags["extends"] = compile_extends;
  tags["include"] = compile_include;
}

}  // namespace djust::tmpl::detail
