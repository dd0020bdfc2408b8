// Looping and branching tags: for, ifchanged, ifequal/ifnotequal, with, cycle, resetcycle, firstof.
#include "parser.hpp"
#include "render.hpp"

namespace djust::tmpl::detail {

void register_if_tag(tag_registry& tags);

namespace {

std::string str(std::string_view s) { return std::string(s); }

bool is_grouped_result(const value_map& m) {
  if (m.size() != 2) return false;
  auto it = m.begin();
  return it->first == "grouper" && (++it)->first == "list";
}

// Python len() of a for-loop item for tuple unpacking (1 when not a sequence).
std::size_t unpack_len(const value& v) {
  switch (v.kind()) {
    case value_kind::list: return v.as_list().size();
    case value_kind::map: return v.as_map().size();
    case value_kind::string: {
      std::size_t n = 0;
      for (unsigned char c : v.as_string()) n += (c & 0xc0) != 0x80;
      return n;
    }
    default: return 1;
  }
}

class for_node final : public node {
 public:
  std::vector<std::string_view> loopvars;
  filter_expression sequence;
  bool reversed = false;
  node_list body, empty;

  void render(render_ctx& ctx, std::string& out) const override {
    loop_state loop;
    ref parent = ctx.find("forloop");
    loop.parent_loop = parent.loop;
    loop.parent_value = parent.v;
    ctx.push();
    struct popper {
      render_ctx& c;
      ~popper() { c.pop(); }
    } pop_guard{ctx};
    value tmp;
    const value* seq = resolve(ctx, sequence, tmp, true);
    value keep = seq == &tmp ? std::move(tmp) : value(*seq);  // keeps the items alive
    value_list storage;
    const value_list* items = nullptr;
    if (!iterable_items(keep, storage, items))
      throw filter_error("'" + keep.resolved().to_display_string() + "' object is not iterable");
    if (items->empty()) {
      render_list(empty, ctx, out);
      return;
    }
    loop.length = static_cast<std::int64_t>(items->size());
    ctx.set_loop("forloop", &loop);
    std::size_t n = items->size();
    bool unpack = loopvars.size() > 1;
    // The loop variable's scope entry stays where it is (the body pops whatever it
    // pushes), so later iterations point it at their item without a lookup.
    scope_entry* loopvar = nullptr;
    for (std::size_t i = 0; i < n; ++i) {
      const value& item = (*items)[reversed ? n - 1 - i : i];
      loop.index = static_cast<std::int64_t>(i);
      if (unpack) {
        const value& it = item.resolved();
        std::size_t len = unpack_len(it);
        if (len != loopvars.size())
          throw filter_error("Need " + std::to_string(loopvars.size()) +
                             " values to unpack in for loop; got " + std::to_string(len) + ". ");
        value_list parts;
        const value_list* elems = nullptr;
        if (it.kind() == value_kind::map && is_grouped_result(it.as_map())) {
          // regroup's GroupedResult is a namedtuple: it unpacks to (grouper, list).
          for (const auto& [k, v] : it.as_map()) parts.push_back(v);
          elems = &parts;
        } else {
          iterable_items(it, parts, elems);
        }
        for (std::size_t k = 0; k < loopvars.size(); ++k) ctx.set(loopvars[k], (*elems)[k]);
      } else if (loopvar) {
        loopvar->ext = &item;
        loopvar->loop = nullptr;
        loopvar->block = nullptr;
      } else {
        loopvar = &ctx.set_ref(loopvars[0], &item);
      }
      render_list(body, ctx, out);
    }
  }
  void for_each_child(const std::function<void(const node_list&)>& fn) const override {
    fn(body);
    fn(empty);
  }
  std::string repr() const override { return "<ForNode>"; }
};

std::unique_ptr<node> compile_for(parser& p, const token& t) {
  auto bits = parser::split_contents(t.contents);
  if (bits.size() < 4)
    throw syntax_error("'for' statements should have at least four words: " + str(t.contents));
  bool reversed = bits.back() == "reversed";
  std::size_t in_index = bits.size() - (reversed ? 3 : 2);
  if (bits[in_index] != "in")
    throw syntax_error("'for' statements should use the format 'for x in y': " + str(t.contents));
  // re.split(r' *, *', ' '.join(bits[1:in_index]))
  std::string joined;
  for (std::size_t i = 1; i < in_index; ++i) joined += (i > 1 ? " " : "") + str(bits[i]);
  auto n = std::make_unique<for_node>();
  std::vector<std::string> vars;
  std::string cur;
  for (std::size_t i = 0; i <= joined.size(); ++i) {
    if (i == joined.size() || joined[i] == ',') {
      while (!cur.empty() && cur.back() == ' ') cur.pop_back();
      vars.push_back(cur);
      cur.clear();
      while (i + 1 < joined.size() && joined[i + 1] == ' ') ++i;
    } else {
      cur += joined[i];
    }
  }
  // Loop variable names must point into the source: find each in the token text.
  std::string_view src = t.contents;
  std::size_t search = 0;
  for (const auto& v : vars) {
    if (v.empty() || v.find_first_of(" \"'|") != std::string::npos)
      throw syntax_error("'for' tag received an invalid argument: " + str(t.contents));
    std::size_t at = src.find(v, search);
    n->loopvars.push_back(src.substr(at, v.size()));
    search = at + v.size();
  }
  n->sequence = p.compile_filter(bits[in_index + 1]);
  n->reversed = reversed;
  n->body = p.parse({"empty", "endfor"});
  token next = p.next_token();
  if (next.contents == "empty") {
    n->empty = p.parse({"endfor"});
    p.delete_first_token();
  }
  return n;
}

class ifchanged_node final : public node {
 public:
  node_list yes, no;
  std::vector<filter_expression> vars;

