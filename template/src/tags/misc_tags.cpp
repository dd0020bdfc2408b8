// Output-shaping and utility tags: autoescape, comment, csrf_token, debug, filter, load,
// lorem, now, regroup, spaceless, templatetag, url, verbatim, widthratio, simple tags.
#include <chrono>
#include <cmath>
#include <random>

#include "date_format.hpp"
#include "html_escape.hpp"
#include "lexer.hpp"
#include "parser.hpp"
#include "render.hpp"

namespace djust::tmpl::detail {

namespace {

std::string str(std::string_view s) { return std::string(s); }

class body_node : public node {
 public:
  node_list body;
  void for_each_child(const std::function<void(const node_list&)>& fn) const override { fn(body); }
};

class autoescape_node final : public body_node {
 public:
  bool on = true;
  void render(render_ctx& ctx, std::string& out) const override {
    bool saved = ctx.autoescape;
    ctx.autoescape = on;
    try {
      render_list(body, ctx, out);
    } catch (...) {
      ctx.autoescape = saved;
      throw;
    }
    ctx.autoescape = saved;
  }
};

std::unique_ptr<node> compile_autoescape(parser& p, const token& t) {
  auto args = parser::split_words(t.contents);
  if (args.size() != 2) throw syntax_error("'autoescape' tag requires exactly one argument.");
  if (args[1] != "on" && args[1] != "off") throw syntax_error("'autoescape' argument should be 'on' or 'off'");
  auto n = std::make_unique<autoescape_node>();
  n->on = args[1] == "on";
  n->body = p.parse({"endautoescape"});
  p.delete_first_token();
  return n;
}

std::unique_ptr<node> compile_comment(parser& p, const token&) {
  p.skip_past("endcomment");
  return nullptr;
}

class csrf_node final : public node {
 public:
  void render(render_ctx& ctx, std::string& out) const override {
    ref tok = ctx.find("csrf_token");
    if (!tok.v || !tok.v->truthy()) return;
    std::string v = tok.v->to_display_string();
    if (v == "NOTPROVIDED") return;
    out += "<input type=\"hidden\" name=\"csrfmiddlewaretoken\" value=\"";
    append_html_escaped(out, v);
    out += "\">";
  }
};

class debug_node final : public node {
 public:
  // Django prints the context only with settings.DEBUG; our engine runs as DEBUG=False.
  void render(render_ctx&, std::string&) const override {}
};

class filter_node final : public body_node {
 public:
  std::string expr_text;
  filter_expression expr;
  void render(render_ctx& ctx, std::string& out) const override {
    std::string inner;
    render_list(body, ctx, inner);
    ctx.push();
    ctx.set("var", value::safe(std::move(inner)));
    try {
      value tmp;
      const value* r = resolve(ctx, expr, tmp);
      out += r->to_display_string();
    } catch (...) {
      ctx.pop();
      throw;
    }
    ctx.pop();
  }
};

std::unique_ptr<node> compile_filter_tag(parser& p, const token& t) {
  auto sp = t.contents.find_first_of(" \t\n\r\f\v");
  if (sp == std::string_view::npos) throw compile_error("not enough values to unpack (expected 2, got 1)");
  std::string_view rest = strip_ws(t.contents.substr(sp));
  auto n = std::make_unique<filter_node>();
  n->expr_text = "var|" + str(rest);
  n->expr = p.compile_filter(n->expr_text);
  for (const auto& f : n->expr.filters)
    if (f.name == "escape" || f.name == "safe")
      throw syntax_error("\"filter " + str(f.name) + "\" is not permitted.  Use the \"autoescape\" tag instead.");
  n->body = p.parse({"endfilter"});
  p.delete_first_token();
  return n;
}

class empty_node final : public node {
 public:
  void render(render_ctx&, std::string&) const override {}
};

std::unique_ptr<node> compile_load(parser& p, const token& t) {
  auto bits = parser::split_words(t.contents);
  auto find = [&](std::string_view name) -> const loadable_library& {
    auto it = p.eng.libraries.find(str(name));
    if (it == p.eng.libraries.end()) {
      std::string names;
      std::vector<std::string> all;
      for (const auto& [k, v] : p.eng.libraries) all.push_back(k);
      std::sort(all.begin(), all.end());
      for (const auto& k : all) names += (names.empty() ? "" : "\n") + k;
      throw syntax_error("'" + str(name) + "' is not a registered tag library. Must be one of:\n" + names);
    }
    return it->second;
  };
  if (bits.size() >= 4 && bits[bits.size() - 2] == "from") {
    const auto& lib = find(bits.back());
    std::vector<std::string_view> names(bits.begin() + 1, bits.end() - 2);
    for (auto name : names)
      if (!lib.tags.count(str(name)) && !lib.lib.find_filter(name) && !lib.lib.find_simple_tag(name))
        throw syntax_error("'" + str(name) + "' is not a valid tag or filter in tag library '" +
                           str(bits.back()) + "'");
    p.add_library(lib, &names);
  } else {
    for (std::size_t i = 1; i < bits.size(); ++i) p.add_library(find(bits[i]));
  }
  return std::make_unique<empty_node>();
}

// django.utils.lorem_ipsum
constexpr std::string_view common_p =
    "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt "
    "ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco "
    "laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in "
    "voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat "
    "cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.";
constexpr std::string_view common_words =
    "lorem ipsum dolor sit amet consectetur adipisicing elit sed do eiusmod tempor incididunt ut "
    "labore et dolore magna aliqua";
constexpr std::string_view all_words =
    "exercitationem perferendis perspiciatis laborum eveniet sunt iure nam nobis eum cum officiis "
    "excepturi odio consectetur quasi aut quisquam vel eligendi itaque non odit tempore quaerat "
    "dignissimos facilis neque nihil expedita vitae vero ipsum nisi animi cumque pariatur velit "
    "modi natus iusto eaque sequi illo sed ex et voluptatibus tempora veritatis ratione assumenda "
    "incidunt nostrum placeat aliquid fuga provident praesentium rem necessitatibus suscipit "
    "adipisci quidem possimus voluptas debitis sint accusantium unde sapiente voluptate qui "
    "aspernatur laudantium soluta amet quo aliquam saepe culpa libero ipsa dicta reiciendis "
    "nesciunt doloribus autem impedit minima maiores repudiandae ipsam obcaecati ullam enim totam "
    "delectus ducimus quis voluptates dolores molestiae harum dolorem quia voluptatem molestias "
    "magni distinctio omnis illum dolorum voluptatum ea quas quam corporis quae blanditiis atque "
    "deserunt laboriosam earum consequuntur hic cupiditate quibusdam accusamus ut rerum error minus "
    "eius ab ad nemo fugit officia at in id quos reprehenderit numquam iste fugiat sit inventore "
    "beatae repellendus magnam recusandae quod explicabo doloremque aperiam consequatur asperiores "
    "commodi optio dolor labore temporibus repellat veniam architecto est esse mollitia nulla a "
    "similique eos alias dolore tenetur deleniti porro facere maxime corrupti";

std::vector<std::string_view> split_space(std::string_view s) { return parser::split_words(s); }

class lorem_node final : public node {
 public:
  filter_expression count;
  char method = 'b';
  bool common = true;

