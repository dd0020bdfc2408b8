// Presence semantics without an actor system: joins, leaves, multi-tab metas, owner cleanup.
#include <gtest/gtest.h>

#include <map>
#include <stdexcept>

#include "djust/actors/presence.hpp"

namespace djust::pubsub {
namespace {

using tmpl::value;
using tmpl::value_map;

value meta(const char* status) { return value(value_map{{"status", status}}); }

std::string status_of(const presence_meta& m) {
  return m.meta.as_map().find("status")->as_string();
}

TEST(presence_table, track_reports_a_join_and_lists_the_meta) {
  presence_table t;
  auto diff = t.track("room:1", "alice", 7, meta("away"));
  EXPECT_EQ(diff.topic, "room:1");
  ASSERT_EQ(diff.joins.size(), 1u);
  ASSERT_EQ(diff.joins["alice"].size(), 1u);
  EXPECT_EQ(diff.joins["alice"][0].owner, 7u);
  EXPECT_EQ(status_of(diff.joins["alice"][0]), "away");
  EXPECT_TRUE(diff.leaves.empty());
  auto list = t.list("room:1");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list["alice"][0].ref, diff.joins["alice"][0].ref);
  EXPECT_TRUE(t.list("room:2").empty());
}

TEST(presence_table, two_tabs_of_one_user_are_two_metas_and_leave_one_at_a_time) {
  presence_table t;
  t.track("room", "alice", 1, meta("tab1"));
  auto second = t.track("room", "alice", 2, meta("tab2"));
  EXPECT_EQ(second.joins["alice"].size(), 1u);  // only the new tab joins
  EXPECT_EQ(t.list("room")["alice"].size(), 2u);
  EXPECT_EQ(t.size("room"), 2u);

  auto leave = t.untrack("room", "alice", 1);
  ASSERT_EQ(leave.leaves["alice"].size(), 1u);
  EXPECT_EQ(status_of(leave.leaves["alice"][0]), "tab1");
  auto list = t.list("room");
  ASSERT_EQ(list["alice"].size(), 1u);
  EXPECT_EQ(status_of(list["alice"][0]), "tab2");

  t.untrack("room", "alice", 2);
  EXPECT_TRUE(t.list("room").empty());
  EXPECT_FALSE(t.tracks(1));
  EXPECT_FALSE(t.tracks(2));
}

TEST(presence_table, refs_are_unique_per_meta) {
  presence_table t;
  auto a = t.track("room", "alice", 1, meta("x"));
  auto b = t.track("room", "alice", 2, meta("x"));
  EXPECT_NE(a.joins["alice"][0].ref, b.joins["alice"][0].ref);
}

TEST(presence_table, update_is_a_leave_of_the_old_meta_and_a_join_of_the_new) {
  presence_table t;
  auto joined = t.track("room", "bob", 3, meta("online"));
  auto diff = t.update("room", "bob", 3, meta("typing"));
  ASSERT_EQ(diff.leaves["bob"].size(), 1u);
  ASSERT_EQ(diff.joins["bob"].size(), 1u);
  EXPECT_EQ(status_of(diff.leaves["bob"][0]), "online");
  EXPECT_EQ(diff.leaves["bob"][0].ref, joined.joins["bob"][0].ref);
  EXPECT_EQ(status_of(diff.joins["bob"][0]), "typing");
  EXPECT_NE(diff.joins["bob"][0].ref, joined.joins["bob"][0].ref);
  EXPECT_EQ(status_of(t.list("room")["bob"][0]), "typing");
}

TEST(presence_table, tracking_twice_replaces_instead_of_duplicating) {
  presence_table t;
  t.track("room", "bob", 3, meta("a"));
  auto diff = t.track("room", "bob", 3, meta("b"));
  EXPECT_EQ(diff.leaves["bob"].size(), 1u);
  EXPECT_EQ(t.size("room"), 1u);
}

TEST(presence_table, untracking_or_updating_what_is_not_tracked_changes_nothing) {
  presence_table t;
  t.track("room", "bob", 3, meta("a"));
  EXPECT_TRUE(t.untrack("room", "bob", 4).empty());
  EXPECT_TRUE(t.untrack("room", "carol", 3).empty());
  EXPECT_TRUE(t.untrack("hall", "bob", 3).empty());
  EXPECT_TRUE(t.update("room", "bob", 4, meta("b")).empty());
  EXPECT_EQ(t.size("room"), 1u);
}

TEST(presence_table, an_exiting_owner_leaves_every_topic_it_tracked) {
  presence_table t;
  t.track("room:1", "alice", 9, meta("a"));
  t.track("room:2", "alice", 9, meta("b"));
  t.track("room:2", "alice-phone", 9, meta("c"));
  t.track("room:2", "alice", 10, meta("other tab"));
  auto diffs = t.untrack_owner(9);
  ASSERT_EQ(diffs.size(), 2u);
  std::map<std::string, presence_diff> by_topic;
  for (auto& d : diffs) by_topic[d.topic] = d;
  EXPECT_EQ(by_topic["room:1"].leaves["alice"].size(), 1u);
  EXPECT_EQ(by_topic["room:2"].leaves.size(), 2u);
  EXPECT_TRUE(by_topic["room:2"].joins.empty());
  EXPECT_TRUE(t.list("room:1").empty());
  auto rest = t.list("room:2");
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest["alice"][0].owner, 10u);
  EXPECT_FALSE(t.tracks(9));
  EXPECT_TRUE(t.untrack_owner(9).empty());
}

