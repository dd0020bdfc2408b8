// Django's Parser: the parse loop, block-tag dispatch, errors located at their token.
#include "parser.hpp"

#include "lexer.hpp"

namespace djust::tmpl::detail {

parser::parser(const engine_impl& e, const origin& w, std::vector<token> tokens)
    : eng(e), where(w), tokens_(std::move(tokens)), tags_(e.builtin_tags) {
  libs_.push_back(&e.builtin_filters);
}

template_error parser::error(const token& t, const std::string& message, error_kind kind) const {
  return template_error(kind, message, where.name, where.line_at(t.offset),
                        where.text_at(t.offset, t.length));
}

namespace {

std::string text_list(const std::vector<std::string_view>& items) {
  // get_text_list(["'a'", "'b'", "'c'"], 'or') -> 'a', 'b' or 'c'
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += "'" + std::string(items[i]) + "'";
  }
  return out;
}

std::string join(const std::vector<std::string_view>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

}  // namespace

void parser::invalid_block_tag(const token& t, std::string_view command,
                               const std::vector<std::string_view>& until) const {
  int line = where.line_at(t.offset);
  if (!until.empty())
    throw error(t, "Invalid block tag on line " + std::to_string(line) + ": '" +
                       std::string(command) + "', expected " + text_list(until) +
                       ". Did you forget to register or load this tag?");
  throw error(t, "Invalid block tag on line " + std::to_string(line) + ": '" +
                     std::string(command) + "'. Did you forget to register or load this tag?");
}

node_list parser::parse(const std::vector<std::string_view>& until) {
  if (++depth_ > eng.options.max_nesting_depth) {
    const token& t = tokens_[pos_ ? pos_ - 1 : 0];
    throw error(t, "Template nesting is too deep (more than " +
                       std::to_string(eng.options.max_nesting_depth) + " levels)",
                error_kind::render);
  }
  node_list nodes;
  bool contains_nontext = false;
  auto extend = [&](std::unique_ptr<node> n, const token& t) {
    if (n->is_extends() && contains_nontext)
      throw error(t, n->repr() + " must be the first tag in the template.");
    if (!n->is_text()) contains_nontext = true;
    n->where = &where;
    n->offset = t.offset;
    n->length = t.length;
    nodes.push_back(std::move(n));
  };
  while (pos_ < tokens_.size()) {
    token t = tokens_[pos_++];
    switch (t.kind) {
      case token_kind::text: extend(std::make_unique<text_node>(t.contents), t); break;
      case token_kind::comment: break;
      case token_kind::var: {
        if (t.contents.empty())
          throw error(t, "Empty variable tag on line " + std::to_string(where.line_at(t.offset)));
        try {
          extend(std::make_unique<var_node>(compile_filter(t.contents)), t);
        } catch (const syntax_error& e) {
          throw error(t, e.what());
        }
        break;
      }
      case token_kind::block: {
        auto words = split_words(t.contents);
        if (words.empty())
          throw error(t, "Empty block tag on line " + std::to_string(where.line_at(t.offset)));
        std::string_view command = words[0];
        for (auto u : until)
          if (u == command) {
            --pos_;
            --depth_;
            return nodes;
          }
        command_stack_.emplace_back(command, t);
        auto it = tags_.find(std::string(command));
        const simple_tag_fn* simple = nullptr;
        if (it == tags_.end()) {
          for (auto lib = libs_.rbegin(); lib != libs_.rend() && !simple; ++lib)
            simple = (*lib)->find_simple_tag(command);
          if (!simple) invalid_block_tag(t, command, until);
        }
        std::unique_ptr<node> n;
        try {
          n = simple ? compile_simple_tag(*this, t, *simple) : it->second(*this, t);
        } catch (const template_error&) {
          throw;
        } catch (const syntax_error& e) {
          throw error(t, e.what());
        } catch (const std::exception& e) {
          throw error(t, e.what(), error_kind::render);
        }
        if (n) extend(std::move(n), t);
        command_stack_.pop_back();
        break;
      }
    }
  }
  if (!until.empty()) {
    auto [command, t] = command_stack_.back();
    command_stack_.pop_back();
    throw error(t, "Unclosed tag on line " + std::to_string(where.line_at(t.offset)) + ": '" +
                       std::string(command) + "'. Looking for one of: " + join(until, ", ") + ".");
  }
  --depth_;
  return nodes;
}

void parser::skip_past(std::string_view endtag) {
  while (pos_ < tokens_.size()) {
    const token& t = tokens_[pos_++];
    if (t.kind == token_kind::block && t.contents == endtag) return;
  }
  auto [command, t] = command_stack_.back();
  command_stack_.pop_back();
  throw error(t, "Unclosed tag on line " + std::to_string(where.line_at(t.offset)) + ": '" +
                     std::string(command) + "'. Looking for one of: " + std::string(endtag) + ".");
}

filter_expression parser::compile_filter(std::string_view text) const {
  return compile_filter_expression(text, [this](std::string_view name) -> const filter_def* {
    if (auto it = filters_.find(std::string(name)); it != filters_.end()) return it->second;
    for (auto lib = libs_.rbegin(); lib != libs_.rend(); ++lib)
      if (const filter_def* f = (*lib)->find_filter(name)) return f;
    return nullptr;
  });
}

void parser::add_library(const loadable_library& lib, const std::vector<std::string_view>* only) {
  if (!only) {
    for (const auto& [name, fn] : lib.tags) tags_[name] = fn;
    libs_.push_back(&lib.lib);
    return;
  }
  for (auto name : *only) {
    std::string n(name);
    if (auto it = lib.tags.find(n); it != lib.tags.end()) tags_[n] = it->second;
    if (const filter_def* f = lib.lib.find_filter(name)) filters_[n] = f;
  }
}

std::vector<std::string_view> parser::split_words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_py_space(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t b = i;
    while (i < s.size() && !is_py_space(static_cast<unsigned char>(s[i]))) ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

std::vector<std::string_view> parser::split_contents(std::string_view s) {
  std::vector<std::string_view> out;
  auto space = [](char c) { return is_py_space(static_cast<unsigned char>(c)); };
  auto quote = [](char c) { return c == '"' || c == '\''; };
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && space(s[i])) ++i;
    if (i >= s.size()) break;
    std::size_t start = i, j = i;
    while (j < s.size() && !space(s[j]) && !quote(s[j])) ++j;
    bool matched = false;
    while (j < s.size() && quote(s[j])) {
      char q = s[j];
      std::size_t k = j + 1;
      while (k < s.size() && s[k] != q) k += s[k] == '\\' ? 2 : 1;
      if (k >= s.size()) break;
      j = k + 1;
      matched = true;
      while (j < s.size() && !space(s[j]) && !quote(s[j])) ++j;
    }
    if (!matched) {
      j = start;
      while (j < s.size() && !space(s[j])) ++j;
    }
    std::string_view bit = s.substr(start, j - start);
    // _("...") spanning several bits is kept as one.
    if (bit.size() > 2 && bit.substr(0, 2) == "_(" && quote(bit[2])) {
      char sentinel[3] = {bit[2], ')', 0};
      while (!(bit.size() >= 2 && bit.substr(bit.size() - 2) == sentinel) && j < s.size()) {
        while (j < s.size() && space(s[j])) ++j;
        while (j < s.size() && !space(s[j])) ++j;
        bit = s.substr(start, j - start);
      }
    }
    out.push_back(bit);
    i = j;
  }
  return out;
}

