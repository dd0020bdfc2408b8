// Server memory (from /proc/PID/status or /metrics text) and the machine's size.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace djust::load::detail {

// VmRSS of a /proc/PID/status text, in bytes ("VmRSS:   12345 kB").
std::optional<std::uint64_t> parse_vm_rss(std::string_view status_text);
// Reads /proc/PID/status; nullopt when the process is gone or unreadable.
std::optional<std::uint64_t> read_process_rss(int pid);

// The value of an unlabelled sample `name` in Prometheus text format
// ("process_resident_memory_bytes 1.2e+07"); comments and labelled samples are skipped.
std::optional<double> parse_metric(std::string_view metrics_text, std::string_view name);

// MemTotal of a /proc/meminfo text, in bytes.
std::optional<std::uint64_t> parse_mem_total(std::string_view meminfo_text);

struct machine_info {
  unsigned cores = 0;
  std::uint64_t memory_bytes = 0;
};
machine_info read_machine();

}  // namespace djust::load::detail
