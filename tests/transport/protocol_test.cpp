// Tests of the wire protocol codecs: literal JSON frames, round trips in both encodings, bad input.
#include <gtest/gtest.h>

#include "djust/actors/value_codec.hpp"
#include "djust/transport/protocol.hpp"

namespace djust::transport {
namespace {

using tmpl::value;
using tmpl::value_map;

template <class T>
T client_as(encoding e, const std::string& frame) {
  auto decoded = decode_client(e, frame);
  if (auto* err = std::get_if<protocol_error>(&decoded)) {
    ADD_FAILURE() << err->message;
    return {};
  }
  return std::get<T>(std::get<client_message>(decoded));
}

template <class T>
T server_as(encoding e, const std::string& frame) {
  auto decoded = decode_server(e, frame);
  if (auto* err = std::get_if<protocol_error>(&decoded)) {
    ADD_FAILURE() << err->message;
    return {};
  }
  return std::get<T>(std::get<server_message>(decoded));
}

protocol_error client_error(encoding e, std::string_view frame, const frame_limits& limits = {}) {
  auto decoded = decode_client(e, frame, limits);
  if (auto* err = std::get_if<protocol_error>(&decoded)) return *err;
  ADD_FAILURE() << "decoded without error";
  return {};
}

TEST(protocol_json, frames_are_literal_maps) {
  EXPECT_EQ(encode(encoding::json, server_message{push_msg{"v1", 3, R"([[1,"x"]])"}}),
            R"({"type":"push","view":"v1","seq":3,"patches":[[1,"x"]]})");
  EXPECT_EQ(encode(encoding::json, server_message{error_msg{5, "unknown_handler", "no handler 'x'"}}),
            R"({"type":"error","ref":5,"code":"unknown_handler","message":"no handler 'x'"})");
  reply_msg failed{7, "v1", false, 0, "", "", "bad_params", "param 'n' must be an integer"};
  EXPECT_EQ(encode(encoding::json, server_message{failed}),
            R"({"type":"reply","ref":7,"view":"v1","ok":false,"code":"bad_params",)"
            R"("message":"param 'n' must be an integer"})");
  event_msg ev{2, "v1", "inc", value_map{{"by", 2}}, 9};
  EXPECT_EQ(encode(encoding::json, client_message{ev}),
            R"({"type":"event","ref":2,"view":"v1","handler":"inc","params":{"by":2},"ack":9})");
}

class protocol_both : public ::testing::TestWithParam<encoding> {};

TEST_P(protocol_both, client_messages_round_trip) {
  encoding e = GetParam();
  join_msg j{1, "tok", "csrf", "/counter/?x=1", "view-9", 12};
  auto j2 = client_as<join_msg>(e, encode(e, client_message{j}));
  EXPECT_EQ(j2.ref, 1u);
  EXPECT_EQ(j2.token, "tok");
  EXPECT_EQ(j2.csrf, "csrf");
  EXPECT_EQ(j2.url, "/counter/?x=1");
  EXPECT_EQ(j2.view, "view-9");
  EXPECT_EQ(j2.ack, 12u);

  event_msg ev{2, "v1", "search", value_map{{"q", "héllo"}, {"n", 3}, {"f", 0.5}, {"on", true}}, 4};
  auto ev2 = client_as<event_msg>(e, encode(e, client_message{ev}));
  EXPECT_EQ(ev2.handler, "search");
  EXPECT_TRUE(value{ev2.params} == value{ev.params});
  EXPECT_EQ(ev2.ack, 4u);

  heartbeat_msg hb{3, {{"v1", 5}, {"v2", 0}}};
  EXPECT_EQ(client_as<heartbeat_msg>(e, encode(e, client_message{hb})).acks, hb.acks);
  EXPECT_EQ(client_as<leave_msg>(e, encode(e, client_message{leave_msg{4, "v1"}})).view, "v1");
}

TEST_P(protocol_both, server_messages_round_trip_with_raw_patches) {
  encoding e = GetParam();
  value patches{tmpl::value_list{tmpl::value_list{0, 5, "text"}, tmpl::value_list{1, 2}}};
  std::string raw = e == encoding::json ? live::to_json(patches) : live::to_msgpack(patches);

  reply_msg r{9, "v1", true, 4, "<div>hi</div>", raw, "", ""};
  auto r2 = server_as<reply_msg>(e, encode(e, server_message{r}));
  EXPECT_EQ(r2.ref, 9u);
  EXPECT_TRUE(r2.ok);
  EXPECT_EQ(r2.seq, 4u);
  EXPECT_EQ(r2.html, "<div>hi</div>");
  EXPECT_EQ(r2.patches, raw);

  auto p2 = server_as<push_msg>(e, encode(e, server_message{push_msg{"v1", 5, raw}}));
  EXPECT_EQ(p2.seq, 5u);
  EXPECT_EQ(p2.patches, raw);
  auto empty = server_as<push_msg>(e, encode(e, server_message{push_msg{"v1", 6, ""}}));
  EXPECT_TRUE((e == encoding::json ? live::from_json(empty.patches) : live::from_msgpack(empty.patches)) ==
              value{tmpl::value_list{}});

  auto rd = server_as<redirect_msg>(e, encode(e, server_message{redirect_msg{3, "v1", "/login/"}}));
  EXPECT_EQ(rd.to, "/login/");
  auto er = server_as<error_msg>(e, encode(e, server_message{error_msg{0, "join_refused", "bad token"}}));
  EXPECT_EQ(er.code, "join_refused");
  EXPECT_EQ(er.message, "bad token");
}

TEST_P(protocol_both, every_truncation_is_a_clear_error) {
  encoding e = GetParam();
  std::string frame = encode(e, client_message{event_msg{2, "v1", "inc", value_map{{"by", 2}}, 0}});
  for (std::size_t n = 0; n < frame.size(); ++n) {
    auto err = client_error(e, std::string_view(frame).substr(0, n));
    EXPECT_TRUE(err.code == protocol_errc::truncated || err.code == protocol_errc::malformed) << n;
    EXPECT_FALSE(err.message.empty());
  }
}

TEST_P(protocol_both, oversized_frames_are_refused_before_parsing) {
  encoding e = GetParam();
  frame_limits limits;
  limits.max_frame_bytes = 32;
  std::string frame = encode(e, client_message{event_msg{2, "v1", "inc", value_map{{"q", std::string(64, 'x')}}, 0}});
  auto err = client_error(e, frame, limits);
  EXPECT_EQ(err.code, protocol_errc::too_large);
  EXPECT_EQ(err.message, "frame of " + std::to_string(frame.size()) + " bytes exceeds the limit of 32");
}

TEST_P(protocol_both, field_errors_name_the_field_and_keep_the_ref) {
  encoding e = GetParam();
  auto frame = [&](value_map m) { return e == encoding::json ? live::to_json(value{m}) : live::to_msgpack(value{m}); };
  auto err = client_error(e, frame({{"type", "event"}, {"ref", 7}, {"view", "v"}, {"handler", 5}}));
  EXPECT_EQ(err.code, protocol_errc::bad_field);
  EXPECT_EQ(err.message, "field 'handler' must be a string");
  EXPECT_EQ(err.ref, 7u);
  err = client_error(e, frame({{"type", "event"}, {"ref", 8}, {"view", "v"}}));
  EXPECT_EQ(err.message, "field 'handler' is missing");
  err = client_error(e, frame({{"type", "event"}, {"ref", 8}, {"view", "v"}, {"handler", "h"}, {"params", 1}}));
  EXPECT_EQ(err.message, "field 'params' must be a map");
  err = client_error(e, frame({{"type", "launch"}, {"ref", 9}}));
  EXPECT_EQ(err.code, protocol_errc::unknown_type);
  EXPECT_EQ(err.message, "unknown message type 'launch'");
  EXPECT_EQ(err.ref, 9u);
  err = client_error(e, frame({{"ref", 1}}));
  EXPECT_EQ(err.message, "frame has no 'type'");
  err = client_error(e, frame({{"type", "heartbeat"}, {"ref", 1}, {"acks", value_map{{"v", "x"}}}}));
  EXPECT_EQ(err.message, "field 'acks' must map view ids to non-negative integers");
  err = client_error(e, frame({{"type", "leave"}, {"ref", -1}, {"view", "v"}}));
  EXPECT_EQ(err.message, "field 'ref' must be a non-negative integer");
}

TEST_P(protocol_both, non_map_frames_are_malformed) {
  encoding e = GetParam();
  std::string frame = e == encoding::json ? live::to_json(value{tmpl::value_list{1}}) : live::to_msgpack(value{tmpl::value_list{1}});
  auto err = client_error(e, frame);
  EXPECT_EQ(err.code, protocol_errc::malformed);
  EXPECT_EQ(err.message, "a frame must be a map");
  EXPECT_EQ(wire_code(err.code), "malformed_frame");
}

INSTANTIATE_TEST_SUITE_P(encodings, protocol_both, ::testing::Values(encoding::msgpack, encoding::json),
                         [](const auto& info) { return info.param == encoding::json ? "json" : "msgpack"; });

TEST(protocol, garbage_is_malformed) {
  EXPECT_EQ(client_error(encoding::json, "hello").code, protocol_errc::malformed);
  EXPECT_EQ(client_error(encoding::msgpack, "\xc1").code, protocol_errc::malformed);
  EXPECT_EQ(client_error(encoding::msgpack, std::string("\x81\x01\x02", 3)).code, protocol_errc::malformed);
}

TEST(protocol, negotiates_subprotocols) {
  EXPECT_EQ(negotiate(""), encoding::msgpack);
  EXPECT_EQ(negotiate("djust.json.v1"), encoding::json);
  EXPECT_EQ(negotiate("chat, djust.json.v1 , djust.msgpack.v1"), encoding::json);
  EXPECT_EQ(negotiate(" djust.msgpack.v1"), encoding::msgpack);
  EXPECT_EQ(negotiate("chat"), std::nullopt);
  EXPECT_EQ(subprotocol_name(encoding::json), "djust.json.v1");
}

}  // namespace
}  // namespace djust::transport
