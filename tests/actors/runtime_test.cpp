// Tests of the actor runtime through its facade: mount once, join, events, resume, grace, isolation.
#include <gtest/gtest.h>

#include <condition_variable>
#include <deque>
#include <future>
#include <thread>
#include <mutex>

#include "djust/actors/runtime.hpp"
#include "djust/vdom/encode.hpp"

namespace djust::live {
namespace {

using namespace std::chrono_literals;
using tmpl::value_map;

class count_view : public live_view {
 public:
  count_view() {
    on("inc", &count_view::inc, param("by", 1));
    on("boom", &count_view::boom);
    on("later", &count_view::later);
  }
  std::string template_name() const override { return "count.html"; }
  void mount(const request&, const value_map& params) override {
    ++mounts;
    assign("n", params.find("start") ? *params.find("start") : tmpl::value{0});
  }
  void handle_info(const tmpl::value& msg) override { inc(msg.as_int()); }
  void inc(std::int64_t by) { assign("n", get("n").as_int() + by); }
  void boom() { throw std::runtime_error("boom"); }
  void later() { send_after(1ms, 100); }
  static inline std::atomic<int> mounts{0};
};

// Collects a socket's outputs; next() waits for one (bounded wait, not a timing assertion).
class inbox {
 public:
  std::function<void(view_output)> sink() {
    return [this](view_output o) {
      std::lock_guard lock(m_);
      q_.push_back(std::move(o));
      cv_.notify_all();
    };
  }
  view_output next() {
    std::unique_lock lock(m_);
    if (!cv_.wait_for(lock, 10s, [&] { return !q_.empty(); })) throw std::runtime_error("no output");
    auto o = std::move(q_.front());
    q_.pop_front();
    return o;
  }

 private:
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<view_output> q_;
};

class runtime_test : public ::testing::Test {
 protected:
  runtime_test() {
    engine_.add_template("count.html", "<p>{{ n }}</p>");
    options_.join_wait = 5s;
    options_.grace = 30s;
  }
  void make() {
    rt_ = std::make_unique<runtime>(options_, engine_, metrics_);
    rt_->register_view("count", [] { return std::make_unique<count_view>(); });
  }
  mount_result mount(value_map params = {}) {
    std::promise<mount_result> p;
    request req;
    req.session_id = "s1";
    rt_->mount("count", req, params, [&](mount_result r) { p.set_value(std::move(r)); });
    return p.get_future().get();
  }
  join_request join_for(const mount_result& m, std::uint64_t ref = 1) {
    join_request j;
    j.ref = ref;
    j.view_name = "count";
    j.token_view_id = m.view_id;
    j.req.session_id = "s1";
    return j;
  }

