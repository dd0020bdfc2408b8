// The supervisor (mounts, registry, joins, snapshots) and the CAF-free runtime facade.
#include <caf/all.hpp>

#include <deque>
#include <iostream>
#include <random>

#include "messages.hpp"

namespace djust::live {
namespace detail {
namespace {

struct view_entry {
  caf::actor actor;
  std::string name;
  std::string session_id;
};

struct stored_snapshot {
  std::string name;
  std::string bytes;
  std::string session_id;
};

struct supervisor_state {
  context_ptr ctx;
  std::unordered_map<std::string, view_entry> views;
  std::unordered_map<std::string, stored_snapshot> snapshots;
  std::deque<std::string> snapshot_order;  // oldest first, to bound the store
};
using supervisor_t = caf::stateful_actor<supervisor_state>;

view_output refusal(std::uint64_t ref, std::string message) {
  view_output r;
  r.ref = ref;
  r.ok = false;
  r.code = "join_refused";
  r.message = std::move(message);
  return r;
}

// Spawns and mounts a view; then(id, ok, html_or_error) runs in the supervisor.
template <class Then>
void mount_view(supervisor_t* self, const std::string& name, request req, tmpl::value_map params, Then then) {
  auto& st = self->state;
  auto factory = st.ctx->factories.find(name);
  if (factory == st.ctx->factories.end()) return then(std::string(), false, "no view named '" + name + "'");
  std::string id = new_view_id();
  std::string session_id = req.session_id;
  auto view = spawn_view(self, id, name, factory->second, st.ctx, caf::actor_cast<caf::actor>(self));
  self->request(view, st.ctx->options.request_timeout, mount_atom::value, std::move(req), tmpl::value{std::move(params)})
      .then(
          [self, id, name, view, session_id, then](bool ok, std::string& html) mutable {
            if (!ok) {
              self->send_exit(view, caf::exit_reason::user_shutdown);
              return then(id, false, std::move(html));
            }
            self->monitor(view);
            self->state.views[id] = view_entry{view, name, session_id};
            then(id, true, std::move(html));
          },
          [self, id, view, then](caf::error& err) mutable {
            self->send_exit(view, caf::exit_reason::user_shutdown);
            then(id, false, "mount failed: " + self->system().render(err));
          });
}

caf::behavior supervisor(supervisor_t* self, context_ptr ctx) {
  self->state.ctx = std::move(ctx);
  self->set_down_handler([self](caf::down_msg& m) {
    auto& views = self->state.views;
    for (auto it = views.begin(); it != views.end(); ++it)
      if (it->second.actor.address() == m.source) {
        views.erase(it);
        break;
      }
  });
  self->set_exit_handler([self](caf::exit_msg& m) {
    for (auto& [id, entry] : self->state.views) self->send_exit(entry.actor, m.reason);
    self->state.views.clear();
    self->quit(m.reason);
  });
  return {
      [self](mount_atom, std::string& name, request& req, tmpl::value& params) {
        auto rp = self->make_response_promise();
        mount_view(self, name, std::move(req), params.as_map(),
                   [rp](std::string id, bool ok, std::string html) mutable { rp.deliver(ok, std::move(id), std::move(html)); });
        return rp;
      },
      [self](join_atom, join_request& jr, caf::actor socket) {
        auto& st = self->state;
        // 1. Resume a view that outlived its socket (same browser session only).
        if (!jr.resume_view_id.empty()) {
          if (auto it = st.views.find(jr.resume_view_id); it != st.views.end()) {
            if (it->second.session_id != jr.req.session_id)
              return self->send(socket, output_atom::value, refusal(jr.ref, "the view belongs to another session"));
            return self->send(it->second.actor, attach_atom::value, socket, jr.ref, jr.ack, true, false);
          }
          if (auto it = st.snapshots.find(jr.resume_view_id);
              it != st.snapshots.end() && it->second.session_id == jr.req.session_id) {
            // 2. Past its grace period: restore from the public-state snapshot.
            stored_snapshot snap = std::move(it->second);
            st.snapshots.erase(it);
            auto factory = st.ctx->factories.find(snap.name);
            if (factory != st.ctx->factories.end()) {
              std::string id = jr.resume_view_id;
              auto view = spawn_view(self, id, snap.name, factory->second, st.ctx, caf::actor_cast<caf::actor>(self));
              self->request(view, st.ctx->options.request_timeout, restore_atom::value, snap.bytes, jr.req.user)
                  .then(
                      [self, id, view, socket, jr, snap](bool ok) {
                        if (!ok) {
                          self->send_exit(view, caf::exit_reason::user_shutdown);
                          return self->send(socket, output_atom::value, refusal(jr.ref, "the view cannot be restored"));
                        }
                        self->monitor(view);
                        self->state.views[id] = view_entry{view, snap.name, jr.req.session_id};
                        self->send(view, attach_atom::value, socket, jr.ref, std::uint64_t{0}, true, true);
                      },
                      [self, view, socket, jr](caf::error& err) {
                        self->send_exit(view, caf::exit_reason::user_shutdown);
                        self->send(socket, output_atom::value, refusal(jr.ref, "restore failed: " + self->system().render(err)));
                      });
              return;
            }
          }
        }
        // 3. The view its page's GET mounted, still waiting for this socket.
        if (auto it = st.views.find(jr.token_view_id); it != st.views.end() && jr.resume_view_id.empty()) {
          if (it->second.session_id != jr.req.session_id)
            return self->send(socket, output_atom::value, refusal(jr.ref, "the view belongs to another session"));
          return self->send(it->second.actor, attach_atom::value, socket, jr.ref, jr.ack, false, false);
        }
        // 4. Mount again from the token.
        auto ref = jr.ref;
        mount_view(self, jr.view_name, std::move(jr.req), std::move(jr.params),
                   [self, socket, ref](std::string id, bool ok, std::string error) {
                     if (!ok) return self->send(socket, output_atom::value, refusal(ref, std::move(error)));
                     auto it = self->state.views.find(id);
                     if (it != self->state.views.end())
                       self->send(it->second.actor, attach_atom::value, socket, ref, std::uint64_t{0}, false, true);
                   });
      },
      [self](info_atom, const std::string& id, tmpl::value& message) {
        if (auto it = self->state.views.find(id); it != self->state.views.end())
          self->send(it->second.actor, info_atom::value, std::move(message));
      },
      [self](snap_atom, const std::string& id, std::string& name, std::string& bytes) {
        auto& st = self->state;
        auto it = st.views.find(id);
        std::string session_id = it != st.views.end() ? it->second.session_id : std::string();
        st.snapshots[id] = stored_snapshot{std::move(name), std::move(bytes), std::move(session_id)};
        st.snapshot_order.push_back(id);
        while (st.snapshot_order.size() > st.ctx->options.max_snapshots) {
          st.snapshots.erase(st.snapshot_order.front());
          st.snapshot_order.pop_front();
        }
      },
      [self](count_atom) { return static_cast<std::uint64_t>(self->state.views.size()); },
  };
}

}  // namespace

caf::actor spawn_supervisor(caf::actor_system& sys, context_ptr ctx) { return sys.spawn(supervisor, std::move(ctx)); }

std::string new_view_id() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char hex[] = "0123456789abcdef";
  std::string id(32, '0');
  for (int half = 0; half < 2; ++half) {
    std::uint64_t bits = rng();
    for (int i = 0; i < 16; ++i) id[half * 16 + i] = hex[(bits >> (i * 4)) & 0xF];
  }
  return id;
}

}  // namespace detail