TEST(presence_table, meta_must_be_a_map_or_null) {
  presence_table t;
  EXPECT_THROW(t.track("room", "bob", 1, value(3)), std::invalid_argument);
  auto diff = t.track("room", "bob", 1, value());
  EXPECT_EQ(diff.joins["bob"][0].meta.kind(), tmpl::value_kind::map);
  EXPECT_THROW(t.update("room", "bob", 1, value("x")), std::invalid_argument);
}

TEST(presence_table, to_value_has_phoenix_shape) {
  presence_table t;
  auto diff = t.track("room", "alice", 1, meta("away"));
  value v = to_value(diff);
  const auto& joins = v.as_map().find("joins")->as_map();
  const auto& metas = joins.find("alice")->as_map().find("metas")->as_list();
  ASSERT_EQ(metas.size(), 1u);
  EXPECT_EQ(metas[0].as_map().find("status")->as_string(), "away");
  EXPECT_EQ(metas[0].as_map().find("phx_ref")->as_string(), diff.joins["alice"][0].ref);
  EXPECT_TRUE(v.as_map().find("leaves")->as_map().empty());
  EXPECT_EQ(to_value(t.list("room")).as_map().size(), 1u);
}

TEST(presence_table, a_limited_list_and_the_key_count_stay_cheap_in_big_rooms) {
  presence_table t;
  for (int i = 0; i < 50; ++i) t.track("room", "user" + std::to_string(100 + i), i, value());
  t.track("room", "user100", 999, value());  // a second tab: still one key
  EXPECT_EQ(t.key_count("room"), 50u);
  EXPECT_EQ(t.size("room"), 51u);
  auto first = t.list("room", 3);
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(first.begin()->first, "user100");
  EXPECT_EQ(first.begin()->second.size(), 2u);
  EXPECT_EQ(t.list("room", 0).size(), 0u);
  EXPECT_EQ(t.key_count("elsewhere"), 0u);
}

TEST(presence_table, a_merged_diff_applied_joins_then_leaves_gives_the_net_change) {
  presence_table t;
  auto batch = t.track("room", "alice", 1, meta("a"));
  merge(batch, t.track("room", "bob", 2, meta("b")));
  merge(batch, t.update("room", "alice", 1, meta("a2")));
  merge(batch, t.untrack("room", "bob", 2));
  // Apply as a client does: joins, then leaves by ref.
  std::map<std::string, std::string> refs;  // ref -> key
  for (const auto& [key, metas] : batch.joins)
    for (const auto& m : metas) refs[m.ref] = key;
  for (const auto& [key, metas] : batch.leaves)
    for (const auto& m : metas) refs.erase(m.ref);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs.begin()->second, "alice");
  EXPECT_EQ(refs.begin()->first, t.list("room")["alice"][0].ref);
  EXPECT_FALSE(batch.leaves.empty());  // bob came and went: still a change others must see
}

}  // namespace
}  // namespace djust::pubsub
