// Runs a whole load test: fd limit, io threads, ramp, load phase, drain, memory samples, results.
#pragma once

#include <string>
#include <variant>

#include "options.hpp"
#include "results.hpp"

namespace djust::load::detail {

// Raises RLIMIT_NOFILE's soft limit to cover `needed` descriptors. Returns an empty
// string, or a sentence saying why not (the hard limit is too low: use more processes).
std::string raise_fd_limit(std::uint64_t needed);

// Runs the scenario to its end (bounded: ramp + duration + reply timeout + a few seconds)
// and returns what it measured, or a sentence saying why it could not start.
std::variant<run_results, std::string> run_load(const options& o);

}  // namespace djust::load::detail
