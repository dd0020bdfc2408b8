// A small recursive-descent JSON reader and the tagged-value conversion of the corpus format.
#include "json.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace djust::tmpl::tool {

namespace {

class reader {
 public:
  explicit reader(std::string_view s) : s_(s) {}

  value document() {
    value v = parse(0);
    ws();
    if (i_ != s_.size()) fail("trailing characters");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) {
    throw json_error("JSON: " + what + " at offset " + std::to_string(i_));
  }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool eat(char c) {
    ws();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail(std::string("expected '") + c + "'");
  }

  value parse(int depth) {
    if (depth > 512) fail("nesting too deep");
    ws();
    if (i_ >= s_.size()) fail("unexpected end");
    char c = s_[i_];
    if (c == '{') return object(depth);
    if (c == '[') {
      ++i_;
      value_list items;
      if (eat(']')) return items;
      do items.push_back(parse(depth + 1));
      while (eat(','));
      expect(']');
      return items;
    }
    if (c == '"') return value(string());
    if (s_.substr(i_, 4) == "true") return i_ += 4, value(true);
    if (s_.substr(i_, 5) == "false") return i_ += 5, value(false);
    if (s_.substr(i_, 4) == "null") return i_ += 4, value();
    return number();
  }

  value object(int depth) {
    ++i_;
    value_map m;
    if (!eat('}')) {
      do {
        ws();
        if (i_ >= s_.size() || s_[i_] != '"') fail("expected a key");
        std::string key = string();
        expect(':');
        m.set(std::move(key), parse(depth + 1));
      } while (eat(','));
      expect('}');
    }
    if (m.size() == 1 && !m.begin()->first.empty() && m.begin()->first[0] == '$') return tagged(m);
    return m;
  }

  value tagged(const value_map& m) {
    const auto& [tag, v] = *m.begin();
    if (!v.is_string()) fail("tagged value " + tag + " needs a string");
    const std::string& t = v.as_string();
    if (tag == "$safe") return value::safe(t);
    if (tag == "$decimal") return decimal_value{t};
    auto num = [&](std::string_view part) {
      int x = 0;
      auto r = std::from_chars(part.data(), part.data() + part.size(), x);
      if (r.ec != std::errc{} || r.ptr != part.data() + part.size()) fail("bad " + tag + " '" + t + "'");
      return x;
    };
    auto date = [&](std::string_view d) {
      if (d.size() != 10 || d[4] != '-' || d[7] != '-') fail("bad date '" + t + "'");
      return date_value{num(d.substr(0, 4)), num(d.substr(5, 2)), num(d.substr(8, 2))};
    };
    auto time = [&](std::string_view d) {
      if (d.size() < 8 || d[2] != ':' || d[5] != ':') fail("bad time '" + t + "'");
      time_value tv{num(d.substr(0, 2)), num(d.substr(3, 2)), num(d.substr(6, 2)), 0};
      if (d.size() > 8) {
        if (d[8] != '.' || d.size() > 15) fail("bad time '" + t + "'");
        std::string frac(d.substr(9));
        frac.resize(6, '0');
        tv.microsecond = num(frac);
      }
      return tv;
    };
    if (tag == "$date") return date(t);
    if (tag == "$time") return time(t);
    if (tag == "$datetime") {
      auto sep = t.find('T');
      if (sep == std::string::npos) sep = t.find(' ');
      if (sep == std::string::npos) fail("bad datetime '" + t + "'");
      return datetime_value{date(std::string_view(t).substr(0, sep)), time(std::string_view(t).substr(sep + 1))};
    }
    fail("unknown tag " + tag);
  }

  void utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xc0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xe0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
      out += static_cast<char>(0xf0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    }
  }

  unsigned hex4() {
    if (i_ + 4 > s_.size()) fail("bad \\u escape");
    unsigned v = 0;
    auto r = std::from_chars(s_.data() + i_, s_.data() + i_ + 4, v, 16);
    if (r.ptr != s_.data() + i_ + 4) fail("bad \\u escape");
    i_ += 4;
    return v;
  }

  std::string string() {
    ++i_;  // opening quote
    std::string out;
    while (true) {
      if (i_ >= s_.size()) fail("unterminated string");
      char c = s_[i_++];
      if (c == '"') return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) fail("unterminated string");
      char e = s_[i_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xd800 && cp < 0xdc00 && s_.substr(i_, 2) == "\\u") {
            std::size_t save = i_;
            i_ += 2;
            unsigned lo = hex4();
            if (lo >= 0xdc00 && lo < 0xe000) cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            else i_ = save;
          }
          utf8(out, cp);
          break;
        }
        default: fail("bad escape");
      }
    }
  }

  value number() {
    std::size_t start = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    bool is_float = false;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c >= '0' && c <= '9') ++i_;
      else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') is_float = true, ++i_;
      else break;
    }
    std::string_view text = s_.substr(start, i_ - start);
    if (text.empty() || text == "-") fail("unexpected character");
    if (!is_float) {
      std::int64_t v;
      auto r = std::from_chars(text.data(), text.data() + text.size(), v);
      if (r.ec == std::errc{} && r.ptr == text.data() + text.size()) return v;
      return decimal_value{std::string(text)};  // beyond 64 bits
    }
    std::string t(text);
    char* end = nullptr;
    double d = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size()) fail("bad number");
    return d;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

value parse_json(std::string_view text) { return reader(text).document(); }

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

}  // namespace djust::tmpl::tool
