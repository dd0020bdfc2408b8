// Django's Parser: a tag registry, parse_until with a command stack, compile_filter.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine_impl.hpp"
#include "expression.hpp"
#include "nodes.hpp"
#include "token.hpp"

namespace djust::tmpl::detail {

class cycle_node;

class parser {
 public:
  parser(const engine_impl& eng, const origin& where, std::vector<token> tokens);

  // Parses until a block tag whose first word is in `until` (left unconsumed).
  node_list parse(const std::vector<std::string_view>& until = {});
  node_list parse(std::initializer_list<std::string_view> until) {
    return parse(std::vector<std::string_view>(until));
  }
  bool has_tokens() const { return pos_ < tokens_.size(); }
  token next_token() { return tokens_[pos_++]; }
  void prepend_token() { --pos_; }
  void delete_first_token() { ++pos_; }
  // Skips to just past {% endtag %} (comment).
  void skip_past(std::string_view endtag);

  filter_expression compile_filter(std::string_view text) const;
  // Token.split_contents(): words, keeping quoted strings (with spaces) whole.
  static std::vector<std::string_view> split_contents(std::string_view contents);
  // str.split(): whitespace-separated words.
  static std::vector<std::string_view> split_words(std::string_view contents);

  template_error error(const token& t, const std::string& message,
                       error_kind kind = error_kind::syntax) const;
  [[noreturn]] void invalid_block_tag(const token& t, std::string_view command,
                                      const std::vector<std::string_view>& until) const;

  // {% load %}: makes a library's tags and filters available from here on.
  void add_library(const loadable_library& lib, const std::vector<std::string_view>* only = nullptr);
  const engine_impl& eng;
  const origin& where;

  // State the tags keep per template (Django stores it on the parser too).
  std::unordered_map<std::string, const cycle_node*> named_cycles;
  const cycle_node* last_cycle = nullptr;
  std::vector<std::string> loaded_blocks;

 private:
  std::vector<token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  tag_registry tags_;
  std::unordered_map<std::string, const filter_def*> filters_;  // picked by load ... from
  std::vector<const library*> libs_;                            // whole libraries, last wins
  std::vector<std::pair<std::string_view, token>> command_stack_;
};

// Django's token_kwargs(): `a=b c=d` (or legacy `b as a and d as c`); consumes used bits.
std::vector<std::pair<std::string_view, filter_expression>> token_kwargs(
    std::vector<std::string_view>& bits, const parser& p, bool support_legacy);

}  // namespace djust::tmpl::detail
