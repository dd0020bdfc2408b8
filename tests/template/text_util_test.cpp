// Python str semantics of the UTF-8 helpers (expectations from CPython 3.11).
#include "text_util.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text_util_tables.hpp"

namespace djust::tmpl::detail {
namespace {

TEST(text_util, code_points_round_trip_and_count) {
  std::string s = "a\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80";
  EXPECT_EQ(code_point_count(s), 4u);
  EXPECT_EQ(to_utf8(to_u32(s)), s);
  EXPECT_EQ(byte_offset_of(s, 2), 3u);
  std::string bad = "a\xFF" "b";  // invalid bytes survive as themselves
  EXPECT_EQ(code_point_count(bad), 3u);
  EXPECT_EQ(code_point_count("abcdefgh\xFFijklmnop\xC3\xA9q"), 19u);  // ASCII eight at a time
  EXPECT_EQ(to_utf8(to_u32(bad)), bad);
}

TEST(text_util, case_mapping_matches_python) {
  EXPECT_EQ(py_upper("stra\xC3\x9F" "e"), "STRASSE");                    // 'straße'.upper()
  EXPECT_EQ(py_lower("\xC4\xB0"), "i\xCC\x87");                           // 'İ'.lower()
  EXPECT_EQ(py_title("they're \xC7\x86" "emal"), "They'Re \xC7\x85" "emal");  // ǆ -> ǅ
  EXPECT_EQ(py_lower("\xCE\xA3\xCE\xA3"), "\xCF\x83\xCF\x82");           // final sigma
  EXPECT_EQ(py_casefold("\xC3\x9F"), "ss");
}

TEST(text_util, predicates_match_python) {
  EXPECT_TRUE(py_isspace(0x1C));
  EXPECT_TRUE(py_isspace(0xA0));
  EXPECT_FALSE(py_isspace(0x200B));
  EXPECT_TRUE(py_isalnum(0x00E9));
  EXPECT_TRUE(py_isalnum(0x2460));  // circled digit one is numeric
  EXPECT_EQ(py_decimal(0x0663), 3);  // ARABIC-INDIC DIGIT THREE
  EXPECT_EQ(combining_class(0x0301), 230);
  EXPECT_FALSE(py_isprintable(0xA0));
}

// py_words scans words byte by byte and decodes only at lead bytes C2, E1, E2 and E3:
// no other code point may be whitespace.
TEST(text_util, only_four_lead_bytes_start_non_ascii_whitespace) {
  for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
    if (!py_isspace(c)) continue;
    std::string utf8;
    append_utf8(utf8, c);
    auto lead = static_cast<unsigned char>(utf8[0]);
    EXPECT_TRUE(lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3) << std::hex << static_cast<std::uint32_t>(c);
  }
}

TEST(text_util, same_name_is_string_equality_at_every_length) {
  std::string base = "abcdefghijklmnopqrstuvwxyz";
  for (std::size_t n = 0; n < base.size(); ++n) {
    std::string a = base.substr(0, n), b = a;
    EXPECT_TRUE(same_name(a, b)) << n;
    for (std::size_t i = 0; i < n; ++i) {
      b = a;
      b[i] = '#';
      EXPECT_FALSE(same_name(a, b)) << n << " " << i;
    }
    EXPECT_FALSE(same_name(a, base.substr(0, n + 1)));
  }
}

// py_split (a vector scan for candidate bytes) against str.split() written plainly: one
// code point at a time, over random texts of whitespace, look-alikes and broken UTF-8.
TEST(text_util, split_matches_a_code_point_loop) {
  const std::vector<std::string> pieces = {
      " ", "\n", "\t", "\x1c", "\x1b", "\x00", "a", "bc", "\xC3\xA9", "\xC2\xA0", "\xC2\x85", "\xC2\xA9",
      "\xE2\x80\x83", "\xE2\x80\x99", "\xE3\x80\x80", "\xE3\x80\x81", "\xE1\x9A\x80", "\xE2", "\x80",
      "\xF0\x9F\x98\x80", "0123456789abcdef"};
  std::mt19937 rng(3);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (int k = static_cast<int>(rng() % 24); k > 0; --k) s += pieces[rng() % pieces.size()];
    std::vector<std::string_view> expected;
    std::size_t start = std::string::npos;
    for (std::size_t i = 0; i < s.size();) {
      std::size_t begin = i;
      bool space = py_isspace(next_code_point(s, i));
      if (space && start != std::string::npos) expected.push_back(std::string_view(s).substr(start, begin - start));
      if (space) start = std::string::npos;
      else if (start == std::string::npos) start = begin;
    }
    if (start != std::string::npos) expected.push_back(std::string_view(s).substr(start));
    ASSERT_EQ(py_split(s), expected) << s;
  }
}

// lower()/upper() flip ASCII letters eight bytes at a time: every byte value, at every
// offset of a run, against the plain per-byte mapping.
TEST(text_util, ascii_case_mapping_matches_a_byte_loop) {
  std::string all;
  for (int c = 0; c < 0x80; ++c) all += static_cast<char>(c);
  for (std::size_t start = 0; start < 16; ++start) {
    std::string s = all.substr(start) + "\xC3\xA9" + all.substr(0, start);
    std::string lower, upper;
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      bool ascii = static_cast<unsigned char>(c) < 0x80;
      lower += ascii && c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      upper += ascii && c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
    }
    upper.replace(upper.find("\xC3\xA9"), 2, "\xC3\x89");  // é -> É
    EXPECT_EQ(py_lower(s), lower) << start;
    EXPECT_EQ(py_upper(s), upper) << start;
  }
}

