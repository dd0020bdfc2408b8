// Django's escaping and HTML-producing filters: escape, force_escape, escapejs,
// escapeseq, safe, safeseq, linebreaks, linebreaksbr, linenumbers, json_script,
// iriencode, urlencode, striptags.
#include <cstdio>
#include <string>
#include <string_view>

#include "djust/template/error.hpp"
#include "filters/text_common.hpp"
#include "text_util.hpp"

namespace djust::tmpl::detail {

namespace {

value escape_filter(const value& in, const value*, const filter_env&) {
  if (in.is_safe()) return in;  // conditional_escape: already safe stays as it is
  return value::safe(html_escaped(in.as_string()));
}

value force_escape(const value& in, const value*, const filter_env&) {
  return value::safe(html_escaped(in.as_string()));
}

void append_u_escape(std::string& out, char32_t c, bool upper) {
  char buf[16];
  std::snprintf(buf, sizeof buf, upper ? "\\u%04X" : "\\u%04x", static_cast<unsigned>(c));
  out += buf;
}

value escapejs(const value& in, const value*, const filter_env&) {
  const std::string& s = in.as_string();
  std::string out;
  out.reserve(s.size() + 16);
  std::size_t kept = 0;  // start of the text not yet copied
  for (std::size_t i = 0; i < s.size();) {
    std::size_t begin = i;
    char32_t c = next_code_point(s, i);
    switch (c) {
      case '\\': case '\'': case '"': case '>': case '<': case '&': case '=': case '-':
      case ';': case '`': case 0x2028: case 0x2029: break;
      default:
        if (c >= 32) continue;
    }
    out.append(s, kept, begin - kept);
    append_u_escape(out, c, true);
    kept = i;
  }
  out.append(s, kept);
  return value::safe(std::move(out));
}

// Iterates a value as Python's `for obj in value` does (str: characters, dict: keys).
template <class F>
void for_each_item(const value& input, F&& f) {
  const value& v = input.resolved();
  switch (v.kind()) {
    case value_kind::list:
      for (const auto& item : v.as_list()) f(item.resolved());
      return;
    case value_kind::map:
      for (const auto& entry : v.as_map()) f(value(entry.first));
      return;
    case value_kind::string: {
      const std::string& s = v.as_string();
      for (std::size_t i = 0; i < s.size();) {
        std::size_t begin = i;
        next_code_point(s, i);
        f(value(std::string(s, begin, i - begin)));
      }
      return;
    }
    default: throw filter_error(v.repr() + " object is not iterable");
  }
}

value safeseq(const value& in, const value*, const filter_env&) {
  value_list out;
  for_each_item(in, [&](const value& item) {
    out.push_back(item.is_safe() ? item : value::safe(text_of(item)));
  });
  return out;
}

value escapeseq(const value& in, const value*, const filter_env&) {
  value_list out;
  for_each_item(in, [&](const value& item) {
    out.push_back(item.is_safe() ? item : value::safe(html_escaped(text_of(item))));
  });
  return out;
}

value safe_filter(const value& in, const value*, const filter_env&) {
  return in.is_safe() ? in : value::safe(in.as_string());
}

// normalize_newlines: "\r\n" and "\r" become "\n". Returns s itself when it has no '\r'
// (the usual case), else the normalized copy kept in `storage`.
std::string_view normalize_newlines(std::string_view s, std::string& storage) {
  std::size_t cr = s.find('\r');
  if (cr == std::string_view::npos) return s;
  storage.reserve(s.size());
  std::size_t start = 0;
  for (; cr != std::string_view::npos; cr = s.find('\r', start)) {
    storage.append(s, start, cr - start);
    storage += '\n';
    start = cr + 1 < s.size() && s[cr + 1] == '\n' ? cr + 2 : cr + 1;
  }
  storage.append(s, start);
  return storage;
}

void append_with_br(std::string& out, std::string_view s, bool escape) {
  std::size_t start = 0;
  for (std::size_t pos; (pos = s.find('\n', start)) != std::string_view::npos; start = pos + 1) {
    if (escape) {
      append_html_escaped(out, s.substr(start, pos - start));
    } else {
      out.append(s, start, pos - start);
    }
    out += "<br>";
  }
  if (escape) {
    append_html_escaped(out, s.substr(start));
  } else {
    out.append(s, start);
  }
}

value linebreaks(const value& in, const value*, const filter_env& env) {
  bool escape = env.autoescape && !in.is_safe();
  std::string storage;
  std::string_view s = normalize_newlines(in.as_string(), storage);
  std::string out;
  out.reserve(s.size() + 16);
  std::size_t start = 0;
  for (std::size_t i = 0;;) {
    std::size_t pos = s.find("\n\n", i);
    std::size_t end = pos == std::string_view::npos ? s.size() : pos;
    out += "<p>";
    append_with_br(out, s.substr(start, end - start), escape);
    out += "</p>";
    if (pos == std::string_view::npos) break;
    std::size_t after = pos;
    while (after < s.size() && s[after] == '\n') ++after;
    out += "\n\n";
    start = i = after;
  }
  return value::safe(std::move(out));
}

value linebreaksbr(const value& in, const value*, const filter_env& env) {
  bool escape = env.autoescape && !in.is_safe();
  std::string storage;
  std::string_view text = normalize_newlines(in.as_string(), storage);
  std::string out;
  out.reserve(text.size() + 16);
  append_with_br(out, text, escape);
  return value::safe(std::move(out));
}

value linenumbers(const value& in, const value*, const filter_env& env) {
  bool escape = env.autoescape && !in.is_safe();
  std::string_view s = in.as_string();
  std::size_t lines = 1;
  for (char c : s) lines += c == '\n';
  int width = static_cast<int>(std::to_string(lines).size());
  std::string out;
  out.reserve(s.size() + lines * (width + 3));
  std::size_t start = 0, number = 1;
  char buf[32];
  while (true) {
    std::size_t pos = s.find('\n', start);
    std::string_view line = s.substr(start, pos == std::string_view::npos ? s.npos : pos - start);
    std::snprintf(buf, sizeof buf, "%0*zu. ", width, number++);
    out += buf;
    if (escape) {
      append_html_escaped(out, line);
    } else {
      out += line;
    }
    if (pos == std::string_view::npos) break;
    out += '\n';
    start = pos + 1;
  }
  return value::safe(std::move(out));
}

// json.dumps string encoding (ensure_ascii), then Django's <, >, & escapes.
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '<': out += "\\u003C"; break;
      case '>': out += "\\u003E"; break;
      case '&': out += "\\u0026"; break;
      default:
        if (c >= 0x20 && c < 0x7f) {
          out += static_cast<char>(c);
        } else if (c >= 0x10000) {
          char32_t v = c - 0x10000;
          append_u_escape(out, 0xD800 + (v >> 10), false);
          append_u_escape(out, 0xDC00 + (v & 0x3FF), false);
        } else {
          append_u_escape(out, c, false);
        }
    }
  }
  out += '"';
}

