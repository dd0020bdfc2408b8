// Render-time evaluation: Django's lookup rules, filter chains and value output.
#include "render.hpp"

#include <charconv>

#include "date_format.hpp"
#include "engine_impl.hpp"
#include "html_escape.hpp"
#include "nodes.hpp"
#include "number_format.hpp"

namespace djust::tmpl::detail {

const value& none() {
  static const value v;
  return v;
}

namespace {

std::string ascii_map(const std::string& s, int (*f)(int)) {
  std::string out = s;
  for (auto& c : out)
    if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(f(static_cast<unsigned char>(c)));
  return out;
}

// The number of code points in UTF-8 text and the byte range of code point `index`.
bool utf8_char_at(const std::string& s, std::int64_t index, std::string_view& out) {
  std::int64_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xf0) len = 4;
    else if (c >= 0xe0) len = 3;
    else if (c >= 0xc0) len = 2;
    if (n == index) {
      out = std::string_view(s).substr(i, len);
      return true;
    }
    ++n;
    i += len;
  }
  return false;
}

bool is_grouped_result(const value_map& m) {
  if (m.size() != 2) return false;
  auto it = m.begin();
  return it->first == "grouper" && (++it)->first == "list";
}

// Python str methods a template may call without arguments.
bool string_method(const std::string& s, std::string_view name, value& out) {
  if (name == "upper") out = ascii_map(s, [](int c) { return std::toupper(c); });
  else if (name == "lower" || name == "casefold") out = ascii_map(s, [](int c) { return std::tolower(c); });
  else if (name == "swapcase")
    out = ascii_map(s, [](int c) { return std::isupper(c) ? std::tolower(c) : std::toupper(c); });
  else if (name == "strip" || name == "lstrip" || name == "rstrip") {
    std::size_t b = 0, e = s.size();
    auto sp = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    if (name != "rstrip")
      while (b < e && sp(s[b])) ++b;
    if (name != "lstrip")
      while (e > b && sp(s[e - 1])) --e;
    out = s.substr(b, e - b);
  } else if (name == "capitalize") {
    std::string t = ascii_map(s, [](int c) { return std::tolower(c); });
    if (!t.empty() && static_cast<unsigned char>(t[0]) < 0x80) t[0] = static_cast<char>(std::toupper(t[0]));
    out = std::move(t);
  } else if (name == "title") {
    std::string t = s;
    bool prev = false;
    for (auto& c : t) {
      auto u = static_cast<unsigned char>(c);
      if (u < 0x80 && std::isalpha(u)) {
        c = static_cast<char>(prev ? std::tolower(u) : std::toupper(u));
        prev = true;
      } else {
        prev = u >= 0x80;
      }
    }
    out = std::move(t);
  } else if (name == "split") {
    value_list parts;
    std::size_t i = 0;
    auto sp = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (i < s.size()) {
      while (i < s.size() && sp(s[i])) ++i;
      std::size_t b = i;
      while (i < s.size() && !sp(s[i])) ++i;
      if (i > b) parts.emplace_back(s.substr(b, i - b));
    }
    out = std::move(parts);
  } else if (name == "isdigit" || name == "isalpha" || name == "isalnum" || name == "isspace" ||
             name == "isupper" || name == "islower") {
    bool any = false, ok = !s.empty(), cased = false;
    for (unsigned char c : s) {
      any = true;
      if (name == "isdigit") ok = ok && std::isdigit(c);
      else if (name == "isalpha") ok = ok && std::isalpha(c);
      else if (name == "isalnum") ok = ok && std::isalnum(c);
      else if (name == "isspace") ok = ok && (c == ' ' || (c >= '\t' && c <= '\r'));
      else if (name == "isupper") {
        if (std::islower(c)) ok = false;
        if (std::isupper(c)) cased = true;
      } else {
        if (std::isupper(c)) ok = false;
        if (std::islower(c)) cased = true;
      }
    }
    if (name == "isupper" || name == "islower") ok = ok && cased;
    out = any && ok;
  } else {
    return false;
  }
  return true;
}

