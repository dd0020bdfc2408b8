// Tests of the msgpack value codec: exact round trips of every kind and clear errors on bad input.
#include <gtest/gtest.h>

#include "djust/actors/value_msgpack.hpp"

namespace djust::live {
namespace {

using tmpl::value;
using tmpl::value_map;

codec_error::kind error_kind(std::string_view bytes, const decode_limits& limits = {}) {
  try {
    from_msgpack(bytes, limits);
  } catch (const codec_error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no error";
  return codec_error::kind::unsupported;
}

TEST(value_msgpack, round_trips_every_kind_exactly) {
  value_map m{{"n", nullptr}, {"b", false}, {"i", -7}, {"big", 1LL << 40}, {"f", 0.25}, {"s", "héllo"}};
  m.set("safe", value::safe("<b>x</b>"));
  m.set("l", tmpl::value_list{1, "x", tmpl::value_list{}});
  m.set("d", tmpl::date_value{2024, 2, 29});
  m.set("t", tmpl::time_value{23, 59, 58, 7});
  m.set("dt", tmpl::datetime_value{{1999, 12, 31}, {0, 0, 1, 0}});
  m.set("dec", tmpl::decimal_value{"-0.10"});
  value back = from_msgpack(to_msgpack(value{m}));
  ASSERT_EQ(back.kind(), tmpl::value_kind::map);
  const auto& bm = back.as_map();
  EXPECT_TRUE(back == value{m});
  EXPECT_TRUE(bm.find("safe")->is_safe());
  EXPECT_EQ(bm.find("t")->as_time().microsecond, 7);
  EXPECT_EQ(bm.find("dec")->as_decimal().text, "-0.10");
  EXPECT_EQ(bm.find("dt")->as_datetime().date.year, 1999);
  std::vector<std::string> keys;
  for (const auto& [k, v] : bm) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"n", "b", "i", "big", "f", "s", "safe", "l", "d", "t", "dt", "dec"}));
}

TEST(value_msgpack, resolves_lazy_values) {
  int calls = 0;
  value lazy = value::lazy([&] {
    ++calls;
    return value{5};
  });
  EXPECT_EQ(from_msgpack(to_msgpack(lazy)).as_int(), 5);
  EXPECT_EQ(calls, 1);
}

TEST(value_msgpack, reports_truncated_and_trailing_input) {
  std::string bytes = to_msgpack(value{value_map{{"key", "a long enough string"}}});
  for (std::size_t n = 0; n < bytes.size(); ++n)
    EXPECT_EQ(error_kind(std::string_view(bytes).substr(0, n)), codec_error::kind::truncated) << n;
  EXPECT_EQ(error_kind(bytes + "\x01"), codec_error::kind::malformed);
  EXPECT_EQ(error_kind("\xc1"), codec_error::kind::malformed);  // the never-used byte
}

TEST(value_msgpack, rejects_non_string_keys_and_unknown_ext) {
  EXPECT_EQ(error_kind("\x81\x01\x02"), codec_error::kind::unsupported);  // {1: 2}
  EXPECT_EQ(error_kind(std::string("\xd4\x63\x00", 3)), codec_error::kind::unsupported);  // fixext1 type 99
  EXPECT_EQ(error_kind(std::string("\xd6\x01" "2024", 6)), codec_error::kind::malformed);  // bad date text
}

TEST(value_msgpack, enforces_limits) {
  decode_limits limits;
  limits.max_depth = 2;
  EXPECT_EQ(error_kind("\x91\x91\x91\x01", limits), codec_error::kind::too_large);
  limits = {};
  limits.max_string = 3;
  EXPECT_EQ(error_kind("\xa5hello", limits), codec_error::kind::too_large);
  limits = {};
  limits.max_items = 1;
  EXPECT_EQ(error_kind("\x92\x01\x02", limits), codec_error::kind::too_large);
}

}  // namespace
}  // namespace djust::live
