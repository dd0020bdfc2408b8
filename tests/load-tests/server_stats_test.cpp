// Parsers of /proc/PID/status, /proc/meminfo and Prometheus text; reading our own process.
#include "server_stats.hpp"

#include <unistd.h>

#include <gtest/gtest.h>

namespace djust::load::detail {
namespace {

TEST(ServerStats, VmRssInKib) {
  EXPECT_EQ(parse_vm_rss("Name:\tdjust-demo\nVmPeak:\t  9000 kB\nVmRSS:\t   12345 kB\nThreads: 4\n"), 12345u * 1024);
  EXPECT_FALSE(parse_vm_rss("Name: x\n").has_value());
  EXPECT_FALSE(parse_vm_rss("VmRSS: lots\n").has_value());
  EXPECT_FALSE(parse_vm_rss("VmRSSX: 1 kB\n").has_value());
}

TEST(ServerStats, OwnProcessHasAnRss) {
  auto rss = read_process_rss(static_cast<int>(::getpid()));
  ASSERT_TRUE(rss.has_value());
  EXPECT_GT(*rss, 0u);
  EXPECT_FALSE(read_process_rss(0).has_value());
}

TEST(ServerStats, PrometheusSamples) {
  std::string text =
      "# HELP process_resident_memory_bytes Resident memory.\n"
      "# TYPE process_resident_memory_bytes gauge\n"
      "process_resident_memory_bytes_total 7\n"
      "process_resident_memory_bytes{kind=\"x\"} 9\n"
      "process_resident_memory_bytes 1.5e+07\n"
      "djust_sockets 42 1700000000000\n";
  EXPECT_DOUBLE_EQ(*parse_metric(text, "process_resident_memory_bytes"), 1.5e7);
  EXPECT_DOUBLE_EQ(*parse_metric(text, "djust_sockets"), 42);
  EXPECT_FALSE(parse_metric(text, "missing").has_value());
  EXPECT_FALSE(parse_metric("bad value\n", "bad").has_value());
}

TEST(ServerStats, MemTotalAndMachine) {
  EXPECT_EQ(parse_mem_total("MemTotal:       24576000 kB\nMemFree: 1 kB\n"), 24576000ull * 1024);
  machine_info m = read_machine();
  EXPECT_GT(m.cores, 0u);
  EXPECT_GT(m.memory_bytes, 0u);
}

}  // namespace
}  // namespace djust::load::detail
