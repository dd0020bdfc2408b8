// Tree construction for body content: the stack of open elements, implied and auto-closed
// tags, tables (implied tbody/tr, foster parenting), lists, foreign (SVG/MathML) content.
#include "tree_builder.hpp"

#include <algorithm>
#include <string>

#include "checkpoints.hpp"
#include "foreign_names.hpp"

namespace djust::vdom::detail {
namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

bool is_breakout(std::string_view n) {
  static constexpr std::string_view names[] = {
      "b",  "big", "blockquote", "body",    "br",   "center", "code", "dd",    "div",
      "dl", "dt",  "em",         "embed",   "h1",   "h2",     "h3",   "h4",    "h5",
      "h6", "head", "hr",        "i",       "img",  "li",     "listing", "menu", "meta",
      "nobr", "ol", "p",         "pre",     "ruby", "s",      "small", "span", "strong",
      "strike", "sub", "sup",    "table",   "tt",   "u",      "ul",   "var"};
  return std::find(std::begin(names), std::end(names), n) != std::end(names);
}

}  // namespace

tree_builder::tree_builder(tree& t, const parse_options& options, bool document)
    : t_(t), opts_(options), tok_(t.buffer_for_parser(), 0, t.buffer().size()), document_(document) {
  stack_.push_back(tree::root);
  if (document) {
    doc_mode_ = doc_mode::before_html;
    ctx_tag_ = tag::unknown;
    modes_.push_back(mode::body);
    return;
  }
  std::string ctx = lowercase(options.context);
  ctx_ns_ = options.context_ns;
  if (ctx == "svg") ctx_ns_ = name_space::svg;
  if (ctx == "math") ctx_ns_ = name_space::mathml;
  ctx_tag_ = ctx_ns_ == name_space::html ? tag_of(ctx) : tag::unknown;
  mode m = mode::body;
  switch (ctx_tag_) {
    case tag::table: m = mode::table; break;
    case tag::tbody: case tag::thead: case tag::tfoot: m = mode::table_body; break;
    case tag::tr: m = mode::row; break;
    case tag::caption: m = mode::caption; break;
    case tag::colgroup: m = mode::colgroup; break;
    default: break;
  }
  modes_.push_back(m);
  if (has(ctx_tag_, rcdata)) tok_.set_mode(text_mode::rcdata, tag_name(ctx_tag_));
  else if (has(ctx_tag_, rawtext)) tok_.set_mode(text_mode::rawtext, tag_name(ctx_tag_));
  else if (ctx_tag_ == tag::plaintext) tok_.set_mode(text_mode::plaintext, {});
}

tree_builder::tree_builder(tree& t, const parse_options& options, std::span<const node_index> chain,
                           node_index first_new, std::size_t end)
    : tree_builder(t, options, false) {
  // At a checkpoint the tokenizer reads markup, whatever the context element.
  tok_.restart(0, end);
  for (node_index n : chain) push(n);
  region_ = true;
  base_ = stack_.size();
  first_new_ = first_new;
}

bool tree_builder::region_ok() const {
  return !unsafe_ && !tok_.cut() && tok_.in_data_mode() && !skip_lf_ && stack_.size() == base_ && active_.empty();
}

// ---- stack of open elements ----

tag tree_builder::tag_at(node_index n) const {
  if (n == tree::root) return ctx_tag_;
  const node& x = t_.at(n);
  return x.ns == name_space::html ? static_cast<tag>(x.tag) : tag::unknown;
}

bool tree_builder::is_html(node_index n) const {
  return n == tree::root ? ctx_ns_ == name_space::html : t_.at(n).ns == name_space::html;
}

void tree_builder::push(node_index n) {
  if (stack_.size() >= opts_.max_depth)
    throw parse_error("HTML nested deeper than " + std::to_string(opts_.max_depth) + " elements",
                      tok_.position());
  mode m = modes_.back();
  if (t_.at(n).ns == name_space::html) {
    switch (static_cast<tag>(t_.at(n).tag)) {
      case tag::table: m = mode::table; break;
      case tag::tbody: case tag::thead: case tag::tfoot: m = mode::table_body; break;
      case tag::tr: m = mode::row; break;
      case tag::td: case tag::th: m = mode::cell; break;
      case tag::caption: m = mode::caption; break;
      case tag::colgroup: m = mode::colgroup; break;
      case tag::html: case tag::body: m = mode::body; break;
      default: break;
    }
  }
  stack_.push_back(n);
  modes_.push_back(m);
}

