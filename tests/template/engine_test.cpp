// Tests of the engine facade: loaders, cache, debug reload, custom filters and tags, limits.
#include "djust/template/engine.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "template_support.hpp"

using namespace djust::tmpl;
using namespace djust::tmpl::testing;

namespace {

std::filesystem::path temp_dir(const char* name) {
  auto dir = std::filesystem::temp_directory_path() / ("djust_tmpl_" + std::string(name) + "_" +
                                                       std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

void write(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

}  // namespace

TEST(engine, filesystem_loader_searches_dirs_in_order) {
  auto a = temp_dir("a"), b = temp_dir("b");
  write(b / "x.html", "from b");
  write(b / "sub/y.html", "{{ v }}");
  engine eng({.dirs = {a.string(), b.string()}});
  EXPECT_EQ(eng.render("x.html", {}), "from b");
  EXPECT_EQ(eng.render("sub/y.html", {{"v", 1}}), "1");
  try {
    eng.get_template("../etc/passwd");
    FAIL();
  } catch (const template_error& e) {
    EXPECT_EQ(e.kind(), error_kind::does_not_exist);
  }
  std::filesystem::remove_all(a);
  std::filesystem::remove_all(b);
}

TEST(engine, memory_templates_win_and_are_cached) {
  engine eng;
  eng.add_template("t", "one");
  auto first = eng.get_template("t");
  EXPECT_EQ(first, eng.get_template("t"));
  eng.add_template("t", "two");
  EXPECT_EQ(eng.render("t", {}), "two");
}

TEST(engine, debug_mode_reloads_changed_files) {
  auto dir = temp_dir("reload");
  write(dir / "r.html", "v1");
  engine eng({.dirs = {dir.string()}, .debug = true});
  EXPECT_EQ(eng.render("r.html", {}), "v1");
  write(dir / "r.html", "v2");
  std::filesystem::last_write_time(dir / "r.html",
                                   std::filesystem::file_time_type::clock::now() + std::chrono::seconds(5));
  EXPECT_EQ(eng.render("r.html", {}), "v2");
  std::filesystem::remove_all(dir);
}

TEST(engine, missing_template_is_does_not_exist) {
  engine eng;
  try {
    eng.render("nope.html", {});
    FAIL();
  } catch (const template_error& e) {
    EXPECT_EQ(e.kind(), error_kind::does_not_exist);
    EXPECT_EQ(e.message(), "nope.html");
  }
}

TEST(engine, custom_filters_register_on_the_builtins) {
  engine eng;
  eng.builtins().add_filter("twice", {[](const value& v, const value* arg, const filter_env&) {
                                        return value(v.to_display_string() + v.to_display_string());
                                      },
                                      filter_arg::none, true, true});
  eng.add_template("t", "{{ x|twice }}{{ s|twice }}");
  EXPECT_EQ(eng.render("t", {{"x", "<"}, {"s", value::safe("<")}}), "&lt;&lt;<<");
}

TEST(engine, simple_tags_from_a_loaded_library) {
  engine eng;
  library lib;
  lib.add_simple_tag("greet", [](const std::vector<value>& args, const value_map& kwargs) {
    std::string s = "hi " + args.at(0).to_display_string();
    if (const value* p = kwargs.find("punct")) s += p->to_display_string();
    return value(s);
  });
  eng.add_library("greetings", std::move(lib));
  eng.add_template("t", "{% load greetings %}{% greet name punct='!' %}|{% greet '<b>' as g %}{{ g }}");
  EXPECT_EQ(eng.render("t", {{"name", "<bob>"}}), "hi &lt;bob&gt;!|hi &lt;b&gt;");
  eng.add_template("u", "{% greet 'x' %}");
  EXPECT_THROW(eng.get_template("u"), template_error);
}

TEST(engine, from_string_compiles_without_caching) {
  engine eng;
  auto t = eng.from_string("{{ a }}!", "inline");
  EXPECT_EQ(t->name(), "inline");
  EXPECT_EQ(t->render({{"a", 1}}), "1!");
}

TEST(engine, renders_from_many_threads) {
  engine eng;
  eng.add_template("t", "{% for i in l %}{% cycle 'a' 'b' %}{{ i }}{% endfor %}");
  auto t = eng.get_template("t");
  value_map ctx{{"l", value_list{1, 2, 3}}};
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] {
      for (int j = 0; j < 200; ++j) ok += t->render(ctx) == "a1b2a3";
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, 800);
}

TEST(engine, huge_output_hits_the_output_limit) {
  engine_options opts;
  opts.max_output_bytes = 1000;
  value_list l(600, value("xx"));
  auto e = render_error("{% for x in l %}{{ x }}{% endfor %}", {{"l", l}}, {}, opts);
  EXPECT_EQ(e.kind(), error_kind::render);
  EXPECT_EQ(e.message(), "Rendered output exceeds the limit of 1000 bytes");
}
