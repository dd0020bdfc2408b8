// PubSub and Presence for views: topics, broadcasts, coalesced updates, tracked presences.
//
// Subscribers are CAF actors (view actors). Everything they receive is ONE message
// type, djust::pubsub::message {topic, event, payload} (pubsub_message.hpp). Views do not
// use this interface directly: live_view's subscribe()/broadcast()/track() go through it,
// and its messages arrive at live_view::handle_info(const pubsub::message&).
// The message is built once per broadcast and shared by every subscriber's mailbox
// (payload values are immutable and shared), never encoded per subscriber: take it by
// const& (a non-const handler parameter makes CAF copy it for that subscriber).
//
// Every call is asynchronous, thread-safe and non-blocking (list() takes a short
// read lock), so handlers and any server code may call it. Topics are sharded over
// shard actors by topic hash; calls from one thread (or one actor) about one topic are
// applied and delivered in call order. A subscriber or tracker that exits is
// unsubscribed and untracked automatically (monitored), its leaves broadcast.
//
// The bus is an interface so a multi-node implementation (Redis) can replace the local one.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <caf/allowed_unsafe_message_type.hpp>

#include "djust/actors/pubsub_message.hpp"
#include "djust/template/value.hpp"

namespace caf {
class actor;
class actor_system;
}  // namespace caf

namespace djust::pubsub {

struct bus_options {
  // Shard actors topics are spread over; 0 = one per hardware thread.
  std::size_t shards = 0;
  // broadcast_coalesced delivers at most one message per (topic, event) per interval.
  std::chrono::milliseconds coalesce_interval{16};
  // Presence diffs of one topic: 0 sends each change at once; otherwise the first change of
  // a quiet topic goes out at once and later ones are merged (merge() in presence.hpp) and
  // sent together at the end of the interval, so N joins cost each subscriber a few
  // messages, not N (thousands of sessions joining one room).
  std::chrono::milliseconds presence_interval{0};
};

class bus {
 public:
  virtual ~bus() = default;

  // Idempotent: subscribing twice still delivers each broadcast once.
  virtual void subscribe(const std::string& topic, const caf::actor& subscriber) = 0;
  virtual void unsubscribe(const std::string& topic, const caf::actor& subscriber) = 0;

  // To every subscriber of `topic`.
  virtual void broadcast(const std::string& topic, std::string event, tmpl::value payload) = 0;
  // To every subscriber of `topic` except `sender`.
  virtual void broadcast_from(const caf::actor& sender, const std::string& topic,
                              std::string event, tmpl::value payload) = 0;
  // High-frequency state (cursor moves): the first update of a quiet (topic, event) goes
  // out at once; later ones within the interval are merged, keeping the latest payload per
  // `key`, and delivered together at the end of the interval as {key: payload, ...}.
  virtual void broadcast_coalesced(const std::string& topic, std::string event,
                                   std::string key, tmpl::value payload) = 0;

  // Presence. `owner` is the tracking actor (usually the view itself): when it exits its
  // presences leave. `meta` must be a map or null (std::invalid_argument otherwise).
  virtual void track(const caf::actor& owner, const std::string& topic, std::string key,
                     tmpl::value meta) = 0;
  virtual void untrack(const caf::actor& owner, const std::string& topic, std::string key) = 0;
  virtual void update(const caf::actor& owner, const std::string& topic, std::string key,
                      tmpl::value meta) = 0;
  // The topic's presences now: {key: {"metas": [meta + {"phx_ref": ref}, ...]}, ...}.
  virtual tmpl::value list(const std::string& topic) const = 0;
  // The first `limit` keys of list() in key order, and the number of keys: what a page of
  // a room of thousands shows ("4,981 online: ada, bob, ...") without copying them all.
  virtual tmpl::value list(const std::string& topic, std::size_t limit) const = 0;
  virtual std::size_t presence_count(const std::string& topic) const = 0;
  // Sends `to` a "presence_state" message, ordered with the topic's diffs: subscribe, then
  // call this, and state + diffs miss nothing (list() alone may race with a join).
  virtual void send_presence_state(const std::string& topic, const caf::actor& to) = 0;

  // Subscribers of `topic` as of the last subscription change the shard applied.
  virtual std::size_t subscriber_count(const std::string& topic) const = 0;
};

// The in-process bus. Destroy it before the actor system (its shards then exit).
std::unique_ptr<bus> make_local_bus(caf::actor_system& system, bus_options options = {});

}  // namespace djust::pubsub

// In-process only for now (tmpl::value has no CAF inspect); a multi-node bus serializes it itself.
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(djust::pubsub::message)
