// Auth through the app over real sockets: the user resolver, login_required redirects,
// permission pages, refused joins, and handler permissions.
#include <gtest/gtest.h>

#include <memory>

#include "djust/transport/app.hpp"
#include "http_client.hpp"
#include "protocol_client.hpp"
#include "test_app_options.hpp"

namespace djust {
namespace {

using tmpl::value;
using tmpl::value_list;
using tmpl::value_map;

class inbox_view : public live::live_view {
 public:
  inbox_view() {
    on("purge", &inbox_view::purge);
    require_permission("purge", "mail.purge");
  }
  std::string template_name() const override { return "inbox.html"; }
  void mount(const live::request& req, const value_map&) override {
    assign("who", *req.user.as_map().find("username"));
    assign("purged", false);
  }
  void purge() { assign("purged", true); }
};

// Users come from a "user" cookie (a stand-in for a real session store): ada may purge.
value resolve(const transport::http_request& req) {
  auto name = req.cookie("user");
  if (!name || name->empty()) return value();
  value_list perms;
  if (*name == "ada") perms.emplace_back("mail.purge");
  return value(value_map{{"username", *name}, {"permissions", value(std::move(perms))}});
}

class auth_app_test : public ::testing::Test {
 protected:
  void SetUp() override {
    transport::app_options o = test::loopback_app_options();
    o.resolve_user = resolve;
    o.login_url = "/accounts/login/";
    app_ = std::make_unique<transport::app>(o);
    app_->engine().add_template("inbox.html", "<p>{{ who }}: {{ purged }}</p>");
    app_->live<inbox_view>("inbox/", "inbox", "Inbox", live::live_access{true, {}});
    app_->live<inbox_view>("admin/", "admin", "Admin", live::live_access{false, {"mail.purge"}});
    app_->start();
  }
  std::uint16_t port() const { return app_->port(); }
  std::unique_ptr<transport::app> app_;
};

TEST_F(auth_app_test, anonymous_visitors_of_a_login_required_view_are_sent_to_login) {
  auto r = test::http_get(port(), "/inbox/?folder=a%20b");
  EXPECT_EQ(r.status, 302u);
  EXPECT_EQ(r.header("location"), "/accounts/login/?next=/inbox/%3Ffolder%3Da%2520b");
  auto page = test::fetch_live_page(port(), "/inbox/", "user=bob");
  EXPECT_EQ(page.status, 200u);
  EXPECT_NE(page.view_html.find("bob: False"), std::string::npos);
}

TEST_F(auth_app_test, a_missing_permission_is_a_403_page) {
  EXPECT_EQ(test::http_get(port(), "/admin/", {{"Cookie", "user=bob"}}).status, 403u);
  EXPECT_EQ(test::http_get(port(), "/admin/").status, 302u);
  EXPECT_EQ(test::fetch_live_page(port(), "/admin/", "user=ada").status, 200u);
}

TEST_F(auth_app_test, a_socket_without_the_user_cannot_join_and_handlers_check_permissions) {
  auto page = test::fetch_live_page(port(), "/inbox/", "user=bob");
  ASSERT_EQ(page.status, 200u);
  test::live_page logged_out = page;
  logged_out.cookie = "";
  test::protocol_client stranger(port(), transport::encoding::msgpack, logged_out);
  auto refused = stranger.join(1, page.token, page.csrf);
  EXPECT_FALSE(refused.ok);
  EXPECT_EQ(refused.error_code, "join_refused");
  EXPECT_EQ(refused.error_message, "'inbox': login required");

  test::protocol_client bob(port(), transport::encoding::msgpack, page);
  ASSERT_TRUE(bob.join(1, page.token, page.csrf).ok);
  auto denied = bob.event(2, "purge");
  EXPECT_EQ(denied.error_code, "forbidden");
  EXPECT_EQ(denied.error_message, "handler 'purge' needs permission 'mail.purge'");

  auto ada_page = test::fetch_live_page(port(), "/inbox/", "user=ada");
  test::protocol_client ada(port(), transport::encoding::msgpack, ada_page);
  ASSERT_TRUE(ada.join(1, ada_page.token, ada_page.csrf).ok);
  EXPECT_TRUE(ada.event(2, "purge").ok);
  EXPECT_NE(ada.dom_html().find("ada: True"), std::string::npos) << ada.dom_html();
}

}  // namespace
}  // namespace djust
