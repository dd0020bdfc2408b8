// Tests of Django-style route patterns and the first-match router.
#include <gtest/gtest.h>

#include <stdexcept>

#include "djust/transport/route.hpp"

namespace djust::transport {
namespace {

std::string invalid_message(std::string_view pattern) {
  try {
    route_pattern p(pattern);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(route_pattern, literal_paths_match_exactly) {
  route_pattern p("counter/");
  EXPECT_TRUE(p.match("/counter/"));
  EXPECT_TRUE(p.match("counter/"));
  EXPECT_FALSE(p.match("/counter"));
  EXPECT_FALSE(p.match("/counter/x"));
  EXPECT_TRUE(route_pattern("").match("/"));
}

TEST(route_pattern, int_converter_yields_integers) {
  route_pattern p("items/<int:id>/");
  auto m = p.match("/items/42/");
  ASSERT_TRUE(m);
  ASSERT_EQ(m->find("id")->kind(), tmpl::value_kind::integer);
  EXPECT_EQ(m->find("id")->as_int(), 42);
  EXPECT_FALSE(p.match("/items/-1/"));
  EXPECT_FALSE(p.match("/items/abc/"));
  EXPECT_FALSE(p.match("/items/99999999999999999999999/"));  // out of range: no match
}

TEST(route_pattern, str_slug_uuid_path_converters) {
  auto m = route_pattern("u/<str:name>/<slug:s>/").match("/u/Jo Ann/my-post_2/");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->find("name")->as_string(), "Jo Ann");
  EXPECT_EQ(m->find("s")->as_string(), "my-post_2");
  EXPECT_FALSE(route_pattern("<slug:s>/").match("/a.b/"));
  EXPECT_FALSE(route_pattern("<str:s>/").match("/a/b/"));

  route_pattern u("<uuid:u>/");
  EXPECT_TRUE(u.match("/123e4567-e89b-12d3-a456-426614174000/"));
  EXPECT_FALSE(u.match("/123E4567-E89B-12D3-A456-426614174000/"));  // Django: lowercase only
  EXPECT_FALSE(u.match("/123e4567e89b12d3a456426614174000/"));

  auto f = route_pattern("files/<path:p>").match("/files/a/b/c.txt");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->find("p")->as_string(), "a/b/c.txt");
}

TEST(route_pattern, default_converter_is_str_and_backtracking_works) {
  auto m = route_pattern("<name>-<int:n>/").match("/a-b-7/");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->find("name")->as_string(), "a-b");
  EXPECT_EQ(m->find("n")->as_int(), 7);
  auto p = route_pattern("<path:dir>/<str:file>").match("/x/y/z");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->find("dir")->as_string(), "x/y");
  EXPECT_EQ(p->find("file")->as_string(), "z");
}

TEST(route_pattern, bad_patterns_name_the_problem) {
  EXPECT_EQ(invalid_message("a/<float:x>/"),
            "route 'a/<float:x>/': unknown converter 'float' (use int, str, slug, uuid or path)");
  EXPECT_EQ(invalid_message("a/<int:x"), "route 'a/<int:x': unclosed '<'");
  EXPECT_EQ(invalid_message("<int:x>/<str:x>"), "route '<int:x>/<str:x>': parameter 'x' appears twice");
  EXPECT_EQ(invalid_message("<int:1x>"), "route '<int:1x>': '1x' is not a valid parameter name");
  EXPECT_EQ(invalid_message("a>"), "route 'a>': '>' without '<'");
}

TEST(router, first_match_wins_and_query_is_ignored) {
  router r;
  r.add("items/new/", 1);
  r.add("items/<slug:s>/", 2);
  auto a = r.match("/items/new/?x=1#top");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->target, 1u);
  auto b = r.match("/items/old/");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->target, 2u);
  EXPECT_EQ(b->params.find("s")->as_string(), "old");
  EXPECT_FALSE(r.match("/nothing/"));
}

TEST(router, matches_percent_decoded_paths) {
  router r;
  r.add("u/<str:name>/", 7);
  auto m = r.match("/u/J%C3%B6rg/");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->params.find("name")->as_string(), "J\xC3\xB6rg");
  EXPECT_FALSE(r.match("/u/a%2Fb/"));  // a decoded '/' is not part of a str
  EXPECT_FALSE(r.match("/u/bad%G1/"));
  EXPECT_FALSE(r.match("/u/bad%4/"));
  EXPECT_EQ(percent_decode("a%20b+c"), "a b+c");
}

}  // namespace
}  // namespace djust::transport
