// djust-load's command line: option parsing, range checks and the loopback-only URL rule.
#include "options.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>

#include <boost/asio/ip/address.hpp>

namespace djust::load::detail {
namespace {

bool parse_number(std::string_view text, double& out) {
  if (text.empty()) return false;
  std::string s(text);
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size() && std::isfinite(out);
}

bool parse_uint(std::string_view text, std::uint64_t& out) {
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && p == text.data() + text.size();
}

}  // namespace

std::string target_url::host_header() const {
  bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::variant<target_url, std::string> parse_target_url(std::string_view url) {
  constexpr std::string_view scheme = "http://";
  if (url.substr(0, scheme.size()) != scheme) {
    if (url.substr(0, 8) == "https://")
      return std::string("only http:// URLs are supported (the demo server speaks plain HTTP on loopback): ") +
             std::string(url);
    return "the URL must start with http:// (got '" + std::string(url) + "')";
  }
  std::string_view rest = url.substr(scheme.size());
  std::size_t slash = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, slash);
  target_url t;
  t.target = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  if (!t.target.empty() && t.target[0] == '?') t.target = "/" + t.target;
  if (authority.find('@') != std::string_view::npos) return std::string("the URL must not carry credentials");
  std::string_view host = authority, port;
  if (!authority.empty() && authority[0] == '[') {
    std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return "bad IPv6 host in '" + std::string(url) + "'";
    host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') return "bad host in '" + std::string(url) + "'";
      port = after.substr(1);
    }
  } else if (std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host.empty()) return "the URL has no host: '" + std::string(url) + "'";
  if (!port.empty()) {
    std::uint64_t p = 0;
    if (!parse_uint(port, p) || p == 0 || p > 65535) return "bad port '" + std::string(port) + "'";
    t.port = static_cast<std::uint16_t>(p);
  }
  t.host = std::string(host);
  std::string lowered = t.host;
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return std::tolower(c); });
  const std::string refusal = "djust-load only targets loopback addresses (127.0.0.0/8, localhost, ::1); refusing '" +
                              t.host + "'";
  if (lowered == "localhost") {
    t.address = "127.0.0.1";
    return t;
  }
  boost::system::error_code ec;
  auto addr = boost::asio::ip::make_address(t.host, ec);
  if (ec) return refusal + " (host names other than localhost are not resolved)";
  if (!addr.is_loopback()) return refusal;
  t.address = addr.to_string();
  return t;
}

std::string usage() {
  return R"(usage: djust-load [options]
Drives a djust server on this machine with real clients: HTTP GET of the page, the
view token parsed from it, a WebSocket join, then events in the wire protocol.

  --url URL            page to load (default: the scenario's page on http://127.0.0.1:8000);
                       loopback only (127.0.0.0/8, localhost, ::1)
  --scenario NAME      counter | search | presence | cursors | idle (default counter)
  --sessions N         concurrent sessions (default 100)
  --ramp N             new sessions per second (default 1000)
  --rate N             aggregate events per second (default: counter 100, search 100,
                       presence 1 broadcast/s, cursors 200, idle 0)
  --duration S         seconds of load once every session has connected (default 10)
  --encoding E         msgpack | json (default msgpack)
  --handler NAME       event handler (default: counter increment, search search,
                       presence send, cursors move)
  --ws-path PATH       WebSocket endpoint (default /live/websocket)
  --json FILE          write the results as JSON
  --html FILE          write an HTML report (inline SVG charts)
  --server-pid PID     read the server's RSS from /proc/PID/status (else from /metrics)
  --threads N          client io threads (default: cores, at most 4)
  --sources A-B        source addresses 127.0.0.A..127.0.0.B (default 2-50)
  --reply-timeout S    wait this long for outstanding replies at the end (default 5)
  --progress on|off    the progress line on stderr (default on)

Exit status: 0 when every session connected and every event got a reply without
error; 1 otherwise; 2 on bad options. One process holds up to ~19,000 sessions
(20,000 file descriptors); run several processes for more.
)";
}

