// End to end over real sockets: views subscribed to a topic, broadcasts reaching every
// session exactly once and in order, presence joins reaching the others, dropped sockets
// leaving, and coalesced updates; both encodings.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "djust/actors/pubsub.hpp"
#include "djust/transport/app.hpp"
#include "djust/vdom/parse.hpp"
#include "djust/vdom/serialize.hpp"
#include "protocol_client.hpp"
#include "test_app_options.hpp"

namespace djust {
namespace {

using transport::encoding;
using tmpl::value;
using tmpl::value_list;
using tmpl::value_map;

// A room: every session subscribes, tracks itself and shows the messages and who is here.
class room_view : public live::live_view {
 public:
  room_view() {
    on("say", &room_view::say, live::param("text", ""));
    on("say_to_others", &room_view::say_to_others, live::param("text", ""));
    on("rename", &room_view::rename, live::param("name", ""));
    on("point", &room_view::point, live::param("x", 0));
  }
  std::string template_name() const override { return "room.html"; }
  void mount(const live::request& req, const value_map&) override {
    assign("name", "u" + req.query);
    assign("messages", value_list{});
    assign("points", value_map{});
    subscribe("room");
    track("room", get("name").as_string());
    show_presence();
  }
  void handle_info(const pubsub::message& m) override {
    if (m.event == "msg") {
      auto messages = get("messages").as_list();
      messages.push_back(m.payload);
      assign("messages", std::move(messages));
    } else if (m.event == "points") {
      auto points = get("points").as_map();
      for (const auto& [k, v] : m.payload.as_map()) points.set(k, v);
      assign("points", std::move(points));
    } else if (m.event == pubsub::presence_diff_event) {
      show_presence();
    }
  }
  void say(std::string text) { broadcast("room", "msg", text); }
  void say_to_others(std::string text) { broadcast_from("room", "msg", text); }
  void rename(std::string name) {
    untrack("room", get("name").as_string());
    assign("name", name);
    track("room", name);
  }
  void point(std::int64_t x) { broadcast_coalesced("room", "points", get("name").as_string(), x); }

 private:
  void show_presence() {
    value_list here;
    tmpl::value present = presence_list("room");
    for (const auto& [key, metas] : present.as_map()) here.emplace_back(key);
    assign("here", std::move(here));
  }
};

const char* room_template =
    "<p class=here>{% for h in here %}[{{ h }}]{% endfor %}</p>"
    "<ol>{% for m in messages %}<li>{{ m }}</li>{% endfor %}</ol>"
    "<p class=points>{% for k, v in points.items %}{{ k }}={{ v }};{% endfor %}</p>";

class pubsub_app_test : public ::testing::TestWithParam<encoding> {
 protected:
  void SetUp() override {
    transport::app_options o = test::loopback_app_options();
    o.runtime.presence_interval = std::chrono::milliseconds(20);
    o.runtime.coalesce_interval = std::chrono::milliseconds(50);
    app_ = std::make_unique<transport::app>(o);
    app_->engine().add_template("room.html", room_template);
    app_->live<room_view>("room/", "room");
    app_->start();
  }

  // A session in the room, joined; its name is "u" + `name`.
  std::unique_ptr<test::protocol_client> enter(const std::string& name) {
    auto page = test::fetch_live_page(app_->port(), "/room/?" + name);
    EXPECT_EQ(page.status, 200u);
    auto c = std::make_unique<test::protocol_client>(app_->port(), GetParam(), page);
    auto joined = c->join(1, page.token, page.csrf);
    EXPECT_TRUE(joined.ok) << joined.error_message;
    return c;
  }

  static auto contains(std::string needle) {
    return [needle](const std::string& html) { return html.find(needle) != std::string::npos; };
  }

  std::unique_ptr<transport::app> app_;
};

TEST_P(pubsub_app_test, a_broadcast_reaches_every_session_exactly_once_in_order) {
  constexpr int sessions = 200, messages = 5;
  std::vector<std::unique_ptr<test::protocol_client>> room;
  for (int i = 0; i < sessions; ++i) room.push_back(enter(std::to_string(i)));
  std::uint64_t ref = 2;
  for (int k = 1; k <= messages; ++k) {
    auto r = room[0]->event(ref++, "say", {{"text", "m" + std::to_string(k)}});
    ASSERT_TRUE(r.ok) << r.error_message;
  }
  std::string expected = "<ol><li>m1</li><li>m2</li><li>m3</li><li>m4</li><li>m5</li></ol>";
  for (int i = 0; i < sessions; ++i) {
    ASSERT_TRUE(room[i]->wait_for_dom(contains(expected))) << "session " << i << ": " << room[i]->dom_html();
  }
  // Exactly once: nothing more arrives for the messages (a duplicate would add a sixth row).
  for (int i = 0; i < sessions; i += 37) {
    room[i]->wait_for_dom([](const std::string&) { return false; }, std::chrono::milliseconds(100));
    EXPECT_NE(room[i]->dom_html().find(expected), std::string::npos) << room[i]->dom_html();
  }
}

TEST_P(pubsub_app_test, broadcast_from_skips_the_sender) {
  auto a = enter("a"), b = enter("b");
  ASSERT_TRUE(a->event(2, "say_to_others", {{"text", "hi"}}).ok);
  ASSERT_TRUE(b->wait_for_dom(contains("<li>hi</li>")));
  ASSERT_TRUE(a->event(3, "say", {{"text", "all"}}).ok);
  ASSERT_TRUE(a->wait_for_dom(contains("<li>all</li>")));
  EXPECT_EQ(a->dom_html().find("<li>hi</li>"), std::string::npos);
}

TEST_P(pubsub_app_test, a_join_reaches_the_others_and_a_dropped_socket_leaves) {
  auto a = enter("a");
  ASSERT_TRUE(a->wait_for_dom(contains("[ua]")));
  auto b = enter("b");
  ASSERT_TRUE(a->wait_for_dom(contains("[ua][ub]"))) << a->dom_html();
  ASSERT_TRUE(b->wait_for_dom(contains("[ua][ub]"))) << b->dom_html();
  ASSERT_TRUE(b->event(2, "rename", {{"name", "bee"}}).ok);
  ASSERT_TRUE(a->wait_for_dom(contains("[bee][ua]"))) << a->dom_html();
  b.reset();  // the socket drops: the view lives on for its grace period, its presence leaves now
  ASSERT_TRUE(a->wait_for_dom(contains("<p class=\"here\">[ua]</p>"))) << a->dom_html();
}

TEST_P(pubsub_app_test, coalesced_updates_deliver_the_latest_value) {
  auto a = enter("a"), b = enter("b");
  std::uint64_t ref = 2;
  for (int x = 1; x <= 30; ++x) ASSERT_TRUE(a->event(ref++, "point", {{"x", x}}).ok);
  ASSERT_TRUE(b->wait_for_dom(contains("ua=30;"))) << b->dom_html();
}

TEST_P(pubsub_app_test, server_code_broadcasts_to_views) {
  auto a = enter("a");
  app_->runtime().pubsub().broadcast("room", "msg", value("from the server"));
  ASSERT_TRUE(a->wait_for_dom(contains("<li>from the server</li>"))) << a->dom_html();
}

INSTANTIATE_TEST_SUITE_P(encodings, pubsub_app_test, ::testing::Values(encoding::msgpack, encoding::json),
                         [](const auto& info) { return info.param == encoding::json ? "json" : "msgpack"; });

}  // namespace
}  // namespace djust
