// djust-vdom-bench: parse and diff a 1000-row table page for four typical edits; prints a
// table and, with --json FILE, a flat name -> number map for ./dev bench.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "djust/vdom/diff.hpp"
#include "djust/vdom/encode.hpp"
#include "djust/vdom/parse.hpp"

#ifdef DJUST_VDOM_BENCH_TEMPLATE
#include "djust/template/engine.hpp"
#endif

namespace {

using namespace djust::vdom;

constexpr int rows = 1000;

struct row {
  int id;
  std::string label;
  std::string cls;
};

// The page a template like `{% for r in rows %}<tr id="row-{{ r.id }}" ...` renders.
std::string render(const std::vector<row>& data) {
  std::string out;
  out.reserve(data.size() * 200 + 512);
  out += "<div class=\"container\">\n  <h1>Rows</h1>\n  <table class=\"table\">\n    <thead><tr><th>#</th><th>Label</th><th></th></tr></thead>\n    <tbody>\n";
  for (const row& r : data) {
    std::string id = std::to_string(r.id);
    out += "      <tr id=\"row-" + id + "\" class=\"" + r.cls + "\"><td class=\"col-id\">" + id +
           "</td><td><a href=\"#\" dj-click=\"select\" data-id=\"" + id + "\">" + r.label +
           "</a></td><td><button dj-click=\"remove\" data-id=\"" + id + "\">&times;</button></td></tr>\n";
  }
  out += "    </tbody>\n  </table>\n</div>\n";
  return out;
}

#ifdef DJUST_VDOM_BENCH_TEMPLATE
// The same page through the template engine: this is what a view's render costs.
constexpr const char* page_template =
    "<div class=\"container\">\n  <h1>Rows</h1>\n  <table class=\"table\">\n    <thead><tr><th>#</th><th>Label</th><th></th></tr></thead>\n    <tbody>\n"
    "{% for r in rows %}      <tr id=\"row-{{ r.id }}\" class=\"{{ r.cls }}\"><td class=\"col-id\">{{ r.id }}</td><td><a href=\"#\" "
    "dj-click=\"select\" data-id=\"{{ r.id }}\">{{ r.label }}</a></td><td><button dj-click=\"remove\" data-id=\"{{ r.id }}\">"
    "&times;</button></td></tr>\n{% endfor %}    </tbody>\n  </table>\n</div>\n";

djust::tmpl::value_map context_of(const std::vector<row>& data) {
  djust::tmpl::value_list rows_v;
  for (const row& r : data)
    rows_v.emplace_back(djust::tmpl::value_map{{"id", r.id}, {"label", r.label}, {"cls", r.cls}});
  return djust::tmpl::value_map{{"rows", djust::tmpl::value(std::move(rows_v))}};
}
#endif

std::string row_html(const row& r) {
  std::vector<row> one{r};
  std::string page = render(one);
  std::size_t b = page.find("      <tr"), e = page.find("</tr>\n", b) + 6;
  return page.substr(b, e - b);
}

// Best wall time of fn over `reps` runs, in milliseconds (the machine's noise only adds).
double time_ms(int reps, const std::function<void()>& fn) {
  std::vector<double> t;
  for (int i = 0; i < reps; ++i) {
    auto s = std::chrono::steady_clock::now();
    fn();
    t.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - s).count());
  }
  return *std::min_element(t.begin(), t.end());
}

std::size_t changed_bytes(const std::string& a, const std::string& b) {
  std::size_t p = 0, n = std::min(a.size(), b.size());
  while (p < n && a[p] == b[p]) ++p;
  std::size_t s = 0;
  while (s < n - p && a[a.size() - 1 - s] == b[b.size() - 1 - s]) ++s;
  return std::max(a.size(), b.size()) - p - s;
}

struct result {
  std::string name;
  double render_ms, parse_ms, reparse_ms, diff_ms;
  std::size_t msgpack_bytes, json_bytes, html_changed, patches;
};

}  // namespace

int main(int argc, char** argv) {
  const char* json_path = nullptr;
  const char* only = nullptr;  // one edit by name, e.g. for profiling it alone under callgrind
  int reps = 30;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--json") && i + 1 < argc) json_path = argv[++i];
    else if (!std::strcmp(argv[i], "--reps") && i + 1 < argc) reps = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
    else {
      std::fprintf(stderr, "usage: djust-vdom-bench [--json FILE] [--reps N] [--only EDIT]\n");
      return 2;
    }
  }
  std::vector<row> base;
  for (int i = 1; i <= rows; ++i) base.push_back({i, "label " + std::to_string(i), "row"});
  std::string old_html = render(base);
  tree old_tree = parse_fragment(old_html);

  struct scenario {
    const char* name;
    std::function<void(std::vector<row>&)> edit;
  };
  row inserted{rows + 1, "label new", "row"};
  std::vector<scenario> scenarios = {
      {"cell", [](std::vector<row>& d) { d[rows / 2].label += "!"; }},
      {"insert_row", [&](std::vector<row>& d) { d.insert(d.begin() + rows / 2, inserted); }},
      {"move_row", [](std::vector<row>& d) {
         row r = d[10];
         d.erase(d.begin() + 10);
         d.insert(d.begin() + rows - 100, r);
       }},
      {"class_all", [](std::vector<row>& d) {
         for (row& r : d) r.cls = "row selected";
       }},
  };

