// Command-line options of djust-load, the loopback-only target URL, and their limits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "djust/transport/protocol.hpp"
#include "scenario.hpp"

namespace djust::load::detail {

// An http:// URL on a loopback address (127.0.0.0/8, localhost or ::1).
struct target_url {
  std::string host;    // as written ("127.0.0.1", "localhost", "::1")
  std::string address; // the numeric address to connect to ("127.0.0.1", "::1")
  std::uint16_t port = 80;
  std::string target;  // path and query, "/counter/?x=1"
  std::string host_header() const;  // "127.0.0.1:8000"
};

// Parses `url`; refuses anything that is not http:// to a loopback host, with a
// sentence saying why ("djust-load only targets loopback addresses ...").
std::variant<target_url, std::string> parse_target_url(std::string_view url);

inline constexpr std::uint64_t max_sessions = 100000;
inline constexpr double max_duration_s = 3600;
inline constexpr double max_rate = 200000;

struct options {
  target_url url;
  scenario_kind scenario = scenario_kind::counter;
  std::uint64_t sessions = 100;
  double ramp = 1000;     // new sessions per second
  double rate = -1;       // aggregate events per second; < 0: the scenario's default
  double duration = 10;   // seconds of load after the last session has connected
  transport::encoding encoding = transport::encoding::msgpack;
  std::string handler;    // empty: the scenario's default
  std::string ws_path = "/live/websocket";
  std::string json_file;
  std::string html_file;
  int server_pid = 0;     // > 0: read the server's RSS from /proc/PID/status
  unsigned threads = 0;   // 0: min(cores, 4)
  unsigned source_first = 2, source_last = 50;  // source addresses 127.0.0.<first..last>
  double reply_timeout = 5;  // seconds to wait for outstanding replies at the end
  bool progress = true;
};

struct parse_outcome {
  std::optional<options> opts;  // empty on error or --help
  std::string message;          // the error, or the usage text for --help
  bool help = false;
};

// Parses argv (without argv[0]). Every option takes one value ("--sessions 200" or
// "--sessions=200"); numbers are range-checked; --url defaults to the scenario's page
// on http://127.0.0.1:8000.
parse_outcome parse_options(const std::vector<std::string>& args);

std::string usage();

}  // namespace djust::load::detail
