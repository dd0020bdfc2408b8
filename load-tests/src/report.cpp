// The terminal table and the JSON document of a run.
#include "report.hpp"

#include <algorithm>
#include <cstdio>

#include "djust/actors/value_codec.hpp"

namespace djust::load::detail {
namespace {

using tmpl::value;
using tmpl::value_list;
using tmpl::value_map;

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

value count(std::uint64_t n) { return value(static_cast<long long>(n)); }

value histogram_json(const latency_histogram& h) {
  value_list buckets;
  for (const auto& b : h.buckets())
    buckets.push_back(value(value_list{count(b.low), count(b.high), count(b.count)}));
  return value(value_map{{"count", count(h.count())},
                         {"min_us", count(h.min())},
                         {"mean_us", value(h.mean())},
                         {"p50_us", count(h.percentile(0.50))},
                         {"p90_us", count(h.percentile(0.90))},
                         {"p99_us", count(h.percentile(0.99))},
                         {"p999_us", count(h.percentile(0.999))},
                         {"max_us", count(h.max())},
                         {"buckets", value(std::move(buckets))}});
}

value optional_bytes(const std::optional<std::uint64_t>& b) { return b ? count(*b) : value(); }

}  // namespace

std::string format_micros(std::uint64_t us) {
  if (us < 1000) return std::to_string(us) + " us";
  if (us < 1000000) return fixed(static_cast<double>(us) / 1000.0, us < 10000 ? 2 : 1) + " ms";
  return fixed(static_cast<double>(us) / 1e6, 2) + " s";
}

std::string format_bytes(double b) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  int u = 0;
  double v = b < 0 ? -b : b;
  while (v >= 1024 && u < 4) v /= 1024, ++u;
  return (b < 0 ? "-" : "") + fixed(v, u == 0 ? 0 : 1) + " " + units[u];
}

std::string format_table(const run_results& r) {
  std::string out;
  auto row = [&](std::string_view name, const std::string& v) {
    std::string line = "  " + std::string(name);
    line.resize(std::max<std::size_t>(line.size() + 1, 26), ' ');
    out += line + v + "\n";
  };
  auto lat = [&](const latency_histogram& h) {
    if (h.count() == 0) return std::string("-");
    return "p50 " + format_micros(h.percentile(0.5)) + "  p90 " + format_micros(h.percentile(0.9)) + "  p99 " +
           format_micros(h.percentile(0.99)) + "  p99.9 " + format_micros(h.percentile(0.999)) + "  max " +
           format_micros(h.max());
  };
  out += "djust-load: " + r.scenario + " " + r.url + " (" + r.encoding + "), " + std::to_string(r.sessions) +
         " sessions, ramp " + fixed(r.ramp, 0) + "/s, rate " + fixed(r.rate, 0) + "/s, " + fixed(r.duration_s, 0) +
         " s, " + std::to_string(r.threads) + " threads\n";
  row("connected", std::to_string(r.connected) + " / " + std::to_string(r.sessions) + " (peak open " +
                       std::to_string(r.peak_open) + ")");
  row("failed", std::to_string(r.failed));
  row("dropped by server", std::to_string(r.dropped));
  row("events sent", std::to_string(r.events_sent) +
                         (r.elapsed_s > 0 ? " (" + fixed(static_cast<double>(r.events_sent) / r.elapsed_s, 0) +
                                                "/s over the run)"
                                          : ""));
  row("replies", std::to_string(r.replies));
  row("errors", std::to_string(r.errors));
  row("no reply", std::to_string(r.no_reply));
  row("pushes", std::to_string(r.pushes));
  row("bytes in / out", format_bytes(static_cast<double>(r.bytes_in)) + " / " +
                            format_bytes(static_cast<double>(r.bytes_out)));
  row("event round-trip", lat(r.round_trip));
  row("connect + join", lat(r.join_time));
  if (r.broadcasts > 0 || r.delivery.count() > 0)
    row("broadcast delivery", r.delivery.count() == 0
                                  ? std::string("- (") + std::to_string(r.broadcasts) + " broadcasts, none seen)"
                                  : "p50 " + format_micros(r.delivery.percentile(0.5)) + "  p99 " +
                                        format_micros(r.delivery.percentile(0.99)) + "  max " +
                                        format_micros(r.delivery.max()) + "  (" + std::to_string(r.broadcasts) +
                                        " broadcasts, " + std::to_string(r.delivery.count()) + " deliveries)");
  if (r.server_rss_loaded) {
    std::string rss = format_bytes(static_cast<double>(*r.server_rss_loaded)) + " loaded";
    if (r.server_rss_before) rss += ", " + format_bytes(static_cast<double>(*r.server_rss_before)) + " before";
    row("server RSS", rss + " (" + r.rss_source + ")");
    if (auto per = r.rss_per_session())
      row("RSS per session", format_bytes(*per) + " (growth over " + std::to_string(r.open_at_sample) + " open sessions)");
  } else {
    row("server RSS", "unknown (give --server-pid, or serve process_resident_memory_bytes on /metrics)");
  }
  for (const auto& [reason, n] : r.failure_reasons) row("  " + std::to_string(n) + "x", reason);
  row("elapsed", fixed(r.elapsed_s, 1) + " s");
  row("result", r.passed() ? "PASS" : "FAIL");
  return out;
}

