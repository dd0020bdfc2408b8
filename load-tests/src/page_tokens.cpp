// Tolerant scan of a page's start tags for view tokens and CSRF; Set-Cookie to Cookie.
#include "page_tokens.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <utility>

namespace djust::load::detail {
namespace {

using attribute_list = std::vector<std::pair<std::string, std::string>>;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[pos + i])) != prefix[i]) return false;
  return true;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Parses the attributes of a start tag from `pos` (just after the tag name) to '>'.
// Returns the position after '>' (or the end of the input).
std::size_t parse_attributes(std::string_view html, std::size_t pos, attribute_list& attrs) {
  while (pos < html.size()) {
    while (pos < html.size() && (is_space(html[pos]) || html[pos] == '/')) ++pos;
    if (pos >= html.size()) break;
    if (html[pos] == '>') return pos + 1;
    std::size_t name_start = pos;
    while (pos < html.size() && !is_space(html[pos]) && html[pos] != '=' && html[pos] != '>' &&
           html[pos] != '/')
      ++pos;
    std::string name = lower(html.substr(name_start, pos - name_start));
    while (pos < html.size() && is_space(html[pos])) ++pos;
    std::string value;
    if (pos < html.size() && html[pos] == '=') {
      ++pos;
      while (pos < html.size() && is_space(html[pos])) ++pos;
      if (pos < html.size() && (html[pos] == '"' || html[pos] == '\'')) {
        char quote = html[pos++];
        std::size_t end = html.find(quote, pos);
        if (end == std::string_view::npos) end = html.size();
        value = decode_entities(html.substr(pos, end - pos));
        pos = std::min(end + 1, html.size());
      } else {
        std::size_t start = pos;
        while (pos < html.size() && !is_space(html[pos]) && html[pos] != '>') ++pos;
        value = decode_entities(html.substr(start, pos - start));
      }
    }
    if (!name.empty()) attrs.emplace_back(std::move(name), std::move(value));
  }
  return html.size();
}

const std::string* find_attr(const attribute_list& attrs, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    for (const auto& [k, v] : attrs)
      if (k == n) return &v;
  return nullptr;
}

}  // namespace

std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '&') {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t semi = text.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) {
      out.push_back(text[i++]);
      continue;
    }
    std::string_view ref = text.substr(i + 1, semi - i - 1);
    bool known = true;
    if (ref == "amp") out.push_back('&');
    else if (ref == "lt") out.push_back('<');
    else if (ref == "gt") out.push_back('>');
    else if (ref == "quot") out.push_back('"');
    else if (ref == "apos") out.push_back('\'');
    else if (ref.size() >= 2 && ref[0] == '#') {
      bool hex = ref[1] == 'x' || ref[1] == 'X';
      std::string_view digits = ref.substr(hex ? 2 : 1);
      std::uint32_t cp = 0;
      known = !digits.empty();
      for (char c : digits) {
        int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : hex && std::isxdigit(static_cast<unsigned char>(c))
                    ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                    : -1;
        if (d < 0 || cp > 0x10FFFF) {
          known = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      }
      if (known) append_utf8(out, cp);
    } else {
      known = false;
    }
    if (known) {
      i = semi + 1;
    } else {
      out.push_back(text[i++]);
    }
  }
  return out;
}

page_tokens extract_page_tokens(std::string_view html) {
  page_tokens page;
  std::string meta_csrf, input_csrf;
  std::size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.compare(pos, 4, "<!--") == 0) {
      std::size_t end = html.find("-->", pos + 4);
      pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    std::size_t name_start = pos + 1;
    if (name_start >= html.size() || !std::isalpha(static_cast<unsigned char>(html[name_start]))) {
      pos = name_start;
      continue;
    }
    std::size_t name_end = name_start;
    while (name_end < html.size() && !is_space(html[name_end]) && html[name_end] != '>' &&
           html[name_end] != '/')
      ++name_end;
    std::string tag = lower(html.substr(name_start, name_end - name_start));
    attribute_list attrs;
    pos = parse_attributes(html, name_end, attrs);

    if (const std::string* token = find_attr(attrs, {"dj-token", "data-dj-token", "data-djust-token"})) {
      const std::string* csrf = find_attr(attrs, {"dj-csrf", "data-dj-csrf", "data-djust-csrf"});
      page.views.push_back({*token, csrf ? *csrf : std::string()});
    }
    if (tag == "meta") {
      const std::string* name = find_attr(attrs, {"name"});
      const std::string* content = find_attr(attrs, {"content"});
      if (name && content && meta_csrf.empty() && (lower(*name) == "csrf-token" || lower(*name) == "csrf_token"))
        meta_csrf = *content;
    } else if (tag == "input") {
      const std::string* name = find_attr(attrs, {"name"});
      const std::string* value = find_attr(attrs, {"value"});
      if (name && value && input_csrf.empty() && *name == "csrfmiddlewaretoken") input_csrf = *value;
    } else if (tag == "script" || tag == "style") {
      // Raw text: skip to the matching end tag.
      std::string close = "</" + tag;
      std::size_t p = pos;
      while (p < html.size() && !starts_with_ci(html, p, close)) ++p;
      pos = p;
    }
  }
  page.csrf = !meta_csrf.empty() ? meta_csrf : input_csrf;
  for (view_root& v : page.views)
    if (v.csrf.empty()) v.csrf = page.csrf;
  return page;
}

std::string cookie_header(const std::vector<std::string>& set_cookie_values) {
  std::vector<std::pair<std::string, std::string>> jar;
  for (const std::string& line : set_cookie_values) {
    std::string_view pair(line);
    pair = pair.substr(0, pair.find(';'));
    std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    auto trim = [](std::string_view s) {
      while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
      while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
      return s;
    };
    std::string name(trim(pair.substr(0, eq)));
    std::string value(trim(pair.substr(eq + 1)));
    if (name.empty()) continue;
    auto it = std::find_if(jar.begin(), jar.end(), [&](const auto& c) { return c.first == name; });
    if (it != jar.end()) it->second = std::move(value);
    else jar.emplace_back(std::move(name), std::move(value));
  }
  std::string out;
  for (const auto& [n, v] : jar) {
    if (!out.empty()) out += "; ";
    out += n + "=" + v;
  }
  return out;
}

}  // namespace djust::load::detail