  void render(render_ctx& ctx, std::string& out) const override {
    value c = resolve_value(ctx, count);
    std::int64_t n = 1;
    const value& r = c.resolved();
    if (r.kind() == value_kind::integer) n = r.as_int();
    else if (r.kind() == value_kind::floating && std::isfinite(r.as_double())) n = static_cast<std::int64_t>(r.as_double());
    else if (r.kind() == value_kind::boolean) n = r.as_bool();
    else if (r.is_string() && !parse_py_int(r.as_string(), n)) n = 1;
    n = std::min<std::int64_t>(n, 100000);
    static thread_local std::mt19937 rng{std::random_device{}()};
    static const auto words = split_space(all_words);
    auto sample = [&](std::size_t k) {
      std::vector<std::string_view> pool = words, picked;
      for (std::size_t i = 0; i < k && !pool.empty(); ++i) {
        std::size_t j = std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(rng);
        picked.push_back(pool[j]);
        pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(j));
      }
      return picked;
    };
    auto join = [](const std::vector<std::string_view>& ws, std::string_view sep) {
      std::string s;
      for (std::size_t i = 0; i < ws.size(); ++i) s += (i ? str(sep) : "") + str(ws[i]);
      return s;
    };
    if (method == 'w') {
      std::vector<std::string_view> list;
      if (common) list = split_space(common_words);
      if (n > static_cast<std::int64_t>(list.size())) {
        std::int64_t rest = n - static_cast<std::int64_t>(list.size());
        while (rest > 0) {
          auto k = std::min<std::int64_t>(rest, static_cast<std::int64_t>(words.size()));
          rest -= k;
          auto more = sample(static_cast<std::size_t>(k));
          list.insert(list.end(), more.begin(), more.end());
        }
      } else {
        list.resize(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)));
      }
      out += join(list, " ");
      return;
    }
    auto rnd = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto sentence = [&] {
      std::vector<std::string> sections;
      int ns = rnd(1, 5);
      for (int i = 0; i < ns; ++i) sections.push_back(join(sample(static_cast<std::size_t>(rnd(3, 12))), " "));
      std::string s;
      for (std::size_t i = 0; i < sections.size(); ++i) s += (i ? ", " : "") + sections[i];
      s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
      return s + (rnd(0, 1) ? "?" : ".");
    };
    for (std::int64_t i = 0; i < n; ++i) {
      std::string para;
      if (common && i == 0) {
        para = str(common_p);
      } else {
        int k = rnd(1, 4);
        for (int j = 0; j < k; ++j) para += (j ? " " : "") + sentence();
      }
      if (i) out += "\n\n";
      if (method == 'p') out += "<p>" + para + "</p>";
      else out += para;
    }
  }
};