bool date_member(const value& v, std::string_view name, value& out) {
  const date_value* d = nullptr;
  const time_value* t = nullptr;
  if (v.kind() == value_kind::date) d = &v.as_date();
  else if (v.kind() == value_kind::datetime) d = &v.as_datetime().date, t = &v.as_datetime().time;
  else if (v.kind() == value_kind::time) t = &v.as_time();
  else return false;
  if (d) {
    if (name == "year") return out = d->year, true;
    if (name == "month") return out = d->month, true;
    if (name == "day") return out = d->day, true;
    if (name == "weekday" || name == "isoweekday") {
      // Sakamoto's algorithm: 0 = Sunday.
      static const int k[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
      int y = d->year - (d->month < 3);
      int w = (y + y / 4 - y / 100 + y / 400 + k[d->month - 1] + d->day) % 7;
      int monday0 = (w + 6) % 7;
      out = name == "weekday" ? monday0 : monday0 + 1;
      return true;
    }
  }
  if (t) {
    if (name == "hour") return out = t->hour, true;
    if (name == "minute") return out = t->minute, true;
    if (name == "second") return out = t->second, true;
    if (name == "microsecond") return out = t->microsecond, true;
  }
  if (v.kind() == value_kind::datetime) {
    if (name == "date") return out = v.as_datetime().date, true;
    if (name == "time") return out = v.as_datetime().time, true;
  }
  return false;
}

// One lookup step on a plain value: dict key, then attribute/method, then list index.
const value* member(const value& raw, const lookup_segment& seg, value& tmp) {
  const value& cur = raw.resolved();
  switch (cur.kind()) {
    case value_kind::map: {
      const auto& m = cur.as_map();
      if (const value* v = m.find(seg.name, seg.hash)) return v;
      if (seg.name == "items" || seg.name == "keys" || seg.name == "values") {
        value_list out;
        out.reserve(m.size());
        for (const auto& [k, v] : m) {
          if (seg.name == "items") out.emplace_back(value_list{value(k), v});
          else if (seg.name == "keys") out.emplace_back(k);
          else out.push_back(v);
        }
        tmp = std::move(out);
        return &tmp;
      }
      if (seg.name == "copy") return &cur;
      if (seg.index >= 0 && seg.index < 2 && is_grouped_result(m)) {
        auto it = m.begin();
        if (seg.index == 1) ++it;
        return &it->second;
      }
      return nullptr;
    }
    case value_kind::list: {
      const auto& l = cur.as_list();
      if (seg.index >= 0 && static_cast<std::size_t>(seg.index) < l.size()) return &l[seg.index];
      if (seg.name == "copy") return &cur;
      return nullptr;
    }
    case value_kind::string: {
      if (seg.index >= 0) {
        std::string_view ch;
        if (utf8_char_at(cur.as_string(), seg.index, ch)) {
          tmp = value(std::string(ch));
          return &tmp;
        }
        return nullptr;
      }
      value out;
      if (string_method(cur.as_string(), seg.name, out)) {
        tmp = std::move(out);
        return &tmp;
      }
      return nullptr;
    }
    case value_kind::date:
    case value_kind::time:
    case value_kind::datetime: {
      value out;
      if (date_member(cur, seg.name, out)) {
        tmp = std::move(out);
        return &tmp;
      }
      return nullptr;
    }
    default: return nullptr;
  }
}

value loop_as_map(const loop_state& l) {
  value_map m;
  if (l.parent_loop) m.set("parentloop", loop_as_map(*l.parent_loop));
  else if (l.parent_value) m.set("parentloop", *l.parent_value);
  else m.set("parentloop", value_map{});
  m.set("counter0", l.index);
  m.set("counter", l.index + 1);
  m.set("revcounter", l.length - l.index);
  m.set("revcounter0", l.length - l.index - 1);
  m.set("first", l.index == 0);
  m.set("last", l.index == l.length - 1);
  return m;
}

// One lookup step on a `forloop` or a `block` (out of line: the common steps are dict
// keys, and resolve_variable stays lean for them).
[[gnu::noinline]] ref special_step(render_ctx& ctx, ref cur, const lookup_segment& seg, value& tmp) {
  if (cur.block) {
    if (seg.name == "super") {
      value r = cur.block->block->super_value(ctx, *cur.block);
      tmp = std::move(r);
      return ref{&tmp};
    }
    if (seg.name == "name") {
      tmp = value(std::string(cur.block->block->name()));
      return ref{&tmp};
    }
    return ref{};
  }
  const loop_state& l = *cur.loop;
  switch (seg.loop) {
    case loop_attribute::counter: tmp = l.index + 1; break;
    case loop_attribute::counter0: tmp = l.index; break;
    case loop_attribute::revcounter: tmp = l.length - l.index; break;
    case loop_attribute::revcounter0: tmp = l.length - l.index - 1; break;
    case loop_attribute::first: tmp = l.index == 0; break;
    case loop_attribute::last: tmp = l.index == l.length - 1; break;
    case loop_attribute::parentloop: {
      ref next;
      if (l.parent_loop) next.loop = l.parent_loop;
      else if (l.parent_value) next.v = l.parent_value;
      else {
        static const value empty_map{value_map{}};
        next.v = &empty_map;
      }
      return next;
    }
    case loop_attribute::none: {
      value m = loop_as_map(l);
      value t2;
      const value* r = member(m, seg, t2);
      if (!r) return ref{};
      tmp = *r;
      break;
    }
  }
  return ref{&tmp};
}

// A lookup step on a plain value that is not a dict key (attribute, method, index).
[[gnu::noinline]] const value* member_step(const value& base, const lookup_segment& seg, value& tmp) {
  value t2;
  const value* r = member(base, seg, t2);
  if (r == &t2) {
    tmp = std::move(t2);
    r = &tmp;
  }
  return r;
}

// What a whole `forloop` or `block` prints as.
[[gnu::noinline]] const value* special_value(ref cur, value& tmp) {
  if (cur.loop) tmp = loop_as_map(*cur.loop);
  else tmp = value("<Block Node: " + std::string(cur.block->block->name()) + ". Contents: [...]>");
  return &tmp;
}

}  // namespace