  tmpl::engine engine_;
  runtime_metrics metrics_;
  runtime_options options_;
  std::unique_ptr<runtime> rt_;
};

TEST_F(runtime_test, get_mounts_once_and_the_socket_joins_the_same_view) {
  make();
  int before = count_view::mounts;
  auto m = mount({{"start", 5}});
  ASSERT_TRUE(m.ok) << m.error;
  EXPECT_EQ(m.html, "<p>5</p>");
  inbox box;
  auto conn = rt_->connect(box.sink());
  conn->join(join_for(m));
  auto reply = box.next();
  EXPECT_TRUE(reply.ok);
  EXPECT_EQ(reply.view_id, m.view_id);
  EXPECT_TRUE(reply.html.empty());  // the page already shows it
  EXPECT_EQ(count_view::mounts - before, 1);

  conn->event(m.view_id, 2, "inc", {{"by", "2"}}, 0);
  auto r = box.next();
  EXPECT_EQ(r.ref, 2u);
  EXPECT_EQ(r.seq, 1u);
  EXPECT_EQ(vdom::encode_json(r.patches), R"([[0,2,"7"]])");
  EXPECT_EQ(rt_->mounted_views(), 1u);
  EXPECT_EQ(metrics_.views.value(), 1);
}

TEST_F(runtime_test, errors_are_replies_and_the_view_lives_on) {
  make();
  auto m = mount();
  inbox box;
  auto conn = rt_->connect(box.sink());
  conn->join(join_for(m));
  box.next();
  conn->event(m.view_id, 2, "nope", {}, 0);
  auto unknown = box.next();
  EXPECT_FALSE(unknown.ok);
  EXPECT_EQ(unknown.code, "unknown_handler");
  conn->event(m.view_id, 3, "inc", {{"by", "x"}}, 0);
  EXPECT_EQ(box.next().code, "bad_params");
  conn->event(m.view_id, 4, "boom", {}, 0);
  auto crashed = box.next();
  EXPECT_EQ(crashed.code, "handler_failed");
  conn->event(m.view_id, 5, "inc", {}, 0);
  auto ok = box.next();
  EXPECT_TRUE(ok.ok);
  EXPECT_EQ(vdom::encode_json(ok.patches), R"([[0,2,"1"]])");
  conn->event("no-such-view", 6, "inc", {}, 0);
  EXPECT_EQ(box.next().code, "unknown_view");
}

TEST_F(runtime_test, a_second_socket_with_the_same_token_is_refused) {
  make();
  auto m = mount();
  inbox a, b;
  auto first = rt_->connect(a.sink());
  first->join(join_for(m));
  EXPECT_TRUE(a.next().ok);
  auto replay = rt_->connect(b.sink());
  replay->join(join_for(m));
  auto refused = b.next();
  EXPECT_FALSE(refused.ok);
  EXPECT_EQ(refused.code, "join_refused");
  EXPECT_EQ(refused.message, "this page's token is already joined by another socket");
}

TEST_F(runtime_test, resume_within_grace_replays_exactly_the_missed_frames) {
  make();
  auto m = mount();
  inbox a;
  auto conn = rt_->connect(a.sink());
  conn->join(join_for(m));
  a.next();
  conn->event(m.view_id, 2, "inc", {}, 0);
  EXPECT_EQ(a.next().seq, 1u);
  conn->event(m.view_id, 3, "inc", {}, 1);
  EXPECT_EQ(a.next().seq, 2u);
  conn->close();  // the client lost frame 2 with its socket
  inbox b;
  auto again = rt_->connect(b.sink());
  auto j = join_for(m, 9);
  j.resume_view_id = m.view_id;
  j.ack = 1;
  again->join(j);
  auto reply = b.next();
  EXPECT_TRUE(reply.ok);
  EXPECT_EQ(reply.ref, 9u);
  auto missed = b.next();
  EXPECT_EQ(missed.type, view_output::kind::push);
  EXPECT_EQ(missed.seq, 2u);
  EXPECT_EQ(vdom::encode_json(missed.patches), R"([[0,2,"2"]])");
}

TEST_F(runtime_test, after_grace_the_view_is_restored_from_its_snapshot) {
  options_.grace = 1ms;
  make();
  auto m = mount();
  {
    inbox a;
    auto conn = rt_->connect(a.sink());
    conn->join(join_for(m));
    a.next();
    conn->event(m.view_id, 2, "inc", {{"by", 41}}, 0);
    a.next();
    conn->close();
  }
  for (int i = 0; i < 1000 && rt_->mounted_views() != 0; ++i) std::this_thread::sleep_for(5ms);
  ASSERT_EQ(rt_->mounted_views(), 0u);
  inbox b;
  auto again = rt_->connect(b.sink());
  auto j = join_for(m, 3);
  j.resume_view_id = m.view_id;
  j.ack = 1;
  again->join(j);
  auto reply = b.next();
  EXPECT_TRUE(reply.ok);
  EXPECT_EQ(reply.html, "<p>41</p>");  // state survived, as a fresh render
}

TEST_F(runtime_test, a_token_whose_view_is_gone_mounts_again) {
  options_.join_wait = 1ms;
  make();
  auto m = mount({{"start", 3}});
  for (int i = 0; i < 1000 && rt_->mounted_views() != 0; ++i) std::this_thread::sleep_for(5ms);
  inbox box;
  auto conn = rt_->connect(box.sink());
  auto j = join_for(m);
  j.params = {{"start", 3}};
  conn->join(j);
  auto reply = box.next();
  EXPECT_TRUE(reply.ok);
  EXPECT_NE(reply.view_id, m.view_id);
  EXPECT_EQ(reply.html, "<p>3</p>");
}

TEST_F(runtime_test, timers_push_patches) {
  make();
  auto m = mount();
  inbox box;
  auto conn = rt_->connect(box.sink());
  conn->join(join_for(m));
  box.next();
  conn->event(m.view_id, 2, "later", {}, 0);
  EXPECT_TRUE(box.next().ok);
  auto push = box.next();
  EXPECT_EQ(push.type, view_output::kind::push);
  EXPECT_EQ(vdom::encode_json(push.patches), R"([[0,2,"100"]])");
  rt_->send_info(m.view_id, 1);
  EXPECT_EQ(vdom::encode_json(box.next().patches), R"([[0,2,"101"]])");
}

TEST_F(runtime_test, unknown_views_and_other_sessions_are_refused) {
  make();
  std::promise<mount_result> p;
  rt_->mount("nope", {}, {}, [&](mount_result r) { p.set_value(std::move(r)); });
  auto r = p.get_future().get();
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "no view named 'nope'");
  auto m = mount();
  inbox box;
  auto conn = rt_->connect(box.sink());
  auto j = join_for(m);
  j.req.session_id = "intruder";
  conn->join(j);
  EXPECT_EQ(box.next().message, "the view belongs to another session");
}

}  // namespace
}  // namespace djust::live
