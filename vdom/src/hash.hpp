// A fast 64-bit hash for subtree fingerprints (not cryptographic).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace djust::vdom::detail {

inline std::uint64_t hash_mix(std::uint64_t a, std::uint64_t b) {
  __uint128_t m = static_cast<__uint128_t>(a ^ 0x9E3779B97F4A7C15ull) * (b ^ 0xD6E8FEB86659FD93ull);
  return static_cast<std::uint64_t>(m) ^ static_cast<std::uint64_t>(m >> 64);
}

inline std::uint64_t hash_bytes(std::string_view s) {
  std::uint64_t h = 0x243F6A8885A308D3ull ^ s.size();
  const char* p = s.data();
  std::size_t n = s.size();
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = hash_mix(h, w);
    p += 8;
    n -= 8;
  }
  // The last 0..7 bytes, read with at most two loads (no call to a variable-length memcpy).
  std::uint64_t w = 0;
  if (n >= 4) {
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    w = lo | (static_cast<std::uint64_t>(hi) << 32);
  } else if (n > 0) {
    w = static_cast<unsigned char>(p[0]) | (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
        (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
  }
  return hash_mix(h, w ^ (static_cast<std::uint64_t>(n) << 56));
}

// A 64-bit value for a node's name, attribute name or value: strings of up to 7 bytes as
// themselves (their bytes and length, one to one: most names and many values, no mixing),
// longer ones by hash_bytes.
inline std::uint64_t hash_field(const char* p, std::size_t n) {
  if (n >= 8) return hash_bytes(std::string_view(p, n));
  std::uint64_t w = 0;
  if (n >= 4) {
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    w = lo | (static_cast<std::uint64_t>(hi) << (8 * (n - 4)));  // overlapping bytes agree
  } else if (n > 0) {
    w = static_cast<unsigned char>(p[0]) | (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
        (static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
  }
  return w | (static_cast<std::uint64_t>(n) << 56);
}

}  // namespace djust::vdom::detail
