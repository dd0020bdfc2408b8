// The HTML report: summary table plus latency-over-time and histogram charts in inline SVG.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report.hpp"

namespace djust::load::detail {
namespace {

constexpr int chart_w = 760, chart_h = 260, pad_l = 64, pad_r = 16, pad_t = 16, pad_b = 40;

std::string esc(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A "nice" axis maximum at or above v (1, 2, 5 x 10^n).
double nice_ceiling(double v) {
  if (v <= 0) return 1;
  double p = std::pow(10.0, std::floor(std::log10(v)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p >= v) return m * p;
  return 10 * p;
}

std::string axes(double y_max, const std::string& y_label, double x_max, const std::string& x_label,
                 bool x_is_time) {
  std::string s;
  int plot_w = chart_w - pad_l - pad_r, plot_h = chart_h - pad_t - pad_b;
  s += "<rect x=\"" + std::to_string(pad_l) + "\" y=\"" + std::to_string(pad_t) + "\" width=\"" +
       std::to_string(plot_w) + "\" height=\"" + std::to_string(plot_h) + "\" fill=\"#fafafa\" stroke=\"#ccc\"/>";
  for (int i = 0; i <= 4; ++i) {
    double y = pad_t + plot_h - plot_h * i / 4.0;
    s += "<line x1=\"" + std::to_string(pad_l) + "\" x2=\"" + std::to_string(pad_l + plot_w) + "\" y1=\"" + num(y) +
         "\" y2=\"" + num(y) + "\" stroke=\"#e5e5e5\"/>";
    s += "<text x=\"" + std::to_string(pad_l - 6) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"end\">" +
         esc(format_micros(static_cast<std::uint64_t>(y_max * i / 4))) + "</text>";
  }
  if (x_is_time) {
    for (int i = 0; i <= 5; ++i) {
      double x = pad_l + plot_w * i / 5.0;
      s += "<text x=\"" + num(x) + "\" y=\"" + std::to_string(chart_h - pad_b + 16) + "\" text-anchor=\"middle\">" +
           num(x_max * i / 5) + " s</text>";
    }
  }
  s += "<text x=\"" + std::to_string(pad_l + plot_w / 2) + "\" y=\"" + std::to_string(chart_h - 4) +
       "\" text-anchor=\"middle\">" + esc(x_label) + "</text>";
  s += "<text x=\"12\" y=\"" + std::to_string(pad_t + plot_h / 2) + "\" transform=\"rotate(-90 12 " +
       std::to_string(pad_t + plot_h / 2) + ")\" text-anchor=\"middle\">" + esc(y_label) + "</text>";
  return s;
}

std::string svg_open(const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(chart_w) + "\" height=\"" +
         std::to_string(chart_h) + "\" viewBox=\"0 0 " + std::to_string(chart_w) + " " + std::to_string(chart_h) +
         "\" role=\"img\" aria-label=\"" + esc(title) + "\" font-family=\"sans-serif\" font-size=\"11\">";
}

std::string timeline_chart(const run_results& r) {
  if (r.timeline.empty()) return "<p>No events, so no latency over time.</p>";
  double x_max = 0, y_top = 0;
  for (const auto& s : r.timeline) {
    x_max = std::max(x_max, s.start_s + s.length_s);
    y_top = std::max(y_top, static_cast<double>(s.p99_us));
  }
  double y_max = nice_ceiling(std::max(y_top, 1.0));
  int plot_w = chart_w - pad_l - pad_r, plot_h = chart_h - pad_t - pad_b;
  auto px = [&](double t) { return pad_l + plot_w * (x_max > 0 ? t / x_max : 0); };
  auto py = [&](double us) { return pad_t + plot_h - plot_h * std::min(us, y_max) / y_max; };
  std::string s = svg_open("event round-trip over time");
  s += axes(y_max, "round-trip", x_max, "time since start (p50 blue, p99 red, max grey dotted, clipped)", true);
  struct series {
    std::uint64_t timeline_slot::*field;
    const char* color;
    const char* dash;
  };
  for (series line : {series{&timeline_slot::max_us, "#999", "2,3"}, series{&timeline_slot::p99_us, "#d62728", ""},
                      series{&timeline_slot::p50_us, "#1f77b4", ""}}) {
    std::string points;
    for (const auto& slot : r.timeline) {
      if (slot.replies == 0) continue;
      points += num(px(slot.start_s + slot.length_s / 2)) + "," + num(py(static_cast<double>(slot.*line.field))) + " ";
    }
    s += "<polyline fill=\"none\" stroke=\"" + std::string(line.color) + "\" stroke-width=\"1.5\"" +
         (*line.dash ? " stroke-dasharray=\"" + std::string(line.dash) + "\"" : "") + " points=\"" + points + "\"/>";
  }
  return s + "</svg>";
}

std::string histogram_chart(const latency_histogram& h, const std::string& title) {
  if (h.count() == 0) return "<p>" + esc(title) + ": no samples.</p>";
  auto buckets = h.buckets();
  // Log-scale x axis from the smallest to the largest bucket edge.
  double lo = std::max<double>(1, static_cast<double>(buckets.front().low));
  double hi = std::max<double>(lo * 2, static_cast<double>(std::min(buckets.back().high, h.max())) + 1);
  double l_lo = std::log10(lo), l_hi = std::log10(hi);
  std::uint64_t top = 0;
  for (const auto& b : buckets) top = std::max(top, b.count);
  int plot_w = chart_w - pad_l - pad_r, plot_h = chart_h - pad_t - pad_b;
  auto px = [&](double us) {
    return pad_l + plot_w * (std::log10(std::max(us, lo)) - l_lo) / (l_hi - l_lo);
  };
  std::string s = svg_open(title);
  s += "<rect x=\"" + std::to_string(pad_l) + "\" y=\"" + std::to_string(pad_t) + "\" width=\"" +
       std::to_string(plot_w) + "\" height=\"" + std::to_string(plot_h) + "\" fill=\"#fafafa\" stroke=\"#ccc\"/>";
  for (const auto& b : buckets) {
    double x0 = px(static_cast<double>(b.low)), x1 = px(static_cast<double>(std::min(b.high, h.max())) + 1);
    double bh = plot_h * static_cast<double>(b.count) / static_cast<double>(top);
    s += "<rect x=\"" + num(x0) + "\" y=\"" + num(pad_t + plot_h - bh) + "\" width=\"" + num(std::max(x1 - x0, 1.0)) +
         "\" height=\"" + num(bh) + "\" fill=\"#1f77b4\"><title>" + esc(format_micros(b.low)) + " - " +
         esc(format_micros(b.high)) + ": " + std::to_string(b.count) + "</title></rect>";
  }
  for (double tick = std::pow(10.0, std::ceil(l_lo)); tick <= hi; tick *= 10) {
    s += "<text x=\"" + num(px(tick)) + "\" y=\"" + std::to_string(chart_h - pad_b + 16) +
         "\" text-anchor=\"middle\">" + esc(format_micros(static_cast<std::uint64_t>(tick))) + "</text>";
  }
  for (double q : {0.5, 0.99}) {
    double x = px(static_cast<double>(h.percentile(q)));
    s += "<line x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + std::to_string(pad_t) + "\" y2=\"" +
         std::to_string(pad_t + plot_h) + "\" stroke=\"#d62728\" stroke-dasharray=\"4,3\"/>";
    s += "<text x=\"" + num(x + 3) + "\" y=\"" + std::to_string(pad_t + 12) + "\" fill=\"#d62728\">p" +
         (q == 0.5 ? "50" : "99") + "</text>";
  }
  s += "<text x=\"" + std::to_string(pad_l + plot_w / 2) + "\" y=\"" + std::to_string(chart_h - 4) +
       "\" text-anchor=\"middle\">" + esc(title) + " (log scale; bar height: count, max " + std::to_string(top) +
       ")</text>";
  return s + "</svg>";
}

}  // namespace

std::string to_html(const run_results& r) {
  std::string table = format_table(r);
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>djust-load: " +
                  esc(r.scenario) + "</title></head>\n<body style=\"font-family:sans-serif;max-width:800px;margin:2em auto\">\n";
  h += "<h1>djust-load: " + esc(r.scenario) + " " + (r.passed() ? "PASS" : "FAIL") + "</h1>\n";
  h += "<pre>" + esc(table) + "</pre>\n";
  h += "<h2>Event round-trip over time</h2>\n" + timeline_chart(r) + "\n";
  h += "<h2>Event round-trip histogram</h2>\n" + histogram_chart(r.round_trip, "event round-trip") + "\n";
  h += "<h2>Connect + join histogram</h2>\n" + histogram_chart(r.join_time, "connect + join") + "\n";
  if (r.delivery.count() > 0)
    h += "<h2>Broadcast delivery histogram</h2>\n" + histogram_chart(r.delivery, "broadcast delivery") + "\n";
  h += "<p>Machine: " + std::to_string(r.cores) + " cores, " + esc(format_bytes(static_cast<double>(r.memory_bytes))) +
       " memory.</p>\n</body></html>\n";
  return h;
}

}  // namespace djust::load::detail
