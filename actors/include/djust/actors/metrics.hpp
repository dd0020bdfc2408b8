// Runtime metrics (lock-free counters, gauges, histograms) rendered in Prometheus text format.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>

namespace djust::live {

class counter {
 public:
  void inc(std::uint64_t n = 1) noexcept { v_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t value() const noexcept { return v_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> v_{0};
};

class gauge {
 public:
  void add(std::int64_t n) noexcept { v_.fetch_add(n, std::memory_order_relaxed); }
  void set(std::int64_t n) noexcept { v_.store(n, std::memory_order_relaxed); }
  std::int64_t value() const noexcept { return v_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> v_{0};
};

// Latency histogram in seconds with fixed buckets from 50 us to 2.5 s.
class histogram {
 public:
  static constexpr std::array<double, 12> bounds{0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025,
                                                 0.005,   0.01,   0.025,   0.1,    0.5,   2.5};
  void observe(double seconds) noexcept;
  std::uint64_t count() const noexcept { return count_.load(std::memory_order_relaxed); }
  // Appends the _bucket/_sum/_count lines of metric `name`.
  void render(std::string& out, const std::string& name) const;

 private:
  std::array<std::atomic<std::uint64_t>, bounds.size()> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_micros_{0};
};

// Everything /metrics reports. One instance per app, shared by actors and transport.
struct runtime_metrics {
  gauge sockets;               // open WebSocket connections
  gauge views;                 // mounted view actors (connected or in their grace period)
  counter events_total;        // events handled (rate = events/s)
  counter event_errors_total;  // events answered with an error
  counter http_requests_total;
  counter patch_bytes_total;   // encoded patch bytes sent
  counter dropped_clients_total;  // sockets closed because their outbound queue overflowed
  counter view_restarts_total;    // views restarted from a snapshot after a handler threw
  gauge mailbox_depth;         // messages queued in view actors' mailboxes (sum)
  gauge view_memory_bytes;     // bytes of retained trees and public state, all views
  histogram render_seconds;
  histogram diff_seconds;
  histogram handler_seconds;

  std::string render_prometheus() const;
};

}  // namespace djust::live
