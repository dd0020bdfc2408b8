// HMAC-SHA256 token signing and verification with constant-time comparison (OpenSSL).
#include <charconv>
#include <stdexcept>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "djust/transport/signing.hpp"

namespace djust::transport {
namespace {

constexpr char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string hmac_sha256(std::string_view key, std::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &len);
  return std::string(reinterpret_cast<const char*>(mac), len);
}

std::int64_t unix_seconds(wall_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

std::string_view describe(token_status status) noexcept {
  switch (status) {
    case token_status::ok: return "the token is valid";
    case token_status::malformed: return "the token is malformed";
    case token_status::bad_signature: return "the token's signature does not match";
    case token_status::expired: return "the token has expired";
    case token_status::wrong_session: return "the token belongs to another session";
  }
  return "unknown token status";
}

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
  for (; i + 3 <= bytes.size(); i += 3) {
    std::uint32_t n = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(b64_alphabet[(n >> shift) & 63]);
  }
  if (bytes.size() - i == 1) {
    std::uint32_t n = at(i) << 16;
    out.push_back(b64_alphabet[(n >> 18) & 63]);
    out.push_back(b64_alphabet[(n >> 12) & 63]);
  } else if (bytes.size() - i == 2) {
    std::uint32_t n = (at(i) << 16) | (at(i + 1) << 8);
    out.push_back(b64_alphabet[(n >> 18) & 63]);
    out.push_back(b64_alphabet[(n >> 12) & 63]);
    out.push_back(b64_alphabet[(n >> 6) & 63]);
  }
  return out;
}

std::string base64url_decode(std::string_view text) {
  if (text.size() % 4 == 1) throw std::invalid_argument("base64url text has an impossible length");
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '-') v = 62;
    else if (c == '_') v = 63;
    else throw std::invalid_argument("character outside the base64url alphabet");
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

signer::signer(std::string_view secret) : secret_(secret) {
  if (secret.size() < 16) throw std::invalid_argument("the secret key must be at least 16 bytes");
}

std::string signer::sign(std::string_view purpose, std::string_view payload, std::chrono::seconds ttl,
                         wall_clock::time_point now) const {
  std::string body = base64url_encode(payload) + "." + std::to_string(unix_seconds(now) + ttl.count());
  std::string key = hmac_sha256(secret_, "djust.signing." + std::string(purpose));
  return body + "." + base64url_encode(hmac_sha256(key, body));
}

verified_token signer::verify(std::string_view purpose, std::string_view token,
                              wall_clock::time_point now) const {
  verified_token result;
  auto last_dot = token.rfind('.');
  if (last_dot == std::string_view::npos) return result;
  std::string_view body = token.substr(0, last_dot);
  auto first_dot = body.find('.');
  if (first_dot == std::string_view::npos) return result;
  std::string_view expiry_text = body.substr(first_dot + 1);
  std::int64_t expiry = 0;
  auto r = std::from_chars(expiry_text.data(), expiry_text.data() + expiry_text.size(), expiry);
  if (r.ec != std::errc{} || r.ptr != expiry_text.data() + expiry_text.size()) return result;
  std::string mac, payload;
  try {
    mac = base64url_decode(token.substr(last_dot + 1));
    payload = base64url_decode(body.substr(0, first_dot));
  } catch (const std::invalid_argument&) {
    return result;
  }
  std::string key = hmac_sha256(secret_, "djust.signing." + std::string(purpose));
  std::string expected = hmac_sha256(key, body);
  if (mac.size() != expected.size() || CRYPTO_memcmp(mac.data(), expected.data(), mac.size()) != 0) {
    result.status = token_status::bad_signature;
    return result;
  }
  result.expires_at = expiry;
  if (unix_seconds(now) >= expiry) {
    result.status = token_status::expired;
    return result;
  }
  result.status = token_status::ok;
  result.payload = std::move(payload);
  return result;
}

std::string make_csrf_token(const signer& s, std::string_view session_id, std::chrono::seconds ttl,
                            wall_clock::time_point now) {
  return s.sign("csrf", session_id, ttl, now);
}

token_status check_csrf_token(const signer& s, std::string_view token, std::string_view session_id,
                              wall_clock::time_point now) {
  auto checked = s.verify("csrf", token, now);
  if (!checked.ok()) return checked.status;
  return checked.payload == session_id ? token_status::ok : token_status::wrong_session;
}

std::string random_token(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(raw.size())) != 1)
    throw std::runtime_error("OpenSSL RAND_bytes failed");
  return base64url_encode(raw);
}

}  // namespace djust::transport
