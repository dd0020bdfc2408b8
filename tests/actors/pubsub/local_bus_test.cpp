// The local bus with real CAF actors on the deterministic test scheduler (STYLE pitfall 15).
#define CAF_TEST_NO_MAIN
#include <caf/test/unit_test_impl.hpp>

#include <caf/all.hpp>
#include <caf/test/dsl.hpp>
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "djust/actors/pubsub.hpp"

namespace djust::pubsub {
namespace {

using namespace std::chrono_literals;
using tmpl::value;
using tmpl::value_map;

class bus_test : public ::testing::Test, public test_coordinator_fixture<> {
 protected:
  // Two shards so the tests also cross shard boundaries.
  std::unique_ptr<bus> bus_ = make_local_bus(sys, bus_options{2, 16ms});

  caf::actor handle(caf::scoped_actor& s) { return caf::actor_cast<caf::actor>(s); }

  // The next message in `s`'s mailbox, if any (never blocks).
  std::optional<message> next(caf::scoped_actor& s) {
    std::optional<message> out;
    s->receive([&](const message& m) { out = m; }, caf::after(0s) >> [] {});
    return out;
  }

  // A plain event-based actor that ignores what it gets (a view stand-in that can exit).
  caf::actor spawn_view() {
    return sys.spawn([](caf::event_based_actor*) -> caf::behavior {
      return {[](const message&) {}};
    });
  }

  void TearDown() override {
    bus_.reset();
    run();
  }
};

TEST_F(bus_test, a_broadcast_reaches_every_subscriber_once_in_order) {
  caf::scoped_actor a{sys}, b{sys}, c{sys};
  for (auto* s : {&a, &b, &c}) bus_->subscribe("room", handle(*s));
  for (int i = 0; i < 5; ++i) bus_->broadcast("room", "msg", value(i));
  sched.run();
  for (auto* s : {&a, &b, &c}) {
    for (int i = 0; i < 5; ++i) {
      auto m = next(*s);
      ASSERT_TRUE(m);
      EXPECT_EQ(m->topic, "room");
      EXPECT_EQ(m->event, "msg");
      EXPECT_EQ(m->payload.as_int(), i);
    }
    EXPECT_FALSE(next(*s));
  }
}

TEST_F(bus_test, subscribing_twice_still_delivers_once) {
  caf::scoped_actor a{sys};
  bus_->subscribe("room", handle(a));
  bus_->subscribe("room", handle(a));
  bus_->broadcast("room", "msg", value("hi"));
  sched.run();
  EXPECT_TRUE(next(a));
  EXPECT_FALSE(next(a));
  EXPECT_EQ(bus_->subscriber_count("room"), 1u);
}

TEST_F(bus_test, topics_are_independent) {
  caf::scoped_actor a{sys}, b{sys};
  bus_->subscribe("room:1", handle(a));
  bus_->subscribe("room:2", handle(b));
  bus_->broadcast("room:1", "msg", value(1));
  bus_->broadcast("room:2", "msg", value(2));
  bus_->broadcast("room:3", "msg", value(3));
  sched.run();
  EXPECT_EQ(next(a)->payload.as_int(), 1);
  EXPECT_EQ(next(b)->payload.as_int(), 2);
  EXPECT_FALSE(next(a));
  EXPECT_FALSE(next(b));
}

TEST_F(bus_test, broadcast_from_skips_the_sender) {
  caf::scoped_actor a{sys}, b{sys};
  bus_->subscribe("room", handle(a));
  bus_->subscribe("room", handle(b));
  bus_->broadcast_from(handle(a), "room", "msg", value("from a"));
  sched.run();
  EXPECT_FALSE(next(a));
  auto m = next(b);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->payload.as_string(), "from a");
}

TEST_F(bus_test, unsubscribe_stops_delivery) {
  caf::scoped_actor a{sys};
  bus_->subscribe("room", handle(a));
  bus_->unsubscribe("room", handle(a));
  bus_->broadcast("room", "msg", value(1));
  sched.run();
  EXPECT_FALSE(next(a));
  EXPECT_EQ(bus_->subscriber_count("room"), 0u);
}

TEST_F(bus_test, an_exiting_subscriber_is_unsubscribed) {
  auto view = spawn_view();
  caf::scoped_actor a{sys};
  bus_->subscribe("room", view);
  bus_->subscribe("room", handle(a));
  sched.run();
  EXPECT_EQ(bus_->subscriber_count("room"), 2u);
  self->send_exit(view, caf::exit_reason::kill);
  sched.run();
  EXPECT_EQ(bus_->subscriber_count("room"), 1u);
  bus_->broadcast("room", "msg", value(1));
  sched.run();
  EXPECT_TRUE(next(a));
}

TEST_F(bus_test, presence_joins_and_leaves_reach_subscribers_as_diffs) {
  caf::scoped_actor watcher{sys};
  auto tab1 = spawn_view();
  auto tab2 = spawn_view();
  bus_->subscribe("room", handle(watcher));
  bus_->track(tab1, "room", "alice", value(value_map{{"tab", 1}}));
  bus_->track(tab2, "room", "alice", value(value_map{{"tab", 2}}));
  sched.run();
  for (int tab = 1; tab <= 2; ++tab) {
    auto m = next(watcher);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->event, presence_diff_event);
    const auto& metas =
        m->payload.as_map().find("joins")->as_map().find("alice")->as_map().find("metas")->as_list();
    EXPECT_EQ(metas[0].as_map().find("tab")->as_int(), tab);
  }
  auto list = bus_->list("room");
  EXPECT_EQ(list.as_map().find("alice")->as_map().find("metas")->as_list().size(), 2u);

