// Tests of the live_view API: the handler whitelist, typed defaulted parameters, assigns, effects.
#include <gtest/gtest.h>

#include "djust/actors/live_view.hpp"

namespace djust::live {
namespace {

using tmpl::value;
using tmpl::value_map;

class sample_view : public live_view {
 public:
  sample_view() {
    on("increment", &sample_view::increment, param("by", 1));
    on("rename", &sample_view::rename, param("name"), param("loud", false));
    on("scale", &sample_view::scale, param("factor", 1.0));
    on("noop", &sample_view::noop);
  }
  std::string template_name() const override { return "sample.html"; }
  void increment(std::int64_t by) { assign("count", get("count").is_null() ? by : get("count").as_int() + by); }
  void rename(std::string name, bool loud) { assign("name", loud ? name + "!" : name); }
  void scale(double f) { factor = f; }
  void noop() { ++noops; }
  void helper_not_registered() {}

  double factor = 0;
  int noops = 0;
};

std::string error_of(sample_view& v, std::string_view handler, const value_map& payload) {
  try {
    v.dispatch(handler, payload);
  } catch (const event_error& e) {
    return e.code() + ": " + e.what();
  }
  return "no error";
}

TEST(live_view, registered_handlers_run_with_defaults) {
  sample_view v;
  v.dispatch("increment", {});
  v.dispatch("increment", {{"by", 5}});
  EXPECT_EQ(v.get("count").as_int(), 6);
  v.dispatch("noop", {{"extra", "ignored"}});
  EXPECT_EQ(v.noops, 1);
}

TEST(live_view, parameters_are_coerced_from_strings) {
  sample_view v;
  v.dispatch("increment", {{"by", " 7 "}});
  EXPECT_EQ(v.get("count").as_int(), 7);
  v.dispatch("rename", {{"name", "ann"}, {"loud", "on"}});
  EXPECT_EQ(v.get("name").as_string(), "ann!");
  v.dispatch("rename", {{"name", 42}, {"loud", false}});
  EXPECT_EQ(v.get("name").as_string(), "42");
  v.dispatch("scale", {{"factor", "2.5"}});
  EXPECT_EQ(v.factor, 2.5);
  v.dispatch("scale", {{"factor", 3}});
  EXPECT_EQ(v.factor, 3.0);
  v.dispatch("increment", {{"by", 2.0}});
  EXPECT_EQ(v.get("count").as_int(), 9);
}

TEST(live_view, bad_types_are_clear_errors) {
  sample_view v;
  EXPECT_EQ(error_of(v, "increment", {{"by", "abc"}}),
            "bad_params: parameter 'by' of 'increment' must be an integer, got 'abc'");
  EXPECT_EQ(error_of(v, "increment", {{"by", 1.5}}),
            "bad_params: parameter 'by' of 'increment' must be an integer, got 1.5");
  EXPECT_EQ(error_of(v, "rename", {{"name", "x"}, {"loud", "maybe"}}),
            "bad_params: parameter 'loud' of 'rename' must be a boolean, got 'maybe'");
  EXPECT_EQ(error_of(v, "rename", {{"name", tmpl::value_list{1}}}),
            "bad_params: parameter 'name' of 'rename' must be a string, got [1]");
  EXPECT_EQ(error_of(v, "scale", {{"factor", "nan"}}),
            "bad_params: parameter 'factor' of 'scale' must be a number, got 'nan'");
  EXPECT_TRUE(v.get("count").is_null());  // nothing ran
}

TEST(live_view, only_registered_handlers_are_callable) {
  sample_view v;
  EXPECT_EQ(error_of(v, "helper_not_registered", {}), "unknown_handler: no handler 'helper_not_registered'");
  EXPECT_EQ(error_of(v, "template_name", {}), "unknown_handler: no handler 'template_name'");
  EXPECT_TRUE(v.has_handler("increment"));
  EXPECT_FALSE(v.has_handler("mount"));
}

TEST(live_view, effects_are_collected_once) {
  sample_view v;
  v.send_after(std::chrono::milliseconds(1000), "tick");
  v.push_redirect("/done/");
  auto timers = v.take_timers();
  ASSERT_EQ(timers.size(), 1u);
  EXPECT_EQ(timers[0].delay.count(), 1000);
  EXPECT_EQ(timers[0].message.as_string(), "tick");
  EXPECT_TRUE(v.take_timers().empty());
  EXPECT_EQ(v.take_redirect(), "/done/");
  EXPECT_EQ(v.take_redirect(), "");
}

TEST(coerce, int32_range_is_checked) {
  EXPECT_EQ(coerce<int>(value{"12"}, "n", "h"), 12);
  EXPECT_THROW(coerce<int>(value{5000000000LL}, "n", "h"), event_error);
  EXPECT_EQ(coerce<tmpl::value_map>(value{}, "m", "h").size(), 0u);
  EXPECT_THROW(coerce<tmpl::value_list>(value{"x"}, "l", "h"), event_error);
}

}  // namespace
}  // namespace djust::live
