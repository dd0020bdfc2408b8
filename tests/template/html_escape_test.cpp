// HTML escaping: the vectorised scan for & < > " ' must find the same characters a plain
// loop finds, for every length (full 16-byte blocks, long tails, short halves, 1-3 bytes)
// and every starting point.
#include "html_escape.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace djust::tmpl::detail