  void render(render_ctx& ctx, std::string& out) const override {
    value* state = nullptr;
    ref loop = ctx.find("forloop");
    if (loop.loop) {
      auto& st = const_cast<loop_state*>(loop.loop)->node_state;
      for (auto& [k, v] : st)
        if (k == this) state = &v;
      if (!state) {
        st.emplace_back(this, value{});
        state = &st.back().second;
      }
    } else {
      state = ctx.node_state(this, true);
    }
    value compare_to;
    std::string rendered;
    bool have_rendered = false;
    if (!vars.empty()) {
      if (!state->is_null() && same_as_before(ctx, state->as_list())) {
        render_list(no, ctx, out);
        return;
      }
      value_list vals;
      for (const auto& v : vars) vals.push_back(resolve_value(ctx, v, true));
      compare_to = std::move(vals);
    } else {
      render_list(yes, ctx, rendered);
      have_rendered = true;
      compare_to = value(rendered);
    }
    bool first_time = state->is_null();
    if (first_time || !(compare_to == *state)) {
      *state = std::move(compare_to);
      if (have_rendered && !rendered.empty()) out += rendered;
      else render_list(yes, ctx, out);
    } else {
      render_list(no, ctx, out);
    }
  }
  void for_each_child(const std::function<void(const node_list&)>& fn) const override {
    fn(yes);
    fn(no);
  }

