// End to end: GET a live page, join over a real WebSocket in both encodings, fire events,
// apply the patches to the page with the vdom applier and compare with a fresh render;
// plus the bad inputs (forged token, missing CSRF, wrong Origin, bad frames, bad params, throws).
#include <gtest/gtest.h>

#include "djust/transport/app.hpp"
#include "djust/vdom/parse.hpp"
#include "djust/vdom/serialize.hpp"
#include "http_client.hpp"
#include "protocol_client.hpp"
#include "test_app_options.hpp"

namespace djust {
namespace {

using transport::encoding;

class tally_view : public live::live_view {
 public:
  tally_view() {
    on("add", &tally_view::add, live::param("item", ""));
    on("boom", &tally_view::boom);
  }
  std::string template_name() const override { return "tally.html"; }
  void mount(const live::request&, const tmpl::value_map&) override { assign("items", tmpl::value_list{}); }
  void add(std::string item) {
    if (item.empty()) throw live::event_error("bad_params", "item must not be empty");
    auto items = get("items").as_list();
    items.emplace_back(item);
    assign("items", std::move(items));
  }
  void boom() { throw std::runtime_error("handler exploded"); }
};

const char* tally_template =
    "<h1>{{ items|length }} items</h1><ul>{% for i in items %}<li dj-key=\"{{ i }}\">{{ i }}</li>{% endfor %}</ul>";

class live_app_test : public ::testing::TestWithParam<encoding> {
 protected:
  void SetUp() override {
    transport::app_options o = test::loopback_app_options();
    app_ = std::make_unique<transport::app>(o);
    app_->engine().add_template("tally.html", tally_template);
    app_->live<tally_view>("tally/", "tally");
    app_->start();
  }
  std::string fresh_render(tmpl::value_list items) {
    std::string html = app_->engine().render("tally.html", {{"items", tmpl::value{std::move(items)}}});
    return vdom::canonical_html(vdom::parse_fragment(html));
  }
  std::uint16_t port() const { return app_->port(); }