void append_json(std::string& out, const value& input) {
  const value& v = input.resolved();
  switch (v.kind()) {
    case value_kind::null: out += "null"; return;
    case value_kind::boolean: out += v.as_bool() ? "true" : "false"; return;
    case value_kind::integer: out += std::to_string(v.as_int()); return;
    case value_kind::floating: {
      std::string f = v.to_display_string();
      out += f == "nan" ? "NaN" : f == "inf" ? "Infinity" : f == "-inf" ? "-Infinity" : f;
      return;
    }
    case value_kind::list: {
      out += '[';
      bool first = true;
      for (const auto& item : v.as_list()) {
        if (!first) out += ", ";
        first = false;
        append_json(out, item);
      }
      out += ']';
      return;
    }
    case value_kind::map: {
      out += '{';
      bool first = true;
      for (const auto& [key, item] : v.as_map()) {
        if (!first) out += ", ";
        first = false;
        append_json_string(out, key);
        out += ": ";
        append_json(out, item);
      }
      out += '}';
      return;
    }
    case value_kind::datetime: {
      // DjangoJSONEncoder: isoformat with microseconds cut to milliseconds.
      std::string s = v.to_display_string();
      s[10] = 'T';
      if (s.size() > 23) s.erase(23);
      append_json_string(out, s);
      return;
    }
    case value_kind::time: {
      std::string s = v.to_display_string();
      if (s.size() > 12) s.erase(12);
      append_json_string(out, s);
      return;
    }
    default: append_json_string(out, v.to_display_string()); return;  // str, date, Decimal
  }
}

value json_script(const value& in, const value* arg, const filter_env&) {
  std::string out = "<script id=\"";
  const value& id = arg->resolved();
  if (id.is_safe()) {
    out += id.as_string();
  } else {
    append_html_escaped(out, text_of(id));
  }
  out += "\" type=\"application/json\">";
  append_json(out, in);
  out += "</script>";
  return value::safe(std::move(out));
}

value iriencode(const value& in, const value*, const filter_env&) {
  std::string out;
  out.reserve(in.as_string().size() + 16);  // room for a few %XX escapes
  append_quoted(out, in.as_string(), "/#%[]=:;$&()+,!?*@'~");
  return out;
}

value urlencode(const value& in, const value* arg, const filter_env&) {
  const std::string& s = in.as_string();
  std::string_view safe = "/";
  if (arg && !arg->resolved().is_null()) {
    const value& a = arg->resolved();
    if (!a.is_string()) {
      if (s.empty()) return s;
      throw filter_error("quote() safe argument must be a str, not " + a.repr());
    }
    safe = a.as_string();
  }
  std::string out;
  out.reserve(s.size() + 16);  // room for a few %XX escapes
  append_quoted(out, s, safe);
  return out;
}

value striptags(const value& in, const value*, const filter_env&) {
  return strip_tags(in.as_string());
}

filter_def def(filter_fn fn, filter_arg arg, bool is_safe, bool string_input) {
  filter_def d;
  d.fn = std::move(fn);
  d.arg = arg;
  d.is_safe = is_safe;
  d.string_input = string_input;
  return d;
}

}  // namespace

void register_html_filters(library& lib) {
  using enum filter_arg;
  lib.add_filter("escape", def(escape_filter, none, true, true));
  lib.add_filter("force_escape", def(force_escape, none, true, true));
  lib.add_filter("escapejs", def(escapejs, none, false, true));
  lib.add_filter("escapeseq", def(escapeseq, none, true, false));
  lib.add_filter("safe", def(safe_filter, none, true, true));
  lib.add_filter("safeseq", def(safeseq, none, true, false));
  lib.add_filter("linebreaks", def(linebreaks, none, true, true));
  lib.add_filter("linebreaksbr", def(linebreaksbr, none, true, true));
  lib.add_filter("linenumbers", def(linenumbers, none, true, true));
  lib.add_filter("json_script", def(json_script, required, true, false));
  lib.add_filter("iriencode", def(iriencode, none, true, true));
  lib.add_filter("urlencode", def(urlencode, optional, false, true));
  lib.add_filter("striptags", def(striptags, none, true, true));
}

}  // namespace djust::tmpl::detail
