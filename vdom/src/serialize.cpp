// Tree -> HTML with the HTML fragment serialization algorithm (element.innerHTML).
#include "djust/vdom/serialize.hpp"

#include <algorithm>
#include <vector>

#include "entities.hpp"
#include "serializer.hpp"
#include "tags.hpp"

namespace djust::vdom::detail {
namespace {

void escape(std::string_view s, bool attribute, std::string& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size()) {
      char c = s[j];
      if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\xC2') break;
      ++j;
    }
    out.append(s.substr(i, j - i));
    if (j >= s.size()) return;
    char c = s[j];
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += attribute ? "&quot;" : "\"";
    else if (j + 1 < s.size() && s[j + 1] == '\xA0') {
      out += "&nbsp;";
      ++j;
    } else {
      out.push_back(c);
    }
    i = j + 1;
  }
}

void append_decoded_escaped(const tree& t, str_ref raw, bool attribute, std::string& out) {
  std::string_view s = t.str(raw);
  if (!needs_decode(s)) {
    escape(s, attribute, out);
    return;
  }
  std::string decoded;
  decode_html(s, attribute, decoded);
  escape(decoded, attribute, out);
}

void append_cr_normalized(std::string_view s, std::string& out) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') {
      out.push_back(s[i]);
      continue;
    }
    out.push_back('\n');
    if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
  }
}

void open_tag(const tree& t, node_index n, const serialize_flags& f, std::string& out) {
  out.push_back('<');
  out.append(t.name(n));
  auto attrs = t.attributes(n);
  auto emit = [&](const attribute& a) {
    out.push_back(' ');
    out.append(t.str(a.name));
    out += "=\"";
    append_decoded_escaped(t, a.value, true, out);
    out.push_back('"');
  };
  if (f.sorted_attributes && attrs.size() > 1) {
    std::vector<const attribute*> sorted;
    for (const attribute& a : attrs) sorted.push_back(&a);
    std::sort(sorted.begin(), sorted.end(),
              [&](const attribute* x, const attribute* y) { return t.str(x->name) < t.str(y->name); });
    for (const attribute* a : sorted) emit(*a);
  } else {
    for (const attribute& a : attrs) emit(a);
  }
  out.push_back('>');
}

}  // namespace

bool literal_text_parent(const tree& t, node_index n) {
  if (n == no_node || t.at(n).kind != node_kind::element || t.at(n).ns != name_space::html) return false;
  tag g = static_cast<tag>(t.at(n).tag);
  return has(g, rawtext) || g == tag::plaintext;
}

std::string text_value(const tree& t, node_index text_node) {
  const node& x = t.at(text_node);
  if (literal_text_parent(t, x.parent)) {
    std::string out;
    append_cr_normalized(t.str(x.name), out);
    return out;
  }
  return t.decoded(x.name);
}

void serialize_node(const tree& t, node_index n, const serialize_flags& f, std::string& out) {
  const node& x = t.at(n);
  switch (x.kind) {
    case node_kind::text:
      if (literal_text_parent(t, x.parent)) append_cr_normalized(t.str(x.name), out);
      else append_decoded_escaped(t, x.name, false, out);
      return;
    case node_kind::comment:
      out += "<!--";
      append_cr_normalized(t.str(x.name), out);
      out += "-->";
      return;
    case node_kind::doctype:
      out += "<!DOCTYPE ";
      out.append(t.str(x.name));
      out.push_back('>');
      return;
    case node_kind::root:
      for (node_index c = x.first_child; c != no_node; c = t.at(c).next_sibling) serialize_node(t, c, f, out);
      return;
    case node_kind::element:
      break;
  }
  open_tag(t, n, f, out);
  tag g = x.ns == name_space::html ? static_cast<tag>(x.tag) : tag::unknown;
  if (has(g, void_)) return;
  if (f.keep_leading_newline && (g == tag::pre || g == tag::textarea || g == tag::listing) &&
      x.first_child != no_node && t.at(x.first_child).kind == node_kind::text) {
    std::string_view s = t.str(t.at(x.first_child).name);
    if (!s.empty() && (s[0] == '\n' || s[0] == '\r')) out.push_back('\n');
  }
  for (node_index c = x.first_child; c != no_node; c = t.at(c).next_sibling) serialize_node(t, c, f, out);
  out += "</";
  out.append(t.name(n));
  out.push_back('>');
}

}  // namespace djust::vdom::detail

namespace djust::vdom {

std::string inner_html(const tree& t, node_index from) {
  std::string out;
  out.reserve(t.buffer().size());
  for (node_index c = t.at(from).first_child; c != no_node; c = t.at(c).next_sibling)
    detail::serialize_node(t, c, {}, out);
  return out;
}

std::string outer_html(const tree& t, node_index n) {
  std::string out;
  detail::serialize_node(t, n, {}, out);
  return out;
}

std::string canonical_html(const tree& t, node_index from) {
  std::string out;
  detail::serialize_flags f;
  f.sorted_attributes = true;
  for (node_index c = t.at(from).first_child; c != no_node; c = t.at(c).next_sibling)
    detail::serialize_node(t, c, f, out);
  return out;
}

}  // namespace djust::vdom