std::unique_ptr<node> compile_lorem(parser& p, const token& t) {
  auto bits = parser::split_contents(t.contents);
  auto n = std::make_unique<lorem_node>();
  std::string tag = str(bits[0]);
  n->common = bits.back() != "random";
  if (!n->common) bits.pop_back();
  if (!bits.empty() && (bits.back() == "w" || bits.back() == "p" || bits.back() == "b")) {
    n->method = bits.back()[0];
    bits.pop_back();
  }
  std::string_view count = "1";
  if (bits.size() > 1) {
    count = bits.back();
    bits.pop_back();
  }
  n->count = p.compile_filter(count);
  if (bits.size() != 1) throw syntax_error("Incorrect format for '" + tag + "' tag");
  return n;
}

// Django's named formats (settings.*_FORMAT) as the date filter resolves them.
std::string_view named_format(std::string_view f) {
  if (f == "DATE_FORMAT") return "N j, Y";
  if (f == "DATETIME_FORMAT") return "N j, Y, P";
  if (f == "TIME_FORMAT") return "P";
  if (f == "SHORT_DATE_FORMAT") return "m/d/Y";
  if (f == "SHORT_DATETIME_FORMAT") return "m/d/Y P";
  if (f == "YEAR_MONTH_FORMAT") return "F Y";
  if (f == "MONTH_DAY_FORMAT") return "F j";
  return f;
}

class now_node final : public node {
 public:
  std::string_view format, asvar;
  void render(render_ctx& ctx, std::string& out) const override {
    using namespace std::chrono;
    auto now = system_clock::now();
    auto days = floor<std::chrono::days>(now);
    year_month_day ymd{days};
    auto tod = now - days;
    auto h = duration_cast<hours>(tod);
    auto m = duration_cast<minutes>(tod - h);
    auto s = duration_cast<seconds>(tod - h - m);
    auto us = duration_cast<microseconds>(tod - h - m - s);
    datetime_value dt{{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                       static_cast<int>(static_cast<unsigned>(ymd.day()))},
                      {static_cast<int>(h.count()), static_cast<int>(m.count()),
                       static_cast<int>(s.count()), static_cast<int>(us.count())}};
    std::string formatted;
    try {
      formatted = format_date(value(dt), named_format(format));
    } catch (const filter_error&) {
      formatted.clear();
    }
    if (!asvar.empty()) {
      ctx.set(asvar, value(std::move(formatted)));
      return;
    }
    append_value(ctx, out, value(std::move(formatted)));
  }
};

std::unique_ptr<node> compile_now(parser&, const token& t) {
  auto bits = parser::split_contents(t.contents);
  auto n = std::make_unique<now_node>();
  if (bits.size() == 4 && bits[2] == "as") {
    n->asvar = bits[3];
    bits.resize(2);
  }
  if (bits.size() != 2) throw syntax_error("'now' statement takes one argument");
  n->format = bits[1].size() >= 2 ? bits[1].substr(1, bits[1].size() - 2) : std::string_view();
  return n;
}

