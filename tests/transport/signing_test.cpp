// Tests of signed expiring tokens and CSRF tokens: forgery, expiry, purpose and session binding.
#include <gtest/gtest.h>

#include <stdexcept>

#include "djust/transport/signing.hpp"

namespace djust::transport {
namespace {

using namespace std::chrono_literals;
const auto t0 = wall_clock::time_point{} + std::chrono::seconds(1'700'000'000);

TEST(signing, base64url_round_trips_all_lengths) {
  std::string bytes;
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ(base64url_decode(base64url_encode(bytes)), bytes);
    bytes.push_back(static_cast<char>(i * 37));
  }
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_THROW(base64url_decode("a+b/"), std::invalid_argument);
  EXPECT_THROW(base64url_decode("abcde"), std::invalid_argument);
}

TEST(signing, valid_token_returns_payload_until_expiry) {
  signer s("0123456789abcdef-secret");
  std::string token = s.sign("session", "{\"view\":\"counter\"}", 60s, t0);
  auto ok = s.verify("session", token, t0 + 59s);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.payload, "{\"view\":\"counter\"}");
  EXPECT_EQ(ok.expires_at, 1'700'000'060);
  auto late = s.verify("session", token, t0 + 60s);
  EXPECT_EQ(late.status, token_status::expired);
  EXPECT_TRUE(late.payload.empty());
}

TEST(signing, forged_tokens_are_rejected) {
  signer s("0123456789abcdef-secret");
  std::string token = s.sign("session", "payload", 60s, t0);
  // Another key, another purpose, a changed payload, a changed expiry, a changed MAC.
  EXPECT_EQ(signer("another-secret-key-xx").verify("session", token, t0).status, token_status::bad_signature);
  EXPECT_EQ(s.verify("csrf", token, t0).status, token_status::bad_signature);
  std::string forged_payload = base64url_encode("PAYLOAD") + token.substr(token.find('.'));
  EXPECT_EQ(s.verify("session", forged_payload, t0).status, token_status::bad_signature);
  std::string longer = token;
  longer.replace(longer.find('.') + 1, 10, "1900000000");
  EXPECT_EQ(s.verify("session", longer, t0).status, token_status::bad_signature);
  std::string flipped = token;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(s.verify("session", flipped, t0).status, token_status::bad_signature);
}

TEST(signing, malformed_tokens_are_rejected) {
  signer s("0123456789abcdef-secret");
  for (std::string_view bad : {"", "abc", "a.b", "a.12x.c", "a!.1.c", "..", "a.1.c!"})
    EXPECT_EQ(s.verify("session", bad, t0).status, token_status::malformed) << bad;
  EXPECT_EQ(describe(token_status::expired), "the token has expired");
}

TEST(signing, short_secrets_are_refused) { EXPECT_THROW(signer("short"), std::invalid_argument); }

TEST(csrf, token_is_bound_to_its_session) {
  signer s("0123456789abcdef-secret");
  std::string token = make_csrf_token(s, "session-a", 3600s, t0);
  EXPECT_EQ(check_csrf_token(s, token, "session-a", t0), token_status::ok);
  EXPECT_EQ(check_csrf_token(s, token, "session-b", t0), token_status::wrong_session);
  EXPECT_EQ(check_csrf_token(s, token, "session-a", t0 + 3600s), token_status::expired);
  EXPECT_EQ(check_csrf_token(s, "", "session-a", t0), token_status::malformed);
  // A session token is not a CSRF token.
  EXPECT_EQ(check_csrf_token(s, s.sign("session", "session-a", 60s, t0), "session-a", t0),
            token_status::bad_signature);
}

TEST(random_token, is_url_safe_and_distinct) {
  std::string a = random_token(), b = random_token();
  EXPECT_EQ(a.size(), 22u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
}

}  // namespace
}  // namespace djust::transport
