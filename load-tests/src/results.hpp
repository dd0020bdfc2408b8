// What one djust-load run measured: counts, latency histograms, a timeline, server memory.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "latency_histogram.hpp"

namespace djust::load::detail {

// One slice of the run (latency over time): events and replies in the slice, and the
// round-trip percentiles of the replies received in it (microseconds).
struct timeline_slot {
  double start_s = 0;  // seconds since the run started
  double length_s = 1;
  std::uint64_t events = 0;
  std::uint64_t replies = 0;
  std::uint64_t p50_us = 0, p99_us = 0, max_us = 0;
};

struct run_results {
  // What was asked.
  std::string scenario, url, encoding, handler;
  std::uint64_t sessions = 0;
  double ramp = 0, rate = 0, duration_s = 0;
  unsigned threads = 0;

  // What happened.
  double elapsed_s = 0;
  std::uint64_t connected = 0;  // sessions whose join was answered ok
  std::uint64_t failed = 0;     // sessions that never joined (connect, HTTP, token, upgrade, join)
  std::uint64_t dropped = 0;    // joined sessions the server closed before the end
  std::uint64_t peak_open = 0;  // most sessions joined at the same time
  std::uint64_t events_sent = 0;
  std::uint64_t replies = 0;    // event replies with ok
  std::uint64_t errors = 0;     // event replies with ok=false, and error frames
  std::uint64_t no_reply = 0;   // events still unanswered when the run ended
  std::uint64_t pushes = 0;     // server pushes received
  std::uint64_t bytes_in = 0, bytes_out = 0;  // WebSocket payload bytes
  std::uint64_t broadcasts = 0;  // presence: broadcasts sent
  std::map<std::string, std::uint64_t> failure_reasons;  // "join refused: bad_token" -> count

  latency_histogram round_trip;  // event sent -> its reply (us)
  latency_histogram join_time;   // TCP connect -> join reply, page GET included (us)
  latency_histogram delivery;    // presence: broadcast sent -> push received by each other session (us)
  std::vector<timeline_slot> timeline;

  // Server memory (bytes), when known.
  std::optional<std::uint64_t> server_rss_before, server_rss_loaded;
  std::string rss_source;  // "/proc/1234/status" or "/metrics"
  std::uint64_t open_at_sample = 0;  // sessions joined when server_rss_loaded was read

  // Machine.
  unsigned cores = 0;
  std::uint64_t memory_bytes = 0;

  bool passed() const noexcept { return failed == 0 && dropped == 0 && errors == 0 && no_reply == 0 && connected > 0; }
  // Server RSS growth per connected session (bytes), when both samples exist.
  std::optional<double> rss_per_session() const noexcept {
    if (!server_rss_before || !server_rss_loaded || open_at_sample == 0) return std::nullopt;
    return (static_cast<double>(*server_rss_loaded) - static_cast<double>(*server_rss_before)) /
           static_cast<double>(open_at_sample);
  }
};

}  // namespace djust::load::detail