void tree_builder::pop() {
  if (stack_.size() <= 1) return;
  if (stack_.size() <= base_) unsafe_ = true;  // closes the region's container
  node_index n = stack_.back();
  if (n == clean_top_ && !token_text_ && token_start_ > 0 && token_start_ <= mark_end_mask)
    t_.mut(n).marks = (t_.at(n).marks & ~mark_end_mask) | token_start_;
  stack_.pop_back();
  modes_.pop_back();
}

void tree_builder::unstack(std::size_t at) {
  if (at < base_) unsafe_ = true;
  t_.mut(stack_[at]).marks |= mark_misplaced;
  stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(at));
  modes_.erase(modes_.begin() + static_cast<std::ptrdiff_t>(at));
}

bool tree_builder::clean_state() const {
  return !skip_lf_ && (active_.empty() || active_.back() == no_node);
}

void tree_builder::attach(node_index parent, node_index n, node_index before) {
  if (!region_parent_ok(parent)) unsafe_ = true;
  t_.link(parent, n, before);
  if (parent != cur() || before != no_node) t_.mut(n).marks |= mark_misplaced;
  if (made_node_) return;
  made_node_ = true;
  if (parent != clean_top_ || before != no_node) return;
  // Made from the token itself, so that start_offset() finds the token again: "<name",
  // "<!--data" or text.
  const node& x = t_.at(n);
  std::uint32_t skip = x.kind == node_kind::element ? 1 : x.kind == node_kind::comment ? 4 : 0;
  if (x.kind != node_kind::doctype && x.name.off == token_start_ + skip)
    t_.mut(n).marks |= mark_clean_before | (prev_text_ ? mark_after_text : 0);
}

void tree_builder::relink(node_index parent, node_index n, node_index before) {
  if (!region_parent_ok(parent)) unsafe_ = true;
  t_.unlink(n);
  t_.link(parent, n, before);
  t_.mut(n).marks |= mark_misplaced;
}

namespace {
// Foreign elements that bound "in scope" searches (MathML text and HTML integration points).
bool foreign_scope_boundary(const tree& t, node_index n) {
  std::string_view name = t.name(n);
  if (t.at(n).ns == name_space::svg) return name == "foreignObject" || name == "desc" || name == "title";
  return name == "mi" || name == "mo" || name == "mn" || name == "ms" || name == "mtext" ||
         name == "annotation-xml";
}
}  // namespace

bool tree_builder::in_scope(tag target, std::uint32_t extra) const {
  for (std::size_t i = stack_.size(); i-- > 1;) {
    node_index n = stack_[i];
    if (!is_html(n)) {
      if (!(extra & 4) && foreign_scope_boundary(t_, n)) return false;
      continue;
    }
    tag g = tag_at(n);
    if (g == target) return true;
    if (extra & 4) {
      if (g == tag::html || g == tag::table || g == tag::template_) return false;
      continue;
    }
    if (has(g, scope)) return false;
    if ((extra & 1) && g == tag::button) return false;
    if ((extra & 2) && (g == tag::ol || g == tag::ul)) return false;
  }
  return false;
}

bool tree_builder::in_table_scope(tag t) const { return in_scope(t, 4); }

void tree_builder::pop_until(tag t) {
  while (stack_.size() > 1) {
    node_index n = cur();
    pop();
    if (is_html(n) && tag_at(n) == t) return;
  }
}

void tree_builder::pop_until_any(std::uint32_t flags) {
  while (stack_.size() > 1) {
    node_index n = cur();
    pop();
    if (is_html(n) && has(tag_at(n), flags)) return;
  }
}

