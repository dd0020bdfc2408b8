// What one view can do with topics and presence: the port live_view's pubsub calls go through.
//
// The runtime gives every view actor one, bound to that actor (so broadcast_from skips it and
// its subscriptions and presences end with it). Presences follow the socket: tracked only
// while a socket is attached, they leave when it drops and come back when it resumes.
#pragma once

#include <cstddef>
#include <string>

#include "djust/template/value.hpp"

namespace djust::live {

class view_pubsub {
 public:
  virtual ~view_pubsub() = default;

  virtual void subscribe(const std::string& topic) = 0;
  virtual void unsubscribe(const std::string& topic) = 0;
  virtual void broadcast(const std::string& topic, std::string event, tmpl::value payload) = 0;
  // To every subscriber but this view.
  virtual void broadcast_from(const std::string& topic, std::string event, tmpl::value payload) = 0;
  // Latest payload per key, delivered at most once per interval (cursor moves).
  virtual void broadcast_coalesced(const std::string& topic, std::string event, std::string key,
                                   tmpl::value payload) = 0;

  // `meta` is a map or null (std::invalid_argument otherwise).
  virtual void track(const std::string& topic, std::string key, tmpl::value meta) = 0;
  virtual void untrack(const std::string& topic, const std::string& key) = 0;
  virtual void update(const std::string& topic, std::string key, tmpl::value meta) = 0;
  // {key: {"metas": [...]}, ...} for at most `limit` keys (key order), and the key count.
  virtual tmpl::value presence_list(const std::string& topic, std::size_t limit) const = 0;
  virtual std::size_t presence_count(const std::string& topic) const = 0;
};

}  // namespace djust::live
