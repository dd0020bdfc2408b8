// Report writers for a run: the terminal table, the JSON document and the HTML page.
#pragma once

#include <string>

#include "results.hpp"

namespace djust::load::detail {

// "1.23 ms", "850 us", "2.10 s".
std::string format_micros(std::uint64_t micros);
// "18.4 KiB", "312.0 MiB".
std::string format_bytes(double bytes);

// The final table printed on stdout.
std::string format_table(const run_results& r);

// The whole result as one JSON object (latencies in microseconds, memory in bytes).
std::string to_json(const run_results& r);

// A self-contained HTML page: summary table, latency-over-time chart and latency
// histograms as inline SVG; no scripts, styles or fonts from elsewhere.
std::string to_html(const run_results& r);

}  // namespace djust::load::detail
