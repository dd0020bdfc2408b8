// Prometheus text exposition of the runtime metrics.
#include <cstdio>

#include "djust/actors/metrics.hpp"

namespace djust::live {
namespace {

std::string number(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", d);
  return buf;
}

void header(std::string& out, const char* name, const char* type, const char* help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

template <class Metric>
void scalar(std::string& out, const char* name, const char* type, const char* help, const Metric& m) {
  header(out, name, type, help);
  out += name;
  out += ' ';
  out += std::to_string(m.value());
  out += '\n';
}

void hist(std::string& out, const char* name, const char* help, const histogram& h) {
  header(out, name, "histogram", help);
  h.render(out, name);
}

}  // namespace

void histogram::observe(double seconds) noexcept {
  for (std::size_t i = 0; i < bounds.size(); ++i)
    if (seconds <= bounds[i]) {
      buckets_[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_micros_.fetch_add(static_cast<std::uint64_t>(seconds > 0 ? seconds * 1e6 : 0), std::memory_order_relaxed);
}

void histogram::render(std::string& out, const std::string& name) const {
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < bounds.size(); ++i) {
    cumulative += buckets_[i].load(std::memory_order_relaxed);
    out += name + "_bucket{le=\"" + number(bounds[i]) + "\"} " + std::to_string(cumulative) + "\n";
  }
  std::uint64_t total = count();
  out += name + "_bucket{le=\"+Inf\"} " + std::to_string(total) + "\n";
  out += name + "_sum " + number(static_cast<double>(sum_micros_.load(std::memory_order_relaxed)) / 1e6) + "\n";
  out += name + "_count " + std::to_string(total) + "\n";
}

std::string runtime_metrics::render_prometheus() const {
  std::string out;
  scalar(out, "djust_sockets", "gauge", "Open WebSocket connections.", sockets);
  scalar(out, "djust_views", "gauge", "Mounted views (connected or within their grace period).", views);
  scalar(out, "djust_events_total", "counter", "Events handled.", events_total);
  scalar(out, "djust_event_errors_total", "counter", "Events answered with an error.", event_errors_total);
  scalar(out, "djust_http_requests_total", "counter", "HTTP requests served.", http_requests_total);
  scalar(out, "djust_patch_bytes_total", "counter", "Encoded patch bytes sent.", patch_bytes_total);
  scalar(out, "djust_dropped_clients_total", "counter", "Sockets closed because their outbound queue overflowed.",
         dropped_clients_total);
  scalar(out, "djust_view_restarts_total", "counter", "Views restarted from a snapshot after a handler threw.",
         view_restarts_total);
  scalar(out, "djust_mailbox_depth", "gauge", "Messages waiting in view mailboxes.", mailbox_depth);
  scalar(out, "djust_view_memory_bytes", "gauge", "Bytes of retained trees and public state held by views.",
         view_memory_bytes);
  header(out, "djust_view_memory_bytes_per_view", "gauge", "Average bytes held per mounted view.");
  auto n = views.value();
  out += "djust_view_memory_bytes_per_view " + std::to_string(n > 0 ? view_memory_bytes.value() / n : 0) + "\n";
  hist(out, "djust_render_seconds", "Template render time.", render_seconds);
  hist(out, "djust_diff_seconds", "VDOM diff time.", diff_seconds);
  hist(out, "djust_handler_seconds", "Event handler time.", handler_seconds);
  return out;
}

}  // namespace djust::live
