// djust-load: drives a djust server on this machine with thousands of real protocol clients.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "options.hpp"
#include "report.hpp"
#include "runner.hpp"

namespace {

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::cerr << "djust-load: cannot write " << path << "\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace djust::load::detail;
  std::vector<std::string> args(argv + 1, argv + argc);
  parse_outcome parsed = parse_options(args);
  if (parsed.help) {
    std::cout << parsed.message;
    return 0;
  }
  if (!parsed.opts) {
    std::cerr << "djust-load: " << parsed.message << "\n";
    return 2;
  }
  auto outcome = run_load(*parsed.opts);
  if (auto* err = std::get_if<std::string>(&outcome)) {
    std::cerr << "djust-load: " << *err << "\n";
    return 2;
  }
  const run_results& r = std::get<run_results>(outcome);
  std::cout << format_table(r) << std::flush;
  bool written = true;
  if (!parsed.opts->json_file.empty()) written &= write_file(parsed.opts->json_file, to_json(r));
  if (!parsed.opts->html_file.empty()) written &= write_file(parsed.opts->html_file, to_html(r));
  return r.passed() && written ? 0 : 1;
}
