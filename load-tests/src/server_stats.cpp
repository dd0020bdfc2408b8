// Parsers for /proc/PID/status, /proc/meminfo and Prometheus text; the machine's cores and memory.
#include "server_stats.hpp"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace djust::load::detail {
namespace {

std::optional<std::uint64_t> kib_field(std::string_view text, std::string_view key) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.substr(0, key.size()) != key || line.size() <= key.size() || line[key.size()] != ':') continue;
    std::string_view rest = line.substr(key.size() + 1);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    std::uint64_t n = 0;
    auto [p, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), n);
    if (ec != std::errc() || p == rest.data()) return std::nullopt;
    std::string_view unit = std::string_view(p, static_cast<std::size_t>(rest.data() + rest.size() - p));
    while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
    if (unit.empty()) return n;  // bytes
    if (unit == "kB" || unit == "KB" || unit == "kb") return n * 1024;
    return std::nullopt;
  }
  return std::nullopt;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return {};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::optional<std::uint64_t> parse_vm_rss(std::string_view status_text) { return kib_field(status_text, "VmRSS"); }

std::optional<std::uint64_t> read_process_rss(int pid) {
  if (pid <= 0) return std::nullopt;
  std::string text = read_file("/proc/" + std::to_string(pid) + "/status");
  if (text.empty()) return std::nullopt;
  return parse_vm_rss(text);
}

std::optional<double> parse_metric(std::string_view text, std::string_view name) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    if (line.substr(0, name.size()) != name || line.size() <= name.size() || line[name.size()] != ' ') continue;
    std::string value(line.substr(name.size() + 1));
    if (std::size_t sp = value.find(' '); sp != std::string::npos) value.resize(sp);  // drop a timestamp
    char* stop = nullptr;
    double v = std::strtod(value.c_str(), &stop);
    if (stop == value.c_str() || *stop != '\0') return std::nullopt;
    return v;
  }
  return std::nullopt;
}

std::optional<std::uint64_t> parse_mem_total(std::string_view meminfo_text) {
  return kib_field(meminfo_text, "MemTotal");
}

machine_info read_machine() {
  machine_info m;
  m.cores = std::thread::hardware_concurrency();
  m.memory_bytes = parse_mem_total(read_file("/proc/meminfo")).value_or(0);
  return m;
}

}  // namespace djust::load::detail
