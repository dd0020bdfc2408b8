// Patch encoding: JSON text and msgpack bytes carry the same arrays.
#include <gtest/gtest.h>

#include <msgpack.hpp>
#include <sstream>

#include "djust/vdom/encode.hpp"

namespace djust::vdom {
namespace {

patch_list sample() {
  patch_list p(4);
  p[0].op = wire::set_text, p[0].id = 300, p[0].value = "a\"b\\\n\x01";
  p[1].op = wire::set_prop, p[1].id = 7, p[1].name = "value", p[1].value = "x", p[1].flags = 1;
  p[2].op = wire::insert, p[2].id = 1, p[2].before = 0, p[2].first_id = 70000, p[2].value = "<b>é</b>";
  p[3].op = wire::move, p[3].id = 2, p[3].before = 3;
  return p;
}

TEST(encode, json_is_compact_arrays) {
  EXPECT_EQ(encode_json(sample()),
            "[[0,300,\"a\\\"b\\\\\\n\\u0001\"],[3,7,\"value\",\"x\",1],[5,1,0,70000,\"<b>é</b>\"],[7,2,3]]");
  EXPECT_EQ(encode_json({}), "[]");
}

TEST(encode, msgpack_decodes_to_the_same_arrays_as_json) {
  std::string bytes = encode_msgpack(sample());
  msgpack::object_handle oh = msgpack::unpack(bytes.data(), bytes.size());
  std::ostringstream os;
  os << oh.get();
  // msgpack-cxx prints "/" as "\\/"; otherwise the text equals the JSON encoding.
  EXPECT_EQ(os.str(), "[[0,300,\"a\\\"b\\\\\\n\\u0001\"],[3,7,\"value\",\"x\",1],[5,1,0,70000,\"<b>é<\\/b>\"],[7,2,3]]");
}

TEST(encode, msgpack_uses_the_smallest_integer_forms) {
  patch_list p(1);
  p[0].op = wire::set_text, p[0].id = 5, p[0].value = "hi";
  // fixarray(1) fixarray(3) 0 5 fixstr(2) 'h' 'i'
  EXPECT_EQ(encode_msgpack(p), std::string("\x91\x93\x00\x05\xa2hi", 7));
}

}  // namespace
}  // namespace djust::vdom
