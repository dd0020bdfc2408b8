// The view actor: owns one view_session; one message at a time; timers, attach/detach, grace period.
#include <caf/all.hpp>

#include <iostream>

#include "actor_pubsub.hpp"
#include "messages.hpp"

namespace djust::live::detail {
namespace {

struct view_state {
  std::unique_ptr<actor_pubsub> pubsub;   // declared first: outlives the session using it
  std::unique_ptr<view_session> session;
  std::string name;
  caf::actor socket;
  caf::actor supervisor;
  context_ptr ctx;
  std::uint64_t generation = 0;  // changes on attach/detach; expiry timers carry it
  bool ever_attached = false;
  std::int64_t memory = 0;       // last reported to view_memory_bytes
  std::int64_t depth = 0;        // last reported to mailbox_depth
  bool render_queued = false;    // a render_atom is in the mailbox
};
using view_actor_t = caf::stateful_actor<view_state>;

void emit(view_actor_t* self, view_output out) {
  if (self->state.socket) self->send(self->state.socket, output_atom::value, std::move(out));
}

void after_callback(view_actor_t* self) {
  auto& st = self->state;
  for (auto& t : st.session->view().take_timers()) self->delayed_send(self, t.delay, info_atom::value, t.message);
  auto now = static_cast<std::int64_t>(st.session->memory_bytes());
  st.ctx->metrics->view_memory_bytes.add(now - st.memory);
  st.memory = now;
  // Messages already moved from the inbox into the actor's queue and still waiting: a lower
  // bound of the backlog (reading the inbox itself is not safe while a message runs).
  auto depth = static_cast<std::int64_t>(self->mailbox().queue().total_task_size());
  st.ctx->metrics->mailbox_depth.add(depth - st.depth);
  st.depth = depth;
}

// Turns an outcome into frames: the reply (or nothing for info), then pushes and redirects.
void deliver(view_actor_t* self, event_outcome out, std::uint64_t ref, bool is_reply) {
  auto& id = self->state.session->id();
  if (is_reply) {
    view_output r;
    r.ref = ref;
    r.view_id = id;
    r.ok = out.ok;
    r.code = out.error_code;
    r.message = out.error_message;
    if (out.ok && out.frame) {
      r.seq = out.frame->seq;
      r.patches = std::move(out.frame->patches);
      out.frame.reset();
    }
    emit(self, std::move(r));
  } else if (!out.ok) {
    std::cerr << "djust: view " << id << " handle_info failed: " << out.error_message << "\n";
  }
  if (out.frame) {  // a restarted view's way back, or an info's patches
    view_output p;
    p.type = view_output::kind::push;
    p.view_id = id;
    p.seq = out.frame->seq;
    p.patches = std::move(out.frame->patches);
    emit(self, std::move(p));
  }
  if (!out.redirect.empty()) {
    view_output rd;
    rd.type = view_output::kind::redirect;
    rd.ref = ref;
    rd.view_id = id;
    rd.to = out.redirect;
    emit(self, std::move(rd));
  }
  after_callback(self);
}

caf::behavior view_actor(view_actor_t* self, std::string id, std::string name, view_factory factory, context_ptr ctx,
                         caf::actor supervisor) {
  auto& st = self->state;
  st.pubsub = std::make_unique<actor_pubsub>(ctx->bus, self);
  st.session = std::make_unique<view_session>(id, std::move(factory), *ctx->engine, ctx->metrics,
                                              ctx->options.max_retained_frames, st.pubsub.get());
  st.name = std::move(name);
  st.ctx = ctx;
  st.supervisor = std::move(supervisor);
  ctx->metrics->views.add(1);
  self->attach_functor([self, metrics = ctx->metrics] {
    metrics->views.add(-1);
    metrics->view_memory_bytes.add(-self->state.memory);
    metrics->mailbox_depth.add(-self->state.depth);
  });
  self->set_exception_handler([](caf::scheduled_actor*, std::exception_ptr& eptr) -> caf::error {
    try {
      std::rethrow_exception(eptr);
    } catch (const std::exception& e) {
      std::cerr << "djust: view actor failed: " << e.what() << "\n";
    }
    return caf::exit_reason::unhandled_exception;
  });
  auto start_expiry = [self](std::chrono::milliseconds after) {
    ++self->state.generation;
    self->delayed_send(self, after, expire_atom::value, self->state.generation);
  };
  return {
      // Mount for a GET (or a join that found no view): (ok, html or error text).
      [self, start_expiry](mount_atom, const request& req, const tmpl::value& params) -> std::tuple<bool, std::string> {
        try {
          std::string html = self->state.session->mount(req, params.as_map());
          after_callback(self);
          start_expiry(self->state.ctx->options.join_wait);
          return {true, std::move(html)};
        } catch (const std::exception& e) {
          return {false, std::string(e.what())};
        }
      },
      [self, start_expiry](restore_atom, const std::string& bytes, const tmpl::value& user) -> bool {
        try {
          self->state.session->restore(bytes, user);
          after_callback(self);
          start_expiry(self->state.ctx->options.join_wait);
          return true;
        } catch (const std::exception& e) {
          std::cerr << "djust: cannot restore view: " << e.what() << "\n";
          return false;
        }
      },
      [self](attach_atom, caf::actor socket, std::uint64_t ref, std::uint64_t ack, bool resume, bool send_html) {
        auto& st = self->state;
        if (st.socket && st.socket != socket && !resume) {
          view_output refused;
          refused.ref = ref;
          refused.view_id = st.session->id();
          refused.ok = false;
          refused.code = "join_refused";
          refused.message = "this page's token is already joined by another socket";
          self->send(socket, output_atom::value, std::move(refused));
          return;
        }
        ++st.generation;  // cancels a pending expiry
        st.socket = socket;
        st.ever_attached = true;
        st.pubsub->set_attached(true);
        self->send(socket, attach_atom::value, st.session->id(), caf::actor_cast<caf::actor>(self));
        view_output r;
        r.ref = ref;
        r.view_id = st.session->id();
        std::optional<std::vector<patch_frame>> frames;
        if (!send_html) frames = st.session->frames_after(ack);
        if (!frames) {
          r.html = st.session->resync();
          r.seq = st.session->last_seq();
          emit(self, std::move(r));
          return;
        }
        emit(self, std::move(r));
        for (auto& f : *frames) {
          view_output p;
          p.type = view_output::kind::push;
          p.view_id = st.session->id();
          p.seq = f.seq;
          p.patches = std::move(f.patches);
          emit(self, std::move(p));
        }
      },
      [self, start_expiry](detach_atom, caf::actor socket) {
        if (self->state.socket != socket) return;
        self->state.socket = nullptr;
        self->state.pubsub->set_attached(false);
        start_expiry(self->state.ctx->options.grace);
      },
      [self](expire_atom, std::uint64_t generation) {
        auto& st = self->state;
        if (generation != st.generation || st.socket) return;
        if (st.ever_attached)
          self->send(st.supervisor, snap_atom::value, st.session->id(), st.name, st.session->snapshot());
        self->quit();
      },
      [self](event_atom, std::uint64_t ref, const std::string& handler, const tmpl::value& params,
             std::uint64_t ack) {
        if (ack) self->state.session->ack(ack);
        deliver(self, self->state.session->handle_event(handler, params.as_map()), ref, true);
      },
      [self](info_atom, const tmpl::value& message) {
        deliver(self, self->state.session->handle_info(message), 0, false);
      },
      // Shared by every subscriber's mailbox: taken by const& so CAF does not copy it. The
      // render waits for a render message queued behind what is already in the mailbox, so
      // a burst (cursor moves, a busy room) costs one render, not one per message.
      [self](const pubsub::message& message) {
        auto out = self->state.session->absorb_info(message);
        if (!out.ok || out.frame) return deliver(self, std::move(out), 0, false);  // failed: restarted
        if (self->state.render_queued) return;
        self->state.render_queued = true;
        self->send(self, render_atom::value);
      },
      [self](render_atom) {
        self->state.render_queued = false;
        deliver(self, self->state.session->render_pending(), 0, false);
      },
      [self](ack_atom, std::uint64_t seq) { self->state.session->ack(seq); },
      [self](leave_atom) { self->quit(); },
  };
}

}  // namespace

caf::actor spawn_view(caf::local_actor* parent, std::string id, std::string name, view_factory factory,
                      context_ptr ctx, caf::actor supervisor) {
  return parent->spawn(view_actor, std::move(id), std::move(name), std::move(factory), std::move(ctx),
                       std::move(supervisor));
}

}  // namespace djust::live::detail
