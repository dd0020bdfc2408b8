// HTML tokenizer: tags with attributes, text runs, comments, doctypes, raw text content.
#include "tokenizer.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace djust::vdom::detail {
namespace {

// Byte classes for the scanning loops: one table load per byte instead of a chain of compares.
enum : std::uint8_t { c_space = 1, c_upper = 2, c_name_end = 4, c_attr_name_end = 8, c_unquoted_end = 16 };
constexpr std::array<std::uint8_t, 256> classes = [] {
  std::array<std::uint8_t, 256> t{};
  for (char c : {' ', '\t', '\n', '\r', '\f'})
    t[static_cast<unsigned char>(c)] |= c_space | c_name_end | c_attr_name_end | c_unquoted_end;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] |= c_upper;
  t['/'] |= c_name_end | c_attr_name_end;
  t['>'] |= c_name_end | c_attr_name_end | c_unquoted_end;
  t['='] |= c_attr_name_end;
  return t;
}();
std::uint8_t cls(char c) { return classes[static_cast<unsigned char>(c)]; }

bool is_space(char c) { return (cls(c) & c_space) != 0; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool iequals_at(const std::string& buf, std::size_t pos, std::size_t end, std::string_view lit) {
  if (end - pos < lit.size()) return false;
  for (std::size_t i = 0; i < lit.size(); ++i)
    if (lower(buf[pos + i]) != lit[i]) return false;
  return true;
}

}  // namespace

str_ref tokenizer::name_ref(std::size_t b, std::size_t e) {
  std::uint8_t any = 0;
  for (std::size_t i = b; i < e; ++i) any |= cls(buf_[i]);
  if (!(any & c_upper)) return {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e - b)};
  str_ref r{static_cast<std::uint32_t>(buf_.size()), static_cast<std::uint32_t>(e - b)};
  for (std::size_t i = b; i < e; ++i) buf_.push_back(lower(buf_[i]));
  return r;
}

// Parses attributes up to and including '>'. On EOF inside the tag, pos_ = end_ and
// t.kind is set to eof (the spec drops an unfinished tag).
void tokenizer::attributes(token& t, bool keep) {
  for (;;) {
    while (pos_ < end_ && is_space(buf_[pos_])) ++pos_;
    if (pos_ >= end_) break;
    char c = buf_[pos_];
    if (c == '>') {
      ++pos_;
      return;
    }
    if (c == '/') {
      ++pos_;
      if (pos_ < end_ && buf_[pos_] == '>') {
        t.self_closing = true;
        ++pos_;
        return;
      }
      continue;
    }
    std::size_t name_b = pos_++;
    while (pos_ < end_ && !(cls(buf_[pos_]) & c_attr_name_end)) ++pos_;
    std::size_t name_e = pos_;
    while (pos_ < end_ && is_space(buf_[pos_])) ++pos_;
    std::size_t val_b = pos_, val_e = pos_;
    if (pos_ < end_ && buf_[pos_] == '=') {
      ++pos_;
      while (pos_ < end_ && is_space(buf_[pos_])) ++pos_;
      if (pos_ >= end_) break;
      char q = buf_[pos_];
      if (q == '"' || q == '\'') {
        const void* close = std::memchr(buf_.data() + pos_ + 1, q, end_ - pos_ - 1);
        if (!close) break;
        val_b = pos_ + 1;
        val_e = static_cast<std::size_t>(static_cast<const char*>(close) - buf_.data());
        pos_ = val_e + 1;
      } else {
        val_b = pos_;
        while (pos_ < end_ && !(cls(buf_[pos_]) & c_unquoted_end)) ++pos_;
        val_e = pos_;
      }
    }
    if (!keep) continue;
    str_ref name = name_ref(name_b, name_e);
    std::string_view nv(buf_.data() + name.off, name.len);
    bool duplicate = false;
    for (const attribute& a : t.attrs)
      if (std::string_view(buf_.data() + a.name.off, a.name.len) == nv) duplicate = true;
    if (!duplicate)
      t.attrs.push_back({name, {static_cast<std::uint32_t>(val_b), static_cast<std::uint32_t>(val_e - val_b)}});
  }
  pos_ = end_;
  cut_ = true;
  t.kind = token_kind::eof;
  t.attrs.clear();
}

