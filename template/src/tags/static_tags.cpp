// The `static` library: {% static %}, {% get_static_prefix %}, {% get_media_prefix %}.
#include "html_escape.hpp"
#include "parser.hpp"
#include "render.hpp"

namespace djust::tmpl::detail {

namespace {

std::string str(std::string_view s) { return std::string(s); }

// urllib.parse.quote(s, safe='/').
std::string quote(std::string_view s) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// urllib.parse.urljoin(base, path) for a path without scheme, netloc or query.
std::string url_join(const std::string& base, const std::string& path) {
  auto split = [](const std::string& s) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
      std::size_t slash = s.find('/', start);
      parts.push_back(s.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    return parts;
  };
  if (path.empty() || base.empty()) return path.empty() ? base : path;
  std::vector<std::string> segments;
  if (path[0] == '/') {
    segments = split(path);
  } else {
    segments = split(base);
    if (!segments.back().empty()) segments.pop_back();
    for (auto& p : split(path)) segments.push_back(p);
    std::vector<std::string> kept{segments.front()};
    for (std::size_t i = 1; i + 1 < segments.size(); ++i)
      if (!segments[i].empty()) kept.push_back(segments[i]);
    if (segments.size() > 1) kept.push_back(segments.back());
    segments = std::move(kept);
  }
  std::vector<std::string> resolved;
  for (const auto& seg : segments) {
    if (seg == "..") {
      if (!resolved.empty()) resolved.pop_back();
    } else if (seg != ".") {
      resolved.push_back(seg);
    }
  }
  if (segments.back() == "." || segments.back() == "..") resolved.emplace_back();
  std::string out;
  for (std::size_t i = 0; i < resolved.size(); ++i) out += (i ? "/" : "") + resolved[i];
  return out.empty() ? "/" : out;
}

class static_node final : public node {
 public:
  filter_expression path;
  std::string_view varname;
  void render(render_ctx& ctx, std::string& out) const override {
    std::string p = resolve_value(ctx, path).to_display_string();
    std::string q = quote(p);
    std::string url = url_join(ctx.eng.options.static_url, q);
    if (!varname.empty()) {
      ctx.set(varname, ctx.autoescape ? value::safe(html_escaped(url)) : value(url));
      return;
    }
    if (ctx.autoescape) append_html_escaped(out, url);
    else out += url;
  }
};

std::unique_ptr<node> compile_static(parser& p, const token& t) {
  auto bits = parser::split_contents(t.contents);
  if (bits.size() < 2)
    throw syntax_error("'" + str(bits[0]) + "' takes at least one argument (path to file)");
  auto n = std::make_unique<static_node>();
  n->path = p.compile_filter(bits[1]);
  if (bits.size() >= 2 && bits[bits.size() - 2] == "as") {
    if (bits.size() < 4) throw compile_error("list index out of range");
    n->varname = bits[3];
  }
  return n;
}

class prefix_node final : public node {
 public:
  bool media = false;
  std::string_view varname;
  void render(render_ctx& ctx, std::string& out) const override {
    std::string prefix = media ? std::string() : ctx.eng.options.static_url;
    if (!varname.empty()) ctx.set(varname, value(prefix));
    else out += prefix;
  }
};

std::unique_ptr<node> compile_prefix(const token& t, bool media) {
  auto bits = parser::split_words(t.contents);
  if (bits.size() > 1 && bits[1] != "as")
    throw syntax_error("First argument in '" + str(bits[0]) + "' must be 'as'");
  auto n = std::make_unique<prefix_node>();
  n->media = media;
  if (bits.size() > 1) {
    if (bits.size() < 3) throw compile_error("list index out of range");
    n->varname = bits[2];
  }
  return n;
}

}  // namespace

void register_static_tags(tag_registry& tags) {
  tags["static"] = compile_static;
  tags["get_static_prefix"] = [](parser&, const token& t) { return compile_prefix(t, false); };
  tags["get_media_prefix"] = [](parser&, const token& t) { return compile_prefix(t, true); };
}

}  // namespace djust::tmpl::detail