class regroup_node final : public node {
 public:
  filter_expression target;
  std::string expr_text;
  filter_expression expr;
  std::string_view var_name;
  void render(render_ctx& ctx, std::string&) const override {
    value tmp;
    const value* obj = resolve(ctx, target, tmp, true);
    if (obj->is_null()) {
      ctx.set(var_name, value_list{});
      return;
    }
    value keep = *obj;
    value_list storage;
    const value_list* items = nullptr;
    if (!iterable_items(keep, storage, items))
      throw filter_error("'" + keep.to_display_string() + "' object is not iterable");
    value_list groups;
    value current_key;
    value_list current;
    bool have = false;
    for (const auto& item : *items) {
      ctx.set(var_name, item);
      value key = resolve_value(ctx, expr, true);
      if (have && key == current_key) {
        current.push_back(item);
        continue;
      }
      if (have) groups.emplace_back(value_map{{"grouper", current_key}, {"list", value(std::move(current))}});
      current = value_list{item};
      current_key = std::move(key);
      have = true;
    }
    if (have) groups.emplace_back(value_map{{"grouper", current_key}, {"list", value(std::move(current))}});
    ctx.set(var_name, std::move(groups));
  }
};

std::unique_ptr<node> compile_regroup(parser& p, const token& t) {
  auto bits = parser::split_contents(t.contents);
  if (bits.size() != 6) throw syntax_error("'regroup' tag takes five arguments");
  auto n = std::make_unique<regroup_node>();
  n->target = p.compile_filter(bits[1]);
  if (bits[2] != "by") throw syntax_error("second argument to 'regroup' tag must be 'by'");
  if (bits[4] != "as") throw syntax_error("next-to-last argument to 'regroup' tag must be 'as'");
  n->var_name = bits[5];
  n->expr_text = str(bits[5]) + "." + str(bits[3]);
  n->expr = p.compile_filter(n->expr_text);
  return n;
}

class spaceless_node final : public body_node {
 public:
  void render(render_ctx& ctx, std::string& out) const override {
    std::string inner;
    render_list(body, ctx, inner);
    std::string_view s = strip_ws(inner);
    // re.sub(r'>\s+<', '><', s)
    for (std::size_t i = 0; i < s.size(); ++i) {
      out += s[i];
      if (s[i] == '>') {
        std::size_t j = i + 1;
        while (j < s.size() && is_py_space(static_cast<unsigned char>(s[j]))) ++j;
        if (j > i + 1 && j < s.size() && s[j] == '<') i = j - 1;
      }
    }
  }
};

std::unique_ptr<node> compile_spaceless(parser& p, const token&) {
  auto n = std::make_unique<spaceless_node>();
  n->body = p.parse({"endspaceless"});
  p.delete_first_token();
  return n;
}

class literal_node final : public node {
 public:
  std::string text;
  explicit literal_node(std::string t) : text(std::move(t)) {}
  void render(render_ctx&, std::string& out) const override { out += text; }
};

std::unique_ptr<node> compile_templatetag(parser&, const token& t) {
  auto bits = parser::split_words(t.contents);
  if (bits.size() != 2) throw syntax_error("'templatetag' statement takes one argument");
  static const std::pair<std::string_view, std::string_view> mapping[] = {
      {"openblock", "{%"},    {"closeblock", "%}"},    {"openvariable", "{{"}, {"closevariable", "}}"},
      {"openbrace", "{"},     {"closebrace", "}"},     {"opencomment", "{#"},  {"closecomment", "#}"}};
  for (const auto& [k, v] : mapping)
    if (k == bits[1]) return std::make_unique<literal_node>(str(v));
  std::string names;
  for (const auto& [k, v] : mapping) names += (names.empty() ? "" : ", ") + str(k);
  throw syntax_error("Invalid templatetag argument: '" + str(bits[1]) + "'. Must be one of: " + names);
}

class url_node final : public node {
 public:
  filter_expression view;
  std::vector<filter_expression> args;
  std::vector<std::pair<std::string, filter_expression>> kwargs;
  std::string_view asvar;
  void render(render_ctx& ctx, std::string& out) const override {
    std::vector<value> a;
    for (const auto& e : args) a.push_back(resolve_value(ctx, e));
    value_map kw;
    for (const auto& [k, e] : kwargs) kw.set(k, resolve_value(ctx, e));
    std::string name = resolve_value(ctx, view).to_display_string();
    std::string url;
    try {
      if (!ctx.eng.options.url_resolver)
        throw filter_error("Reverse for '" + name + "' not found. '" + name +
                           "' is not a valid view function or pattern name.");
      url = ctx.eng.options.url_resolver(name, a, kw);
    } catch (const filter_error&) {
      if (asvar.empty()) throw;
      url.clear();
    }
    if (!asvar.empty()) {
      ctx.set(asvar, value(std::move(url)));
      return;
    }
    if (ctx.autoescape) append_html_escaped(out, url);
    else out += url;
  }
};