  // tab 1 crashes: its meta leaves, tab 2 stays.
  self->send_exit(tab1, caf::exit_reason::kill);
  sched.run();
  auto leave = next(watcher);
  ASSERT_TRUE(leave);
  EXPECT_EQ(leave->event, presence_diff_event);
  const auto& left = leave->payload.as_map().find("leaves")->as_map().find("alice")->as_map();
  EXPECT_EQ(left.find("metas")->as_list()[0].as_map().find("tab")->as_int(), 1);
  EXPECT_FALSE(next(watcher));
  list = bus_->list("room");
  const auto& rest = list.as_map().find("alice")->as_map().find("metas")->as_list();
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].as_map().find("tab")->as_int(), 2);
}

TEST_F(bus_test, update_and_untrack_send_diffs) {
  caf::scoped_actor watcher{sys};
  auto view = spawn_view();
  bus_->subscribe("room", handle(watcher));
  bus_->track(view, "room", "bob", value());
  bus_->update(view, "room", "bob", value(value_map{{"typing", true}}));
  bus_->untrack(view, "room", "bob");
  sched.run();
  auto join = next(watcher), upd = next(watcher), leave = next(watcher);
  ASSERT_TRUE(join && upd && leave);
  EXPECT_EQ(upd->payload.as_map().find("joins")->as_map().size(), 1u);
  EXPECT_EQ(upd->payload.as_map().find("leaves")->as_map().size(), 1u);
  EXPECT_TRUE(leave->payload.as_map().find("joins")->as_map().empty());
  EXPECT_EQ(leave->payload.as_map().find("leaves")->as_map().size(), 1u);
  EXPECT_TRUE(bus_->list("room").as_map().empty());
}

TEST_F(bus_test, presence_state_is_sent_in_order_with_diffs) {
  caf::scoped_actor watcher{sys};
  auto view = spawn_view();
  bus_->track(view, "room", "carol", value());
  bus_->subscribe("room", handle(watcher));
  bus_->send_presence_state("room", handle(watcher));
  sched.run();
  auto state = next(watcher);
  ASSERT_TRUE(state);
  EXPECT_EQ(state->event, presence_state_event);
  EXPECT_TRUE(state->payload.as_map().contains("carol"));
  EXPECT_FALSE(next(watcher));
}

TEST_F(bus_test, coalescing_delivers_the_first_at_once_then_the_latest_per_interval) {
  caf::scoped_actor a{sys};
  bus_->subscribe("cursors", handle(a));
  bus_->broadcast_coalesced("cursors", "move", "alice", value(1));
  sched.run();
  auto first = next(a);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->event, "move");
  EXPECT_EQ(first->payload.as_map().find("alice")->as_int(), 1);

  for (int x = 2; x <= 50; ++x) bus_->broadcast_coalesced("cursors", "move", "alice", value(x));
  bus_->broadcast_coalesced("cursors", "move", "bob", value(7));
  sched.run();
  EXPECT_FALSE(next(a));  // held until the interval ends

  EXPECT_TRUE(sched.trigger_timeout());
  sched.run();
  auto batch = next(a);
  ASSERT_TRUE(batch);
  EXPECT_EQ(batch->payload.as_map().size(), 2u);
  EXPECT_EQ(batch->payload.as_map().find("alice")->as_int(), 50);
  EXPECT_EQ(batch->payload.as_map().find("bob")->as_int(), 7);
  EXPECT_FALSE(next(a));

  // A quiet interval ends the throttle; the next update goes out at once again.
  EXPECT_TRUE(sched.trigger_timeout());
  sched.run();
  EXPECT_FALSE(next(a));
  bus_->broadcast_coalesced("cursors", "move", "alice", value(99));
  sched.run();
  auto again = next(a);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->payload.as_map().find("alice")->as_int(), 99);
}

