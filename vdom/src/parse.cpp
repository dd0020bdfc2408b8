// parse_fragment / parse_document: run the tokenizer and tree builder, then hash and number.
#include "djust/vdom/parse.hpp"

#include "tree_builder.hpp"

namespace djust::vdom {
namespace {

tree build(std::string html, const parse_options& options, bool document) {
  tree t;
  std::string& buf = t.buffer_for_parser();
  buf = std::move(html);
  t.set_source_length(buf.size());
  buf.reserve(buf.size() + buf.size() / 16 + 64);  // room for lowercased or merged names/text
  // Template output has about one node per 16 bytes (a tag and the text after it): reserving
  // up front avoids growing the arena (copies) on large pages. Reserved memory that a sparse
  // page leaves unused is never touched, so it costs address space, not pages.
  t.reserve(buf.size() / 12 + 16);
  t.set_context(document ? std::string_view{} : options.context, options.context_ns);
  detail::tree_builder builder(t, options, document);
  builder.run();
  t.rehash();
  t.set_next_id(t.number(tree::root, 0));
  return t;
}

}  // namespace

tree parse_fragment(std::string html, const parse_options& options) { return build(std::move(html), options, false); }

tree parse_document(std::string html, const parse_options& options) { return build(std::move(html), options, true); }

}  // namespace djust::vdom
