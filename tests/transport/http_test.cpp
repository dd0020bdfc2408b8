// Tests of request accessors (headers, cookies, query parameters) and response factories.
#include <gtest/gtest.h>

#include "djust/transport/http.hpp"

namespace djust::transport {
namespace {

TEST(http_request, cookies_are_parsed_leniently) {
  http_request req;
  req.headers = {{"cookie", "a=1; djust_session=\"abc.def\" ;broken; b = 2"}, {"cookie", "c=3"}};
  EXPECT_EQ(req.cookie("djust_session"), "abc.def");
  EXPECT_EQ(req.cookie("b"), "2");
  EXPECT_EQ(req.cookie("c"), "3");
  EXPECT_EQ(req.cookie("broken"), std::nullopt);
  EXPECT_EQ(req.cookie("zzz"), std::nullopt);
}

TEST(http_request, query_params_are_decoded) {
  http_request req;
  req.query = "q=caf%C3%A9+au+lait&empty=&flag&q=second";
  EXPECT_EQ(req.query_param("q"), "caf\xC3\xA9 au lait");
  EXPECT_EQ(req.query_param("empty"), "");
  EXPECT_EQ(req.query_param("flag"), "");
  EXPECT_EQ(req.query_param("nope"), std::nullopt);
}

TEST(http_request, header_lookup_by_lowercase_name) {
  http_request req;
  req.headers = {{"host", "x:1"}};
  EXPECT_EQ(req.header("host"), "x:1");
  EXPECT_EQ(req.header("origin"), "");
}

TEST(http_response, factories_and_cookies) {
  auto r = http_response::redirect("/login/?next=/x/");
  EXPECT_EQ(r.status, 302u);
  EXPECT_EQ(r.headers.at(0), (std::pair<std::string, std::string>{"Location", "/login/?next=/x/"}));
  r.set_cookie("djust_session", "v", "Max-Age=3600");
  EXPECT_EQ(r.headers.at(1).second, "djust_session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600");
  EXPECT_EQ(http_response::text("x", 404).content_type, "text/plain; charset=utf-8");
}

}  // namespace
}  // namespace djust::transport
