// Tests of the render context: scopes, set_upward, builtins, node state.
#include "context.hpp"

#include <gtest/gtest.h>

#include "engine_impl.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::detail;

TEST(context, scopes_shadow_and_pop) {
  engine_impl eng{engine_options{}};
  value_map base{{"a", 1}};
  render_ctx ctx(eng, base, true);
  EXPECT_EQ(*ctx.find("a").v, value(1));
  ctx.push();
  ctx.set("a", 2);
  EXPECT_EQ(*ctx.find("a").v, value(2));
  ctx.pop();
  EXPECT_EQ(*ctx.find("a").v, value(1));
  EXPECT_FALSE(ctx.find("b"));
}

TEST(context, builtins_true_false_none_can_be_shadowed) {
  engine_impl eng{engine_options{}};
  value_map base{{"None", "x"}};
  render_ctx ctx(eng, base, true);
  EXPECT_EQ(*ctx.find("True").v, value(true));
  EXPECT_EQ(*ctx.find("None").v, value("x"));
}

TEST(context, set_upward_updates_the_scope_that_has_the_name) {
  engine_impl eng{engine_options{}};
  value_map base;
  render_ctx ctx(eng, base, true);
  ctx.push();
  ctx.set("c", 1);
  ctx.push();
  ctx.set_upward("c", 2);
  ctx.pop();
  EXPECT_EQ(*ctx.find("c").v, value(2));
}

TEST(context, node_state_is_per_frame) {
  engine_impl eng{engine_options{}};
  value_map base;
  render_ctx ctx(eng, base, true);
  int key = 0;
  *ctx.node_state(&key, true) = 5;
  ctx.push_frame();
  EXPECT_EQ(ctx.node_state(&key, false), nullptr);
  ctx.pop_frame();
  EXPECT_EQ(*ctx.node_state(&key, false), value(5));
}
