// Parsing of Django's Variable and FilterExpression (base.py filter_re, Variable.__init__).
#include "expression.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>

#include "lexer.hpp"

namespace djust::tmpl::detail {

namespace {

bool is_word(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }
bool is_var_char(unsigned char c) { return is_word(c) || c == '.'; }

// Length of a quoted constant (strdq/strsq, optionally wrapped in _( )) at s, or 0.
std::size_t match_constant(std::string_view s) {
  std::size_t pos = 0;
  bool i18n = s.size() >= 2 && s[0] == '_' && s[1] == '(';
  if (i18n) pos = 2;
  if (pos >= s.size() || (s[pos] != '"' && s[pos] != '\'')) return 0;
  char q = s[pos];
  std::size_t i = pos + 1;
  while (i < s.size() && s[i] != q) {
    if (s[i] == '\\') {
      if (i + 1 >= s.size()) return 0;
      i += 2;
    } else {
      ++i;
    }
  }
  if (i >= s.size()) return 0;
  ++i;
  if (i18n) {
    if (i >= s.size() || s[i] != ')') return 0;
    ++i;
  }
  return i;
}

// num = [-+\.]?\d[\d\.e]*
std::size_t match_num(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+' || s[i] == '.')) ++i;
  if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return 0;
  ++i;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == 'e')) ++i;
  return i;
}

// [var_chars]+ | num
std::size_t match_var(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_var_char(static_cast<unsigned char>(s[i]))) ++i;
  return i ? i : match_num(s);
}

bool parse_py_float(std::string_view text, double& out) {
  std::string t(strip_ws(text));
  std::string clean;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '_') {
      if (i == 0 || i + 1 >= t.size() || !std::isdigit((unsigned char)t[i - 1]) ||
          !std::isdigit((unsigned char)t[i + 1]))
        return false;
      continue;
    }
    clean += t[i];
  }
  if (clean.empty()) return false;
  std::string_view v = clean;
  if (v[0] == '+') v.remove_prefix(1);
  auto r = std::from_chars(v.data(), v.data() + v.size(), out);
  if (r.ec == std::errc::result_out_of_range) {
    out = std::strtod(clean.c_str(), nullptr);
    return true;
  }
  return r.ec == std::errc{} && r.ptr == v.data() + v.size();
}

loop_attribute loop_attribute_of(std::string_view name) {
  static constexpr std::pair<std::string_view, loop_attribute> names[] = {
      {"counter", loop_attribute::counter},         {"counter0", loop_attribute::counter0},
      {"revcounter", loop_attribute::revcounter},   {"revcounter0", loop_attribute::revcounter0},
      {"first", loop_attribute::first},             {"last", loop_attribute::last},
      {"parentloop", loop_attribute::parentloop}};
  for (auto [n, a] : names)
    if (n == name) return a;
  return loop_attribute::none;
}

}  // namespace

bool parse_py_int(std::string_view text, std::int64_t& out) {
  std::string_view t = strip_ws(text);
  bool neg = false;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    neg = t[0] == '-';
    t.remove_prefix(1);
  }
  if (t.empty()) return false;
  std::uint64_t acc = 0;
  bool prev_digit = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '_') {
      if (!prev_digit || i + 1 >= t.size()) return false;
      prev_digit = false;
      continue;
    }
    if (c < '0' || c > '9') return false;
    prev_digit = true;
    if (acc > (UINT64_MAX - 9) / 10) return false;  // beyond 64 bits: not supported here
    acc = acc * 10 + static_cast<unsigned>(c - '0');
  }
  if (!prev_digit) return false;
  if (acc > static_cast<std::uint64_t>(INT64_MAX) + (neg ? 1 : 0)) return false;
  out = neg ? static_cast<std::int64_t>(0 - acc) : static_cast<std::int64_t>(acc);
  return true;
}

