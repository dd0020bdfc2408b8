// djust-template: render a template, render a conformance case file, or benchmark a render.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "djust/template/engine.hpp"
#include "json.hpp"

using namespace djust::tmpl;

namespace {

const char* usage =
    "usage: djust-template render --dir DIR [--context FILE.json] NAME\n"
    "       djust-template render-cases FILE.jsonl\n"
    "       djust-template bench --dir DIR [--context FILE.json] [--iterations N] NAME\n";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

const char* kind_name(error_kind k) {
  switch (k) {
    case error_kind::syntax: return "TemplateSyntaxError";
    case error_kind::does_not_exist: return "TemplateDoesNotExist";
    default: return "Error";
  }
}

const value* field(const value_map& m, std::string_view key) { return m.find(key); }

int render_cases(const std::string& path) {
  std::string data = read_file(path);
  std::string line_out;
  std::size_t start = 0;
  while (start < data.size()) {
    std::size_t nl = data.find('\n', start);
    std::string_view line(data.data() + start, (nl == std::string::npos ? data.size() : nl) - start);
    start = nl == std::string::npos ? data.size() : nl + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    std::string name;
    line_out.clear();
    try {
      value c = tool::parse_json(line);
      if (c.kind() != value_kind::map) throw tool::json_error("case is not an object");
      const value_map& cm = c.as_map();
      const value* n = field(cm, "name");
      const value* t = field(cm, "template");
      if (!n || !n->is_string() || !t || !t->is_string()) throw tool::json_error("case lacks name/template");
      name = n->as_string();
      engine_options opts;
      if (const value* ae = field(cm, "autoescape"); ae && ae->kind() == value_kind::boolean)
        opts.autoescape = ae->as_bool();
      engine eng(opts);
      eng.add_template("main.html", t->as_string());
      if (const value* ts = field(cm, "templates"); ts && ts->kind() == value_kind::map)
        for (const auto& [k, v] : ts->as_map())
          if (v.is_string()) eng.add_template(k, v.as_string());
      value_map ctx;
      if (const value* cx = field(cm, "context"); cx && cx->kind() == value_kind::map) ctx = cx->as_map();
      std::string out;
      try {
        eng.get_template("main.html")->render(ctx, out);
        line_out = "{\"name\": ";
        tool::append_json_string(line_out, name);
        line_out += ", \"output\": ";
        tool::append_json_string(line_out, out);
        line_out += "}";
      } catch (const template_error& e) {
        line_out = "{\"name\": ";
        tool::append_json_string(line_out, name);
        line_out += std::string(", \"error\": \"") + kind_name(e.kind()) + "\", \"message\": ";
        tool::append_json_string(line_out, e.what());
        line_out += "}";
      } catch (const std::exception& e) {
        line_out = "{\"name\": ";
        tool::append_json_string(line_out, name);
        line_out += ", \"error\": \"Error\", \"message\": ";
        tool::append_json_string(line_out, e.what());
        line_out += "}";
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "djust-template: bad case line: %s\n", e.what());
      if (name.empty()) continue;
      line_out = "{\"name\": ";
      tool::append_json_string(line_out, name);
      line_out += ", \"error\": \"Error\"}";
    }
    line_out += '\n';
    std::fwrite(line_out.data(), 1, line_out.size(), stdout);
  }
  return 0;
}

struct render_args {
  std::string dir, context, name;
  long iterations = 1000;
};

render_args parse_args(int argc, char** argv, bool bench) {
  render_args a;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--dir") a.dir = next();
    else if (arg == "--context") a.context = next();
    else if (bench && arg == "--iterations") a.iterations = std::stol(next());
    else if (!arg.empty() && arg[0] == '-') throw std::runtime_error("unknown option " + arg);
    else a.name = arg;
  }
  if (a.dir.empty() || a.name.empty()) throw std::runtime_error(usage);
  if (a.iterations < 1) a.iterations = 1;
  return a;
}

value_map load_context(const std::string& path) {
  if (path.empty()) return {};
  value v = tool::parse_json(read_file(path));
  if (v.kind() != value_kind::map) throw std::runtime_error("context must be a JSON object");
  return v.as_map();
}

int render_cmd(int argc, char** argv) {
  auto a = parse_args(argc, argv, false);
  engine_options opts;
  opts.dirs = {a.dir};
  engine eng(opts);
  value_map ctx = load_context(a.context);
  std::string out = eng.render(a.name, ctx);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int bench_cmd(int argc, char** argv) {
  auto a = parse_args(argc, argv, true);
  engine_options opts;
  opts.dirs = {a.dir};
  engine eng(opts);
  value_map ctx = load_context(a.context);
  auto tmpl = eng.get_template(a.name);
  std::string out;
  for (int i = 0; i < 20; ++i) {
    out.clear();
    tmpl->render(ctx, out);
  }
  // As shared/bench/peers.py times its engines: the median over samples of a batch of
  // renders each, the batch long enough (~50 us) that reading the clock is negligible
  // even for a template that renders in well under a microsecond.
  auto per_render_us = [&](long renders) {
    auto t0 = std::chrono::steady_clock::now();
    for (long k = 0; k < renders; ++k) {
      out.clear();
      tmpl->render(ctx, out);
    }
    std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - t0;
    return took.count() / static_cast<double>(renders);
  };
  long batch = std::clamp(static_cast<long>(50.0 / std::max(per_render_us(1), 0.001)), 1L, 10000L);
  long samples = std::max(5L, a.iterations / batch);
  std::vector<double> times;
  times.reserve(static_cast<std::size_t>(samples));
  for (long i = 0; i < samples; ++i) times.push_back(per_render_us(batch));
  std::nth_element(times.begin(), times.begin() + static_cast<long>(times.size() / 2), times.end());
  std::printf("%.3f us/render (median of %ld batches of %ld, %zu bytes)\n", times[times.size() / 2], samples,
              batch, out.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(usage, stderr);
    return 2;
  }
  std::string cmd = argv[1];
  try {
    if (cmd == "render") return render_cmd(argc, argv);
    if (cmd == "bench") return bench_cmd(argc, argv);
    if (cmd == "render-cases" && argc == 3) return render_cases(argv[2]);
    std::fputs(usage, stderr);
    return 2;
  } catch (const template_error& e) {
    std::fprintf(stderr, "%s: %s\n", kind_name(e.kind()), e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "djust-template: %s\n", e.what());
    return 1;
  }
}
