// actor_pubsub: a view's pubsub calls on the bus under its actor's identity.
#include <caf/all.hpp>

#include <algorithm>
#include <stdexcept>

#include "actor_pubsub.hpp"

namespace djust::live::detail {

caf::actor actor_pubsub::handle() const { return caf::actor_cast<caf::actor>(self_); }

actor_pubsub::presence* actor_pubsub::find(const std::string& topic, const std::string& key) {
  auto it = std::find_if(tracked_.begin(), tracked_.end(),
                         [&](const presence& p) { return p.topic == topic && p.key == key; });
  return it == tracked_.end() ? nullptr : &*it;
}

void actor_pubsub::subscribe(const std::string& topic) { bus_->subscribe(topic, handle()); }

void actor_pubsub::unsubscribe(const std::string& topic) { bus_->unsubscribe(topic, handle()); }

void actor_pubsub::broadcast(const std::string& topic, std::string event, tmpl::value payload) {
  bus_->broadcast(topic, std::move(event), std::move(payload));
}

void actor_pubsub::broadcast_from(const std::string& topic, std::string event, tmpl::value payload) {
  bus_->broadcast_from(handle(), topic, std::move(event), std::move(payload));
}

void actor_pubsub::broadcast_coalesced(const std::string& topic, std::string event, std::string key,
                                       tmpl::value payload) {
  bus_->broadcast_coalesced(topic, std::move(event), std::move(key), std::move(payload));
}

void actor_pubsub::track(const std::string& topic, std::string key, tmpl::value meta) {
  if (!meta.is_null() && meta.kind() != tmpl::value_kind::map)
    throw std::invalid_argument("presence meta must be a map or null, got " + meta.repr());
  if (presence* p = find(topic, key)) {
    p->meta = meta;
  } else {
    tracked_.push_back({topic, key, meta});
  }
  if (attached_) bus_->track(handle(), topic, std::move(key), std::move(meta));
}

void actor_pubsub::untrack(const std::string& topic, const std::string& key) {
  std::erase_if(tracked_, [&](const presence& p) { return p.topic == topic && p.key == key; });
  if (attached_) bus_->untrack(handle(), topic, key);
}

void actor_pubsub::update(const std::string& topic, std::string key, tmpl::value meta) {
  presence* p = find(topic, key);
  if (!p) return;  // as the bus does: updating what is not tracked changes nothing
  if (!meta.is_null() && meta.kind() != tmpl::value_kind::map)
    throw std::invalid_argument("presence meta must be a map or null, got " + meta.repr());
  p->meta = meta;
  if (attached_) bus_->update(handle(), topic, std::move(key), std::move(meta));
}

tmpl::value actor_pubsub::presence_list(const std::string& topic, std::size_t limit) const {
  return bus_->list(topic, limit);
}

std::size_t actor_pubsub::presence_count(const std::string& topic) const { return bus_->presence_count(topic); }

void actor_pubsub::set_attached(bool attached) {
  if (attached == attached_) return;
  attached_ = attached;
  for (const auto& p : tracked_) {
    if (attached)
      bus_->track(handle(), p.topic, p.key, p.meta);
    else
      bus_->untrack(handle(), p.topic, p.key);
  }
}

}  // namespace djust::live::detail
