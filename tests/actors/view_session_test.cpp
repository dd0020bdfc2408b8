// Tests of view_session through the user harness: render, diff, frames, acks, snapshots, restarts.
#include <gtest/gtest.h>

#include "djust/actors/testing.hpp"
#include "djust/actors/value_codec.hpp"
#include "djust/vdom/encode.hpp"

namespace djust::live {
namespace {

using tmpl::value;
using tmpl::value_map;

class counter_view : public live_view {
 public:
  counter_view() {
    on("increment", &counter_view::increment, param("by", 1));
    on("boom", &counter_view::boom);
    on("tick_later", &counter_view::tick_later);
    on("go", &counter_view::go);
  }
  std::string template_name() const override { return "counter.html"; }
  void mount(const request& req, const value_map& params) override {
    assign("count", 0);
    assign("path", req.path);
  }
  void get_context_data(value_map& ctx) override { ctx.set("double", get("count").as_int() * 2); }
  void handle_info(const value& msg) override {
    if (msg.is_string() && msg.as_string() == "tick") increment(10);
  }
  void handle_info(const pubsub::message& m) override { increment(m.payload.as_int()); }
  void restored() override { was_restored = true; }
  void increment(std::int64_t by) { assign("count", get("count").as_int() + by); }
  void boom() {
    assign("count", 999);  // never seen: the view is rebuilt from its last snapshot
    throw std::runtime_error("kaboom");
  }
  void tick_later() { send_after(std::chrono::milliseconds(1000), "tick"); }
  void go() { push_redirect("/elsewhere/"); }
  bool was_restored = false;
};

class view_session_test : public ::testing::Test {
 protected:
  view_session_test() {
    engine_.add_template("counter.html",
                         "<h1>Count</h1><p class=\"n\">{{ count }}</p><p>{{ double }}</p><span>{{ path }}</span>");
  }
  tmpl::engine engine_;
};

TEST_F(view_session_test, mount_renders_the_template_with_context_data) {
  view_test<counter_view> t(engine_);
  EXPECT_EQ(t.mount("/counter/"), "<h1>Count</h1><p class=\"n\">0</p><p>0</p><span>/counter/</span>");
}

TEST_F(view_session_test, events_send_only_the_changed_text) {
  view_test<counter_view> t(engine_);
  t.mount();
  auto out = t.fire("increment", {{"by", 3}});
  ASSERT_TRUE(out.ok);
  ASSERT_TRUE(out.frame);
  EXPECT_EQ(out.frame->seq, 1u);
  // Two text nodes change: "3" (id 4) and "6" (id 6); ids count nodes in document order.
  EXPECT_EQ(vdom::encode_json(out.frame->patches), R"([[0,4,"3"],[0,6,"6"]])");
  EXPECT_TRUE(t.in_sync());
  EXPECT_EQ(t.fire("increment", {{"by", 0}}).frame, std::nullopt);  // nothing changed: no frame
  EXPECT_EQ(t.fire("increment").frame->seq, 2u);
  EXPECT_TRUE(t.in_sync());
}

TEST_F(view_session_test, refused_events_change_nothing) {
  view_test<counter_view> t(engine_);
  t.mount();
  auto out = t.fire("increment", {{"by", "lots"}});
  EXPECT_FALSE(out.ok);
  EXPECT_EQ(out.error_code, "bad_params");
  EXPECT_EQ(out.error_message, "parameter 'by' of 'increment' must be an integer, got 'lots'");
  EXPECT_FALSE(out.frame);
  auto unknown = t.fire("mount");
  EXPECT_EQ(unknown.error_code, "unknown_handler");
  EXPECT_EQ(t.view().get("count").as_int(), 0);
}

TEST_F(view_session_test, a_throwing_handler_restarts_from_the_last_snapshot) {
  view_test<counter_view> t(engine_);
  t.mount();
  t.fire("increment", {{"by", 2}});
  auto out = t.fire("boom");
  EXPECT_FALSE(out.ok);
  EXPECT_TRUE(out.restarted);
  EXPECT_EQ(out.error_code, "handler_failed");
  EXPECT_EQ(out.error_message, "the view failed and was restored from its last state: kaboom");
  EXPECT_EQ(t.view().get("count").as_int(), 2);
  EXPECT_TRUE(t.view().was_restored);
  EXPECT_TRUE(t.in_sync());
  EXPECT_TRUE(t.fire("increment").ok);  // and it goes on
  EXPECT_EQ(t.view().get("count").as_int(), 3);
}

TEST_F(view_session_test, absorbed_messages_render_once_when_asked) {
  view_session s("v", [] { return std::make_unique<counter_view>(); }, engine_);
  s.mount({}, {});
  for (int i = 1; i <= 3; ++i) {
    auto out = s.absorb_info(pubsub::message{"t", "add", value(i)});
    EXPECT_TRUE(out.ok);
    EXPECT_FALSE(out.frame);
  }
  auto rendered = s.render_pending();
  ASSERT_TRUE(rendered.frame);
  EXPECT_EQ(rendered.frame->seq, 1u);
  EXPECT_NE(s.html().find(">6<"), std::string::npos) << s.html();
  EXPECT_FALSE(s.render_pending().frame);  // nothing absorbed since
  s.absorb_info(pubsub::message{"t", "add", value(1)});
  EXPECT_TRUE(s.handle_event("increment", {}).frame);  // an event renders what was absorbed too
  EXPECT_FALSE(s.render_pending().frame);
  EXPECT_NE(s.html().find(">8<"), std::string::npos) << s.html();
}

TEST_F(view_session_test, timers_and_info_push_patches) {
  view_test<counter_view> t(engine_);
  t.mount();
  t.fire("tick_later");
  ASSERT_EQ(t.pending_timers().size(), 1u);
  EXPECT_EQ(t.pending_timers()[0].delay.count(), 1000);
  auto outs = t.fire_timers();
  ASSERT_EQ(outs.size(), 1u);
  ASSERT_TRUE(outs[0].frame);
  EXPECT_EQ(t.view().get("count").as_int(), 10);
  EXPECT_TRUE(t.in_sync());
}

TEST_F(view_session_test, redirects_are_reported) {
  view_test<counter_view> t(engine_);
  t.mount();
  EXPECT_EQ(t.fire("go").redirect, "/elsewhere/");
}

TEST(view_session, frames_are_kept_until_acked_and_replayed_in_order) {
  tmpl::engine engine;
  engine.add_template("counter.html", "<p>{{ count }}</p>");
  view_session s("v1", [] { return std::make_unique<counter_view>(); }, engine);
  s.mount({}, {});
  for (int i = 0; i < 4; ++i) s.handle_event("increment", {});
  EXPECT_EQ(s.last_seq(), 4u);
  auto missed = s.frames_after(1);
  ASSERT_TRUE(missed);
  ASSERT_EQ(missed->size(), 3u);
  EXPECT_EQ((*missed)[0].seq, 2u);
  EXPECT_EQ((*missed)[2].seq, 4u);
  s.ack(3);
  EXPECT_EQ(s.frames_after(3)->size(), 1u);
  EXPECT_FALSE(s.frames_after(2));  // frame 3 was acknowledged and dropped
  EXPECT_FALSE(s.frames_after(9));  // never sent
  EXPECT_TRUE(s.frames_after(4)->empty());
}

TEST(view_session, retention_is_bounded) {
  tmpl::engine engine;
  engine.add_template("counter.html", "<p>{{ count }}</p>");
  view_session s("v1", [] { return std::make_unique<counter_view>(); }, engine, nullptr, 2);
  s.mount({}, {});
  for (int i = 0; i < 5; ++i) s.handle_event("increment", {});
  EXPECT_FALSE(s.frames_after(2));
  EXPECT_EQ(s.frames_after(3)->size(), 2u);
}

TEST(view_session, resync_renumbers_like_a_fresh_page) {
  tmpl::engine engine;
  engine.add_template("counter.html", "{% if count %}<b>x</b>{% endif %}<p>{{ count }}</p>");
  view_session s("v1", [] { return std::make_unique<counter_view>(); }, engine);
  s.mount({}, {});
  s.handle_event("increment", {});  // inserts <b>: fresh ids beyond the initial ones
  EXPECT_EQ(s.resync(), "<b>x</b><p>1</p>");
  auto next = s.handle_event("increment", {});
  // After resync the client numbers b=1, "x"=2, p=3, "1"=4: the text patch addresses id 4.
  EXPECT_EQ(vdom::encode_json(next.frame->patches), R"([[0,4,"2"]])");
}

TEST(view_session, snapshot_restores_public_state_only) {
  tmpl::engine engine;
  engine.add_template("counter.html", "<p>{{ count }}</p>");
  view_session a("v1", [] { return std::make_unique<counter_view>(); }, engine);
  a.mount({}, {});
  a.handle_event("increment", {{"by", 41}});
  std::string snap = a.snapshot();
  EXPECT_TRUE((from_msgpack(snap) == value{value_map{{"count", 41}, {"path", ""}}}));
  view_session b("v2", [] { return std::make_unique<counter_view>(); }, engine);
  b.restore(snap);
  EXPECT_EQ(b.html(), "<p>41</p>");
  EXPECT_TRUE(static_cast<counter_view&>(b.view()).was_restored);
  EXPECT_GT(b.memory_bytes(), 0u);
}

TEST(view_session, metrics_are_recorded) {
  tmpl::engine engine;
  engine.add_template("counter.html", "<p>{{ count }}</p>");
  runtime_metrics m;
  view_session s("v1", [] { return std::make_unique<counter_view>(); }, engine, &m);
  s.mount({}, {});
  s.handle_event("increment", {});
  s.handle_event("nope", {});
  s.handle_event("boom", {});
  EXPECT_EQ(m.events_total.value(), 3u);
  EXPECT_EQ(m.event_errors_total.value(), 2u);
  EXPECT_EQ(m.view_restarts_total.value(), 1u);
  EXPECT_GE(m.render_seconds.count(), 3u);
  EXPECT_EQ(m.diff_seconds.count(), 1u);
}

}  // namespace
}  // namespace djust::live
