// The socket actor: one per WebSocket; routes joins to the supervisor and events to its views.
#include <caf/all.hpp>

#include <map>

#include "messages.hpp"

namespace djust::live::detail {
namespace {

struct socket_state {
  caf::actor supervisor;
  std::function<void(view_output)> sink;
  std::map<std::string, caf::actor> views;
};
using socket_actor_t = caf::stateful_actor<socket_state>;

view_output error_reply(std::uint64_t ref, const std::string& view_id, std::string code, std::string message) {
  view_output r;
  r.ref = ref;
  r.view_id = view_id;
  r.ok = false;
  r.code = std::move(code);
  r.message = std::move(message);
  return r;
}

caf::behavior socket_actor(socket_actor_t* self, caf::actor supervisor, std::function<void(view_output)> sink) {
  self->state.supervisor = std::move(supervisor);
  self->state.sink = std::move(sink);
  self->set_down_handler([self](caf::down_msg& m) {
    for (auto it = self->state.views.begin(); it != self->state.views.end(); ++it)
      if (it->second.address() == m.source) {
        self->state.views.erase(it);
        break;
      }
  });
  return {
      [self](join_atom, join_request& req) {
        self->send(self->state.supervisor, join_atom::value, std::move(req), caf::actor_cast<caf::actor>(self));
      },
      [self](attach_atom, const std::string& view_id, caf::actor view) {
        self->monitor(view);
        self->state.views[view_id] = std::move(view);
      },
      [self](event_atom, const std::string& view_id, std::uint64_t ref, std::string& handler,
             tmpl::value& params, std::uint64_t ack) {
        auto it = self->state.views.find(view_id);
        if (it == self->state.views.end())
          return self->state.sink(error_reply(ref, view_id, "unknown_view", "no joined view '" + view_id + "'"));
        self->send(it->second, event_atom::value, ref, std::move(handler), std::move(params), ack);
      },
      [self](ack_atom, const std::string& view_id, std::uint64_t seq) {
        if (auto it = self->state.views.find(view_id); it != self->state.views.end())
          self->send(it->second, ack_atom::value, seq);
      },
      [self](leave_atom, const std::string& view_id, std::uint64_t ref) {
        auto it = self->state.views.find(view_id);
        if (it == self->state.views.end())
          return self->state.sink(error_reply(ref, view_id, "unknown_view", "no joined view '" + view_id + "'"));
        self->demonitor(it->second);
        self->send(it->second, leave_atom::value);
        self->state.views.erase(it);
        view_output ok;
        ok.ref = ref;
        ok.view_id = view_id;
        self->state.sink(std::move(ok));
      },
      [self](output_atom, view_output& out) { self->state.sink(std::move(out)); },
      [self](close_atom) {
        for (auto& [id, view] : self->state.views) self->send(view, detach_atom::value, caf::actor_cast<caf::actor>(self));
        self->state.views.clear();
        self->state.sink = nullptr;
        self->quit();
      },
  };
}

}  // namespace

caf::actor spawn_socket(caf::actor_system& sys, caf::actor supervisor, std::function<void(view_output)> sink) {
  return sys.spawn(socket_actor, std::move(supervisor), std::move(sink));
}

}  // namespace djust::live::detail