std::vector<std::pair<std::string_view, filter_expression>> token_kwargs(
    std::vector<std::string_view>& bits, const parser& p, bool support_legacy) {
  std::vector<std::pair<std::string_view, filter_expression>> out;
  if (bits.empty()) return out;
  // kwarg_re = (?:(\w+)=)?(.+)
  auto kw = [](std::string_view bit, std::string_view& key, std::string_view& val) {
    std::size_t i = 0;
    while (i < bit.size() && (std::isalnum(static_cast<unsigned char>(bit[i])) || bit[i] == '_' ||
                              static_cast<unsigned char>(bit[i]) >= 0x80))
      ++i;
    if (i > 0 && i < bit.size() && bit[i] == '=' && i + 1 < bit.size()) {
      key = bit.substr(0, i);
      val = bit.substr(i + 1);
      return true;
    }
    key = {};
    val = bit;
    return false;
  };
  std::string_view key, val;
  bool kwarg_format = kw(bits[0], key, val);
  if (!kwarg_format) {
    if (!support_legacy) return out;
    if (bits.size() < 3 || bits[1] != "as") return out;
  }
  while (!bits.empty()) {
    if (kwarg_format) {
      if (!kw(bits[0], key, val)) return out;
      bits.erase(bits.begin());
    } else {
      if (bits.size() < 3 || bits[1] != "as") return out;
      key = bits[2];
      val = bits[0];
      bits.erase(bits.begin(), bits.begin() + 3);
    }
    filter_expression fe = p.compile_filter(val);
    bool replaced = false;
    for (auto& [k, v] : out)
      if (k == key) {
        v = std::move(fe);
        replaced = true;
      }
    if (!replaced) out.emplace_back(key, std::move(fe));
    if (!bits.empty() && !kwarg_format) {
      if (bits[0] != "and") return out;
      bits.erase(bits.begin());
    }
  }
  return out;
}

}  // namespace djust::tmpl::detail