#ifdef DJUST_VDOM_BENCH_TEMPLATE
  djust::tmpl::engine engine;
  auto compiled = engine.from_string(page_template, "rows.html");
  if (compiled->render(context_of(base)) != old_html) {
    std::fprintf(stderr, "template render differs from the C++ page\n");
    return 1;
  }
  const char* render_kind = "render = the template engine ({% for %} over 1000 rows)";
#else
  const char* render_kind = "render = building the page HTML with C++ string appends (no template engine)";
#endif

  if (only) {
    std::erase_if(scenarios, [&](const scenario& s) { return std::strcmp(s.name, only) != 0; });
    if (scenarios.empty()) {
      std::fprintf(stderr, "no edit named %s\n", only);
      return 2;
    }
  }

  std::vector<result> results;
  for (const scenario& s : scenarios) {
    std::vector<row> data = base;
    s.edit(data);
    std::string new_html;
#ifdef DJUST_VDOM_BENCH_TEMPLATE
    djust::tmpl::value_map ctx = context_of(data);
    double render_t = time_ms(reps, [&] { new_html = compiled->render(ctx); });
#else
    double render_t = time_ms(reps, [&] { new_html = render(data); });
#endif
    tree new_tree;
    double parse = time_ms(reps, [&] { new_tree = parse_fragment(new_html); });
    // What a session does: reparse_fragment() from its previous tree (same tree as above).
    double reparse = time_ms(reps, [&] { new_tree = reparse_fragment(old_tree, new_html); });
    patch_list p;
    double diff_t = time_ms(reps, [&] { p = diff(old_tree, new_tree); });
    results.push_back({s.name, render_t, parse, reparse, diff_t, encode_msgpack(p).size(), encode_json(p).size(),
                       changed_bytes(old_html, new_html), p.size()});
  }

  std::size_t row_bytes = row_html(inserted).size();
  std::printf("vdom: 1000-row table page, %zu bytes of HTML, tree %zu bytes, parse %.0f MB/s\n",
              old_html.size(), old_tree.memory_bytes(),
              old_html.size() / 1e6 / (results[0].parse_ms / 1e3));
  std::printf("%-11s %10s %10s %10s %10s %8s %9s %9s %13s\n", "edit", "render ms", "parse ms", "reparse ms", "diff ms",
              "patches", "msgpack B", "json B", "html changed");
  for (const result& r : results)
    std::printf("%-11s %10.3f %10.3f %10.3f %10.3f %8zu %9zu %9zu %13zu\n", r.name.c_str(), r.render_ms, r.parse_ms,
                r.reparse_ms, r.diff_ms, r.patches, r.msgpack_bytes, r.json_bytes, r.html_changed);
  std::printf("%s\n", render_kind);
  if (!only)
    std::printf("targets: one-cell patch %zu B (< 64); inserted row %zu B for a %zu B row (%.2fx, < 1.3x)\n",
                results[0].msgpack_bytes, results[1].msgpack_bytes, row_bytes,
                static_cast<double>(results[1].msgpack_bytes) / static_cast<double>(row_bytes));

  if (json_path) {
    std::ofstream out(json_path);
    out << "{\n";
    out << "  \"vdom.page_bytes\": " << old_html.size() << ",\n";
    out << "  \"vdom.tree_bytes\": " << old_tree.memory_bytes() << ",\n";
    out << "  \"vdom.row_html_bytes\": " << row_bytes << ",\n";
    for (const result& r : results) {
      std::string k = "  \"vdom." + r.name + ".";
      out << k << "render_ms\": " << r.render_ms << ",\n";
      out << k << "parse_ms\": " << r.parse_ms << ",\n";
      out << k << "reparse_ms\": " << r.reparse_ms << ",\n";
      out << k << "diff_ms\": " << r.diff_ms << ",\n";
      out << k << "patches\": " << r.patches << ",\n";
      out << k << "patch_msgpack_bytes\": " << r.msgpack_bytes << ",\n";
      out << k << "patch_json_bytes\": " << r.json_bytes << ",\n";
      out << k << "html_changed_bytes\": " << r.html_changed << (&r == &results.back() ? "\n" : ",\n");
    }
    out << "}\n";
  }
  return 0;
}
