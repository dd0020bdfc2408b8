// The named scenarios (what each session sends, and when) as plain, clock-free functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "djust/template/value.hpp"

namespace djust::load::detail {

enum class scenario_kind : std::uint8_t {
  counter,   // clicks at a set aggregate rate, spread evenly over the sessions
  search,    // typing bursts: a word typed a key at a time, then a pause
  presence,  // N sessions in one room; one broadcaster; delivery latency to all
  cursors,   // every session moves its cursor; the page coalesces renders
  idle,      // connect, join and hold (heartbeats only), for memory per session
};

std::optional<scenario_kind> parse_scenario(std::string_view name) noexcept;
std::string_view scenario_name(scenario_kind kind) noexcept;

struct scenario_defaults {
  std::string_view path;     // page path on the demo server
  std::string_view handler;  // event handler name
  double rate;               // aggregate events per second when --rate is not given
};
scenario_defaults defaults_for(scenario_kind kind) noexcept;

// When a session's k-th event is due, in seconds after the session joined (open loop:
// the schedule never waits for replies, so a slow server shows up as latency rather
// than as fewer events). Events come in bursts of `burst_len`, `gap` apart, one
// burst every `burst_period`; `offset` staggers sessions so the aggregate is even.
struct pacing {
  double offset = 0;
  double burst_period = 0;  // 0: the session sends nothing
  unsigned burst_len = 1;
  double gap = 0;

  bool sends() const noexcept { return burst_period > 0; }
  double due(std::uint64_t k) const noexcept;
};

inline constexpr unsigned search_word_length = 6;   // keystrokes per burst
inline constexpr double search_keystroke_gap = 0.08;  // seconds between keystrokes

// The pacing of session `index` of `senders` sessions sharing `rate` events per second.
// Counter and cursors: one event every senders/rate seconds, offsets spread over the
// period. Search: bursts of search_word_length keystrokes (closer together when the
// per-session rate needs it). Presence: only the broadcaster (index 0 of 1 sender).
pacing pacing_for(scenario_kind kind, std::uint64_t index, std::uint64_t senders, double rate) noexcept;

// Parameters of a session's k-th event. Presence carries a marker ("djl#<k>#") that
// identifies the broadcast in the pushes it causes; see broadcast_marker().
tmpl::value_map event_params(scenario_kind kind, std::uint64_t session, std::uint64_t k);

// The broadcast number carried by a frame (a push's raw bytes), if it holds a marker.
std::optional<std::uint64_t> broadcast_marker(std::string_view frame) noexcept;

// Seconds after the run starts at which session `index` connects, at `ramp` sessions/s.
double ramp_start(std::uint64_t index, double ramp) noexcept;

}  // namespace djust::load::detail