void tree_builder::clear_to(std::uint32_t ctx) {
  // ctx: table_ctx -> back to table; section -> back to tbody/thead/tfoot; 0 -> back to tr.
  while (stack_.size() > 1) {
    tag g = is_html(cur()) ? tag_at(cur()) : tag::unknown;
    if (g == tag::html || g == tag::template_) return;
    if (ctx == table_ctx && g == tag::table) return;
    if (ctx == section && has(g, section)) return;
    if (ctx == 0 && g == tag::tr) return;
    pop();
  }
}

void tree_builder::generate_implied(tag except) {
  while (stack_.size() > 1 && is_html(cur())) {
    tag g = tag_at(cur());
    if (!has(g, implied_end) || g == except) return;
    pop();
  }
}

void tree_builder::close_p_if_in_button_scope() {
  if (!in_scope(tag::p, 1)) return;
  generate_implied(tag::p);
  pop_until(tag::p);
}

void tree_builder::close_cell() {
  generate_implied();
  pop_until_any(cell);
  clear_active_to_marker();
}

// ---- insertion ----

str_ref tree_builder::intern(std::string_view s) {
  for (auto& [name, ref] : interned_)
    if (name == s) return ref;
  str_ref r = t_.append_bytes(s);
  interned_.emplace_back(std::string(s), r);
  return r;
}

node_index tree_builder::create_element(const token& tok, name_space ns) {
  node n;
  n.kind = node_kind::element;
  n.ns = ns;
  n.name = tok.data;
  std::string_view name = t_.str(tok.data);
  if (ns == name_space::html) {
    n.tag = static_cast<std::uint16_t>(tok.code);
  } else if (ns == name_space::svg) {
    std::string_view adjusted = adjust_svg_tag(name);
    if (!adjusted.empty()) n.name = intern(adjusted);
  }
  auto& store = t_.attribute_store();
  n.attr_begin = static_cast<std::uint32_t>(store.size());
  n.attr_count = static_cast<std::uint32_t>(tok.attrs.size());
  for (attribute a : tok.attrs) {
    if (ns != name_space::html) {
      std::string_view an = t_.str(a.name);
      std::string_view adjusted = ns == name_space::svg ? adjust_svg_attr(an) : adjust_mathml_attr(an);
      if (!adjusted.empty()) a.name = intern(adjusted);
    }
    store.push_back(a);
  }
  return t_.add_node(n);
}

node_index tree_builder::create_implied(tag t) {
  node n;
  n.kind = node_kind::element;
  n.tag = static_cast<std::uint16_t>(t);
  n.name = intern(tag_name(t));
  n.attr_begin = static_cast<std::uint32_t>(t_.attribute_store().size());
  return t_.add_node(n);
}

void tree_builder::place(node_index n, bool foster) {
  node_index target = cur();
  if (foster && is_html(target) && has(tag_at(target), table_ctx) && target != tree::root) {
    for (std::size_t i = stack_.size(); i-- > 1;) {
      node_index s = stack_[i];
      if (!is_html(s) || tag_at(s) != tag::table) continue;
      node_index parent = t_.at(s).parent;
      if (parent != no_node) attach(parent, n, s);
      else attach(stack_[i - 1], n);
      return;
    }
    attach(tree::root, n);
    return;
  }
  attach(target, n);
}

node_index tree_builder::insert(const token& tok, bool foster, name_space ns) {
  node_index n = create_element(tok, ns);
  place(n, foster);
  if (ns == name_space::html) {
    tag g = static_cast<tag>(t_.at(n).tag);
    if (has(g, void_)) return n;
    push(n);
    if (has(g, rcdata)) tok_.set_mode(text_mode::rcdata, tag_name(g));
    else if (has(g, rawtext)) tok_.set_mode(text_mode::rawtext, tag_name(g));
    else if (g == tag::plaintext) tok_.set_mode(text_mode::plaintext, {});
    if (g == tag::pre || g == tag::listing || g == tag::textarea) skip_lf_ = true;
    return n;
  }
  if (!tok.self_closing) push(n);
  return n;
}

void tree_builder::insert_implied(tag t) {
  node_index n = create_implied(t);
  place(n, false);
  push(n);
}

void tree_builder::insert_comment(str_ref r, node_index parent) {
  node n;
  n.kind = node_kind::comment;
  n.name = r;
  attach(parent, t_.add_node(n));
}

