// djust-pubsub-bench: broadcast fan-out latency to 1k/10k actors and coalesced cursor delivery rates.
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/exit_reason.hpp>
#include <caf/send.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "djust/actors/pubsub.hpp"

namespace {

using clock_type = std::chrono::steady_clock;
using djust::pubsub::message;
using djust::tmpl::value;
using djust::tmpl::value_map;

// Counts deliveries; wakes the waiter when the count reaches the target.
struct counter {
  std::atomic<std::uint64_t> n{0};
  std::atomic<std::uint64_t> target{~0ull};
  std::mutex mu;
  std::condition_variable cv;

  void hit() {
    if (n.fetch_add(1, std::memory_order_acq_rel) + 1 == target.load(std::memory_order_acquire)) {
      std::lock_guard lock(mu);
      cv.notify_one();
    }
  }
  void wait_for(std::uint64_t t) {
    std::unique_lock lock(mu);
    target.store(t, std::memory_order_release);
    cv.wait(lock, [&] { return n.load(std::memory_order_acquire) >= t; });
  }
};

// The subscribers share ownership of their counter: stopping them is asynchronous, and a
// delivery handled after a bench phase returned must not write into its stack frame (it
// did: later phases saw garbage topic names, hung, or aborted in free()).
std::vector<caf::actor> spawn_subscribers(caf::actor_system& sys, std::size_t n,
                                          const std::shared_ptr<counter>& c) {
  std::vector<caf::actor> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    out.push_back(sys.spawn([c](caf::event_based_actor*) -> caf::behavior {
      return {[c](const message&) { c->hit(); }};
    }));
  return out;
}

void stop_all(const std::vector<caf::actor>& actors) {
  for (const auto& a : actors) caf::anon_send_exit(a, caf::exit_reason::user_shutdown);
}

// Subscriptions land asynchronously; a bench that never sees them all stops with an error
// instead of waiting for ever.
void wait_subscribed(const djust::pubsub::bus& bus, const std::string& topic, std::size_t n) {
  auto deadline = clock_type::now() + std::chrono::seconds(30);
  while (bus.subscriber_count(topic) < n) {
    if (clock_type::now() > deadline) {
      std::fprintf(stderr, "pubsub bench: %zu of %zu subscriptions to '%s' after 30 s\n",
                   bus.subscriber_count(topic), n, topic.c_str());
      std::exit(1);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

double percentile(std::vector<double> xs, double p) {
  std::sort(xs.begin(), xs.end());
  std::size_t i = std::min(xs.size() - 1, static_cast<std::size_t>(p * (xs.size() - 1) + 0.5));
  return xs[i];
}

// Time from broadcast() until every one of `n` subscribers has handled the message.
std::pair<double, double> fan_out(caf::actor_system& sys, std::size_t n, int rounds) {
  auto bus = djust::pubsub::make_local_bus(sys);
  auto c = std::make_shared<counter>();
  auto subs = spawn_subscribers(sys, n, c);
  for (const auto& s : subs) bus->subscribe("room", s);
  wait_subscribed(*bus, "room", n);
  value payload(value_map{{"user", "alice"}, {"text", "hello, room"}});
  std::vector<double> us;
  std::uint64_t expected = 0;
  for (int r = -5; r < rounds; ++r) {  // 5 warm-up rounds
    auto t0 = clock_type::now();
    bus->broadcast("room", "msg", payload);
    expected += n;
    c->wait_for(expected);
    auto t1 = clock_type::now();
    if (r >= 0) us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
  }
  stop_all(subs);
  return {percentile(us, 0.5), percentile(us, 0.99)};
}

struct coalesce_result {
  double updates_per_s, deliveries_per_s, per_subscriber_per_s;
};

// `users` cursors moving at `hz` each into one room of `n` subscribers, coalesced per interval.
coalesce_result coalesced(caf::actor_system& sys, std::size_t n, int users, int hz,
                          std::chrono::milliseconds interval, double seconds) {
  auto bus = djust::pubsub::make_local_bus(sys, {0, interval});
  auto c = std::make_shared<counter>();
  auto subs = spawn_subscribers(sys, n, c);
  for (const auto& s : subs) bus->subscribe("cursors", s);
  wait_subscribed(*bus, "cursors", n);
  std::vector<std::string> keys;
  for (int u = 0; u < users; ++u) keys.push_back("user" + std::to_string(u));
  auto start = clock_type::now();
  auto tick = std::chrono::microseconds(1000000 / hz);
  std::uint64_t updates = 0;
  auto next = start;
  while (clock_type::now() - start < std::chrono::duration<double>(seconds)) {
    for (int u = 0; u < users; ++u) {
      bus->broadcast_coalesced("cursors", "move", keys[u],
                               value(value_map{{"x", static_cast<int>(updates % 1000)}, {"y", u}}));
      ++updates;
    }
    next += tick;
    std::this_thread::sleep_until(next);
  }
  double elapsed = std::chrono::duration<double>(clock_type::now() - start).count();
  std::uint64_t delivered = c->n.load();
  stop_all(subs);
  return {updates / elapsed, delivered / elapsed, delivered / elapsed / n};
}

// Presence churn: `keys` joins then `keys` leaves into a room watched by `n` subscribers.
// Returns presence diffs per second (each one delivered to all `n`).
double presence_churn(caf::actor_system& sys, std::size_t n, int keys) {
  auto bus = djust::pubsub::make_local_bus(sys);
  auto c = std::make_shared<counter>();
  auto subs = spawn_subscribers(sys, n, c);
  for (const auto& s : subs) bus->subscribe("lobby", s);
  wait_subscribed(*bus, "lobby", n);
  auto tracker = sys.spawn([](caf::event_based_actor*) -> caf::behavior {
    return {[](const message&) {}};
  });
  auto start = clock_type::now();
  for (int k = 0; k < keys; ++k)
    bus->track(tracker, "lobby", "user" + std::to_string(k), value(value_map{{"tab", 1}}));
  for (int k = 0; k < keys; ++k) bus->untrack(tracker, "lobby", "user" + std::to_string(k));
  c->wait_for(static_cast<std::uint64_t>(2 * keys) * n);
  double elapsed = std::chrono::duration<double>(clock_type::now() - start).count();
  stop_all(subs);
  caf::anon_send_exit(tracker, caf::exit_reason::user_shutdown);
  return 2 * keys / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
  const char* json = nullptr;
  int rounds = 200;
  const char* policy = "stealing";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--json") && i + 1 < argc) {
      json = argv[++i];
    } else if (!std::strcmp(argv[i], "--policy") && i + 1 < argc) {
      policy = argv[++i];
      if (std::strcmp(policy, "stealing") && std::strcmp(policy, "sharing")) {
        std::fprintf(stderr, "--policy must be stealing or sharing\n");
        return 2;
      }
    } else if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "usage: %s [--json FILE] [--rounds N] [--policy stealing|sharing]\n", argv[0]);
      return 2;
    }
  }
  std::map<std::string, double> out;
  {
    caf::actor_system_config cfg;
    cfg.set("scheduler.policy",
            std::strcmp(policy, "sharing") ? caf::atom("stealing") : caf::atom("sharing"));
    caf::actor_system sys{cfg};
    std::printf("pubsub fan-out (%u hardware threads, CAF %s scheduler, %d broadcasts each)\n",
                std::thread::hardware_concurrency(), policy, rounds);
    std::printf("%-28s %12s %12s\n", "subscribers", "median us", "p99 us");
    for (std::size_t n : {1000u, 10000u}) {
      auto [median, p99] = fan_out(sys, n, rounds);
      std::printf("%-28zu %12.1f %12.1f\n", n, median, p99);
      out["fanout_" + std::to_string(n) + "_median_us"] = median;
      out["fanout_" + std::to_string(n) + "_p99_us"] = p99;
    }
    auto r = coalesced(sys, 1000, 100, 100, std::chrono::milliseconds(16), 2.0);
    std::printf("\ncoalesced cursors: 1000 subscribers, 100 users x 100 Hz, 16 ms interval\n");
    std::printf("%-28s %12.0f\n", "updates published / s", r.updates_per_s);
    std::printf("%-28s %12.0f\n", "deliveries (renders) / s", r.deliveries_per_s);
    std::printf("%-28s %12.1f\n", "per subscriber / s", r.per_subscriber_per_s);
    out["coalesced_updates_per_s"] = r.updates_per_s;
    out["coalesced_deliveries_per_s"] = r.deliveries_per_s;
    out["coalesced_deliveries_per_subscriber_per_s"] = r.per_subscriber_per_s;
    double diffs = presence_churn(sys, 1000, 2000);
    std::printf("\npresence churn: 2000 joins + 2000 leaves, 1000 watchers\n");
    std::printf("%-28s %12.0f\n", "presence diffs / s", diffs);
    std::printf("%-28s %12.0f\n", "diff deliveries / s", diffs * 1000);
    out["presence_diffs_per_s_1000_watchers"] = diffs;
  }
  if (json) {
    std::ofstream f(json);
    if (!f) {
      std::fprintf(stderr, "cannot write %s\n", json);
      return 1;
    }
    f << "{";
    bool first = true;
    for (const auto& [k, v] : out) {
      f << (first ? "" : ",") << "\n  \"" << k << "\": " << v;
      first = false;
    }
    f << "\n}\n";
  }
  return 0;
}
