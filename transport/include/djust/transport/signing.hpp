// HMAC-SHA256 signed, expiring tokens (OpenSSL) and CSRF tokens bound to a session id.
//
// Token text: base64url(payload) "." expiry (unix seconds) "." base64url(HMAC-SHA256).
// The MAC key is derived per purpose ("session", "csrf", ...), so a token signed for
// one purpose never verifies for another.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace djust::transport {

using wall_clock = std::chrono::system_clock;

enum class token_status : std::uint8_t { ok, malformed, bad_signature, expired, wrong_session };

// "the token is malformed", "the token's signature does not match", ...
std::string_view describe(token_status status) noexcept;

struct verified_token {
  token_status status = token_status::malformed;
  std::string payload;         // set when status == ok
  std::int64_t expires_at = 0; // unix seconds, set when the signature checked out
  bool ok() const noexcept { return status == token_status::ok; }
};

class signer {
 public:
  // Throws std::invalid_argument when `secret` is shorter than 16 bytes.
  explicit signer(std::string_view secret);

  std::string sign(std::string_view purpose, std::string_view payload, std::chrono::seconds ttl,
                   wall_clock::time_point now = wall_clock::now()) const;
  verified_token verify(std::string_view purpose, std::string_view token,
                        wall_clock::time_point now = wall_clock::now()) const;

 private:
  std::string secret_;
};

// A CSRF token for `session_id`; check_csrf_token() accepts it only for the same session.
std::string make_csrf_token(const signer& s, std::string_view session_id, std::chrono::seconds ttl,
                            wall_clock::time_point now = wall_clock::now());
token_status check_csrf_token(const signer& s, std::string_view token, std::string_view session_id,
                              wall_clock::time_point now = wall_clock::now());

// `bytes` random bytes from OpenSSL's CSPRNG, base64url-encoded (session ids, nonces).
std::string random_token(std::size_t bytes = 16);

std::string base64url_encode(std::string_view bytes);
// Throws std::invalid_argument for characters outside the base64url alphabet.
std::string base64url_decode(std::string_view text);

}  // namespace djust::transport
