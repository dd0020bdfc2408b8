// The in-process bus: topic shards (CAF actors) owning subscriptions, presences and coalescing.
#include <caf/actor.hpp>
#include <caf/actor_cast.hpp>
#include <caf/actor_system.hpp>
#include <caf/atom.hpp>
#include <caf/system_messages.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/exit_reason.hpp>
#include <caf/send.hpp>
#include <caf/stateful_actor.hpp>

#include <functional>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "djust/actors/presence.hpp"
#include "djust/actors/pubsub.hpp"

namespace djust::pubsub::detail {

using sub_atom = caf::atom_constant<caf::atom("ps_sub")>;
using unsub_atom = caf::atom_constant<caf::atom("ps_unsub")>;
using pub_atom = caf::atom_constant<caf::atom("ps_pub")>;
using coal_atom = caf::atom_constant<caf::atom("ps_coal")>;
using flush_atom = caf::atom_constant<caf::atom("ps_flush")>;
using track_atom = caf::atom_constant<caf::atom("ps_track")>;
using untrack_atom = caf::atom_constant<caf::atom("ps_untrack")>;
using update_atom = caf::atom_constant<caf::atom("ps_update")>;
using state_atom = caf::atom_constant<caf::atom("ps_state")>;
using diff_flush_atom = caf::atom_constant<caf::atom("ps_dflush")>;

// A presence change for a shard (track or update): `meta` is a tmpl::value, which CAF cannot
// inspect, so it travels in this whitelisted in-process struct.
struct presence_request {
  caf::actor owner;
  std::string topic;
  std::string key;
  tmpl::value meta;
};

}  // namespace djust::pubsub::detail

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(djust::pubsub::detail::presence_request)

namespace djust::pubsub::detail {

// What a shard shares with readers on other threads: presences and subscriber counts.
// Only the shard actor writes (under the unique lock); list() and counts read (shared lock).
struct shard_shared {
  mutable std::shared_mutex mu;
  presence_table presences;
  std::unordered_map<std::string, std::size_t> subscriber_counts;
};

// One topic's subscribers: a dense vector to fan out over, an index for O(1) removal.
struct topic_subscribers {
  std::vector<caf::actor> list;
  std::unordered_map<caf::actor_id, std::size_t> index;

