// Shared vectors (tests/vectors/vdom.jsonl): the patches diff() emits and the HTML that
// applying them leaves, byte for byte. The browser suite replays the same file in Chromium.
// DJUST_UPDATE_VECTORS=1 rewrites the expected fields (review the change before committing).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "djust/vdom/apply.hpp"
#include "djust/vdom/diff.hpp"
#include "djust/vdom/encode.hpp"
#include "djust/vdom/parse.hpp"
#include "djust/vdom/serialize.hpp"
#include "entities.hpp"

namespace djust::vdom {
namespace {

// A flat JSON object: string values decoded, other values kept as raw JSON text.
struct record {
  std::vector<std::string> keys;
  std::map<std::string, std::string> values;
};

std::string read_string(std::string_view s, std::size_t& i) {
  std::string out;
  ++i;  // opening quote
  while (i < s.size() && s[i] != '"') {
    char c = s[i++];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    char e = s[i++];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'u': {
        char32_t cp = static_cast<char32_t>(std::stoul(std::string(s.substr(i, 4)), nullptr, 16));
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && s.substr(i, 2) == "\\u") {
          char32_t lo = static_cast<char32_t>(std::stoul(std::string(s.substr(i + 2, 4)), nullptr, 16));
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          i += 6;
        }
        detail::append_utf8(cp, out);
        break;
      }
      default: out.push_back(e);
    }
  }
  ++i;  // closing quote
  return out;
}

std::string read_raw(std::string_view s, std::size_t& i) {
  std::size_t b = i;
  int depth = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '"') {
      read_string(s, i);
      continue;
    }
    if (c == '[' || c == '{') ++depth;
    if (c == ']' || c == '}') {
      if (depth == 0) break;
      --depth;
    }
    if (c == ',' && depth == 0) break;
    ++i;
  }
  return std::string(s.substr(b, i - b));
}

record parse_record(std::string_view line) {
  record r;
  std::size_t i = line.find('{') + 1;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == ',')) ++i;
    if (i >= line.size() || line[i] == '}') break;
    std::string key = read_string(line, i);
    while (line[i] == ' ' || line[i] == ':') ++i;
    std::string value = line[i] == '"' ? read_string(line, i) : read_raw(line, i);
    r.keys.push_back(key);
    r.values[key] = value;
  }
  return r;
}

std::string json_str(const std::string& s) {
  std::string out;
  append_json_string(s, out);
  return out;
}

struct outcome {
  std::string patches, html, canonical_applied, canonical_new;
};

outcome run(const record& r) {
  tree a = parse_fragment(r.values.at("old"));
  tree b = parse_fragment(r.values.at("new"));
  patch_list p = diff(a, b);
  apply_patches(a, p);
  return {encode_json(p), inner_html(a), canonical_html(a), canonical_html(b)};
}

TEST(vectors, diff_and_apply_match_the_shared_vectors) {
  std::string path = std::string(DJUST_VECTORS_DIR) + "/vdom.jsonl";
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot open " << path;
  bool update = std::getenv("DJUST_UPDATE_VECTORS") != nullptr;
  std::string line, rewritten;
  int count = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    record r = parse_record(line);
    outcome o = run(r);
    ++count;
    EXPECT_EQ(o.canonical_applied, o.canonical_new) << r.values["name"];
    if (update) {
      rewritten += "{\"name\":" + json_str(r.values["name"]) + ",\"old\":" + json_str(r.values["old"]) +
                   ",\"new\":" + json_str(r.values["new"]) + ",\"patches\":" + o.patches +
                   ",\"html\":" + json_str(o.html) + "}\n";
      continue;
    }
    EXPECT_EQ(o.patches, r.values["patches"]) << r.values["name"];
    EXPECT_EQ(o.html, r.values["html"]) << r.values["name"];
  }
  EXPECT_GE(count, 20);
  if (update) std::ofstream(path) << rewritten;
}

}  // namespace
}  // namespace djust::vdom
