// The digits repr(float) prints: the shortest decimal that reads back as the same double.
// Everyday floats (prices, ratios, ratings: at most 15 significant digits) are found by
// trying 0, 1, 2... fraction digits, a multiply and a divide each; the rest go through
// std::to_chars, whose general algorithm costs several hundred instructions.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace djust::tmpl::detail {

struct shortest_digits {
  char digits[32];  // no leading or trailing zeros
  int size = 0;
  int exp10 = 0;  // power of ten of the first digit: 1234.5 -> "12345", 3

  std::string_view text() const noexcept { return {digits, static_cast<std::size_t>(size)}; }
};

// |x| for a finite, nonzero x.
inline shortest_digits shortest_digits_of(double x) noexcept {
  static constexpr double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  shortest_digits r;
  x = std::fabs(x);
  if (x >= 1e-7 && x < 1e15) {
    // Below 1e15 a decimal of k fraction digits is n / 10^k with n < 2^53, and the division
    // is correctly rounded, so it is the double that decimal reads as. Decimals of at most
    // 15 significant digits are further apart than doubles, so the first k that reads back
    // as x gives the only such decimal, and the shortest.
    for (int k = 0; k <= 22; ++k) {
      double scaled = x * pow10[k];
      if (scaled >= 1e15) break;
      auto n = static_cast<std::uint64_t>(scaled + 0.5);  // exact: scaled < 2^50
      if (n == 0 || static_cast<double>(n) / pow10[k] != x) continue;
      int length = static_cast<int>(std::to_chars(r.digits, r.digits + sizeof r.digits, n).ptr - r.digits);
      r.exp10 = length - 1 - k;
      r.size = length;
      while (r.size > 1 && r.digits[r.size - 1] == '0') --r.size;  // only when k == 0
      return r;
    }
  }
  char sci[40];  // "1.2345e+03"
  auto end = std::to_chars(sci, sci + sizeof sci, x, std::chars_format::scientific).ptr;
  const char* e = sci;
  while (*e != 'e') ++e;
  r.digits[r.size++] = sci[0];
  for (const char* p = sci + 2; p < e; ++p) r.digits[r.size++] = *p;
  std::from_chars(e + (e[1] == '+' ? 2 : 1), end, r.exp10);
  return r;
}

}  // namespace djust::tmpl::detail