  bool add(const caf::actor& a) {
    if (index.count(a.id())) return false;
    index.emplace(a.id(), list.size());
    list.push_back(a);
    return true;
  }
  bool remove(caf::actor_id id) {
    auto it = index.find(id);
    if (it == index.end()) return false;
    std::size_t i = it->second;
    index.erase(it);
    if (i + 1 != list.size()) {
      list[i] = std::move(list.back());
      index[list[i].id()] = i;
    }
    list.pop_back();
    return true;
  }
};

// Updates coalesced for one (topic, event): latest payload per key, flushed once per interval.
struct pending_updates {
  std::string topic;
  std::string event;
  std::map<std::string, tmpl::value> latest;
};

// An actor the shard monitors: it subscribes to topics or tracks presences here.
struct watched_actor {
  caf::actor_addr addr;
  std::unordered_set<std::string> topics;
};

struct shard_state {
  std::shared_ptr<shard_shared> shared;
  caf::timespan interval{};
  caf::timespan presence_interval{};
  // Presence diffs held back while their topic's interval runs (presence_interval > 0);
  // a topic present here with an empty diff is in its interval with nothing to send.
  std::unordered_map<std::string, presence_diff> pending_diffs;
  std::unordered_map<std::string, topic_subscribers> topics;
  std::unordered_map<caf::actor_id, watched_actor> watched;
  std::unordered_map<std::string, pending_updates> pending;  // key: topic '\0' event
  static inline const char* name = "djust.pubsub.shard";
};

using shard_actor = caf::stateful_actor<shard_state>;

// Enqueues the same (shared, never re-encoded) message into every subscriber but `skip`.
// No execution context on purpose: with the shard's own worker as context, CAF's work-stealing
// scheduler puts every woken subscriber on that one worker's queue and the other workers
// spin stealing them one by one (10,000 subscribers took 150 ms); without it, wake-ups are
// spread round-robin over all workers (10 ms).
void fan_out(shard_actor* self, const std::string& topic, const caf::message& msg,
             caf::actor_id skip) {
  auto it = self->state.topics.find(topic);
  if (it == self->state.topics.end()) return;
  for (const auto& sub : it->second.list)
    if (sub.id() != skip) sub->enqueue(nullptr, caf::make_message_id(), msg, nullptr);
}

void publish(shard_actor* self, message m, caf::actor_id skip = caf::invalid_actor_id) {
  auto topic = m.topic;
  fan_out(self, topic, caf::make_message(std::move(m)), skip);
}

void send_diff(shard_actor* self, const presence_diff& diff) {
  publish(self, message{diff.topic, std::string(presence_diff_event), to_value(diff)});
}

// Sends a change at once, or folds it into its topic's pending batch (presence_interval).
void publish_diff(shard_actor* self, presence_diff diff) {
  if (diff.empty()) return;
  if (self->state.presence_interval == caf::timespan{}) return send_diff(self, diff);
  auto it = self->state.pending_diffs.find(diff.topic);
  if (it != self->state.pending_diffs.end()) return merge(it->second, std::move(diff));
  send_diff(self, diff);  // a quiet topic: at once, then batched until the interval ends
  self->state.pending_diffs.emplace(diff.topic, presence_diff{diff.topic, {}, {}});
  self->delayed_send(self, self->state.presence_interval, diff_flush_atom::value, diff.topic);
}

// The end of a topic's interval: sends what accumulated (and starts another interval), or
// lets the topic go quiet.
void flush_diffs(shard_actor* self, const std::string& topic) {
  auto it = self->state.pending_diffs.find(topic);
  if (it == self->state.pending_diffs.end()) return;
  if (it->second.empty()) {
    self->state.pending_diffs.erase(it);
    return;
  }
  presence_diff batch = std::exchange(it->second, presence_diff{topic, {}, {}});
  send_diff(self, batch);
  self->delayed_send(self, self->state.presence_interval, diff_flush_atom::value, topic);
}

void watch(shard_actor* self, const caf::actor& who) {
  if (self->state.watched.count(who.id())) return;
  self->monitor(who);
  self->state.watched.emplace(who.id(), watched_actor{who.address(), {}});
}

// Stops monitoring `id` once it neither subscribes nor tracks anything here.
void maybe_unwatch(shard_actor* self, caf::actor_id id, bool tracks) {
  auto it = self->state.watched.find(id);
  if (it == self->state.watched.end() || !it->second.topics.empty() || tracks) return;
  self->demonitor(it->second.addr);
  self->state.watched.erase(it);
}

void set_count(shard_actor* self, const std::string& topic) {
  auto it = self->state.topics.find(topic);
  std::size_t n = it == self->state.topics.end() ? 0 : it->second.list.size();
  std::unique_lock lock(self->state.shared->mu);
  if (n == 0)
    self->state.shared->subscriber_counts.erase(topic);
  else
    self->state.shared->subscriber_counts[topic] = n;
}

bool remove_subscription(shard_actor* self, const std::string& topic, caf::actor_id id) {
  auto it = self->state.topics.find(topic);
  if (it == self->state.topics.end() || !it->second.remove(id)) return false;
  if (it->second.list.empty()) self->state.topics.erase(it);
  set_count(self, topic);
  return true;
}

// Sends the pending updates of `ckey` (if any) and re-arms its timer; a quiet entry is dropped.
void flush(shard_actor* self, const std::string& ckey) {
  auto it = self->state.pending.find(ckey);
  if (it == self->state.pending.end()) return;
  auto& p = it->second;
  if (p.latest.empty()) {
    self->state.pending.erase(it);
    return;
  }
  tmpl::value_map batch;
  for (auto& [key, v] : p.latest) batch.set(key, std::move(v));
  p.latest.clear();
  publish(self, message{p.topic, p.event, tmpl::value(std::move(batch))});
  self->delayed_send(self, self->state.interval, flush_atom::value, ckey);
}

template <class F>
void with_presences(shard_actor* self, F&& f) {
  std::unique_lock lock(self->state.shared->mu);
  f(self->state.shared->presences);
}

caf::behavior shard(shard_actor* self, std::shared_ptr<shard_shared> shared,
                    caf::timespan interval, caf::timespan presence_interval) {
  self->state.shared = std::move(shared);
  self->state.interval = interval;
  self->state.presence_interval = presence_interval;
  self->set_down_handler([self](caf::down_msg& dm) {
    auto id = dm.source.id();
    auto it = self->state.watched.find(id);
    if (it == self->state.watched.end()) return;
    for (const auto& topic : it->second.topics) {
      auto t = self->state.topics.find(topic);
      if (t != self->state.topics.end() && t->second.remove(id) && t->second.list.empty())
        self->state.topics.erase(t);
      set_count(self, topic);
    }
    self->state.watched.erase(it);
    std::vector<presence_diff> diffs;
    with_presences(self, [&](presence_table& t) { diffs = t.untrack_owner(id); });
    for (auto& d : diffs) publish_diff(self, std::move(d));
  });
  return {
    [self](sub_atom, const std::string& topic, const caf::actor& who) {
      if (!who) return;
      watch(self, who);
      if (self->state.topics[topic].add(who)) {
        self->state.watched[who.id()].topics.insert(topic);
        set_count(self, topic);
      }
    },
    [self](unsub_atom, const std::string& topic, const caf::actor& who) {
      if (!who || !remove_subscription(self, topic, who.id())) return;
      self->state.watched[who.id()].topics.erase(topic);
      bool tracks = false;
      with_presences(self, [&](presence_table& t) { tracks = t.tracks(who.id()); });
      maybe_unwatch(self, who.id(), tracks);
    },
    [self](pub_atom, message& m, caf::actor_id skip) { publish(self, std::move(m), skip); },
    [self](coal_atom, message& m, std::string& key) {
      std::string ckey = m.topic + '\0' + m.event;
      auto it = self->state.pending.find(ckey);
      if (it != self->state.pending.end()) {
        it->second.latest[key] = std::move(m.payload);
        return;
      }
      auto& p = self->state.pending[ckey];
      p.topic = std::move(m.topic);
      p.event = std::move(m.event);
      p.latest.emplace(std::move(key), std::move(m.payload));
      flush(self, ckey);  // a quiet topic delivers at once, then at most once per interval
    },
    [self](flush_atom, const std::string& ckey) { flush(self, ckey); },
    [self](track_atom, presence_request& r) {
      if (!r.owner) return;
      watch(self, r.owner);
      presence_diff diff;
      with_presences(self, [&](presence_table& t) {
        diff = t.track(r.topic, r.key, r.owner.id(), std::move(r.meta));
      });
      publish_diff(self, std::move(diff));
    },
    [self](untrack_atom, const caf::actor& owner, const std::string& topic,
           const std::string& key) {
      if (!owner) return;
      presence_diff diff;
      bool tracks = false;
      with_presences(self, [&](presence_table& t) {
        diff = t.untrack(topic, key, owner.id());
        tracks = t.tracks(owner.id());
      });
      publish_diff(self, std::move(diff));
      maybe_unwatch(self, owner.id(), tracks);
    },
    [self](update_atom, presence_request& r) {
      if (!r.owner) return;
      presence_diff diff;
      with_presences(self, [&](presence_table& t) {
        diff = t.update(r.topic, r.key, r.owner.id(), std::move(r.meta));
      });
      publish_diff(self, std::move(diff));
    },
    [self](diff_flush_atom, const std::string& topic) { flush_diffs(self, topic); },
    [self](state_atom, const std::string& topic, const caf::actor& to) {
      if (!to) return;
      // Held-back diffs go first, so the state is never followed by changes it contains.
      if (auto it = self->state.pending_diffs.find(topic);
          it != self->state.pending_diffs.end() && !it->second.empty())
        send_diff(self, std::exchange(it->second, presence_diff{topic, {}, {}}));
      presence_list list;
      {
        std::shared_lock lock(self->state.shared->mu);
        list = self->state.shared->presences.list(topic);
      }
      to->enqueue(nullptr, caf::make_message_id(),
                  caf::make_message(message{topic, std::string(presence_state_event),
                                            to_value(list)}),
                  self->context());
    },
  };
}

void require_meta(const tmpl::value& meta) {
  if (!meta.is_null() && meta.kind() != tmpl::value_kind::map)
    throw std::invalid_argument("presence meta must be a map or null, got " + meta.repr());
}

void require_actor(const caf::actor& a, const char* what) {
  if (!a) throw std::invalid_argument(std::string("pubsub: ") + what + " is not a live actor");
}

class local_bus final : public bus {
 public:
  local_bus(caf::actor_system& sys, bus_options opts) {
    std::size_t n = opts.shards ? opts.shards : std::max(1u, std::thread::hardware_concurrency());
    auto interval = std::chrono::duration_cast<caf::timespan>(opts.coalesce_interval);
    auto presence_interval = std::chrono::duration_cast<caf::timespan>(opts.presence_interval);
    for (std::size_t i = 0; i < n; ++i) {
      shared_.push_back(std::make_shared<shard_shared>());
      shards_.push_back(sys.spawn(shard, shared_.back(), interval, presence_interval));
    }
  }
  ~local_bus() override {
    for (const auto& s : shards_) caf::anon_send_exit(s, caf::exit_reason::user_shutdown);
  }

