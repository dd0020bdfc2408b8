// Users as values: Django's permission rule, route access, and handler permissions in a view.
#include <gtest/gtest.h>

#include "djust/actors/auth.hpp"
#include "djust/actors/testing.hpp"

namespace djust::live {
namespace {

using tmpl::value;
using tmpl::value_list;
using tmpl::value_map;

value user(value_list permissions, bool superuser = false, bool active = true) {
  return value(value_map{{"username", "ada"},
                         {"is_active", active},
                         {"is_superuser", superuser},
                         {"permissions", value(std::move(permissions))}});
}

TEST(has_permission, follows_djangos_rule) {
  EXPECT_TRUE(has_permission(user({"notes.delete"}), "notes.delete"));
  EXPECT_FALSE(has_permission(user({"notes.view"}), "notes.delete"));
  EXPECT_TRUE(has_permission(user({}, true), "anything.at_all"));
  EXPECT_FALSE(has_permission(user({"notes.delete"}, true, false), "notes.delete"));  // inactive: none
  EXPECT_FALSE(has_permission(value(), "notes.delete"));                               // anonymous
  EXPECT_FALSE(has_permission(value("ada"), "notes.delete"));                          // not a user map
}

TEST(access_denied, says_why) {
  EXPECT_EQ(access_denied(value(), live_access{}), "");
  EXPECT_EQ(access_denied(value(), live_access{true, {}}), "login required");
  EXPECT_EQ(access_denied(value(), live_access{false, {"notes.view"}}), "login required");
  EXPECT_EQ(access_denied(user({}), live_access{true, {}}), "");
  EXPECT_EQ(access_denied(user({"notes.view"}), live_access{false, {"notes.view", "notes.edit"}}),
            "permission 'notes.edit' required");
}

class notes_view : public live_view {
 public:
  notes_view() {
    on("remove", &notes_view::remove);
    require_permission("remove", "notes.delete");
  }
  std::string template_name() const override { return "notes.html"; }
  void mount(const request&, const value_map&) override {
    assign("who", user().is_null() ? value("nobody") : *user().as_map().find("username"));
    assign("removed", false);
  }
  void remove() { assign("removed", true); }
};

TEST(handler_permission, only_users_with_it_may_call_the_handler) {
  tmpl::engine engine;
  engine.add_template("notes.html", "<p>{{ who }} {{ removed }}</p>");
  view_test<notes_view> anonymous(engine);
  EXPECT_EQ(anonymous.mount(), "<p>nobody False</p>");
  auto refused = anonymous.fire("remove");
  EXPECT_FALSE(refused.ok);
  EXPECT_EQ(refused.error_code, "forbidden");
  EXPECT_EQ(refused.error_message, "handler 'remove' needs permission 'notes.delete'");
  EXPECT_FALSE(refused.restarted);

  view_test<notes_view> viewer(engine);
  viewer.mount_as(user({"notes.view"}));
  EXPECT_EQ(viewer.fire("remove").error_code, "forbidden");

  view_test<notes_view> editor(engine);
  editor.mount_as(user({"notes.delete"}));
  EXPECT_TRUE(editor.fire("remove").ok);
  EXPECT_EQ(editor.html(), "<p>ada True</p>");
}

}  // namespace
}  // namespace djust::live
