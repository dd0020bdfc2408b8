// Django's Lexer: a hand-written scan equivalent to tag_re = ({%.*?%}|{{.*?}}|{#.*?#}).
#include "lexer.hpp"

#include <string>

namespace djust::tmpl::detail {

bool is_py_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }

std::string_view strip_ws(std::string_view s) {
  while (!s.empty() && is_py_space(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && is_py_space(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

namespace {

// The end (one past the closing delimiter) of a tag opened at `pos`, or npos.
std::size_t tag_end(std::string_view src, std::size_t pos) {
  char open = src[pos + 1];
  char close = open == '{' ? '}' : open;  // {{ }}, {% %}, {# #}
  for (std::size_t i = pos + 2; i + 1 < src.size(); ++i) {
    if (src[i] == '\n') return std::string_view::npos;
    if (src[i] == close && src[i + 1] == '}') return i + 2;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<token> tokenize(std::string_view src) {
  std::vector<token> out;
  std::string verbatim_end;  // non-empty while inside {% verbatim %}
  std::size_t text_start = 0, i = 0;
  auto push_text = [&](std::size_t end) {
    if (end > text_start)
      out.push_back({token_kind::text, src.substr(text_start, end - text_start),
                     static_cast<std::uint32_t>(text_start),
                     static_cast<std::uint32_t>(end - text_start)});
  };
  while (i + 1 < src.size()) {
    if (src[i] != '{' || (src[i + 1] != '{' && src[i + 1] != '%' && src[i + 1] != '#')) {
      ++i;
      continue;
    }
    std::size_t end = tag_end(src, i);
    if (end == std::string_view::npos) {
      ++i;
      continue;
    }
    push_text(i);
    std::string_view whole = src.substr(i, end - i);
    std::string_view inner = strip_ws(whole.substr(2, whole.size() - 4));
    token t{token_kind::text, whole, static_cast<std::uint32_t>(i),
            static_cast<std::uint32_t>(end - i)};
    char kind = whole[1];
    if (kind == '%' && !verbatim_end.empty() && inner == verbatim_end) verbatim_end.clear();
    if (verbatim_end.empty()) {
      if (kind == '{') {
        t.kind = token_kind::var;
        t.contents = inner;
      } else if (kind == '%') {
        if (inner.substr(0, 9) == "verbatim" || inner.substr(0, 9) == "verbatim ")
          verbatim_end = "end" + std::string(inner);
        t.kind = token_kind::block;
        t.contents = inner;
      } else {
        t.kind = token_kind::comment;
        t.contents = inner;
      }
    }
    out.push_back(t);
    i = end;
    text_start = end;
  }
  push_text(src.size());
  return out;
}

}  // namespace djust::tmpl::detail