  void subscribe(const std::string& topic, const caf::actor& subscriber) override {
    require_actor(subscriber, "subscriber");
    caf::anon_send(shard_for(topic), sub_atom::value, topic, subscriber);
  }
  void unsubscribe(const std::string& topic, const caf::actor& subscriber) override {
    require_actor(subscriber, "subscriber");
    caf::anon_send(shard_for(topic), unsub_atom::value, topic, subscriber);
  }
  void broadcast(const std::string& topic, std::string event, tmpl::value payload) override {
    caf::anon_send(shard_for(topic), pub_atom::value,
                   message{topic, std::move(event), std::move(payload)}, caf::invalid_actor_id);
  }
  void broadcast_from(const caf::actor& sender, const std::string& topic, std::string event,
                      tmpl::value payload) override {
    caf::anon_send(shard_for(topic), pub_atom::value,
                   message{topic, std::move(event), std::move(payload)}, sender.id());
  }
  void broadcast_coalesced(const std::string& topic, std::string event, std::string key,
                           tmpl::value payload) override {
    caf::anon_send(shard_for(topic), coal_atom::value,
                   message{topic, std::move(event), std::move(payload)}, std::move(key));
  }
  void track(const caf::actor& owner, const std::string& topic, std::string key,
             tmpl::value meta) override {
    require_actor(owner, "presence owner");
    require_meta(meta);
    caf::anon_send(shard_for(topic), track_atom::value,
                   presence_request{owner, topic, std::move(key), std::move(meta)});
  }
  void untrack(const caf::actor& owner, const std::string& topic, std::string key) override {
    require_actor(owner, "presence owner");
    caf::anon_send(shard_for(topic), untrack_atom::value, owner, topic, std::move(key));
  }
  void update(const caf::actor& owner, const std::string& topic, std::string key,
              tmpl::value meta) override {
    require_actor(owner, "presence owner");
    require_meta(meta);
    caf::anon_send(shard_for(topic), update_atom::value,
                   presence_request{owner, topic, std::move(key), std::move(meta)});
  }
  tmpl::value list(const std::string& topic) const override {
    const auto& s = *shared_[index_of(topic)];
    presence_list l;
    {
      std::shared_lock lock(s.mu);
      l = s.presences.list(topic);
    }
    return to_value(l);
  }
  tmpl::value list(const std::string& topic, std::size_t limit) const override {
    const auto& s = *shared_[index_of(topic)];
    presence_list l;
    {
      std::shared_lock lock(s.mu);
      l = s.presences.list(topic, limit);
    }
    return to_value(l);
  }
  std::size_t presence_count(const std::string& topic) const override {
    const auto& s = *shared_[index_of(topic)];
    std::shared_lock lock(s.mu);
    return s.presences.key_count(topic);
  }
  void send_presence_state(const std::string& topic, const caf::actor& to) override {
    require_actor(to, "presence state receiver");
    caf::anon_send(shard_for(topic), state_atom::value, topic, to);
  }
  std::size_t subscriber_count(const std::string& topic) const override {
    const auto& s = *shared_[index_of(topic)];
    std::shared_lock lock(s.mu);
    auto it = s.subscriber_counts.find(topic);
    return it == s.subscriber_counts.end() ? 0 : it->second;
  }

 private:
  std::size_t index_of(const std::string& topic) const {
    return std::hash<std::string>{}(topic) % shards_.size();
  }
  const caf::actor& shard_for(const std::string& topic) const { return shards_[index_of(topic)]; }

  std::vector<caf::actor> shards_;
  std::vector<std::shared_ptr<shard_shared>> shared_;
};

}  // namespace djust::pubsub::detail

namespace djust::pubsub {

std::unique_ptr<bus> make_local_bus(caf::actor_system& system, bus_options options) {
  return std::make_unique<detail::local_bus>(system, options);
}

}  // namespace djust::pubsub
