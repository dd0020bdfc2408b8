// The view_pubsub of one view actor: the bus plus that actor's handle; presences follow the socket.
#pragma once

#include <caf/local_actor.hpp>

#include <memory>
#include <string>
#include <vector>

#include "djust/actors/pubsub.hpp"
#include "djust/actors/view_pubsub.hpp"

namespace djust::live::detail {

class actor_pubsub final : public view_pubsub {
 public:
  // `self` is the view actor that owns this port (a raw pointer: no reference cycle).
  actor_pubsub(std::shared_ptr<pubsub::bus> bus, caf::local_actor* self) : bus_(std::move(bus)), self_(self) {}

  void subscribe(const std::string& topic) override;
  void unsubscribe(const std::string& topic) override;
  void broadcast(const std::string& topic, std::string event, tmpl::value payload) override;
  void broadcast_from(const std::string& topic, std::string event, tmpl::value payload) override;
  void broadcast_coalesced(const std::string& topic, std::string event, std::string key,
                           tmpl::value payload) override;
  void track(const std::string& topic, std::string key, tmpl::value meta) override;
  void untrack(const std::string& topic, const std::string& key) override;
  void update(const std::string& topic, std::string key, tmpl::value meta) override;
  tmpl::value presence_list(const std::string& topic, std::size_t limit) const override;
  std::size_t presence_count(const std::string& topic) const override;

  // A socket attached (track every remembered presence) or dropped (untrack them all).
  void set_attached(bool attached);

 private:
  struct presence {
    std::string topic;
    std::string key;
    tmpl::value meta;
  };
  caf::actor handle() const;
  presence* find(const std::string& topic, const std::string& key);

  std::shared_ptr<pubsub::bus> bus_;
  caf::local_actor* self_;
  bool attached_ = false;
  std::vector<presence> tracked_;  // what the view tracks, kept across socket drops
};

}  // namespace djust::live::detail