void tree_builder::insert_text_at(str_ref r, node_index parent, node_index before) {
  node_index prev = before == no_node ? t_.at(parent).last_child : t_.at(before).prev_sibling;
  if (prev != no_node && t_.at(prev).kind == node_kind::text) {
    if (region_ && prev < first_new_) {  // joins text outside the region
      unsafe_ = true;
      return;
    }
    str_ref& p = t_.mut(prev).name;
    const std::string& buf = t_.buffer();
    if (p.off + p.len == r.off) {
      p.len += r.len;
    } else if (p.off + p.len == buf.size()) {
      std::string copy(t_.str(r));
      t_.append_bytes(copy);
      p.len += r.len;
    } else {
      std::string joined = std::string(t_.str(p)) + std::string(t_.str(r));
      p = t_.append_bytes(joined);
    }
    return;
  }
  node n;
  n.kind = node_kind::text;
  n.name = r;
  attach(parent, t_.add_node(n), before);
}

// ---- dispatch ----

void tree_builder::run() {
  if (t_.buffer().size() > 0x7FFFFFFFu)
    throw parse_error("HTML larger than 2 GiB", 0);
  token tok;
  for (;;) {
    tok_.set_foreign(!is_html(cur()));
    bool markup = tok_.in_data_mode();
    tok_.next(tok);
    clean_top_ = markup && clean_state() ? cur() : no_node;
    token_start_ = static_cast<std::uint32_t>(tok.offset);
    token_text_ = tok.kind == token_kind::text;
    made_node_ = false;
    if (tok.kind == token_kind::eof) {
      // The end of the input closes the current node like an end tag.
      if (clean_top_ != no_node && token_start_ > 0 && token_start_ <= mark_end_mask)
        t_.mut(clean_top_).marks = (t_.at(clean_top_).marks & ~mark_end_mask) | token_start_;
      break;
    }
    if (region_ && (tok.kind == token_kind::start_tag || tok.kind == token_kind::end_tag) && tok.code == tag::form)
      unsafe_ = true;  // the form element pointer is not known here
    if (unsafe_) break;
    process(tok);
    prev_text_ = token_text_;
    if (unsafe_) break;
  }
  if (!document_) return;
  token none;
  if (doc_mode_ == doc_mode::before_html) {
    html_ = create_implied(tag::html);
    attach(tree::root, html_);
    push(html_);
    doc_mode_ = doc_mode::before_head;
  }
  if (doc_mode_ == doc_mode::before_head) {
    insert_implied(tag::head);
    head_ = cur();
    doc_mode_ = doc_mode::in_head;
  }
  if (doc_mode_ == doc_mode::in_head) {
    pop_until(tag::head);
    doc_mode_ = doc_mode::after_head;
  }
  if (doc_mode_ == doc_mode::after_head) insert_implied(tag::body);
}

void tree_builder::process(token& tok) {
  if (tok.kind != token_kind::text) skip_lf_ = false;
  if (document_ && document_rules(tok)) return;
  if (use_foreign_rules(tok)) {
    foreign(tok);
    return;
  }
  switch (tok.kind) {
    case token_kind::start_tag: start_tag(tok); break;
    case token_kind::end_tag: end_tag(tok); break;
    case token_kind::text: text(tok.data); break;
    case token_kind::comment: insert_comment(tok.data, cur()); break;
    default: break;  // doctype in body: ignored
  }
}

bool tree_builder::use_foreign_rules(const token& tok) const {
  node_index n = cur();
  name_space ns = n == tree::root ? ctx_ns_ : t_.at(n).ns;
  if (ns == name_space::html) return false;
  std::string name = n == tree::root ? lowercase(opts_.context) : lowercase(t_.name(n));
  bool start = tok.kind == token_kind::start_tag;
  bool text = tok.kind == token_kind::text;
  if (ns == name_space::mathml) {
    if (name == "mi" || name == "mo" || name == "mn" || name == "ms" || name == "mtext") {
      std::string_view tn = t_.str(tok.data);
      if ((start && tn != "mglyph" && tn != "malignmark") || text) return false;
    }
    if (name == "annotation-xml") {
      if (start && t_.str(tok.data) == "svg") return false;
      if (n != tree::root && (start || text)) {
        const attribute* enc = t_.find_attribute(n, "encoding");
        if (enc) {
          std::string v = lowercase(t_.str(enc->value));
          if (v == "text/html" || v == "application/xhtml+xml") return false;
        }
      }
    }
    return true;
  }
  if ((name == "foreignobject" || name == "desc" || name == "title") && (start || text)) return false;
  return true;
}