std::unique_ptr<node> compile_url(parser& p, const token& t) {
  auto bits = parser::split_contents(t.contents);
  if (bits.size() < 2)
    throw syntax_error("'" + str(bits[0]) + "' takes at least one argument, a URL pattern name.");
  auto n = std::make_unique<url_node>();
  n->view = p.compile_filter(bits[1]);
  std::vector<std::string_view> rest(bits.begin() + 2, bits.end());
  if (rest.size() >= 2 && rest[rest.size() - 2] == "as") {
    n->asvar = rest.back();
    rest.resize(rest.size() - 2);
  }
  for (auto bit : rest) {
    std::size_t i = 0;
    while (i < bit.size() && (std::isalnum(static_cast<unsigned char>(bit[i])) || bit[i] == '_')) ++i;
    if (i > 0 && i + 1 < bit.size() && bit[i] == '=')
      n->kwargs.emplace_back(str(bit.substr(0, i)), p.compile_filter(bit.substr(i + 1)));
    else
      n->args.push_back(p.compile_filter(bit));
  }
  return n;
}

std::unique_ptr<node> compile_verbatim(parser& p, const token&) {
  node_list body = p.parse({"endverbatim"});
  p.delete_first_token();
  std::string text;
  for (const auto& n : body) {
    // The lexer made everything inside text; render it once at compile time.
    value_map empty;
    render_ctx ctx(p.eng, empty, true);
    n->render(ctx, text);
  }
  return std::make_unique<literal_node>(std::move(text));
}

// Python's round() (half to even) of a finite double, as an int string.
std::string py_round(double x) {
  double r = std::nearbyint(x);  // default rounding mode: to nearest, ties to even
  if (std::fabs(r) < 9e18) return std::to_string(static_cast<std::int64_t>(r));  // "-0" -> "0" too
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.0f", r);
  std::string s = buf;
  return s == "-0" ? "0" : s;
}

bool py_float(const value& raw, double& out) {
  const value& v = raw.resolved();
  switch (v.kind()) {
    case value_kind::boolean: out = v.as_bool(); return true;
    case value_kind::integer: out = static_cast<double>(v.as_int()); return true;
    case value_kind::floating: out = v.as_double(); return true;
    case value_kind::decimal:
    case value_kind::string: {
      std::string t(strip_ws(v.kind() == value_kind::string ? v.as_string() : v.as_decimal().text));
      std::string clean;
      for (char c : t)
        if (c != '_') clean += c;
      std::string lower;
      for (char c : clean) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string_view body = lower;
      if (!body.empty() && (body[0] == '+' || body[0] == '-')) body.remove_prefix(1);
      if (body == "inf" || body == "infinity" || body == "nan") {
        out = body == "nan" ? NAN : (lower[0] == '-' ? -INFINITY : INFINITY);
        return true;
      }
      if (clean.empty()) return false;
      char* end = nullptr;
      out = std::strtod(clean.c_str(), &end);
      return end == clean.c_str() + clean.size() && body.find_first_of("xp") == std::string_view::npos;
    }
    default: return false;
  }
}