TEST_F(bus_test, bad_input_is_a_clear_error) {
  caf::actor none;
  EXPECT_THROW(bus_->subscribe("room", none), std::invalid_argument);
  auto view = spawn_view();
  EXPECT_THROW(bus_->track(view, "room", "k", value(3)), std::invalid_argument);
  EXPECT_THROW(bus_->update(view, "room", "k", value("x")), std::invalid_argument);
}

// On the real threaded scheduler: concurrent publishers, every delivery exactly once, and
// each publisher's messages in the order it sent them.
TEST_F(bus_test, batched_presence_sends_the_first_change_then_one_merged_diff_per_interval) {
  auto batched = make_local_bus(sys, bus_options{1, 16ms, 100ms});
  caf::scoped_actor watcher{sys};
  batched->subscribe("room", handle(watcher));
  std::vector<caf::actor> views;
  for (int i = 0; i < 5; ++i) views.push_back(spawn_view());
  for (int i = 0; i < 5; ++i) batched->track(views[i], "room", "user" + std::to_string(i), value());
  sched.run();
  auto first = next(watcher);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->payload.as_map().find("joins")->as_map().size(), 1u);
  EXPECT_FALSE(next(watcher));  // the other four wait for the interval
  EXPECT_EQ(batched->presence_count("room"), 5u);
  sched.trigger_timeouts();
  sched.run();
  auto rest = next(watcher);
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->payload.as_map().find("joins")->as_map().size(), 4u);
  EXPECT_FALSE(next(watcher));
  // A state request flushes what is held back first, so the state never precedes its diffs.
  self->send_exit(views[0], caf::exit_reason::kill);
  self->send_exit(views[1], caf::exit_reason::kill);
  sched.run();
  EXPECT_FALSE(next(watcher));  // the interval the last flush started is still running
  batched->send_presence_state("room", handle(watcher));
  sched.run();
  auto held = next(watcher), state = next(watcher);
  ASSERT_TRUE(held && state);
  EXPECT_EQ(held->event, presence_diff_event);
  EXPECT_EQ(held->payload.as_map().find("leaves")->as_map().size(), 2u);
  EXPECT_EQ(state->event, presence_state_event);
  EXPECT_EQ(state->payload.as_map().size(), 3u);
  EXPECT_EQ(batched->list("room", 2).as_map().size(), 2u);
  for (const auto& v : views) self->send_exit(v, caf::exit_reason::kill);
  batched.reset();
  sched.run();
}

TEST(bus_threaded, concurrent_publishers_keep_their_order_at_every_subscriber) {
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  auto bus = make_local_bus(sys, bus_options{4, 16ms});
  constexpr int publishers = 4, per_publisher = 500;
  std::vector<std::unique_ptr<caf::scoped_actor>> subs;
  for (int i = 0; i < 3; ++i) {
    subs.push_back(std::make_unique<caf::scoped_actor>(sys));
    bus->subscribe("room", caf::actor_cast<caf::actor>(*subs.back()));
  }
  std::vector<std::thread> threads;
  for (int p = 0; p < publishers; ++p)
    threads.emplace_back([&, p] {
      for (int i = 0; i < per_publisher; ++i)
        bus->broadcast("room", "msg", value(value_map{{"pub", p}, {"seq", i}}));
    });
  for (auto& t : threads) t.join();
  for (auto& s : subs) {
    std::map<std::int64_t, std::int64_t> next_seq;
    for (int n = 0; n < publishers * per_publisher; ++n) {
      bool got = false;
      (*s)->receive(
          [&](const message& m) {
            got = true;
            auto pub = m.payload.as_map().find("pub")->as_int();
            EXPECT_EQ(m.payload.as_map().find("seq")->as_int(), next_seq[pub]++);
          },
          caf::after(30s) >> [] {});
      ASSERT_TRUE(got) << "message " << n << " never arrived";
    }
    bool extra = false;
    (*s)->receive([&](const message&) { extra = true; }, caf::after(0s) >> [] {});
    EXPECT_FALSE(extra);
    for (int p = 0; p < publishers; ++p) EXPECT_EQ(next_seq[p], per_publisher);
  }
  bus.reset();
}

}  // namespace
}  // namespace djust::pubsub
