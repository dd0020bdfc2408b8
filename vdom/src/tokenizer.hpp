// HTML tokenizer: splits the buffer into tags, text, comments and doctypes, in one pass.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "djust/vdom/tree.hpp"
#include "tags.hpp"

namespace djust::vdom::detail {

enum class token_kind : std::uint8_t { start_tag, end_tag, text, comment, doctype, eof };

struct token {
  token_kind kind = token_kind::eof;
  bool self_closing = false;
  str_ref data;   // tag name (lowercase), text/comment/doctype contents
  tag code = tag::unknown;  // start and end tags: tag_of(data), looked up once
  std::size_t offset = 0;  // where the token starts in the input
  std::vector<attribute> attrs;  // start tags only; first of duplicate names kept
};

// Content model the tree builder switches the tokenizer into after some start tags.
enum class text_mode : std::uint8_t { data, rawtext, rcdata, plaintext };

class tokenizer {
 public:
  // Tokenizes buf[begin, end). Lowercased names are appended to `buf` (offsets stay valid).
  tokenizer(std::string& buf, std::size_t begin, std::size_t end) : buf_(buf), pos_(begin), end_(end) {}

  // Fills `t` with the next token; t.kind == eof at the end. Always makes progress.
  void next(token& t);

  // Tokenizes buf[begin, end) from now on, reading markup.
  void restart(std::size_t begin, std::size_t end) {
    pos_ = begin;
    end_ = end;
    mode_ = text_mode::data;
  }

  // After a raw text / RCDATA start tag: text runs to "</end_tag".
  void set_mode(text_mode m, std::string_view end_tag) { mode_ = m; end_tag_ = end_tag; }
  // Inside SVG/MathML, <![CDATA[...]]> is text.
  void set_foreign(bool on) { foreign_ = on; }
  std::size_t position() const { return pos_; }
  // Reading markup (not raw text, RCDATA or plaintext).
  bool in_data_mode() const { return mode_ == text_mode::data; }
  // A token ran into the end of the range before its own end (unclosed tag, comment, raw
  // text...): the bytes after the range would have been part of it.
  bool cut() const { return cut_; }

 private:
  bool start_tag(token& t);
  bool end_tag(token& t);
  void markup_declaration(token& t);
  void bogus_comment(token& t, std::size_t content_begin);
  void raw_text(token& t);
  str_ref name_ref(std::size_t b, std::size_t e);
  void attributes(token& t, bool keep);

  std::string& buf_;
  std::size_t pos_;
  std::size_t end_;
  text_mode mode_ = text_mode::data;
  std::string_view end_tag_;
  bool foreign_ = false;
  bool cut_ = false;
};

}  // namespace djust::vdom::detail