bool tokenizer::start_tag(token& t) {
  std::size_t b = pos_ + 1, e = b;
  while (e < end_ && !(cls(buf_[e]) & c_name_end)) ++e;
  t.kind = token_kind::start_tag;
  t.offset = pos_;
  t.data = name_ref(b, e);
  t.code = tag_of(std::string_view(buf_.data() + t.data.off, t.data.len));
  pos_ = e;
  attributes(t, true);
  return true;
}

bool tokenizer::end_tag(token& t) {
  std::size_t b = pos_ + 2, e = b;
  while (e < end_ && !(cls(buf_[e]) & c_name_end)) ++e;
  t.kind = token_kind::end_tag;
  t.offset = pos_;
  t.data = name_ref(b, e);
  t.code = tag_of(std::string_view(buf_.data() + t.data.off, t.data.len));
  pos_ = e;
  attributes(t, false);
  t.self_closing = false;
  return true;
}

void tokenizer::bogus_comment(token& t, std::size_t content_begin) {
  t.kind = token_kind::comment;
  const void* gt = std::memchr(buf_.data() + content_begin, '>', end_ - content_begin);
  std::size_t e = gt ? static_cast<std::size_t>(static_cast<const char*>(gt) - buf_.data()) : end_;
  t.data = {static_cast<std::uint32_t>(content_begin), static_cast<std::uint32_t>(e - content_begin)};
  pos_ = gt ? e + 1 : end_;
  cut_ = cut_ || !gt;
}

void tokenizer::markup_declaration(token& t) {
  std::size_t p = pos_ + 2;  // after "<!"
  t.offset = pos_;
  if (end_ - p >= 2 && buf_[p] == '-' && buf_[p + 1] == '-') {
    p += 2;
    t.kind = token_kind::comment;
    if (p < end_ && buf_[p] == '>') {  // <!-->
      t.data = {static_cast<std::uint32_t>(p), 0};
      pos_ = p + 1;
      return;
    }
    if (end_ - p >= 2 && buf_[p] == '-' && buf_[p + 1] == '>') {  // <!--->
      t.data = {static_cast<std::uint32_t>(p), 0};
      pos_ = p + 2;
      return;
    }
    for (std::size_t k = p; k + 1 < end_; ++k) {
      if (buf_[k] != '-' || buf_[k + 1] != '-') continue;
      if (k + 2 < end_ && buf_[k + 2] == '>') {
        t.data = {static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(k - p)};
        pos_ = k + 3;
        return;
      }
      if (k + 3 < end_ && buf_[k + 2] == '!' && buf_[k + 3] == '>') {
        t.data = {static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(k - p)};
        pos_ = k + 4;
        return;
      }
    }
    t.data = {static_cast<std::uint32_t>(p), static_cast<std::uint32_t>(end_ - p)};
    pos_ = end_;
    cut_ = true;
    return;
  }
  if (iequals_at(buf_, p, end_, "doctype")) {
    t.kind = token_kind::doctype;
    std::size_t b = p + 7;
    while (b < end_ && is_space(buf_[b])) ++b;
    std::size_t e = b;
    while (e < end_ && !is_space(buf_[e]) && buf_[e] != '>') ++e;
    t.data = name_ref(b, e);
    const void* gt = std::memchr(buf_.data() + e, '>', end_ - e);
    pos_ = gt ? static_cast<std::size_t>(static_cast<const char*>(gt) - buf_.data()) + 1 : end_;
    cut_ = cut_ || !gt;
    return;
  }
  if (foreign_ && end_ - p >= 7 && std::memcmp(buf_.data() + p, "[CDATA[", 7) == 0) {
    std::size_t b = p + 7;
    std::string_view rest(buf_.data() + b, end_ - b);
    std::size_t close = rest.find("]]>");
    std::size_t e = close == std::string_view::npos ? end_ : b + close;
    pos_ = close == std::string_view::npos ? end_ : e + 3;
    cut_ = cut_ || close == std::string_view::npos;
    // CDATA text is literal: store it with '&' and '<' escaped so it reads as normal text.
    t.kind = token_kind::text;
    std::string escaped;
    for (std::size_t i = b; i < e; ++i) {
      if (buf_[i] == '&') escaped += "&amp;";
      else if (buf_[i] == '<') escaped += "&lt;";
      else escaped.push_back(buf_[i]);
    }
    t.data = {static_cast<std::uint32_t>(buf_.size()), static_cast<std::uint32_t>(escaped.size())};
    buf_ += escaped;
    return;
  }
  bogus_comment(t, p);
}