TEST(text_util, normalization) {
  EXPECT_EQ(nfc("e\xCC\x81"), "\xC3\xA9");
  EXPECT_EQ(nfc("\xE1\x84\x80\xE1\x85\xA1"), "\xEA\xB0\x80");  // Hangul L+V -> syllable
  EXPECT_EQ(ascii_fold_of(0xE9), "e");      // é
  EXPECT_EQ(ascii_fold_of(0xFB01), "fi");   // ﬁ
  EXPECT_EQ(ascii_fold_of(0xBD), "12");     // ½ -> 1⁄2
  EXPECT_EQ(ascii_fold_of(0x65E5), "");     // 日 has no ASCII in its decomposition
}

TEST(text_util, split_strip_and_int_follow_python) {
  auto words = py_split("  a\xC2\xA0" "b \n c ");
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[1], "b");
  // A limit keeps the first words only; \x1f is whitespace to str.split(), \x1b is not.
  auto first = py_split("one\x1ftwo  three\x1b four", 2);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[1], "two");
  EXPECT_EQ(py_split("one\x1ftwo  three\x1b four", 3)[2], "three\x1b");
  EXPECT_EQ(py_split("a b", 5).size(), 2u);
  // Words next to multi-byte whitespace and next to non-space code points of the same
  // lead bytes (U+00E9 is C3, U+2019 is E2 80 99, U+3001 is E3 80 81).
  auto mixed = py_split("\xE2\x80\x99x\xE2\x80\x83y\xE3\x80\x81\xE3\x80\x80\xC2\x85z\xC2\xA9");
  ASSERT_EQ(mixed.size(), 3u);
  EXPECT_EQ(mixed[0], "\xE2\x80\x99x");
  EXPECT_EQ(mixed[1], "y\xE3\x80\x81");
  EXPECT_EQ(mixed[2], "z\xC2\xA9");
  EXPECT_EQ(py_strip("\xE3\x80\x80x "), "x");
  EXPECT_EQ(parse_py_int(" -1_000 ").value, -1000);
  EXPECT_FALSE(parse_py_int("1__0").ok);
  EXPECT_FALSE(parse_py_int("0x10").ok);
  EXPECT_EQ(parse_py_int("\xD9\xA3").value, 3);
  EXPECT_TRUE(parse_py_int("99999999999999999999").overflow);
}

TEST(text_util, html_unescape_matches_python) {
  EXPECT_EQ(html_unescape("&amp;&lt;&gt;&#39;&#x27;"), "&<>''");
  EXPECT_EQ(html_unescape("&ampx &notit; &#0; &#x110000; &#129;"), "&x \xC2\xACit; \xEF\xBF\xBD \xEF\xBF\xBD \xC2\x81");
  EXPECT_EQ(html_unescape("&unknown; &#; &"), "&unknown; &#; &");
}

// html_unescape's quick test for a named reference relies on the shape of the names.
TEST(text_util, entity_names_are_a_letter_then_letters_and_digits) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  ASSERT_GT(tables::entities_size, 2000u);
  for (std::size_t k = 0; k < tables::entities_size; ++k) {
    const unsigned char* entry = tables::entity_pool + tables::entities[k].name;
    std::string_view name(reinterpret_cast<const char*>(entry + 1), entry[0]);
    if (!name.empty() && name.back() == ';') name.remove_suffix(1);
    ASSERT_GE(name.size(), 2u) << k;
    EXPECT_TRUE(letter(name[0])) << name;
    for (char c : name) EXPECT_TRUE(letter(c) || digit(c)) << name;
  }
}

// '&'s that start no reference leave the text as it is; the longest entity name that
// prefixes a run (two characters or more, or the whole run) is replaced.
TEST(text_util, html_unescape_keeps_raw_ampersands) {
  EXPECT_EQ(html_unescape("http://example.com/search?q=shoes&page=2&sort=asc"),
            "http://example.com/search?q=shoes&page=2&sort=asc");
  EXPECT_EQ(html_unescape("a&b=1&lang=fr&e=2&x&"), "a&b=1&lang=fr&e=2&x&");
  EXPECT_EQ(html_unescape("&zzzz &ZZ; &xx &ImaginaryPartz"), "&zzzz &ZZ; &xx &ImaginaryPartz");
  EXPECT_EQ(html_unescape("&caf\xC3\xA9; &a; &" + std::string(40, 'a')),
            "&caf\xC3\xA9; &a; &" + std::string(40, 'a'));
  EXPECT_EQ(html_unescape("&ampere &LTx &notit; &Aacutex"), "&ere <x \xC2\xACit; \xC3\x81x");
  EXPECT_EQ(html_unescape("&langle= &lang;x &la &l"), "&langle= \xE2\x9F\xA8x &la &l");
  EXPECT_EQ(html_unescape("&#38 &#x26; &#x; &#; &; && & <"), "& & &#x; &#; &; && & <");
  EXPECT_EQ(html_unescape("q=1&x=2&amp;y"), "q=1&x=2&y");
}

}  // namespace
}  // namespace djust::tmpl::detail