 private:
  // Whether every variable still equals what it was (most loop steps: no list is built).
  bool same_as_before(render_ctx& ctx, const value_list& before) const {
    for (std::size_t i = 0; i < vars.size(); ++i) {
      value tmp;
      if (!(*resolve(ctx, vars[i], tmp, true) == before[i])) return false;
    }
    return true;
  }
};

std::unique_ptr<node> compile_ifchanged(parser& p, const token& t) {
  auto bits = parser::split_contents(t.contents);
  auto n = std::make_unique<ifchanged_node>();
  n->yes = p.parse({"else", "endifchanged"});
  token next = p.next_token();
  if (next.contents == "else") {
    n->no = p.parse({"endifchanged"});
    p.delete_first_token();
  }
  for (std::size_t i = 1; i < bits.size(); ++i) n->vars.push_back(p.compile_filter(bits[i]));
  return n;
}

class ifequal_node final : public node {
 public:
  filter_expression a, b;
  node_list yes, no;
  bool negate = false;
  void render(render_ctx& ctx, std::string& out) const override {
    value x = resolve_value(ctx, a, true), y = resolve_value(ctx, b, true);
    bool eq = x == y;
    render_list(eq != negate ? yes : no, ctx, out);
  }
  void for_each_child(const std::function<void(const node_list&)>& fn) const override {
    fn(yes);
    fn(no);
  }
};

std::unique_ptr<node> compile_ifequal(parser& p, const token& t, bool negate) {
  auto bits = parser::split_contents(t.contents);
  if (bits.size() != 3) throw syntax_error("'" + str(bits[0]) + "' takes two arguments");
  std::string end = "end" + str(bits[0]);
  auto n = std::make_unique<ifequal_node>();
  n->negate = negate;
  n->yes = p.parse({"else", end});
  token next = p.next_token();
  if (next.contents == "else") {
    n->no = p.parse({end});
    p.delete_first_token();
  }
  n->a = p.compile_filter(bits[1]);
  n->b = p.compile_filter(bits[2]);
  return n;
}

class with_node final : public node {
 public:
  std::vector<std::pair<std::string_view, filter_expression>> vars;
  node_list body;
  void render(render_ctx& ctx, std::string& out) const override {
    value_list vals;
    vals.reserve(vars.size());
    for (const auto& [k, e] : vars) vals.push_back(resolve_value(ctx, e));
    ctx.push();
    for (std::size_t i = 0; i < vars.size(); ++i) ctx.set(vars[i].first, std::move(vals[i]));
    try {
      render_list(body, ctx, out);
    } catch (...) {
      ctx.pop();
      throw;
    }
    ctx.pop();
  }
  void for_each_child(const std::function<void(const node_list&)>& fn) const override { fn(body); }
};

std::unique_ptr<node> compile_with(parser& p, const token& t) {
  auto bits = parser::split_contents(t.contents);
  std::vector<std::string_view> rest(bits.begin() + 1, bits.end());
  auto n = std::make_unique<with_node>();
  n->vars = token_kwargs(rest, p, true);
  if (n->vars.empty()) throw syntax_error("'" + str(bits[0]) + "' expected at least one variable assignment");
  if (!rest.empty())
    throw syntax_error("'" + str(bits[0]) + "' received an invalid token: '" + str(rest[0]) + "'");
  n->body = p.parse({"endwith"});
  p.delete_first_token();
  return n;
}

}  // namespace

class cycle_node final : public node {
 public:
  std::vector<filter_expression> values;
  std::string_view variable;
  bool silent = false;