std::string to_json(const run_results& r) {
  value_list timeline;
  for (const auto& s : r.timeline)
    timeline.push_back(value(value_map{{"start_s", value(s.start_s)},
                                       {"length_s", value(s.length_s)},
                                       {"events", count(s.events)},
                                       {"replies", count(s.replies)},
                                       {"p50_us", count(s.p50_us)},
                                       {"p99_us", count(s.p99_us)},
                                       {"max_us", count(s.max_us)}}));
  value_map reasons;
  for (const auto& [k, n] : r.failure_reasons) reasons.set(k, count(n));
  auto per = r.rss_per_session();
  value doc(value_map{
      {"scenario", value(r.scenario)},
      {"url", value(r.url)},
      {"encoding", value(r.encoding)},
      {"handler", value(r.handler)},
      {"sessions", count(r.sessions)},
      {"ramp", value(r.ramp)},
      {"rate", value(r.rate)},
      {"duration_s", value(r.duration_s)},
      {"threads", count(r.threads)},
      {"elapsed_s", value(r.elapsed_s)},
      {"connected", count(r.connected)},
      {"failed", count(r.failed)},
      {"dropped", count(r.dropped)},
      {"peak_open", count(r.peak_open)},
      {"events_sent", count(r.events_sent)},
      {"replies", count(r.replies)},
      {"errors", count(r.errors)},
      {"no_reply", count(r.no_reply)},
      {"pushes", count(r.pushes)},
      {"bytes_in", count(r.bytes_in)},
      {"bytes_out", count(r.bytes_out)},
      {"broadcasts", count(r.broadcasts)},
      {"failure_reasons", value(std::move(reasons))},
      {"round_trip", histogram_json(r.round_trip)},
      {"join_time", histogram_json(r.join_time)},
      {"delivery", histogram_json(r.delivery)},
      {"timeline", value(std::move(timeline))},
      {"server_rss_before", optional_bytes(r.server_rss_before)},
      {"server_rss_loaded", optional_bytes(r.server_rss_loaded)},
      {"rss_per_session", per ? value(*per) : value()},
      {"rss_source", value(r.rss_source)},
      {"open_at_sample", count(r.open_at_sample)},
      {"machine", value(value_map{{"cores", count(r.cores)}, {"memory_bytes", count(r.memory_bytes)}})},
      {"passed", value(r.passed())},
  });
  return live::to_json(doc) + "\n";
}

}  // namespace djust::load::detail