struct runtime::impl {
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  pubsub::bus* bus = nullptr;  // owned by ctx
  std::shared_ptr<detail::runtime_context> ctx;
  caf::actor supervisor;
};

namespace {

class socket_connection : public runtime::connection {
 public:
  explicit socket_connection(caf::actor socket) : socket_(std::move(socket)) {}
  ~socket_connection() override { close(); }
  void join(join_request req) override { caf::anon_send(socket_, detail::join_atom::value, std::move(req)); }
  void event(std::string view_id, std::uint64_t ref, std::string handler, tmpl::value_map params,
             std::uint64_t ack) override {
    caf::anon_send(socket_, detail::event_atom::value, std::move(view_id), ref, std::move(handler),
                   tmpl::value{std::move(params)}, ack);
  }
  void ack(std::string view_id, std::uint64_t seq) override {
    caf::anon_send(socket_, detail::ack_atom::value, std::move(view_id), seq);
  }
  void leave(std::string view_id, std::uint64_t ref) override {
    caf::anon_send(socket_, detail::leave_atom::value, std::move(view_id), ref);
  }
  void close() override {
    if (socket_) caf::anon_send(socket_, detail::close_atom::value);
    socket_ = nullptr;
  }

 private:
  caf::actor socket_;
};

}  // namespace

