// The node tree: one arena of nodes, attributes and bytes per parsed page (a small DOM).
//
// Design note: a tree owns one byte buffer (the parsed HTML, plus any text the parser or
// applier had to synthesise) and two flat vectors, of nodes and of attributes. Names, text
// and attribute values are (offset, length) slices of the buffer, so parsing allocates per
// page, never per character or per node. Children are linked lists of node indices.
//
// Node identity: every node has a 32-bit id. parse_*() numbers nodes 1, 2, 3... in document
// order (pre-order; the root, i.e. the view container or the document, is 0), which the
// browser script reproduces by walking the DOM, so nothing is stamped into the HTML.
// diff() gives persisting nodes of the new tree their old ids and new nodes fresh ids from
// the tree's own counter (next_id), so ids never collide within a session.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace djust::vdom {

using node_index = std::uint32_t;
inline constexpr node_index no_node = 0xFFFFFFFFu;

enum class node_kind : std::uint8_t { root, element, text, comment, doctype };
enum class name_space : std::uint8_t { html, svg, mathml };

// A slice of tree::buffer().
struct str_ref {
  std::uint32_t off = 0;
  std::uint32_t len = 0;
};

struct attribute {
  str_ref name;   // lowercase (SVG/MathML names adjusted as browsers do)
  str_ref value;  // as written: character references not decoded
};

struct node {
  std::uint32_t id = 0;
  node_kind kind = node_kind::root;
  name_space ns = name_space::html;
  std::uint16_t tag = 0;  // parser's tag code (private), 0 for unknown tags
  node_index parent = no_node;
  node_index first_child = no_node;
  node_index last_child = no_node;
  node_index prev_sibling = no_node;
  node_index next_sibling = no_node;
  str_ref name;  // element: tag name; text/comment/doctype: raw data as written
  std::uint32_t attr_begin = 0;
  std::uint32_t attr_count = 0;
  // Parser checkpoints that let reparse_fragment re-parse a slice of a page (private
  // encoding, vdom/src/checkpoints.hpp); fills what would otherwise be padding.
  std::uint32_t marks = 0;
  std::uint64_t hash = 0;  // subtree content hash (ids excluded); equal hashes = equal subtrees
};

class tree {
 public:
  static constexpr node_index root = 0;

  tree();

  const node& at(node_index i) const { return nodes_[i]; }
  std::size_t node_count() const { return nodes_.size(); }
  // r: a slice of this tree (not checked: diff and serializers call this per attribute).
  std::string_view str(str_ref r) const { return {buf_.data() + r.off, r.len}; }
  std::string_view name(node_index i) const { return str(nodes_[i].name); }
  std::span<const attribute> attributes(node_index i) const {
    return {attrs_.data() + nodes_[i].attr_begin, nodes_[i].attr_count};
  }
  // Raw (as written) value of attribute `attr_name`, or nullptr-equivalent: found=false.
  const attribute* find_attribute(node_index i, std::string_view attr_name) const;
  // Text, comment or attribute data with character references decoded (CRLF -> LF).
  std::string decoded(str_ref raw, bool in_attribute = false) const;

  // Trees that share links and ids, so that diff() need not pair their nodes one by one:
  // version() nonzero names the links and ids this tree has now (copies share it), and
  // twin_of() nonzero is the version of the tree it was made from with the same links and
  // ids (reparse_fragment). Any access that can change links, ids, attributes or text sets
  // both to 0.
  std::uint64_t version() const { return version_; }
  std::uint64_t twin_of() const { return version_ != 0 ? twin_of_ : 0; }
  // With twin_of() and has_edits(): the nodes whose own text or attributes differ from the
  // twin's, in arena order (diff() visits only them and their ancestors).
  bool has_edits() const { return twin_of() != 0 && has_edits_; }
  std::span<const node_index> edits() const { return edits_; }
  // A new version for the links and ids as they are now; `twin`: see twin_of(); `edits`,
  // when given (a twin's only; taken, not copied), see edits().
  void stamp(std::uint64_t twin = 0, std::vector<node_index>* edits = nullptr);

  // Id counter: the id the next new node will get.
  std::uint32_t next_id() const { return next_id_; }
  void set_next_id(std::uint32_t id) { next_id_ = id; }

  // The HTML this tree was parsed from. A render whose HTML equals it needs no parse and
  // no diff: compare before parsing.
  std::string_view source() const { return std::string_view(buf_).substr(0, source_len_); }
  void set_source_length(std::size_t n) { source_len_ = n; }

  // The element the tree was parsed into (parse_options::context; empty for a document).
  const std::string& context() const { return context_; }
  name_space context_ns() const { return context_ns_; }
  void set_context(std::string_view name, name_space ns) {
    context_ = name;
    context_ns_ = ns;
  }

  // Bytes held by this tree (buffer, nodes, attributes), capacity included.
  std::size_t memory_bytes() const;

  // --- Building and editing (the parser, the applier and diff() use these) ---
  str_ref append_bytes(std::string_view bytes);
  node_index add_node(const node& n) {
    forget_version();
    nodes_.push_back(n);
    return static_cast<node_index>(nodes_.size() - 1);
  }
  void reserve(std::size_t nodes) {
    nodes_.reserve(nodes);
    attrs_.reserve(nodes / 2);  // about one attribute per element
  }
  node& mut(node_index i) {
    forget_version();
    return nodes_[i];
  }
  // All nodes, index order (the root first); for copying a whole structure at once.
  std::vector<node>& node_store() {
    forget_version();
    return nodes_;
  }
  const std::vector<node>& node_store() const { return nodes_; }
  // Links `child` (unlinked) into `parent` before `before` (no_node: as last child).
  void link(node_index parent, node_index child, node_index before = no_node);
  void unlink(node_index child);
  std::vector<attribute>& attribute_store() {
    forget_version();  // the edits a twin lists would no longer be all
    return attrs_;
  }
  const std::vector<attribute>& attribute_store() const { return attrs_; }
  const std::string& buffer() const { return buf_; }
  std::string& buffer_for_parser() {
    forget_version();
    return buf_;
  }
  // Recomputes the subtree hash of every node reachable from the root.
  void rehash();
  // Recomputes the hashes of the `edited` nodes (edited themselves, not their children) and
  // of their ancestors, each once.
  void rehash_edited(std::span<const node_index> edited);
  // Numbers the subtree at `from` in document order starting at `first`; returns next free id.
  std::uint32_t number(node_index from, std::uint32_t first);

 private:
  void hash_node(node_index i);
  // One test and, once after a stamp, one store: the parser calls it per node.
  void forget_version() {
    if (version_ != 0) version_ = 0;
  }

  std::string buf_;
  std::vector<node> nodes_;
  std::vector<attribute> attrs_;
  std::uint64_t version_ = 0;
  std::uint64_t twin_of_ = 0;
  std::vector<node_index> edits_;
  bool has_edits_ = false;
  std::uint32_t next_id_ = 1;
  std::size_t source_len_ = 0;
  std::string context_ = "div";
  name_space context_ns_ = name_space::html;
};

}  // namespace djust::vdom