const value* resolve_variable(render_ctx& ctx, const variable& var, value& tmp) {
  if (var.is_literal) return &var.literal;
  ref cur = ctx.find(var.lookups[0].name, var.lookups[0].hash);
  for (std::size_t i = 1; i < var.lookups.size() && cur; ++i) {
    const lookup_segment& seg = var.lookups[i];
    if (!cur.v) {
      cur = special_step(ctx, cur, seg, tmp);
      continue;
    }
    // Dict keys first, without the temporaries the other lookups may need.
    const value& base = cur.v->resolved();
    if (base.kind() == value_kind::map)
      if (const value* v = base.as_map().find(seg.name, seg.hash)) {
        cur = ref{v};
        continue;
      }
    cur = ref{member_step(base, seg, tmp)};
  }
  if (!cur) return nullptr;
  if (!cur.v) return special_value(cur, tmp);
  return &cur.v->resolved();
}

const value* resolve(render_ctx& ctx, const filter_expression& expr, value& tmp,
                     bool ignore_failures) {
  const value* cur = resolve_variable(ctx, expr.var, tmp);
  if (!cur) {
    if (ignore_failures) {
      cur = &none();
    } else {
      const std::string& sii = ctx.eng.options.string_if_invalid;
      if (!sii.empty()) {
        auto pos = sii.find("%s");
        if (pos != std::string::npos) {
          std::string s = sii;
          while ((pos = s.find("%s")) != std::string::npos) s.replace(pos, 2, expr.var.text);
          tmp = value(std::move(s));
        } else {
          tmp = value(sii);
        }
        return &tmp;
      }
      static const value empty_string{std::string()};
      cur = &empty_string;
    }
  }
  if (expr.filters.empty()) return cur;
  filter_env env{ctx.autoescape};
  for (const filter_call& f : expr.filters) {
    const value* argp = nullptr;
    value arg_tmp;
    if (f.has_arg) {
      argp = resolve_variable(ctx, f.arg, arg_tmp);
      if (!argp)
        throw variable_does_not_exist("Failed lookup for key [" + std::string(f.arg.text) + "]");
      argp = &argp->resolved();
    }
    const value& input = cur->resolved();
    value converted;
    const value* in = &input;
    if (f.def->string_input && !input.is_string()) {
      converted = value(input.to_display_string());
      in = &converted;
    }
    value result = f.def->fn(*in, argp, env);
    if (f.def->is_safe && in->is_safe() && !result.is_safe())
      result = value::safe(result.resolved().to_display_string());
    tmp = std::move(result);
    cur = &tmp;
  }
  return cur;
}

value resolve_value(render_ctx& ctx, const filter_expression& expr, bool ignore_failures) {
  value tmp;
  const value* v = resolve(ctx, expr, tmp, ignore_failures);
  if (v == &tmp) return tmp;
  return *v;
}