  std::unique_ptr<transport::app> app_;
};

TEST_P(live_app_test, events_patch_the_page_into_a_fresh_render) {
  auto page = test::fetch_live_page(port(), "/tally/");
  ASSERT_EQ(page.status, 200u);
  ASSERT_FALSE(page.token.empty());
  test::protocol_client c(port(), GetParam(), page);
  auto joined = c.join(1, page.token, page.csrf);
  ASSERT_TRUE(joined.ok) << joined.error_message;
  EXPECT_TRUE(joined.html.empty());  // mounted once, by the GET
  EXPECT_EQ(c.dom_html(), fresh_render({}));
  std::uint64_t ref = 2;
  tmpl::value_list items;
  for (std::string item : {"b", "a", "c", "a2"}) {
    auto r = c.event(ref++, "add", {{"item", item}});
    ASSERT_TRUE(r.ok) << r.error_message;
    EXPECT_EQ(r.seq, ref - 2);
    items.emplace_back(item);
    EXPECT_EQ(c.dom_html(), fresh_render(items));
  }
}

TEST_P(live_app_test, a_reconnecting_client_gets_exactly_the_frames_it_missed) {
  auto page = test::fetch_live_page(port(), "/tally/");
  std::string view_id;
  {
    test::protocol_client first(port(), GetParam(), page);
    ASSERT_TRUE(first.join(1, page.token, page.csrf).ok);
    view_id = first.view_id();
    ASSERT_TRUE(first.event(2, "add", {{"item", "x"}}).ok);  // seq 1, applied
    ASSERT_TRUE(first.event(3, "add", {{"item", "y"}}).ok);  // seq 2, "lost" with the socket
  }
  // The client only applied seq 1: rebuild its DOM at that point and resume from there.
  test::live_page at_seq1 = page;
  at_seq1.view_html = app_->engine().render("tally.html", {{"items", tmpl::value_list{"x"}}});
  test::protocol_client again(port(), GetParam(), at_seq1);
  auto reply = again.resume(1, page.token, page.csrf, view_id, 1);
  ASSERT_TRUE(reply.ok) << reply.error_message;
  EXPECT_EQ(reply.view, view_id);  // the same view actor, not a remount
  EXPECT_TRUE(reply.html.empty());
  auto missed = std::get<transport::push_msg>(again.next());
  EXPECT_EQ(missed.seq, 2u);
  EXPECT_EQ(again.dom_html(), fresh_render({"x", "y"}));
}

TEST_P(live_app_test, bad_events_get_clear_errors_and_the_session_lives_on) {
  auto page = test::fetch_live_page(port(), "/tally/");
  test::protocol_client c(port(), GetParam(), page);
  ASSERT_TRUE(c.join(1, page.token, page.csrf).ok);
  auto unknown = c.event(2, "template_name");
  EXPECT_EQ(unknown.error_code, "unknown_handler");
  EXPECT_EQ(unknown.error_message, "no handler 'template_name'");
  auto typed = c.event(3, "add", {{"item", tmpl::value_list{1}}});
  EXPECT_EQ(typed.error_message, "parameter 'item' of 'add' must be a string, got [1]");
  auto thrown = c.event(4, "boom");
  EXPECT_EQ(thrown.error_code, "handler_failed");
  c.send_raw(GetParam() == encoding::json ? std::string("{\"type\":\"event\",") : std::string("\x85\xa4type", 6));
  auto err = std::get<transport::error_msg>(c.next());
  EXPECT_EQ(err.code, "truncated_frame");
  c.send(transport::client_message{transport::leave_msg{0, ""}});
  auto leave = std::get<transport::reply_msg>(c.next());
  EXPECT_EQ(leave.error_code, "unknown_view");
  auto ok = c.event(5, "add", {{"item", "still alive"}});
  EXPECT_TRUE(ok.ok);
  EXPECT_EQ(c.dom_html(), fresh_render({"still alive"}));
}

TEST_P(live_app_test, joins_with_bad_credentials_are_refused) {
  auto page = test::fetch_live_page(port(), "/tally/");
  {
    test::protocol_client c(port(), GetParam(), page);
    std::string forged = page.token;
    forged[forged.size() / 2] = forged[forged.size() / 2] == 'A' ? 'B' : 'A';
    auto r = c.join(1, forged, page.csrf);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error_code, "join_refused");
  }
  {
    test::protocol_client c(port(), GetParam(), page);
    auto r = c.join(1, page.token, "");
    EXPECT_EQ(r.error_message, "CSRF token missing");
  }
  {
    test::protocol_client c(port(), GetParam(), page);
    auto other = test::fetch_live_page(port(), "/tally/");  // another session's CSRF token
    auto r = c.join(1, page.token, other.csrf);
    EXPECT_EQ(r.error_message, "CSRF token refused: the token belongs to another session");
  }
  {
    test::protocol_client first(port(), GetParam(), page);
    ASSERT_TRUE(first.join(1, page.token, page.csrf).ok);
    test::protocol_client replay(port(), GetParam(), page);
    auto r = replay.join(1, page.token, page.csrf);
    EXPECT_EQ(r.error_message, "this page's token is already joined by another socket");
  }
  EXPECT_THROW(test::protocol_client(port(), GetParam(), page, "http://evil.example"), test::ws_refused);
}

INSTANTIATE_TEST_SUITE_P(encodings, live_app_test, ::testing::Values(encoding::msgpack, encoding::json),
                         [](const auto& info) { return info.param == encoding::json ? "json" : "msgpack"; });

TEST_P(live_app_test, the_page_carries_the_script_and_tokens_from_djust_scripts) {
  auto res = test::http_get(port(), "/tally/");
  EXPECT_NE(res.body.find("<script src=\"/static/djust/client.js\" defer></script>"), std::string::npos);
  const std::string meta = "<meta name=\"csrf-token\" content=\"";
  auto meta_at = res.body.find(meta);
  ASSERT_NE(meta_at, std::string::npos) << res.body;
  auto csrf_in_div = res.body.find("dj-csrf=\"");
  ASSERT_NE(csrf_in_div, std::string::npos);
  auto value_at = [&](std::size_t from) { return res.body.substr(from, res.body.find('"', from) - from); };
  EXPECT_EQ(value_at(meta_at + meta.size()), value_at(csrf_in_div + 9));  // one CSRF token per page
  EXPECT_NE(res.body.find("dj-token=\""), std::string::npos);
}

TEST(live_app, serves_metrics_and_404) {
  transport::app_options o = test::loopback_app_options();
  transport::app app(o);
  app.start();
  auto metrics = test::http_get(app.port(), "/metrics");
  EXPECT_EQ(metrics.status, 200u);
  EXPECT_NE(metrics.body.find("# TYPE djust_events_total counter"), std::string::npos);
  EXPECT_EQ(test::http_get(app.port(), "/nothing/").status, 404u);
}

}  // namespace
}  // namespace djust