runtime::runtime(runtime_options options, const tmpl::engine& engine, runtime_metrics& metrics)
    : impl_(std::make_unique<impl>()) {
  impl_->ctx = std::make_shared<detail::runtime_context>();
  impl_->ctx->engine = &engine;
  impl_->ctx->metrics = &metrics;
  impl_->ctx->options = options;
  if (options.scheduler != "stealing" && options.scheduler != "sharing")
    throw std::invalid_argument("runtime_options::scheduler must be \"stealing\" or \"sharing\", got \"" +
                                options.scheduler + "\"");
  impl_->cfg.set("scheduler.policy", options.scheduler == "sharing" ? caf::atom("sharing") : caf::atom("stealing"));
  if (options.workers) impl_->cfg.set("scheduler.max-threads", options.workers);
  impl_->sys = std::make_unique<caf::actor_system>(impl_->cfg);
  impl_->ctx->bus = pubsub::make_local_bus(
      *impl_->sys, pubsub::bus_options{options.pubsub_shards, options.coalesce_interval, options.presence_interval});
  impl_->bus = impl_->ctx->bus.get();
}

runtime::~runtime() {
  if (impl_->supervisor) caf::anon_send_exit(impl_->supervisor, caf::exit_reason::user_shutdown);
  // The bus goes with the last holder of the context: views finishing their last message may
  // still call it, and its shards exit when it is destroyed, letting the system stop.
  impl_->ctx.reset();
  impl_->sys.reset();  // waits for every actor
}

void runtime::register_view(std::string name, view_factory factory) {
  if (impl_->supervisor) throw std::logic_error("register views before the first mount or connection");
  impl_->ctx->factories[std::move(name)] = std::move(factory);
}

bool runtime::has_view(std::string_view name) const { return impl_->ctx->factories.count(std::string(name)) != 0; }

namespace {
caf::actor& started(runtime::impl& i) {
  if (!i.supervisor) i.supervisor = detail::spawn_supervisor(*i.sys, i.ctx);
  return i.supervisor;
}
}  // namespace

void runtime::mount(std::string view_name, request req, tmpl::value_map params, std::function<void(mount_result)> done) {
  caf::actor sup = started(*impl_);
  auto timeout = impl_->ctx->options.request_timeout;
  impl_->sys->spawn([sup, timeout, view_name = std::move(view_name), req = std::move(req), params = std::move(params),
                     done = std::move(done)](caf::event_based_actor* self) mutable {
    self->request(sup, timeout, detail::mount_atom::value, std::move(view_name), std::move(req),
                  tmpl::value{std::move(params)})
        .then(
            [done](bool ok, std::string& id, std::string& html) {
              mount_result r;
              r.ok = ok;
              r.view_id = std::move(id);
              (ok ? r.html : r.error) = std::move(html);
              done(std::move(r));
            },
            [done, self](caf::error& err) {
              mount_result r;
              r.error = "mount failed: " + self->system().render(err);
              done(std::move(r));
            });
  });
}

void runtime::send_info(const std::string& view_id, tmpl::value message) {
  caf::anon_send(started(*impl_), detail::info_atom::value, view_id, std::move(message));
}

pubsub::bus& runtime::pubsub() { return *impl_->bus; }

std::unique_ptr<runtime::connection> runtime::connect(std::function<void(view_output)> sink) {
  return std::make_unique<socket_connection>(detail::spawn_socket(*impl_->sys, started(*impl_), std::move(sink)));
}

std::size_t runtime::mounted_views() const {
  caf::scoped_actor self{*impl_->sys};
  std::size_t n = 0;
  self->request(started(*impl_), impl_->ctx->options.request_timeout, detail::count_atom::value)
      .receive([&](std::uint64_t count) { n = count; }, [](caf::error&) {});
  return n;
}

}  // namespace djust::live
