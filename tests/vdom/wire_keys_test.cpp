// wire_keys.hpp and the browser script's client/src/constants.js must agree.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "djust/vdom/wire_keys.hpp"

namespace djust::vdom {
namespace {

TEST(wire_keys, client_constants_mirror_the_server) {
  std::ifstream in(std::string(DJUST_SOURCE_ROOT) + "/client/src/constants.js");
  if (!in) GTEST_SKIP() << "client/src/constants.js not present";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string js = ss.str();
  std::map<std::string, std::string> consts;
  std::regex decl(R"(export const (\w+) = ([^\s/]+))");
  for (auto it = std::sregex_iterator(js.begin(), js.end(), decl); it != std::sregex_iterator(); ++it)
    consts[(*it)[1]] = (*it)[2];
  const std::map<std::string, unsigned> numbers = {
      {"OP_SET_TEXT", wire::set_text},       {"OP_SET_ATTR", wire::set_attr},
      {"OP_REMOVE_ATTR", wire::remove_attr}, {"OP_SET_PROP", wire::set_prop},
      {"OP_REMOVE_PROP", wire::remove_prop}, {"OP_INSERT", wire::insert},
      {"OP_REMOVE", wire::remove},           {"OP_MOVE", wire::move},
      {"OP_REPLACE", wire::replace},         {"FLAG_KEEP_FOCUSED", wire::flag_keep_focused},
      {"FLAG_SYNC_VALUE", wire::flag_sync_value}, {"ROOT_ID", wire::root_id},
      {"APPEND", wire::append},              {"FIRST_ID", wire::first_id}};
  for (const auto& [name, value] : numbers) EXPECT_EQ(consts[name], std::to_string(value)) << name;
  EXPECT_EQ(consts["KEY_ATTR"], "'" + std::string(wire::key_attr) + "'");
  EXPECT_EQ(consts["KEY_ATTR_FALLBACK"], "'" + std::string(wire::key_attr_fallback) + "'");
}

}  // namespace
}  // namespace djust::vdom