void tokenizer::raw_text(token& t) {
  std::size_t b = pos_, e = end_;
  cut_ = true;  // unless the end tag is found
  if (mode_ != text_mode::plaintext) {
    for (std::size_t k = pos_; k + 1 < end_; ++k) {
      const void* lt = std::memchr(buf_.data() + k, '<', end_ - k);
      if (!lt) break;
      k = static_cast<std::size_t>(static_cast<const char*>(lt) - buf_.data());
      if (k + 1 >= end_ || buf_[k + 1] != '/') continue;
      std::size_t n = k + 2;
      if (!iequals_at(buf_, n, end_, end_tag_)) continue;
      n += end_tag_.size();
      if (n < end_ && !is_space(buf_[n]) && buf_[n] != '/' && buf_[n] != '>') continue;
      e = k;
      cut_ = false;
      break;
    }
    mode_ = text_mode::data;
  }
  pos_ = e;
  t.kind = token_kind::text;
  t.offset = b;
  t.data = {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e - b)};
}

void tokenizer::next(token& t) {
  t.self_closing = false;
  t.code = tag::unknown;
  t.attrs.clear();
  for (;;) {
    if (pos_ >= end_) {
      t.kind = token_kind::eof;
      t.offset = end_;
      return;
    }
    if (mode_ != text_mode::data) {
      raw_text(t);
      if (t.data.len > 0) return;
      continue;
    }
    // Text up to the next '<' that opens markup.
    std::size_t b = pos_, k = pos_;
    for (;;) {
      // Template text between tags is mostly short: look at a few bytes inline before
      // paying for a memchr call.
      std::size_t inline_end = std::min(end_, k + 16);
      while (k < inline_end && buf_[k] != '<') ++k;
      if (k == inline_end) {
        const void* lt = std::memchr(buf_.data() + k, '<', end_ - k);
        if (!lt) {
          k = end_;
          break;
        }
        k = static_cast<std::size_t>(static_cast<const char*>(lt) - buf_.data());
      }
      if (k + 1 >= end_) {
        k = end_;
        break;
      }
      char c = buf_[k + 1];
      if (is_alpha(c) || c == '!' || c == '?' || (c == '/' && k + 2 < end_)) break;
      ++k;
    }
    if (k > b) {
      pos_ = k;
      t.kind = token_kind::text;
      t.offset = b;
      t.data = {static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(k - b)};
      return;
    }
    char c = buf_[pos_ + 1];
    if (is_alpha(c)) {
      start_tag(t);
      return;
    }
    if (c == '!') {
      markup_declaration(t);
      return;
    }
    if (c == '?') {
      t.offset = pos_;
      bogus_comment(t, pos_ + 1);
      return;
    }
    // c == '/'
    char d = buf_[pos_ + 2];
    if (is_alpha(d)) {
      end_tag(t);
      return;
    }
    if (d == '>') {  // "</>" is dropped
      pos_ += 3;
      continue;
    }
    t.offset = pos_;
    bogus_comment(t, pos_ + 2);
    return;
  }
}

}  // namespace djust::vdom::detail
