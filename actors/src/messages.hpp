// Atoms, message types and spawn functions shared by the view, socket and supervisor actors.
#pragma once

#include <caf/actor.hpp>
#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/atom.hpp>
#include <caf/local_actor.hpp>

#include <memory>
#include <string>
#include <unordered_map>

#include "djust/actors/pubsub.hpp"
#include "djust/actors/runtime.hpp"

namespace djust::live::detail {

using mount_atom = caf::atom_constant<caf::atom("mount")>;
using join_atom = caf::atom_constant<caf::atom("join")>;
using event_atom = caf::atom_constant<caf::atom("event")>;
using info_atom = caf::atom_constant<caf::atom("info")>;
using ack_atom = caf::atom_constant<caf::atom("ack")>;
using leave_atom = caf::atom_constant<caf::atom("leave")>;
using attach_atom = caf::atom_constant<caf::atom("attach")>;
using detach_atom = caf::atom_constant<caf::atom("detach")>;
using expire_atom = caf::atom_constant<caf::atom("expire")>;
using output_atom = caf::atom_constant<caf::atom("output")>;
using close_atom = caf::atom_constant<caf::atom("close")>;
using snap_atom = caf::atom_constant<caf::atom("snapshot")>;
using restore_atom = caf::atom_constant<caf::atom("restore")>;
using count_atom = caf::atom_constant<caf::atom("count")>;
using render_atom = caf::atom_constant<caf::atom("render")>;

// Shared, immutable after start: the engine, metrics, options and registered views.
struct runtime_context {
  const tmpl::engine* engine = nullptr;
  runtime_metrics* metrics = nullptr;
  // Shared: the view actors still using it at shutdown keep it (and its shards) alive.
  std::shared_ptr<pubsub::bus> bus;
  runtime_options options;
  std::unordered_map<std::string, view_factory> factories;
};
using context_ptr = std::shared_ptr<const runtime_context>;

// A view actor; `supervisor` receives its snapshot when its grace period ends.
caf::actor spawn_view(caf::local_actor* parent, std::string id, std::string name, view_factory factory,
                      context_ptr ctx, caf::actor supervisor);
caf::actor spawn_socket(caf::actor_system& sys, caf::actor supervisor, std::function<void(view_output)> sink);
caf::actor spawn_supervisor(caf::actor_system& sys, context_ptr ctx);

// A fresh unguessable view id (128 random bits, hex).
std::string new_view_id();

}  // namespace djust::live::detail

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(djust::live::request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(djust::live::join_request)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(djust::live::view_output)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(djust::tmpl::value)
