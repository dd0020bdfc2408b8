// The reference applier: each op on a small tree, and errors for unknown nodes.
#include <gtest/gtest.h>

#include "djust/vdom/apply.hpp"
#include "djust/vdom/parse.hpp"
#include "djust/vdom/serialize.hpp"

namespace djust::vdom {
namespace {

patch make(wire::opcode op, std::uint32_t id, std::string name = {}, std::string value = {}) {
  patch p;
  p.op = op;
  p.id = id;
  p.name = std::move(name);
  p.value = std::move(value);
  return p;
}

TEST(apply, text_and_attributes) {
  tree t = parse_fragment("<p class=a title=t>x</p>");  // p=1, "x"=2
  apply_patches(t, {make(wire::set_text, 2, {}, "<y & z>"), make(wire::set_attr, 1, "class", "b&c"),
            make(wire::set_attr, 1, "id", "n"), make(wire::remove_attr, 1, "title")});
  EXPECT_EQ(inner_html(t), "<p class=\"b&amp;c\" id=\"n\">&lt;y &amp; z&gt;</p>");
}

TEST(apply, insert_move_remove_replace) {
  tree t = parse_fragment("<ul><li>a</li><li>b</li></ul>");  // ul=1 li=2 a=3 li=4 b=5
  patch ins = make(wire::insert, 1, {}, "<li>c</li>");
  ins.before = 2;
  ins.first_id = 6;
  patch mv = make(wire::move, 4);
  mv.before = 6;
  patch rep = make(wire::replace, 2, {}, "<li>d</li>");
  rep.first_id = 8;
  apply_patches(t, {ins, mv, rep, make(wire::remove, 7)});
  EXPECT_EQ(inner_html(t), "<ul><li>b</li><li></li><li>d</li></ul>");
  EXPECT_GE(t.next_id(), 10u);
}

TEST(apply, inserts_parse_in_the_parent_context) {
  tree t = parse_fragment("<table><tbody></tbody></table>");  // table=1 tbody=2
  patch ins = make(wire::insert, 2, {}, "<tr><td>x</td></tr>");
  ins.first_id = 3;
  apply_patches(t, {ins});
  EXPECT_EQ(inner_html(t), "<table><tbody><tr><td>x</td></tr></tbody></table>");
}

TEST(apply, unknown_ids_are_errors) {
  tree t = parse_fragment("<p>x</p>");
  EXPECT_THROW(apply_patches(t, {make(wire::set_text, 99, {}, "y")}), apply_error);
  EXPECT_THROW(apply_patches(t, {make(wire::set_attr, 2, "a", "b")}), apply_error);
  EXPECT_THROW(apply_patches(t, {make(wire::remove, 1), make(wire::set_text, 2, {}, "z")}), apply_error);
}

}  // namespace
}  // namespace djust::vdom
