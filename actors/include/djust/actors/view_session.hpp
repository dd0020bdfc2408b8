// One mounted view's runtime state and logic: render, diff, sequence numbers, snapshots, restart.
//
// Plain functions on a plain object: the view actor wires messages to these calls, and the
// user test harness (testing.hpp) calls them directly with no actor system and no socket.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "djust/actors/live_view.hpp"
#include "djust/actors/metrics.hpp"
#include "djust/template/engine.hpp"
#include "djust/vdom/diff.hpp"
#include "djust/vdom/tree.hpp"

namespace djust::live {

using view_factory = std::function<std::unique_ptr<live_view>()>;

// Patches with the view's sequence number (1, 2, 3...), kept until acknowledged.
struct patch_frame {
  std::uint64_t seq = 0;
  vdom::patch_list patches;
};

struct event_outcome {
  bool ok = true;
  std::string error_code;     // unknown_handler, bad_params, handler_failed
  std::string error_message;
  std::optional<patch_frame> frame;  // ok: the patches (none when nothing changed);
                                     // handler_failed: the patches back to the restored state
  std::string redirect;              // set by push_redirect()
  bool restarted = false;            // the view was rebuilt from its last snapshot
};

class view_session {
 public:
  // `pubsub` (may be null: the view's pubsub calls then throw) is attached to every view
  // instance the session makes, the first and those of restarts.
  view_session(std::string id, view_factory factory, const tmpl::engine& engine, runtime_metrics* metrics = nullptr,
               std::size_t max_retained_frames = 256, view_pubsub* pubsub = nullptr);

  const std::string& id() const noexcept { return id_; }
  live_view& view() { return *view_; }

  // mount() then the first render; returns the container's inner HTML. Throws what
  // mount() or the template throws (the page then fails with a 500).
  std::string mount(const request& req, const tmpl::value_map& params);
  // The last rendered HTML (what the client shows once it applied every frame).
  const std::string& html() const noexcept { return html_; }

  // Runs a handler, re-renders, diffs. A handler (or render) that throws restarts the
  // view from its last snapshot; the outcome then says handler_failed and carries the
  // patches that bring the client back to the restored state.
  event_outcome handle_event(std::string_view handler, const tmpl::value_map& params);
  // handle_info() then re-render; same failure rule. Patches only when something changed.
  event_outcome handle_info(const tmpl::value& message);
  // A pubsub message (broadcast, presence diff or state): the same as handle_info.
  event_outcome handle_info(const pubsub::message& message);
  // handle_info without the render: the view is marked changed and render_pending() (or
  // the next event, which renders anyway) sends the patches. A burst of messages then costs
  // one render. Failures restart the view as handle_info does.
  event_outcome absorb_info(const pubsub::message& message);
  // Renders and diffs if absorbed messages changed the view since the last render.
  event_outcome render_pending();

  // Acknowledgement: frames up to `seq` are dropped.
  void ack(std::uint64_t seq);
  std::uint64_t last_seq() const noexcept { return seq_; }
  // The retained frames after `seq`, in order; nullopt when some were already dropped.
  std::optional<std::vector<patch_frame>> frames_after(std::uint64_t seq) const;
  // Full HTML for a client that cannot be caught up by frames; renumbers the tree as the
  // client will (ids from 1) and forgets retained frames.
  std::string resync();

  // Public state as msgpack; restore() rebuilds the view (fresh instance) for `user` (the
  // user is not public state: it comes from the rejoining request), restores the assigns,
  // calls restored() and re-renders (the result is a fresh tree, as resync()).
  std::string snapshot() const;
  void restore(std::string_view snapshot_bytes, const tmpl::value& user = {});

  std::size_t memory_bytes() const;

 private:
  std::optional<patch_frame> render_and_diff();
  void render_fresh();
  std::string render_html();
  void new_view();
  event_outcome run(const std::function<void()>& callback, bool is_event, bool render = true);

  std::string id_;
  view_factory factory_;
  const tmpl::engine& engine_;
  runtime_metrics* metrics_;
  std::size_t max_retained_;
  view_pubsub* pubsub_;
  tmpl::value user_;  // request.user: given to every view instance, restarts included
  std::unique_ptr<live_view> view_;
  std::string html_;
  vdom::tree tree_;
  std::uint64_t seq_ = 0;
  std::deque<patch_frame> retained_;
  std::uint64_t dropped_through_ = 0;  // frames with seq <= this are no longer retained
  std::string last_snapshot_;
  bool dirty_ = false;  // absorbed messages not rendered yet
};

}  // namespace djust::live
