// Orchestration of a run: io threads with their sessions, ramp timers, phases, progress, merge.
#include "runner.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "server_stats.hpp"
#include "session.hpp"

namespace djust::load::detail {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using error_code = boost::system::error_code;

namespace {

constexpr std::uint64_t fd_reserve = 64;  // descriptors beyond one per session

// One io thread: its io_context, its sessions and its measurements.
struct worker {
  worker(shared_run& run, std::size_t slots, double slot_length)
      : run(run), stats(slots, slot_length), ramp_timer(io) {}

  shared_run& run;
  net::io_context io{1};
  worker_stats stats;
  net::steady_timer ramp_timer;
  std::vector<std::unique_ptr<session>> sessions;
  std::vector<std::uint64_t> indices;  // global index of each session
  std::size_t started = 0;
  std::thread thread;

  // Starts every session whose ramp time has come, then waits for the next one.
  void ramp() {
    double now = run.seconds();
    while (started < sessions.size() && ramp_start(indices[started], run.opts.ramp) <= now)
      sessions[started++]->start();
    if (started == sessions.size()) return;
    double next = ramp_start(indices[started], run.opts.ramp);
    ramp_timer.expires_at(run.start + std::chrono::duration_cast<run_clock::duration>(
                                          std::chrono::duration<double>(next)));
    ramp_timer.async_wait([this](error_code ec) {
      if (!ec) ramp();
    });
  }
};

// Blocking GET of /metrics on the target, for process_resident_memory_bytes.
std::optional<std::uint64_t> metrics_rss(const target_url& url) {
  try {
    net::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(5));
    stream.connect(net::ip::tcp::endpoint(net::ip::make_address(url.address), url.port));
    http::request<http::empty_body> req{http::verb::get, "/metrics", 11};
    req.set(http::field::host, url.host_header());
    req.set(http::field::user_agent, "djust-load");
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(16 * 1024 * 1024);
    http::read(stream, buffer, parser);
    if (parser.get().result_int() != 200) return std::nullopt;
    if (auto v = parse_metric(parser.get().body(), "process_resident_memory_bytes"))
      return static_cast<std::uint64_t>(*v);
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

std::optional<std::uint64_t> sample_rss(const options& o, std::string& source) {
  if (o.server_pid > 0) {
    source = "/proc/" + std::to_string(o.server_pid) + "/status";
    return read_process_rss(o.server_pid);
  }
  auto v = metrics_rss(o.url);
  if (v) source = "/metrics";
  return v;
}

void progress_line(const shared_run& run, bool final_line) {
  static const bool tty = ::isatty(STDERR_FILENO);
  std::fprintf(stderr, "%s[%6.1fs] joined %llu/%llu  failed %llu  dropped %llu  events %llu  replies %llu  errors %llu  pushes %llu%s",
               tty ? "\r" : "", run.seconds(), static_cast<unsigned long long>(run.connected.load()),
               static_cast<unsigned long long>(run.opts.sessions), static_cast<unsigned long long>(run.failed.load()),
               static_cast<unsigned long long>(run.dropped.load()), static_cast<unsigned long long>(run.events.load()),
               static_cast<unsigned long long>(run.replies.load()), static_cast<unsigned long long>(run.errors.load()),
               static_cast<unsigned long long>(run.pushes.load()), tty && !final_line ? "" : "\n");
  std::fflush(stderr);
}

}  // namespace

std::string raise_fd_limit(std::uint64_t needed) {
  rlimit lim{};
  if (::getrlimit(RLIMIT_NOFILE, &lim) != 0) return "cannot read the file-descriptor limit";
  if (lim.rlim_cur != RLIM_INFINITY && lim.rlim_cur >= needed) return {};
  if (lim.rlim_max != RLIM_INFINITY && lim.rlim_max < needed)
    return "this run needs " + std::to_string(needed) + " file descriptors but the hard limit is " +
           std::to_string(lim.rlim_max) + ": run several djust-load processes with fewer --sessions each";
  lim.rlim_cur = needed;
  if (::setrlimit(RLIMIT_NOFILE, &lim) != 0) return "cannot raise the file-descriptor limit to " + std::to_string(needed);
  return {};
}

std::variant<run_results, std::string> run_load(const options& o) {
  if (std::string err = raise_fd_limit(o.sessions + fd_reserve); !err.empty()) return err;

  unsigned threads = o.threads ? o.threads : std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  threads = static_cast<unsigned>(std::min<std::uint64_t>(threads, o.sessions));

  run_results r;
  std::string rss_source;
  r.server_rss_before = sample_rss(o, rss_source);

  shared_run run(o);
  double ramp_s = ramp_start(o.sessions - 1, o.ramp);
  run.end_s = ramp_s + o.duration;
  double planned = run.end_s + o.reply_timeout + 2;
  double slot_length = std::max(1.0, std::ceil(planned / 240));
  auto slots = static_cast<std::size_t>(std::ceil(planned / slot_length)) + 1;

  std::vector<std::unique_ptr<worker>> workers;
  for (unsigned t = 0; t < threads; ++t) workers.push_back(std::make_unique<worker>(run, slots, slot_length));
  for (std::uint64_t i = 0; i < o.sessions; ++i) {
    worker& w = *workers[i % threads];
    w.sessions.push_back(std::make_unique<session>(w.io, run, w.stats, i));
    w.indices.push_back(i);
  }
  run.start = run_clock::now();
  using guard_t = net::executor_work_guard<net::io_context::executor_type>;
  std::vector<guard_t> guards;
  for (auto& w : workers) {
    guards.push_back(net::make_work_guard(w->io));
    net::post(w->io, [wp = w.get()] { wp->ramp(); });
    w->thread = std::thread([wp = w.get()] { wp->io.run(); });
  }

  // Phases: ramp + load until end_s; then wait for outstanding replies; then close.
  auto tick = std::chrono::milliseconds(100);
  double next_progress = 1;
  auto progress = [&] {
    if (o.progress && run.seconds() >= next_progress) {
      progress_line(run, false);
      next_progress += ::isatty(STDERR_FILENO) ? 1 : 5;
    }
  };
  while (run.seconds() < run.end_s || !run.all_settled()) {
    if (run.seconds() > run.end_s + o.reply_timeout) break;  // sessions that never settle
    std::this_thread::sleep_for(tick);
    progress();
  }
  run.sending = false;
  double drain_until = run.seconds() + o.reply_timeout;
  while (run.outstanding > 0 && run.seconds() < drain_until) {
    std::this_thread::sleep_for(tick);
    progress();
  }
  // Memory while every session is still connected.
  r.open_at_sample = run.open_now;
  r.server_rss_loaded = sample_rss(o, rss_source);
  if (r.server_rss_loaded) r.rss_source = rss_source;
  else r.server_rss_before.reset();

  for (auto& w : workers)
    net::post(w->io, [wp = w.get()] {
      wp->ramp_timer.cancel();
      for (auto& s : wp->sessions) s->close();
    });
  // Let the close handshakes finish (bounded), then stop.
  guards.clear();
  auto close_deadline = run_clock::now() + std::chrono::seconds(3);
  for (auto& w : workers) {
    while (!w->io.stopped() && run_clock::now() < close_deadline) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    w->io.stop();
    w->thread.join();
  }
  r.elapsed_s = run.seconds();
  if (o.progress) progress_line(run, true);

  // Merge.
  r.scenario = std::string(scenario_name(o.scenario));
  r.url = "http://" + o.url.host_header() + o.url.target;
  r.encoding = o.encoding == transport::encoding::msgpack ? "msgpack" : "json";
  r.handler = o.handler;
  r.sessions = o.sessions;
  r.ramp = o.ramp;
  r.rate = o.rate;
  r.duration_s = o.duration;
  r.threads = threads;
  r.connected = run.connected;
  r.failed = run.failed;
  r.dropped = run.dropped;
  r.peak_open = run.peak_open;
  r.events_sent = run.events;
  r.replies = run.replies;
  r.errors = run.errors;
  r.pushes = run.pushes;
  r.broadcasts = run.broadcasts;
  std::vector<latency_histogram> slot_hist(slots);
  std::vector<std::uint64_t> slot_events(slots);
  for (auto& w : workers) {
    for (auto& s : w->sessions) r.no_reply += s->pending_events();
    r.round_trip.merge(w->stats.round_trip);
    r.join_time.merge(w->stats.join_time);
    r.delivery.merge(w->stats.delivery);
    r.bytes_in += w->stats.bytes_in;
    r.bytes_out += w->stats.bytes_out;
    for (const auto& [reason, n] : w->stats.failure_reasons) r.failure_reasons[reason] += n;
    for (std::size_t i = 0; i < slots; ++i) {
      slot_hist[i].merge(w->stats.slot_round_trip[i]);
      slot_events[i] += w->stats.slot_events[i];
    }
  }
  if (r.no_reply > 0) r.failure_reasons["events without a reply at the end"] += r.no_reply;
  std::size_t last = 0;
  for (std::size_t i = 0; i < slots; ++i)
    if (slot_events[i] || slot_hist[i].count()) last = i + 1;
  for (std::size_t i = 0; i < last; ++i) {
    timeline_slot s;
    s.start_s = static_cast<double>(i) * slot_length;
    s.length_s = slot_length;
    s.events = slot_events[i];
    s.replies = slot_hist[i].count();
    s.p50_us = slot_hist[i].percentile(0.5);
    s.p99_us = slot_hist[i].percentile(0.99);
    s.max_us = slot_hist[i].max();
    r.timeline.push_back(s);
  }
  machine_info m = read_machine();
  r.cores = m.cores;
  r.memory_bytes = m.memory_bytes;
  // Sessions are destroyed with their workers, before each io_context.
  return r;
}

}  // namespace djust::load::detail