void tree_builder::foreign(token& tok) {
  switch (tok.kind) {
    case token_kind::text: insert_text_at(tok.data, cur(), no_node); return;
    case token_kind::comment: insert_comment(tok.data, cur()); return;
    case token_kind::start_tag: {
      std::string_view name = t_.str(tok.data);
      bool font_breakout = name == "font" &&
                           std::any_of(tok.attrs.begin(), tok.attrs.end(), [&](const attribute& a) {
                             std::string_view an = t_.str(a.name);
                             return an == "color" || an == "face" || an == "size";
                           });
      if (is_breakout(name) || font_breakout) {
        while (stack_.size() > 1 && !is_html(cur()) && !foreign_scope_boundary(t_, cur())) pop();
        start_tag(tok);
        return;
      }
      node_index c = cur();
      insert(tok, false, c == tree::root ? ctx_ns_ : t_.at(c).ns);
      return;
    }
    case token_kind::end_tag: {
      std::string_view name = t_.str(tok.data);
      if (name == "br" || name == "p") {  // close the foreign content, then HTML rules
        while (stack_.size() > 1 && !is_html(cur()) && !foreign_scope_boundary(t_, cur())) pop();
        end_tag(tok);
        return;
      }
      for (std::size_t i = stack_.size(); i-- > 1;) {
        node_index n = stack_[i];
        if (is_html(n)) {
          end_tag(tok);
          return;
        }
        if (lowercase(t_.name(n)) == name) {
          while (stack_.size() > i) pop();
          return;
        }
      }
      return;
    }
    default: return;
  }
}

void tree_builder::text(str_ref r) {
  if (skip_lf_) {
    skip_lf_ = false;
    std::string_view s = t_.str(r);
    std::uint32_t skip = 0;
    if (s.size() >= 2 && s[0] == '\r' && s[1] == '\n') skip = 2;
    else if (!s.empty() && (s[0] == '\n' || s[0] == '\r')) skip = 1;
    r.off += skip;
    r.len -= skip;
    if (r.len == 0) return;
  }
  node_index c = cur();
  if (c != tree::root && is_html(c) && (has(tag_at(c), rawtext | rcdata) || tag_at(c) == tag::plaintext)) {
    insert_text_at(r, c, no_node);  // the element's own text content
    return;
  }
  mode m = cur_mode();
  bool table_text = is_html(c) && c != tree::root && has(tag_at(c), table_ctx);
  if (c == tree::root && (m == mode::table || m == mode::table_body || m == mode::row)) table_text = true;
  std::string_view s = t_.str(r);
  bool all_ws = std::all_of(s.begin(), s.end(), is_ws);
  if (m == mode::colgroup && (c == tree::root || tag_at(c) == tag::colgroup)) {
    if (all_ws) {
      insert_text_at(r, c, no_node);
      return;
    }
    if (c == tree::root) return;
    pop();
    text(r);
    return;
  }
  if (!table_text || all_ws) {
    if (!table_text) reconstruct(false);
    insert_text_at(r, cur(), no_node);
    return;
  }
  reconstruct(true);
  if (cur() != c) {  // formatting elements were reopened (foster-parented): text goes inside
    insert_text_at(r, cur(), no_node);
    return;
  }
  // Foster parenting: non-space text inside table structure goes before the table.
  for (std::size_t i = stack_.size(); i-- > 1;) {
    node_index s2 = stack_[i];
    if (!is_html(s2) || tag_at(s2) != tag::table) continue;
    node_index parent = t_.at(s2).parent;
    if (parent != no_node) insert_text_at(r, parent, s2);
    else insert_text_at(r, stack_[i - 1], no_node);
    return;
  }
  insert_text_at(r, tree::root, no_node);
}

}  // namespace djust::vdom::detail
