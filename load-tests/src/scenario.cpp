// Scenario names, defaults, open-loop pacing and event parameters.
#include "scenario.hpp"

#include <algorithm>
#include <array>

namespace djust::load::detail {
namespace {

constexpr std::array<std::string_view, 5> names{"counter", "search", "presence", "cursors", "idle"};
// Words that hit the demo's search catalogue (examples/views/search.cpp).
constexpr std::array<std::string_view, 8> words{"teapot", "guitar", "camera", "kettle",
                                                "violet", "amber",  "coral",  "notebook"};

}  // namespace

std::optional<scenario_kind> parse_scenario(std::string_view name) noexcept {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<scenario_kind>(i);
  return std::nullopt;
}

std::string_view scenario_name(scenario_kind kind) noexcept { return names[static_cast<std::size_t>(kind)]; }

scenario_defaults defaults_for(scenario_kind kind) noexcept {
  switch (kind) {
    case scenario_kind::counter: return {"/counter/", "increment", 100};
    case scenario_kind::search: return {"/search/", "search", 100};
    case scenario_kind::presence: return {"/chat/", "send", 1};
    case scenario_kind::cursors: return {"/cursors/", "move", 200};
    case scenario_kind::idle: return {"/counter/", "", 0};
  }
  return {"/", "", 0};
}

double pacing::due(std::uint64_t k) const noexcept {
  std::uint64_t burst = k / burst_len;
  std::uint64_t within = k % burst_len;
  return offset + static_cast<double>(burst) * burst_period + static_cast<double>(within) * gap;
}

pacing pacing_for(scenario_kind kind, std::uint64_t index, std::uint64_t senders, double rate) noexcept {
  pacing p;
  if (kind == scenario_kind::idle || rate <= 0 || senders == 0 || index >= senders) return p;
  double per_session = rate / static_cast<double>(senders);  // events/s of one session
  if (kind == scenario_kind::search) {
    p.burst_len = search_word_length;
    p.burst_period = p.burst_len / per_session;
    p.gap = std::min(search_keystroke_gap, p.burst_period / p.burst_len);
  } else {
    p.burst_period = 1.0 / per_session;
  }
  p.offset = p.burst_period * static_cast<double>(index) / static_cast<double>(senders);
  return p;
}

tmpl::value_map event_params(scenario_kind kind, std::uint64_t session, std::uint64_t k) {
  switch (kind) {
    case scenario_kind::search: {
      std::string_view word = words[(session + k / search_word_length) % words.size()];
      std::size_t typed = std::min<std::size_t>(k % search_word_length + 1, word.size());
      return tmpl::value_map{{"value", tmpl::value(word.substr(0, typed))}};
    }
    case scenario_kind::cursors: {
      auto x = static_cast<long long>((session * 37 + k * 11) % 1000);
      auto y = static_cast<long long>((session * 53 + k * 7) % 700);
      return tmpl::value_map{{"x", tmpl::value(x)}, {"y", tmpl::value(y)}};
    }
    case scenario_kind::presence:
      return tmpl::value_map{{"text", tmpl::value("djl#" + std::to_string(k) + "#")}};
    case scenario_kind::counter:
    case scenario_kind::idle: break;
  }
  return {};
}

std::optional<std::uint64_t> broadcast_marker(std::string_view frame) noexcept {
  std::optional<std::uint64_t> found;
  std::size_t pos = 0;
  while ((pos = frame.find("djl#", pos)) != std::string_view::npos) {
    pos += 4;
    std::uint64_t n = 0;
    std::size_t digits = 0;
    while (pos < frame.size() && frame[pos] >= '0' && frame[pos] <= '9' && digits < 18) {
      n = n * 10 + static_cast<std::uint64_t>(frame[pos] - '0');
      ++pos;
      ++digits;
    }
    if (digits > 0 && pos < frame.size() && frame[pos] == '#') found = std::max(found.value_or(0), n);
  }
  return found;
}

double ramp_start(std::uint64_t index, double ramp) noexcept {
  return ramp > 0 ? static_cast<double>(index) / ramp : 0.0;
}

}  // namespace djust::load::detail
