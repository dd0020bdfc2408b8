// HTML escaping: the vectorised scan for & < > " ' must find the same characters a plain
// loop finds, for every length (full 16-byte blocks, long tails, short halves, 1-3 bytes)
// and every starting point, and escaping must equal a per-byte replacement.
#include "html_escape.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace djust::tmpl::detail {
namespace {

std::size_t naive_next_special(std::string_view s, std::size_t i) {
  for (; i < s.size(); ++i)
    if (s[i] == '&' || s[i] == '<' || s[i] == '>' || s[i] == '"' || s[i] == '\'') return i;
  return s.size();
}

TEST(html_escape, scan_finds_what_a_plain_loop_finds) {
  const std::string specials = "&<>\"'";
  for (std::size_t n = 0; n <= 40; ++n) {
    for (std::size_t at = 0; at <= n; ++at) {  // at == n: no special character
      for (char special : specials) {
        std::string s(n, 'a');
        if (at < n) s[at] = special;
        if (n > 2) s[n - 1] = static_cast<char>(0xC3);  // bytes >= 0x80 are never special
        for (std::size_t from = 0; from <= n; ++from)
          ASSERT_EQ(next_html_special(s, from), naive_next_special(s, from))
              << "length " << n << ", special at " << at << ", from " << from;
      }
    }
  }
}

TEST(html_escape, escapes_the_five_characters_as_django_does) {
  EXPECT_EQ(html_escaped("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#x27;Jerry&#x27;&lt;/a&gt;");
  EXPECT_EQ(html_escaped("plain text, no specials at all here"), "plain text, no specials at all here");
  std::string many;
  for (int i = 0; i < 18; ++i) many += "&amp;";
  EXPECT_EQ(html_escaped(std::string(18, '&')), many);
}

// Escaping walks whole 16-byte blocks by mask and the rest by scan: random texts dense
// and sparse in specials, every length up to 70, against a plain per-byte escape.
TEST(html_escape, escape_matches_a_plain_loop) {
  const std::string alphabet = "&<>\"'ab \xC3";
  std::uint32_t seed = 1;
  auto next = [&seed] { return (seed = seed * 1664525u + 1013904223u) >> 8; };
  for (std::size_t n = 0; n <= 70; ++n) {
    for (int round = 0; round < 40; ++round) {
      std::string s, expected;
      bool sparse = round % 2 == 0;
      for (std::size_t k = 0; k < n; ++k) {
        char c = sparse && next() % 8 ? 'x' : alphabet[next() % alphabet.size()];
        s += c;
        switch (c) {
          case '&': expected += "&amp;"; break;
          case '<': expected += "&lt;"; break;
          case '>': expected += "&gt;"; break;
          case '"': expected += "&quot;"; break;
          case '\'': expected += "&#x27;"; break;
          default: expected += c;
        }
      }
      std::string out = "prefix";
      append_html_escaped(out, s);
      ASSERT_EQ(out, "prefix" + expected) << "length " << n;
    }
  }
}

}  // namespace
}  // namespace djust::tmpl::detail