namespace {

// Django's numberformat.format of a Decimal (or of a float whose repr has an exponent):
// Python's '{:f}', or '{:e}' once the digits and the exponent pass 200.
std::string localized_decimal(std::string_view text) {
  std::string_view t = text;
  std::string sign;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
    if (t[0] == '-') sign = "-";
    t.remove_prefix(1);
  }
  std::string digits;
  std::int64_t exp = 0;
  std::size_t i = 0;
  int frac = 0;
  bool point = false;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      if (point) ++frac;
    } else if (c == '.') {
      point = true;
    } else {
      break;
    }
  }
  if (digits.empty()) {
    // NaN / Infinity keep their spelling.
    std::string word(t);
    if (!word.empty() && (word[0] == 'i' || word[0] == 'I')) return sign + "Infinity";
    if (!word.empty() && (word[0] == 's' || word[0] == 'S')) return sign + "sNaN";
    return sign + "NaN";
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    std::string_view e = t.substr(i + 1);
    if (!e.empty() && e[0] == '+') e.remove_prefix(1);
    std::from_chars(e.data(), e.data() + e.size(), exp);
  }
  exp -= frac;
  std::size_t nz = digits.find_first_not_of('0');
  digits = nz == std::string::npos ? "0" : digits.substr(nz);
  if (static_cast<std::size_t>(exp < 0 ? -exp : exp) + digits.size() > 200)
    return scientific_decimal(!sign.empty(), digits, exp, -1);
  if (exp >= 0) {
    if (digits == "0") return sign + "0";
    return sign + digits + std::string(static_cast<std::size_t>(exp), '0');
  }
  auto n = static_cast<std::size_t>(-exp);
  if (digits.size() > n) return sign + digits.substr(0, digits.size() - n) + "." + digits.substr(digits.size() - n);
  return sign + "0." + std::string(n - digits.size(), '0') + digits;
}

// Decimal text that '{:f}' would print unchanged: an optional '-', digits without a
// superfluous leading zero, and at most one '.' with digits on both sides; short of the
// 200 digits past which Django switches to scientific notation.
bool is_plain_decimal(std::string_view t) {
  if (t.size() > 100) return false;
  if (!t.empty() && t[0] == '-') t.remove_prefix(1);
  std::size_t point = t.find('.');
  std::string_view whole = t.substr(0, point);
  if (whole.empty() || (whole.size() > 1 && whole[0] == '0')) return false;
  if (point != std::string_view::npos && point + 1 == t.size()) return false;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (i != point && (t[i] < '0' || t[i] > '9')) return false;
  return true;
}

}  // namespace

std::string localized_string(const value& raw) {
  const value& v = raw.resolved();
  switch (v.kind()) {
    case value_kind::floating: {
      std::string s = v.to_display_string();
      if (s.find('e') != std::string::npos) return localized_decimal(s);
      return s;
    }
    case value_kind::decimal: {
      std::string s = localized_decimal(v.as_decimal().text);
      // numberformat takes abs() of the exponent, which NaN/Infinity lack (TypeError).
      if (s.find_first_of("NI") != std::string::npos)
        throw filter_error("bad operand type for abs(): 'str'");
      return s;
    }
    case value_kind::date:
      try {
        return format_date(v, "N j, Y");
      } catch (const std::exception&) {
        return v.to_display_string();
      }
    case value_kind::datetime:
      try {
        return format_date(v, "N j, Y, P");
      } catch (const std::exception&) {
        return v.to_display_string();
      }
    case value_kind::time:
      try {
        return format_date(v, "P");
      } catch (const std::exception&) {
        return v.to_display_string();
      }
    default: return v.to_display_string();
  }
}

void append_value(render_ctx& ctx, std::string& out, const value& raw) {
  const value& v = raw.resolved();
  switch (v.kind()) {
    case value_kind::string:
      if (!ctx.autoescape || v.is_safe()) out.append(v.as_string());
      else append_html_escaped(out, v.as_string());
      return;
    case value_kind::integer: {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, v.as_int());
      out.append(buf, r.ptr);
      return;
    }
    case value_kind::boolean: out.append(v.as_bool() ? "True" : "False"); return;
    case value_kind::null: out.append("None"); return;
    case value_kind::decimal:
      if (is_plain_decimal(v.as_decimal().text)) {  // "-12.50" prints as it is
        out.append(v.as_decimal().text);
        return;
      }
      [[fallthrough]];
    default: {
      std::string s = localized_string(v);
      if (ctx.autoescape) append_html_escaped(out, s);
      else out.append(s);
    }
  }
}

bool iterable_items(const value& raw, value_list& storage, const value_list*& items) {
  const value& v = raw.resolved();
  switch (v.kind()) {
    case value_kind::null: storage.clear(); items = &storage; return true;
    case value_kind::list: items = &v.as_list(); return true;
    case value_kind::map:
      storage.clear();
      for (const auto& [k, item] : v.as_map()) storage.emplace_back(k);
      items = &storage;
      return true;
    case value_kind::string: {
      storage.clear();
      const std::string& s = v.as_string();
      for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0xf0) len = 4;
        else if (c >= 0xe0) len = 3;
        else if (c >= 0xc0) len = 2;
        storage.emplace_back(s.substr(i, len));
        i += len;
      }
      items = &storage;
      return true;
    }
    default: return false;
  }
}

}  // namespace djust::tmpl::detail