class widthratio_node final : public node {
 public:
  filter_expression val, max, width;
  std::string_view asvar;
  void render(render_ctx& ctx, std::string& out) const override {
    value v_tmp, m_tmp, w_tmp;
    const value *v, *m, *w;
    try {
      v = resolve(ctx, val, v_tmp, false);
      m = resolve(ctx, max, m_tmp, false);
      w = resolve(ctx, width, w_tmp, false);
    } catch (const variable_does_not_exist&) {
      return;
    }
    std::int64_t max_width = 0;
    const value& wr = w->resolved();
    double wd;
    if (wr.kind() == value_kind::integer) max_width = wr.as_int();
    else if (wr.kind() == value_kind::boolean) max_width = wr.as_bool();
    else if (wr.kind() == value_kind::floating && std::isfinite(wr.as_double()))
      max_width = static_cast<std::int64_t>(wr.as_double());
    else if (wr.kind() == value_kind::decimal && py_float(wr, wd) && std::isfinite(wd))
      max_width = static_cast<std::int64_t>(wd);
    else if (!(wr.is_string() && parse_py_int(wr.as_string(), max_width)))
      throw syntax_error("widthratio final argument must be a number");
    std::string result;
    double a, b;
    if (py_float(*v, a) && py_float(*m, b)) {
      if (b == 0) {
        result = "0";
      } else {
        double ratio = a / b * static_cast<double>(max_width);
        if (std::isfinite(ratio)) result = py_round(ratio);
      }
    }
    if (!asvar.empty()) {
      ctx.set(asvar, value(std::move(result)));
      return;
    }
    out += result;
  }
};

std::unique_ptr<node> compile_widthratio(parser& p, const token& t) {
  auto bits = parser::split_contents(t.contents);
  auto n = std::make_unique<widthratio_node>();
  if (bits.size() == 6) {
    if (bits[4] != "as") throw syntax_error("Invalid syntax in widthratio tag. Expecting 'as' keyword");
    n->asvar = bits[5];
  } else if (bits.size() != 4) {
    throw syntax_error("widthratio takes at least three arguments");
  }
  n->val = p.compile_filter(bits[1]);
  n->max = p.compile_filter(bits[2]);
  n->width = p.compile_filter(bits[3]);
  return n;
}

class simple_tag_node final : public node {
 public:
  const simple_tag_fn* fn = nullptr;
  std::vector<filter_expression> args;
  std::vector<std::pair<std::string, filter_expression>> kwargs;
  std::string_view asvar;
  void render(render_ctx& ctx, std::string& out) const override {
    std::vector<value> a;
    for (const auto& e : args) a.push_back(resolve_value(ctx, e));
    value_map kw;
    for (const auto& [k, e] : kwargs) kw.set(k, resolve_value(ctx, e));
    value r = (*fn)(a, kw);
    if (!asvar.empty()) {
      ctx.set(asvar, std::move(r));
      return;
    }
    if (ctx.autoescape && !r.resolved().is_safe()) append_html_escaped(out, r.to_display_string());
    else out += r.to_display_string();
  }
};

}  // namespace

std::unique_ptr<node> compile_simple_tag(parser& p, const token& t, const simple_tag_fn& fn) {
  auto bits = parser::split_contents(t.contents);
  auto n = std::make_unique<simple_tag_node>();
  n->fn = &fn;
  std::vector<std::string_view> rest(bits.begin() + 1, bits.end());
  if (rest.size() >= 2 && rest[rest.size() - 2] == "as") {
    n->asvar = rest.back();
    rest.resize(rest.size() - 2);
  }
  for (auto bit : rest) {
    std::size_t i = 0;
    while (i < bit.size() && (std::isalnum(static_cast<unsigned char>(bit[i])) || bit[i] == '_')) ++i;
    if (i > 0 && i + 1 < bit.size() && bit[i] == '=') {
      n->kwargs.emplace_back(str(bit.substr(0, i)), p.compile_filter(bit.substr(i + 1)));
    } else {
      if (!n->kwargs.empty())
        throw syntax_error("'" + str(bits[0]) + "' received some positional argument(s) after some keyword argument(s)");
      n->args.push_back(p.compile_filter(bit));
    }
  }
  return n;
}

void register_misc_tags(tag_registry& tags) {
  tags["autoescape"] = compile_autoescape;
  tags["comment"] = compile_comment;
  tags["csrf_token"] = [](parser&, const token&) -> std::unique_ptr<node> { return std::make_unique<csrf_node>(); };
  tags["debug"] = [](parser&, const token&) -> std::unique_ptr<node> { return std::make_unique<debug_node>(); };
  tags["filter"] = compile_filter_tag;
  tags["load"] = compile_load;
  tags["lorem"] = compile_lorem;
  tags["now"] = compile_now;
  tags["regroup"] = compile_regroup;
  tags["spaceless"] = compile_spaceless;
  tags["templatetag"] = compile_templatetag;
  tags["url"] = compile_url;
  tags["verbatim"] = compile_verbatim;
  tags["widthratio"] = compile_widthratio;
}

}  // namespace djust::tmpl::detail