variable make_variable(std::string_view text) {
  variable v;
  v.text = text;
  bool floaty = text.find('.') != std::string_view::npos;
  for (char c : text)
    if (c == 'e' || c == 'E') floaty = true;
  if (floaty) {
    double d;
    if (parse_py_float(text, d) && !text.empty() && text.back() != '.') {
      v.is_literal = true;
      v.literal = d;
      return v;
    }
  } else {
    std::int64_t i;
    if (parse_py_int(text, i)) {
      v.is_literal = true;
      v.literal = i;
      return v;
    }
  }
  std::string_view s = text;
  if (s.size() >= 3 && s.substr(0, 2) == "_(" && s.back() == ')') s = s.substr(2, s.size() - 3);
  if (s.size() >= 2 && (s[0] == '"' || s[0] == '\'') && s.back() == s[0]) {
    char q = s[0];
    std::string inner(s.substr(1, s.size() - 2)), out;
    // .replace('\\' + q, q).replace('\\\\', '\\')
    for (std::size_t i = 0; i < inner.size(); ++i) {
      if (inner[i] == '\\' && i + 1 < inner.size() && inner[i + 1] == q) {
        out += q;
        ++i;
      } else {
        out += inner[i];
      }
    }
    std::string out2;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i] == '\\' && i + 1 < out.size() && out[i + 1] == '\\') {
        out2 += '\\';
        ++i;
      } else {
        out2 += out[i];
      }
    }
    v.is_literal = true;
    v.literal = value::safe(std::move(out2));
    return v;
  }
  if (s.empty() || s[0] == '_' || s.find("._") != std::string_view::npos)
    throw syntax_error("Variables and attributes may not begin with underscores: '" +
                       std::string(s) + "'");
  std::size_t start = 0;
  while (true) {
    std::size_t dot = s.find('.', start);
    std::string_view part = s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
    lookup_segment seg{part, -1, value_map::hash_key(part), loop_attribute_of(part)};
    std::int64_t idx;
    if (parse_py_int(part, idx)) seg.index = idx;
    v.lookups.push_back(seg);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return v;
}

filter_expression compile_filter_expression(std::string_view token, const filter_finder& find) {
  filter_expression fe;
  fe.token = token;
  std::size_t upto = 0;
  bool have_var = false;
  auto fail_chars = [&](std::size_t start) {
    throw syntax_error("Could not parse some characters: " + std::string(token.substr(0, upto)) +
                       "|" + std::string(token.substr(upto, start - upto)) + "|" +
                       std::string(token.substr(start)));
  };
  // The first match may only be at position 0 (the regex's ^ alternatives).
  if (std::size_t n = match_constant(token); n) {
    fe.var = make_variable(token.substr(0, n));
    have_var = true;
    upto = n;
  } else if (std::size_t m = match_var(token); m) {
    fe.var = make_variable(token.substr(0, m));
    have_var = true;
    upto = m;
  }
  // Filter matches: \s*\|\s*(\w+)(?::(constant|var))? found by finditer from `upto` on.
  std::size_t pos = upto;
  while (pos < token.size()) {
    // finditer: search for the next match at or after pos.
    std::size_t start = pos, end = 0;
    std::string_view name, arg;
    bool found = false;
    for (; start < token.size(); ++start) {
      std::size_t i = start;
      while (i < token.size() && is_py_space(static_cast<unsigned char>(token[i]))) ++i;
      if (i >= token.size() || token[i] != '|') continue;
      ++i;
      while (i < token.size() && is_py_space(static_cast<unsigned char>(token[i]))) ++i;
      std::size_t ns = i;
      while (i < token.size() && is_word(static_cast<unsigned char>(token[i]))) ++i;
      if (i == ns) continue;
      name = token.substr(ns, i - ns);
      arg = {};
      if (i < token.size() && token[i] == ':') {
        std::string_view rest = token.substr(i + 1);
        std::size_t a = match_constant(rest);
        if (!a) a = match_var(rest);
        if (a) {
          arg = rest.substr(0, a);
          i += 1 + a;
        }
      }
      end = i;
      found = true;
      break;
    }
    if (!found) break;
    if (start != upto) fail_chars(start);
    if (!have_var) throw syntax_error("Could not find variable at start of " + std::string(token) + ".");
    filter_call call;
    call.name = name;
    call.def = find(name);
    if (!call.def) throw syntax_error("Invalid filter: '" + std::string(name) + "'");
    if (!arg.empty()) {
      call.has_arg = true;
      call.arg = make_variable(arg);
    }
    if (call.def->arg == filter_arg::none && call.has_arg)
      throw syntax_error(std::string(name) + " requires 1 arguments, 2 provided");
    if (call.def->arg == filter_arg::required && !call.has_arg)
      throw syntax_error(std::string(name) + " requires 2 arguments, 1 provided");
    fe.filters.push_back(std::move(call));
    upto = pos = end;
  }
  if (!have_var && upto == 0 && !token.empty())
    throw syntax_error("Could not parse the remainder: '" + std::string(token) + "' from '" +
                       std::string(token) + "'");
  if (upto != token.size())
    throw syntax_error("Could not parse the remainder: '" + std::string(token.substr(upto)) +
                       "' from '" + std::string(token) + "'");
  return fe;
}

}  // namespace djust::tmpl::detail
