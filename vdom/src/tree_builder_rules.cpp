// Tree construction rules per insertion mode: start and end tags in body and table modes,
// and the document-level modes around the body (before html, in head, after body).
#include <algorithm>

#include "tree_builder.hpp"

namespace djust::vdom::detail {
namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool one_of(tag t, std::initializer_list<tag> tags) {
  return std::find(tags.begin(), tags.end(), t) != tags.end();
}

}  // namespace

void tree_builder::start_tag(token& tok) {
  tag t = tok.code;
  auto table_rules = [&] {
    switch (t) {
      case tag::caption:
      case tag::colgroup:
      case tag::tbody:
      case tag::tfoot:
      case tag::thead:
        clear_to(table_ctx);
        insert(tok, false);
        if (t == tag::caption) push_marker();
        return;
      case tag::col:
        clear_to(table_ctx);
        insert_implied(tag::colgroup);
        start_tag(tok);
        return;
      case tag::td:
      case tag::th:
      case tag::tr:
        clear_to(table_ctx);
        insert_implied(tag::tbody);
        start_tag(tok);
        return;
      case tag::table:
        if (!in_table_scope(tag::table)) return;
        pop_until(tag::table);
        start_tag(tok);
        return;
      case tag::style:
      case tag::script:
      case tag::template_:
        insert(tok, false);
        return;
      case tag::input: {
        const attribute* type = nullptr;
        for (const attribute& a : tok.attrs)
          if (t_.str(a.name) == "type") type = &a;
        std::string v = type ? std::string(t_.str(type->value)) : std::string();
        std::transform(v.begin(), v.end(), v.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
        if (v == "hidden") {
          insert(tok, false);
          return;
        }
        body_start(tok, t, true);
        return;
      }
      case tag::form:
        if (form_ != no_node) return;
        form_ = insert(tok, false);
        pop();
        return;
      default:
        body_start(tok, t, true);
        return;
    }
  };
  switch (cur_mode()) {
    case mode::body:
      body_start(tok, t, false);
      return;
    case mode::table:
      table_rules();
      return;
    case mode::table_body:
      if (t == tag::tr) {
        clear_to(section);
        insert(tok, false);
      } else if (t == tag::td || t == tag::th) {
        clear_to(section);
        insert_implied(tag::tr);
        start_tag(tok);
      } else if (one_of(t, {tag::caption, tag::col, tag::colgroup, tag::tbody, tag::tfoot, tag::thead})) {
        if (!in_table_scope(tag::tbody) && !in_table_scope(tag::thead) && !in_table_scope(tag::tfoot)) return;
        clear_to(section);
        pop();
        start_tag(tok);
      } else {
        table_rules();
      }
      return;
    case mode::row:
      if (t == tag::td || t == tag::th) {
        clear_to(0);
        insert(tok, false);
        push_marker();
      } else if (one_of(t, {tag::caption, tag::col, tag::colgroup, tag::tbody, tag::tfoot, tag::thead, tag::tr})) {
        if (!in_table_scope(tag::tr)) return;
        clear_to(0);
        pop();
        start_tag(tok);
      } else {
        table_rules();
      }
      return;
    case mode::cell:
      if (one_of(t, {tag::caption, tag::col, tag::colgroup, tag::tbody, tag::td, tag::tfoot, tag::th,
                     tag::thead, tag::tr})) {
        if (!in_table_scope(tag::td) && !in_table_scope(tag::th)) return;
        close_cell();
        start_tag(tok);
        return;
      }
      body_start(tok, t, false);
      return;
    case mode::caption:
      if (one_of(t, {tag::caption, tag::col, tag::colgroup, tag::tbody, tag::td, tag::tfoot, tag::th,
                     tag::thead, tag::tr})) {
        if (!in_table_scope(tag::caption)) return;
        generate_implied();
        pop_until(tag::caption);
        clear_active_to_marker();
        start_tag(tok);
        return;
      }
      body_start(tok, t, false);
      return;
    case mode::colgroup:
      if (t == tag::col || t == tag::template_) {
        insert(tok, false);
        return;
      }
      if (cur() == tree::root || tag_at(cur()) != tag::colgroup) return;
      pop();
      start_tag(tok);
      return;
  }
}

void tree_builder::body_start(token& tok, tag t, bool foster) {
  switch (t) {
    case tag::html:
    case tag::body:
    case tag::head:
    case tag::frameset:
    case tag::frame:
    case tag::caption:
    case tag::col:
    case tag::colgroup:
    case tag::tbody:
    case tag::td:
    case tag::tfoot:
    case tag::th:
    case tag::thead:
    case tag::tr:
      return;  // parse error: ignored
    case tag::address: case tag::article: case tag::aside: case tag::blockquote: case tag::center:
    case tag::details: case tag::dialog: case tag::dir: case tag::div: case tag::dl:
    case tag::fieldset: case tag::figcaption: case tag::figure: case tag::footer: case tag::header:
    case tag::hgroup: case tag::main: case tag::menu: case tag::nav: case tag::ol: case tag::p:
    case tag::search: case tag::section: case tag::summary: case tag::ul: case tag::pre:
    case tag::listing: case tag::plaintext: case tag::hr:
      close_p_if_in_button_scope();
      insert(tok, foster);
      return;
    case tag::xmp:
      close_p_if_in_button_scope();
      reconstruct(foster);
      insert(tok, foster);
      return;
    case tag::h1: case tag::h2: case tag::h3: case tag::h4: case tag::h5: case tag::h6:
      close_p_if_in_button_scope();
      if (is_html(cur()) && has(tag_at(cur()), heading)) pop();
      insert(tok, foster);
      return;
    case tag::form:
      if (form_ != no_node) return;
      close_p_if_in_button_scope();
      form_ = insert(tok, foster);
      return;
    case tag::li:
    case tag::dd:
    case tag::dt:
      for (std::size_t i = stack_.size(); i-- > 1;) {
        node_index n = stack_[i];
        if (!is_html(n)) continue;
        tag g = tag_at(n);
        bool match = t == tag::li ? g == tag::li : (g == tag::dd || g == tag::dt);
        if (match) {
          generate_implied(g);
          pop_until(g);
          break;
        }
        if (has(g, special) && g != tag::address && g != tag::div && g != tag::p) break;
      }
      close_p_if_in_button_scope();
      insert(tok, foster);
      return;
    case tag::button:
      if (in_scope(tag::button)) {
        generate_implied();
        pop_until(tag::button);
      }
      reconstruct(foster);
      insert(tok, foster);
      return;
    case tag::table:
      if (!quirks_) close_p_if_in_button_scope();
      insert(tok, foster);
      return;
    case tag::image:
      tok.data = intern("img");
      tok.code = tag::img;
      reconstruct(foster);
      insert(tok, foster);
      return;
    case tag::a:
      for (std::size_t i = active_.size(); i-- > 0 && active_[i] != no_node;) {
        if (t_.name(active_[i]) != "a") continue;
        node_index old = active_[i];
        adoption_agency("a");
        auto it = std::find(active_.begin(), active_.end(), old);
        if (it != active_.end()) active_.erase(it);
        std::size_t at = stack_pos(old);
        if (at < stack_.size()) unstack(at);
        break;
      }
      reconstruct(foster);
      push_active(insert(tok, foster));
      return;
    case tag::b: case tag::big: case tag::code: case tag::em: case tag::font: case tag::i:
    case tag::s: case tag::small: case tag::strike: case tag::strong: case tag::tt: case tag::u:
      reconstruct(foster);
      push_active(insert(tok, foster));
      return;
    case tag::nobr:
      reconstruct(foster);
      if (in_scope(tag::nobr)) {
        adoption_agency("nobr");
        reconstruct(foster);
      }
      push_active(insert(tok, foster));
      return;
    case tag::applet: case tag::marquee: case tag::object:
      reconstruct(foster);
      insert(tok, foster);
      push_marker();
      return;
    case tag::area: case tag::br: case tag::embed: case tag::img: case tag::keygen: case tag::wbr:
      reconstruct(foster);
      insert(tok, foster);
      return;
    // <select> content follows the relaxed select parser (Chromium 135+, HTML spec 2025).
    case tag::select:
      if (in_scope(tag::select)) {  // a nested <select> closes the open one
        pop_until(tag::select);
        return;
      }
      reconstruct(foster);
      insert(tok, foster);
      return;
    case tag::input:
      if (in_scope(tag::select)) pop_until(tag::select);
      reconstruct(foster);
      insert(tok, foster);
      return;
    case tag::textarea:
      if (in_scope(tag::select)) pop_until(tag::select);
      insert(tok, foster);
      return;
    case tag::option:
      if (in_scope(tag::select)) generate_implied(tag::optgroup);
      else if (is_html(cur()) && tag_at(cur()) == tag::option) pop();
      reconstruct(foster);
      insert(tok, foster);
      return;
    case tag::optgroup:
      if (in_scope(tag::select)) generate_implied();
      else if (is_html(cur()) && tag_at(cur()) == tag::option) pop();
      reconstruct(foster);
      insert(tok, foster);
      return;
    case tag::rb:
    case tag::rtc:
      if (in_scope(tag::ruby)) generate_implied();
      insert(tok, foster);
      return;
    case tag::rp:
    case tag::rt:
      if (in_scope(tag::ruby)) generate_implied(tag::rtc);
      insert(tok, foster);
      return;
    case tag::math:
      reconstruct(foster);
      insert(tok, foster, name_space::mathml);
      return;
    case tag::svg:
      reconstruct(foster);
      insert(tok, foster, name_space::svg);
      return;
    case tag::base: case tag::basefont: case tag::bgsound: case tag::link: case tag::meta:
    case tag::script: case tag::style: case tag::noframes: case tag::title: case tag::template_:
    case tag::param: case tag::source: case tag::track:
      insert(tok, foster);
      return;
    default:
      reconstruct(foster);
      insert(tok, foster);
      return;
  }
}

void tree_builder::end_tag(token& tok) {
  tag t = tok.code;
  auto ignored = [&](std::initializer_list<tag> tags) { return one_of(t, tags); };
  switch (cur_mode()) {
    case mode::body:
      break;
    case mode::table:
      if (t == tag::table) {
        if (in_table_scope(tag::table)) pop_until(tag::table);
        return;
      }
      if (ignored({tag::body, tag::caption, tag::col, tag::colgroup, tag::html, tag::tbody, tag::td,
                   tag::tfoot, tag::th, tag::thead, tag::tr}))
        return;
      break;
    case mode::table_body:
      if (has(t, section)) {
        if (!in_table_scope(t)) return;
        clear_to(section);
        pop();
        return;
      }
      if (t == tag::table) {
        if (!in_table_scope(tag::tbody) && !in_table_scope(tag::thead) && !in_table_scope(tag::tfoot)) return;
        clear_to(section);
        pop();
        end_tag(tok);
        return;
      }
      if (ignored({tag::body, tag::caption, tag::col, tag::colgroup, tag::html, tag::td, tag::th, tag::tr}))
        return;
      break;
    case mode::row:
      if (t == tag::tr) {
        if (!in_table_scope(tag::tr)) return;
        clear_to(0);
        pop();
        return;
      }
      if (t == tag::table || has(t, section)) {
        if (t != tag::table && !in_table_scope(t)) return;
        if (!in_table_scope(tag::tr)) return;
        clear_to(0);
        pop();
        end_tag(tok);
        return;
      }
      if (ignored({tag::body, tag::caption, tag::col, tag::colgroup, tag::html, tag::td, tag::th})) return;
      break;
    case mode::cell:
      if (t == tag::td || t == tag::th) {
        if (!in_table_scope(t)) return;
        generate_implied();
        pop_until(t);
        clear_active_to_marker();
        return;
      }
      if (ignored({tag::body, tag::caption, tag::col, tag::colgroup, tag::html})) return;
      if (t == tag::table || t == tag::tr || has(t, section)) {
        if (!in_table_scope(t)) return;
        close_cell();
        end_tag(tok);
        return;
      }
      break;
    case mode::caption:
      if (t == tag::caption || t == tag::table) {
        if (!in_table_scope(tag::caption)) return;
        generate_implied();
        pop_until(tag::caption);
        clear_active_to_marker();
        if (t == tag::table) end_tag(tok);
        return;
      }
      if (ignored({tag::body, tag::col, tag::colgroup, tag::html, tag::tbody, tag::td, tag::tfoot, tag::th,
                   tag::thead, tag::tr}))
        return;
      break;
    case mode::colgroup:
      if (t == tag::col) return;
      if (cur() == tree::root || tag_at(cur()) != tag::colgroup) return;
      pop();
      if (t != tag::colgroup) end_tag(tok);
      return;
  }
  body_end(tok, t);
}

void tree_builder::body_end(token& tok, tag t) {
  switch (t) {
    case tag::body:
    case tag::html:
      if (document_ && in_scope(tag::body)) doc_mode_ = doc_mode::after_body;
      return;
    case tag::address: case tag::article: case tag::aside: case tag::blockquote: case tag::button:
    case tag::center: case tag::details: case tag::dialog: case tag::dir: case tag::div: case tag::dl:
    case tag::fieldset: case tag::figcaption: case tag::figure: case tag::footer: case tag::header:
    case tag::hgroup: case tag::listing: case tag::main: case tag::menu: case tag::nav: case tag::ol:
    case tag::pre: case tag::search: case tag::section: case tag::summary: case tag::ul:
    case tag::select:
      if (!in_scope(t)) return;
      generate_implied();
      pop_until(t);
      return;
    case tag::applet: case tag::marquee: case tag::object:
      if (!in_scope(t)) return;
      generate_implied();
      pop_until(t);
      clear_active_to_marker();
      return;
    case tag::a: case tag::b: case tag::big: case tag::code: case tag::em: case tag::font: case tag::i:
    case tag::nobr: case tag::s: case tag::small: case tag::strike: case tag::strong: case tag::tt: case tag::u:
      if (!adoption_agency(t_.str(tok.data))) any_other_end(t_.str(tok.data));
      return;
    case tag::form: {
      node_index f = form_;
      form_ = no_node;
      auto it = std::find(stack_.begin() + 1, stack_.end(), f);
      if (f == no_node || it == stack_.end() || !in_scope(tag::form)) return;
      generate_implied();
      if (cur() == f) {
        pop();
        return;
      }
      unstack(static_cast<std::size_t>(it - stack_.begin()));
      return;
    }
    case tag::p:
      if (!in_scope(tag::p, 1)) {
        mode m = cur_mode();
        node_index n = create_implied(tag::p);
        place(n, m == mode::table || m == mode::table_body || m == mode::row);
        push(n);
      }
      generate_implied(tag::p);
      pop_until(tag::p);
      return;
    case tag::li:
      if (!in_scope(tag::li, 2)) return;
      generate_implied(tag::li);
      pop_until(tag::li);
      return;
    case tag::dd:
    case tag::dt:
      if (!in_scope(t)) return;
      generate_implied(t);
      pop_until(t);
      return;
    case tag::h1: case tag::h2: case tag::h3: case tag::h4: case tag::h5: case tag::h6: {
      bool any = in_scope(tag::h1) || in_scope(tag::h2) || in_scope(tag::h3) || in_scope(tag::h4) ||
                 in_scope(tag::h5) || in_scope(tag::h6);
      if (!any) return;
      generate_implied();
      pop_until_any(heading);
      return;
    }
    case tag::br: {
      token br;
      br.kind = token_kind::start_tag;
      br.data = intern("br");
      br.code = tag::br;
      mode m = cur_mode();
      bool foster = m == mode::table || m == mode::table_body || m == mode::row;
      reconstruct(foster);
      insert(br, foster);
      return;
    }
    default:
      break;
  }
  any_other_end(t_.str(tok.data));
}

bool tree_builder::document_rules(token& tok) {
  auto split_ws = [&](token& tk) {  // drops leading whitespace; true when nothing is left
    std::string_view s = t_.str(tk.data);
    std::size_t k = 0;
    while (k < s.size() && is_ws(s[k])) ++k;
    tk.data.off += static_cast<std::uint32_t>(k);
    tk.data.len -= static_cast<std::uint32_t>(k);
    return tk.data.len == 0;
  };
  std::string_view name = tok.kind == token_kind::start_tag || tok.kind == token_kind::end_tag
                              ? t_.str(tok.data)
                              : std::string_view{};
  bool start = tok.kind == token_kind::start_tag, end = tok.kind == token_kind::end_tag;
  auto head_content = [&] {
    return name == "base" || name == "basefont" || name == "bgsound" || name == "link" || name == "meta" ||
           name == "title" || name == "style" || name == "script" || name == "noscript" ||
           name == "noframes" || name == "template";
  };
  switch (doc_mode_) {
    case doc_mode::before_html:
      if (tok.kind == token_kind::doctype) {
        node d;
        d.kind = node_kind::doctype;
        d.name = tok.data;
        attach(tree::root, t_.add_node(d));
        quirks_ = t_.str(tok.data) != "html";
        return true;
      }
      if (tok.kind == token_kind::comment) {
        insert_comment(tok.data, tree::root);
        return true;
      }
      if (tok.kind == token_kind::text && split_ws(tok)) return true;
      if (end && name != "head" && name != "body" && name != "html" && name != "br") return true;
      quirks_ = quirks_ || t_.node_count() == 1 || t_.at(t_.at(tree::root).first_child).kind != node_kind::doctype;
      if (start && name == "html") {
        html_ = create_element(tok, name_space::html);
        attach(tree::root, html_);
      } else {
        html_ = create_implied(tag::html);
        attach(tree::root, html_);
      }
      push(html_);
      doc_mode_ = doc_mode::before_head;
      return start && name == "html" ? true : document_rules(tok);
    case doc_mode::before_head:
      if (tok.kind == token_kind::text && split_ws(tok)) return true;
      if (tok.kind == token_kind::comment) {
        insert_comment(tok.data, cur());
        return true;
      }
      if (tok.kind == token_kind::doctype || (start && name == "html")) return true;
      if (end && name != "head" && name != "body" && name != "html" && name != "br") return true;
      if (start && name == "head") {
        head_ = insert(tok, false);
      } else {
        insert_implied(tag::head);
        head_ = cur();
      }
      doc_mode_ = doc_mode::in_head;
      return start && name == "head" ? true : document_rules(tok);
    case doc_mode::in_head:
    case doc_mode::after_head: {
      bool in_head = doc_mode_ == doc_mode::in_head;
      if (cur() != head_ && cur() != html_) {  // inside <title>, <script>...: their own end tag closes them
        if (end && t_.str(tok.data) == t_.name(cur())) pop();
        else if (tok.kind == token_kind::text) insert_text_at(tok.data, cur(), no_node);
        return true;
      }
      if (tok.kind == token_kind::text) {
        std::string_view s = t_.str(tok.data);
        std::size_t k = 0;
        while (k < s.size() && is_ws(s[k])) ++k;
        if (k > 0) insert_text_at({tok.data.off, static_cast<std::uint32_t>(k)}, cur(), no_node);
        tok.data.off += static_cast<std::uint32_t>(k);
        tok.data.len -= static_cast<std::uint32_t>(k);
        if (tok.data.len == 0) return true;
      } else if (tok.kind == token_kind::comment) {
        insert_comment(tok.data, cur());
        return true;
      } else if (tok.kind == token_kind::doctype || (start && (name == "html" || name == "head"))) {
        return true;
      } else if (start && head_content()) {
        if (in_head) {
          body_start(tok, tag_of(name), false);
        } else {
          push(head_);
          std::size_t at = stack_.size() - 1;
          body_start(tok, tag_of(name), false);
          unstack(at);
        }
        return true;
      } else if (in_head && end && name == "head") {
        pop_until(tag::head);
        doc_mode_ = doc_mode::after_head;
        return true;
      } else if (end && name != "body" && name != "html" && name != "br") {
        return true;
      } else if (!in_head && start && name == "body") {
        body_ = insert(tok, false);
        doc_mode_ = doc_mode::in_body;
        return true;
      }
      if (in_head) {
        pop_until(tag::head);
        doc_mode_ = doc_mode::after_head;
        return document_rules(tok);
      }
      insert_implied(tag::body);
      body_ = cur();
      doc_mode_ = doc_mode::in_body;
      return false;
    }
    case doc_mode::in_body:
      if (start && (name == "html" || name == "body" || name == "head")) return true;
      if (tok.kind == token_kind::doctype) return true;
      return false;
    case doc_mode::after_body:
      if (tok.kind == token_kind::comment) {
        insert_comment(tok.data, html_);
        return true;
      }
      if (tok.kind == token_kind::doctype || (start && name == "html")) return true;
      if (end && name == "html") return true;
      if (tok.kind == token_kind::text) {
        std::string_view s = t_.str(tok.data);
        if (std::all_of(s.begin(), s.end(), is_ws)) return false;
      }
      doc_mode_ = doc_mode::in_body;
      return false;
  }
  return false;
}

}  // namespace djust::vdom::detail
