// A test harness for users (like Phoenix's LiveViewTest): mount a view in-process, fire
// events, and assert on the rendered HTML and on the patches, with no socket and no actors.
//
//   djust::tmpl::engine engine;
//   engine.add_template("counter.html", "<p>{{ count }}</p>");
//   djust::live::view_test<counter_view> t(engine);
//   t.mount();
//   auto out = t.fire("increment", {{"by", 2}});
//   EXPECT_EQ(t.html(), "<p>2</p>");
//   EXPECT_TRUE(t.in_sync());  // the patches, applied like the browser does, give the same DOM
//
// Views that use PubSub take a test_pubsub shared by the test's views (test_pubsub.hpp).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "djust/actors/test_pubsub.hpp"
#include "djust/actors/view_session.hpp"
#include "djust/vdom/apply.hpp"
#include "djust/vdom/parse.hpp"
#include "djust/vdom/serialize.hpp"

namespace djust::live {

template <class View>
class view_test {
 public:
  explicit view_test(const tmpl::engine& engine)
      : session_("test-view", [] { return std::make_unique<View>(); }, engine) {}
  // With PubSub: the view's subscribe/broadcast/track go to `topics`, shared with the other
  // views of the test; topics.deliver() runs their handle_info (see test_pubsub.hpp).
  view_test(const tmpl::engine& engine, test_pubsub& topics)
      : port_(topics.connect([this](const pubsub::message& m) { apply(session_.handle_info(m)); })),
        session_("test-view", [] { return std::make_unique<View>(); }, engine, nullptr, 256, port_.get()) {}

  std::string mount(std::string path = "/", tmpl::value_map params = {}) {
    return mount_as({}, std::move(path), std::move(params));
  }
  // mount() for `user`, as the app's user resolver would give it (null: anonymous).
  std::string mount_as(tmpl::value user, std::string path = "/", tmpl::value_map params = {}) {
    request req;
    req.path = std::move(path);
    req.user = std::move(user);
    std::string html = session_.mount(req, params);
    client_ = vdom::parse_fragment(html);
    collect_timers();
    return html;
  }
  event_outcome fire(std::string_view handler, const tmpl::value_map& params = {}) {
    return apply(session_.handle_event(handler, params));
  }
  event_outcome send_info(const tmpl::value& message) { return apply(session_.handle_info(message)); }
  // Delivers every timer message the view asked for with send_after() (delays ignored).
  std::vector<event_outcome> fire_timers() {
    std::vector<event_outcome> out;
    auto due = std::exchange(timers_, {});
    for (auto& t : due) out.push_back(send_info(t.message));
    return out;
  }

  const std::string& html() const { return session_.html(); }
  // The client's DOM after applying every patch so far, serialized like innerHTML.
  std::string client_html() const { return vdom::canonical_html(client_); }
  // True when the client's DOM equals a fresh parse of the server's last render.
  bool in_sync() const { return client_html() == vdom::canonical_html(vdom::parse_fragment(session_.html())); }
  View& view() { return static_cast<View&>(session_.view()); }
  view_session& session() { return session_; }
  const std::vector<live_view::timer_request>& pending_timers() const { return timers_; }

 private:
  event_outcome apply(event_outcome out) {
    if (out.frame) vdom::apply_patches(client_, out.frame->patches);
    session_.ack(session_.last_seq());
    collect_timers();
    return out;
  }
  void collect_timers() {
    for (auto& t : session_.view().take_timers()) timers_.push_back(std::move(t));
  }

  std::unique_ptr<view_pubsub> port_;  // before session_: the session's views use it
  view_session session_;
  vdom::tree client_;
  std::vector<live_view::timer_request> timers_;
};

}  // namespace djust::live
