// One simulated browser: GET the page, read its tokens, upgrade, join, send events, count replies.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "latency_histogram.hpp"
#include "options.hpp"
#include "scenario.hpp"

namespace djust::load::detail {

using run_clock = std::chrono::steady_clock;

// State shared by every io thread of a run (atomics only).
struct shared_run {
  explicit shared_run(const options& o);

  const options& opts;
  run_clock::time_point start;
  double end_s = 0;                    // no events are sent after this (seconds since start)
  std::atomic<bool> sending{true};     // cleared when the load phase ends
  std::atomic<std::uint64_t> connected{0}, failed{0}, dropped{0}, open_now{0}, peak_open{0};
  std::atomic<std::uint64_t> events{0}, replies{0}, errors{0}, pushes{0}, outstanding{0};

  // Presence: broadcast k was sent at broadcast_sent_us[k] (us since start; 0: not yet).
  std::uint64_t broadcast_capacity = 0;
  std::unique_ptr<std::atomic<std::uint64_t>[]> broadcast_sent_us;
  std::atomic<std::uint64_t> broadcasts{0};

  double seconds() const noexcept;                // since start
  std::uint64_t micros() const noexcept;          // since start
  bool all_settled() const noexcept { return connected + failed >= opts.sessions; }
};

// Measurements of one io thread (touched by that thread only; merged at the end).
struct worker_stats {
  explicit worker_stats(std::size_t slots, double slot_length);

  latency_histogram round_trip, join_time, delivery;
  std::vector<latency_histogram> slot_round_trip;
  std::vector<std::uint64_t> slot_events;
  double slot_length;
  std::map<std::string, std::uint64_t> failure_reasons;
  std::uint64_t bytes_in = 0, bytes_out = 0, no_reply = 0;

  void record_round_trip(double at_s, std::uint64_t micros);
  void count_event(double at_s);
  void fail(std::string reason);
};

class session {
 public:
  session(boost::asio::io_context& io, shared_run& run, worker_stats& stats, std::uint64_t index);
  ~session();
  session(const session&) = delete;
  session& operator=(const session&) = delete;

  void start();            // connect, GET, upgrade, join; then the scenario's events
  void close();            // stop sending and close the WebSocket (1000)
  std::uint64_t pending_events() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace djust::load::detail
