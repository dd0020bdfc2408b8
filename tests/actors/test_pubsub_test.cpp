// The view_test PubSub: broadcasts, broadcast_from, presence joins and leaves between views
// of one test, delivered only by deliver().
#include <gtest/gtest.h>

#include "djust/actors/testing.hpp"

namespace djust::live {
namespace {

using tmpl::value;
using tmpl::value_list;
using tmpl::value_map;

class lobby_view : public live_view {
 public:
  lobby_view() {
    on("say", &lobby_view::say, param("text", ""));
    on("whisper", &lobby_view::whisper, param("text", ""));
  }
  std::string template_name() const override { return "lobby.html"; }
  void mount(const request& req, const value_map&) override {
    assign("heard", value_list{});
    subscribe("lobby");
    track("lobby", req.path);
    assign("here", static_cast<std::int64_t>(presence_count("lobby")));
  }
  void handle_info(const pubsub::message& m) override {
    if (m.event == pubsub::presence_diff_event) {
      assign("here", static_cast<std::int64_t>(presence_count("lobby")));
      return;
    }
    auto heard = get("heard").as_list();
    heard.push_back(m.payload);
    assign("heard", std::move(heard));
  }
  void say(std::string text) { broadcast("lobby", "said", text); }
  void whisper(std::string text) { broadcast_from("lobby", "said", text); }
};

class test_pubsub_test : public ::testing::Test {
 protected:
  void SetUp() override { engine.add_template("lobby.html", "{{ here }}:{{ heard|join:',' }}"); }
  tmpl::engine engine;
  test_pubsub topics;
};

TEST_F(test_pubsub_test, broadcasts_wait_for_deliver_then_reach_every_subscriber) {
  view_test<lobby_view> ada(engine, topics), bob(engine, topics);
  ada.mount("ada");
  bob.mount("bob");
  topics.deliver();
  EXPECT_EQ(ada.html(), "2:");
  ASSERT_TRUE(ada.fire("say", {{"text", "hi"}}).ok);
  EXPECT_EQ(bob.html(), "2:");  // not inside ada's handler
  EXPECT_EQ(topics.deliver(), 2u);
  EXPECT_EQ(ada.html(), "2:hi");
  EXPECT_EQ(bob.html(), "2:hi");
  EXPECT_TRUE(bob.in_sync());
  ASSERT_TRUE(bob.fire("whisper", {{"text", "psst"}}).ok);
  topics.deliver();
  EXPECT_EQ(ada.html(), "2:hi,psst");
  EXPECT_EQ(bob.html(), "2:hi");
}

TEST_F(test_pubsub_test, a_view_that_goes_away_leaves) {
  view_test<lobby_view> ada(engine, topics);
  ada.mount("ada");
  {
    view_test<lobby_view> bob(engine, topics);
    bob.mount("bob");
    topics.deliver();
    EXPECT_EQ(ada.html(), "2:");
  }
  topics.deliver();
  EXPECT_EQ(ada.html(), "1:");
}

TEST_F(test_pubsub_test, without_topics_pubsub_calls_are_a_clear_error) {
  view_test<lobby_view> alone(engine);
  EXPECT_THROW(alone.mount(), std::logic_error);
}

}  // namespace
}  // namespace djust::live