parse_outcome parse_options(const std::vector<std::string>& args) {
  parse_outcome out;
  options o;
  std::string url_text;
  std::string error;

  auto number = [&](std::string_view name, std::string_view v, double lo, double hi, double& dst) {
    double d = 0;
    if (!parse_number(v, d) || d < lo || d > hi) {
      error = "--" + std::string(name) + " must be a number from " + std::to_string(static_cast<long long>(lo)) +
              " to " + std::to_string(static_cast<long long>(hi)) + " (got '" + std::string(v) + "')";
      return;
    }
    dst = d;
  };
  auto integer = [&](std::string_view name, std::string_view v, std::uint64_t lo, std::uint64_t hi, auto& dst) {
    std::uint64_t n = 0;
    if (!parse_uint(v, n) || n < lo || n > hi) {
      error = "--" + std::string(name) + " must be a whole number from " + std::to_string(lo) + " to " +
              std::to_string(hi) + " (got '" + std::string(v) + "')";
      return;
    }
    dst = static_cast<std::remove_reference_t<decltype(dst)>>(n);
  };

  using setter = std::function<void(std::string_view name, std::string_view value)>;
  const std::map<std::string, setter, std::less<>> table{
      {"url", [&](auto, auto v) { url_text = v; }},
      {"scenario",
       [&](auto, auto v) {
         if (auto k = parse_scenario(v)) o.scenario = *k;
         else error = "unknown scenario '" + std::string(v) + "' (counter, search, presence, cursors, idle)";
       }},
      {"sessions", [&](auto n, auto v) { integer(n, v, 1, max_sessions, o.sessions); }},
      {"ramp", [&](auto n, auto v) { number(n, v, 1, 100000, o.ramp); }},
      {"rate", [&](auto n, auto v) { number(n, v, 0, max_rate, o.rate); }},
      {"duration", [&](auto n, auto v) { number(n, v, 0, max_duration_s, o.duration); }},
      {"encoding",
       [&](auto, auto v) {
         if (v == "msgpack") o.encoding = transport::encoding::msgpack;
         else if (v == "json") o.encoding = transport::encoding::json;
         else error = "--encoding must be msgpack or json (got '" + std::string(v) + "')";
       }},
      {"handler", [&](auto, auto v) { o.handler = v; }},
      {"ws-path",
       [&](auto, auto v) {
         if (v.empty() || v[0] != '/') error = "--ws-path must start with '/'";
         else o.ws_path = v;
       }},
      {"json", [&](auto, auto v) { o.json_file = v; }},
      {"html", [&](auto, auto v) { o.html_file = v; }},
      {"server-pid", [&](auto n, auto v) { integer(n, v, 1, 4194304, o.server_pid); }},
      {"threads", [&](auto n, auto v) { integer(n, v, 1, 64, o.threads); }},
      {"sources",
       [&](auto, auto v) {
         std::size_t dash = v.find('-');
         std::uint64_t a = 0, b = 0;
         if (dash == std::string_view::npos || !parse_uint(v.substr(0, dash), a) ||
             !parse_uint(v.substr(dash + 1), b) || a < 1 || b > 254 || a > b)
           error = "--sources must be A-B with 1 <= A <= B <= 254 (got '" + std::string(v) + "')";
         else
           o.source_first = static_cast<unsigned>(a), o.source_last = static_cast<unsigned>(b);
       }},
      {"reply-timeout", [&](auto n, auto v) { number(n, v, 0, 600, o.reply_timeout); }},
      {"progress",
       [&](auto, auto v) {
         if (v == "on") o.progress = true;
         else if (v == "off") o.progress = false;
         else error = "--progress must be on or off";
       }},
  };

  for (std::size_t i = 0; i < args.size() && error.empty(); ++i) {
    std::string_view a = args[i];
    if (a == "-h" || a == "--help") {
      out.help = true;
      out.message = usage();
      return out;
    }
    if (a.substr(0, 2) != "--") {
      error = "unexpected argument '" + std::string(a) + "' (see --help)";
      break;
    }
    std::string_view name = a.substr(2), value;
    bool has_value = false;
    if (std::size_t eq = name.find('='); eq != std::string_view::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    auto it = table.find(name);
    if (it == table.end()) {
      error = "unknown option '--" + std::string(name) + "' (see --help)";
      break;
    }
    if (!has_value) {
      if (i + 1 >= args.size()) {
        error = "option '--" + std::string(name) + "' needs a value";
        break;
      }
      value = args[++i];
    }
    it->second(name, value);
  }
  if (error.empty()) {
    if (url_text.empty()) url_text = "http://127.0.0.1:8000" + std::string(defaults_for(o.scenario).path);
    auto parsed = parse_target_url(url_text);
    if (auto* msg = std::get_if<std::string>(&parsed)) error = *msg;
    else o.url = std::get<target_url>(parsed);
  }
  if (error.empty() && o.url.address.find(':') != std::string::npos && o.source_first != 0) {
    // IPv6 loopback is a single address: no source spreading.
    o.source_first = o.source_last = 0;
  }
  if (!error.empty()) {
    out.message = error;
    return out;
  }
  if (o.rate < 0) o.rate = defaults_for(o.scenario).rate;
  if (o.handler.empty()) o.handler = defaults_for(o.scenario).handler;
  out.opts = std::move(o);
  return out;
}

}  // namespace djust::load::detail

