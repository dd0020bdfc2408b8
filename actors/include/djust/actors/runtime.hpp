// The actor runtime behind a CAF-free facade: a supervisor, one view actor per mounted view,
// one socket actor per WebSocket. Transport calls these functions; CAF stays inside actors/.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "djust/actors/live_view.hpp"
#include "djust/actors/metrics.hpp"
#include "djust/actors/view_session.hpp"
#include "djust/template/engine.hpp"

namespace djust::pubsub {
class bus;
}

namespace djust::live {

struct runtime_options {
  std::chrono::milliseconds join_wait{5000};  // a GET-mounted view waits this long for its socket
  std::chrono::milliseconds grace{30000};     // a view outlives a lost socket this long
  std::chrono::milliseconds request_timeout{10000};
  std::size_t max_retained_frames = 256;
  std::size_t max_snapshots = 10000;          // views restorable after their grace period
  // PubSub (see pubsub.hpp bus_options): shard actors (0: one per core), the interval of
  // broadcast_coalesced, and how long presence diffs of a busy topic are batched.
  std::size_t pubsub_shards = 0;
  std::chrono::milliseconds coalesce_interval{16};
  std::chrono::milliseconds presence_interval{100};
  // CAF's scheduler: "stealing" (per-worker queues; idle workers poll, then sleep) or
  // "sharing" (one queue, idle workers block on it: no polling). 0 workers: one per core.
  std::string scheduler = "stealing";
  std::size_t workers = 0;
};

// What a socket sends to its client (transport encodes it).
struct view_output {
  enum class kind : std::uint8_t { reply, push, redirect, error } type = kind::reply;
  std::uint64_t ref = 0;
  std::string view_id;
  bool ok = true;
  std::string code, message;             // !ok / error
  std::uint64_t seq = 0;                 // patches' sequence number (0: none)
  vdom::patch_list patches;
  std::string html;                      // fresh full HTML of the view (join/resync)
  std::string to;                        // redirect target
};

// A socket's join, after transport verified the token and CSRF.
struct join_request {
  std::uint64_t ref = 0;
  std::string view_name;      // registered view name (from the token)
  std::string token_view_id;  // the view mounted by the page's GET (from the token)
  std::string resume_view_id; // the client's view id when resuming after a lost socket
  std::uint64_t ack = 0;      // resuming: last applied seq
  request req;
  tmpl::value_map params;     // route params (from the token)
};

struct mount_result {
  bool ok = false;
  std::string view_id;
  std::string html;
  std::string error;
};

class runtime {
 public:
  runtime(runtime_options options, const tmpl::engine& engine, runtime_metrics& metrics);
  ~runtime();  // stops every actor
  runtime(const runtime&) = delete;
  runtime& operator=(const runtime&) = delete;

  // Register before the first mount.
  void register_view(std::string name, view_factory factory);
  bool has_view(std::string_view name) const;

  // Mounts for an HTTP GET; `done` runs once, on an actor thread.
  void mount(std::string view_name, request req, tmpl::value_map params, std::function<void(mount_result)> done);
  // Delivers handle_info(message) to a mounted view (no-op when it is gone).
  void send_info(const std::string& view_id, tmpl::value message);
  // The bus views subscribe to; any server code may broadcast on it (include pubsub.hpp).
  pubsub::bus& pubsub();

  // One WebSocket. `sink` receives outputs on actor threads, in order per view.
  class connection {
   public:
    virtual ~connection() = default;
    virtual void join(join_request req) = 0;
    virtual void event(std::string view_id, std::uint64_t ref, std::string handler, tmpl::value_map params,
                       std::uint64_t ack) = 0;
    virtual void ack(std::string view_id, std::uint64_t seq) = 0;
    virtual void leave(std::string view_id, std::uint64_t ref) = 0;
    virtual void close() = 0;  // the socket is gone: views start their grace period
  };
  std::unique_ptr<connection> connect(std::function<void(view_output)> sink);

  // Views alive now (blocks on a request: for tests and diagnostics, never on an io thread).
  std::size_t mounted_views() const;

  struct impl;

 private:
  std::unique_ptr<impl> impl_;
};

}  // namespace djust::live