  void render(render_ctx& ctx, std::string& out) const override {
    value* st = ctx.node_state(this, true);
    std::int64_t i = st->kind() == value_kind::integer ? st->as_int() : 0;
    *st = value((i + 1) % static_cast<std::int64_t>(values.size()));
    value v = resolve_value(ctx, values[static_cast<std::size_t>(i)]);
    if (!variable.empty()) ctx.set_upward(variable, v);
    if (!silent) append_value(ctx, out, v);
  }
};

namespace {

// {% cycle name %}: renders the named cycle node itself (shared state).
class cycle_ref_node final : public node {
 public:
  const cycle_node* target;
  explicit cycle_ref_node(const cycle_node* c) : target(c) {}
  void render(render_ctx& ctx, std::string& out) const override { target->render(ctx, out); }
};

std::unique_ptr<node> compile_cycle(parser& p, const token& t) {
  auto args = parser::split_contents(t.contents);
  if (args.size() < 2) throw syntax_error("'cycle' tag requires at least two arguments");
  if (args.size() == 2) {
    if (p.named_cycles.empty())
      throw syntax_error("No named cycles in template. '" + str(args[1]) + "' is not defined");
    auto it = p.named_cycles.find(str(args[1]));
    if (it == p.named_cycles.end()) throw syntax_error("Named cycle '" + str(args[1]) + "' does not exist");
    return std::make_unique<cycle_ref_node>(it->second);
  }
  bool as_form = false, silent = false;
  if (args.size() > 4) {
    if (args[args.size() - 3] == "as") {
      if (args.back() != "silent")
        throw syntax_error("Only 'silent' flag is allowed after cycle's name, not '" + str(args.back()) + "'.");
      as_form = silent = true;
      args.pop_back();
    } else if (args[args.size() - 2] == "as") {
      as_form = true;
    }
  }
  auto n = std::make_unique<cycle_node>();
  if (as_form) {
    n->variable = args.back();
    n->silent = silent;
    for (std::size_t i = 1; i + 2 < args.size(); ++i) n->values.push_back(p.compile_filter(args[i]));
    p.named_cycles[str(n->variable)] = n.get();
  } else {
    for (std::size_t i = 1; i < args.size(); ++i) n->values.push_back(p.compile_filter(args[i]));
  }
  p.last_cycle = n.get();
  return n;
}

class resetcycle_node final : public node {
 public:
  const cycle_node* target;
  explicit resetcycle_node(const cycle_node* c) : target(c) {}
  void render(render_ctx& ctx, std::string&) const override { ctx.erase_node_state(target); }
};

std::unique_ptr<node> compile_resetcycle(parser& p, const token& t) {
  auto args = parser::split_contents(t.contents);
  if (args.size() > 2) throw syntax_error("'" + str(args[0]) + "' tag accepts at most one argument.");
  if (args.size() == 2) {
    auto it = p.named_cycles.find(str(args[1]));
    if (it == p.named_cycles.end()) throw syntax_error("Named cycle '" + str(args[1]) + "' does not exist.");
    return std::make_unique<resetcycle_node>(it->second);
  }
  if (!p.last_cycle) throw syntax_error("No cycles in template.");
  return std::make_unique<resetcycle_node>(p.last_cycle);
}

class firstof_node final : public node {
 public:
  std::vector<filter_expression> vars;
  std::string_view asvar;
  void render(render_ctx& ctx, std::string& out) const override {
    std::string first;
    for (const auto& v : vars) {
      value tmp;
      const value* r = resolve(ctx, v, tmp, true);
      if (r->truthy()) {
        append_value(ctx, first, *r);
        break;
      }
    }
    if (!asvar.empty()) ctx.set(asvar, value::safe(std::move(first)));
    else out += first;
  }
};

std::unique_ptr<node> compile_firstof(parser& p, const token& t) {
  auto bits = parser::split_contents(t.contents);
  bits.erase(bits.begin());
  if (bits.empty()) throw syntax_error("'firstof' statement requires at least one argument");
  auto n = std::make_unique<firstof_node>();
  if (bits.size() >= 2 && bits[bits.size() - 2] == "as") {
    n->asvar = bits.back();
    bits.resize(bits.size() - 2);
  }
  for (auto b : bits) n->vars.push_back(p.compile_filter(b));
  return n;
}

}  // namespace

void register_control_tags(tag_registry& tags) {
  register_if_tag(tags);
  tags["for"] = compile_for;
  tags["ifchanged"] = compile_ifchanged;
  tags["ifequal"] = [](parser& p, const token& t) { return compile_ifequal(p, t, false); };
  tags["ifnotequal"] = [](parser& p, const token& t) { return compile_ifequal(p, t, true); };
  tags["with"] = compile_with;
  tags["cycle"] = compile_cycle;
  tags["resetcycle"] = compile_resetcycle;
  tags["firstof"] = compile_firstof;
}

}  // namespace djust::tmpl::detail
