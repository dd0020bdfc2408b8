// Tests of the JSON value codec: round trips, escapes, numbers and clear errors on bad input.
#include <gtest/gtest.h>

#include "djust/actors/value_codec.hpp"

namespace djust::live {
namespace {

using tmpl::value;
using tmpl::value_map;

std::string roundtrip(std::string_view text) { return to_json(from_json(text)); }

codec_error::kind error_kind(std::string_view text, const decode_limits& limits = {}) {
  try {
    from_json(text, limits);
  } catch (const codec_error& e) {
    return e.code();
  }
  ADD_FAILURE() << "no error for " << text;
  return codec_error::kind::unsupported;
}

std::string error_message(std::string_view text) {
  try {
    from_json(text);
  } catch (const codec_error& e) {
    return e.what();
  }
  return "";
}

TEST(value_json, encodes_every_kind) {
  value_map m{{"n", nullptr}, {"b", true}, {"i", -42}, {"f", 1.5}, {"s", "a\"b\\c\n"}};
  m.set("l", tmpl::value_list{1, "x"});
  m.set("d", tmpl::date_value{2024, 5, 1});
  m.set("dt", tmpl::datetime_value{{2024, 5, 1}, {13, 45, 0, 250000}});
  m.set("dec", tmpl::decimal_value{"3.50"});
  EXPECT_EQ(to_json(value{m}),
            R"({"n":null,"b":true,"i":-42,"f":1.5,"s":"a\"b\\c\n","l":[1,"x"],"d":"2024-05-01",)"
            R"("dt":"2024-05-01T13:45:00.250000","dec":"3.50"})");
}

TEST(value_json, floats_stay_floats) {
  EXPECT_EQ(to_json(value{2.0}), "2.0");
  EXPECT_EQ(from_json("2.0").kind(), tmpl::value_kind::floating);
  EXPECT_EQ(from_json("2").kind(), tmpl::value_kind::integer);
  EXPECT_EQ(from_json("1e3").as_double(), 1000.0);
}

TEST(value_json, big_integers_become_decimals) {
  auto v = from_json("123456789012345678901234567890");
  ASSERT_EQ(v.kind(), tmpl::value_kind::decimal);
  EXPECT_EQ(v.as_decimal().text, "123456789012345678901234567890");
}

TEST(value_json, decodes_escapes_and_surrogates) {
  EXPECT_EQ(from_json(R"("\u00e9\ud83d\ude00\/\t")").as_string(), "\xC3\xA9\xF0\x9F\x98\x80/\t");
  EXPECT_EQ(roundtrip(R"("\u0001")"), R"("\u0001")");
}

TEST(value_json, keeps_member_order) {
  EXPECT_EQ(roundtrip(R"( { "z" : 1 , "a" : [ ] , "m" : { } } )"), R"({"z":1,"a":[],"m":{}})");
}

TEST(value_json, rejects_malformed_input_clearly) {
  EXPECT_EQ(error_kind("{\"a\":1,}"), codec_error::kind::malformed);
  EXPECT_EQ(error_kind("[1 2]"), codec_error::kind::malformed);
  EXPECT_EQ(error_kind("01"), codec_error::kind::malformed);
  EXPECT_EQ(error_kind("tru"), codec_error::kind::truncated);
  EXPECT_EQ(error_kind("{\"a\":"), codec_error::kind::truncated);
  EXPECT_EQ(error_kind("\"abc"), codec_error::kind::truncated);
  EXPECT_EQ(error_kind(""), codec_error::kind::truncated);
  EXPECT_EQ(error_kind("1 2"), codec_error::kind::malformed);
  EXPECT_EQ(error_kind(R"("\ud800")"), codec_error::kind::malformed);
  EXPECT_EQ(error_message("[1, x]"), "unexpected character 'x' in JSON at offset 4");
}

TEST(value_json, enforces_limits) {
  decode_limits limits;
  limits.max_depth = 3;
  EXPECT_NO_THROW(from_json("[[[1]]]", limits));
  EXPECT_EQ(error_kind("[[[[1]]]]", limits), codec_error::kind::too_large);
  EXPECT_EQ(error_kind(std::string(100000, '['), {}), codec_error::kind::too_large);
  limits.max_string = 4;
  EXPECT_EQ(error_kind("\"abcdef\"", limits), codec_error::kind::too_large);
  limits.max_items = 2;
  EXPECT_EQ(error_kind("[1,2,3]", limits), codec_error::kind::too_large);
}

}  // namespace
}  // namespace djust::live
