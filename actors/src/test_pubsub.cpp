// test_pubsub: topics, presences and queued deliveries for views under view_test.
#include "djust/actors/test_pubsub.hpp"

#include <stdexcept>

namespace djust::live {

class test_pubsub::port final : public view_pubsub {
 public:
  port(test_pubsub& bus, port_id id) : bus_(bus), id_(id) {}
  ~port() override { bus_.disconnect(id_); }

  void subscribe(const std::string& topic) override { bus_.subscribers_[topic].insert(id_); }
  void unsubscribe(const std::string& topic) override { bus_.subscribers_[topic].erase(id_); }
  void broadcast(const std::string& topic, std::string event, tmpl::value payload) override {
    bus_.publish(topic, std::move(event), std::move(payload), 0);
  }
  void broadcast_from(const std::string& topic, std::string event, tmpl::value payload) override {
    bus_.publish(topic, std::move(event), std::move(payload), id_);
  }
  void broadcast_coalesced(const std::string& topic, std::string event, std::string key,
                           tmpl::value payload) override {
    bus_.publish(topic, std::move(event), tmpl::value(tmpl::value_map{{std::move(key), std::move(payload)}}), 0);
  }
  void track(const std::string& topic, std::string key, tmpl::value meta) override {
    bus_.publish_diff(bus_.presences_.track(topic, key, id_, std::move(meta)));
  }
  void untrack(const std::string& topic, const std::string& key) override {
    bus_.publish_diff(bus_.presences_.untrack(topic, key, id_));
  }
  void update(const std::string& topic, std::string key, tmpl::value meta) override {
    bus_.publish_diff(bus_.presences_.update(topic, key, id_, std::move(meta)));
  }
  tmpl::value presence_list(const std::string& topic, std::size_t limit) const override {
    return pubsub::to_value(bus_.presences_.list(topic, limit));
  }
  std::size_t presence_count(const std::string& topic) const override { return bus_.presences_.key_count(topic); }

 private:
  test_pubsub& bus_;
  port_id id_;
};

std::unique_ptr<view_pubsub> test_pubsub::connect(inbox receive) {
  port_id id = next_id_++;
  inboxes_[id] = std::move(receive);
  return std::make_unique<port>(*this, id);
}

void test_pubsub::publish(const std::string& topic, std::string event, tmpl::value payload, port_id skip) {
  auto it = subscribers_.find(topic);
  if (it == subscribers_.end()) return;
  for (port_id to : it->second)
    if (to != skip) queue_.push_back({to, pubsub::message{topic, event, payload}});
}

void test_pubsub::publish_diff(const pubsub::presence_diff& diff) {
  if (!diff.empty()) publish(diff.topic, std::string(pubsub::presence_diff_event), pubsub::to_value(diff), 0);
}

void test_pubsub::disconnect(port_id id) {
  for (auto& [topic, subs] : subscribers_) subs.erase(id);
  std::erase_if(queue_, [&](const delivery& d) { return d.to == id; });
  inboxes_.erase(id);
  for (const auto& diff : presences_.untrack_owner(id)) publish_diff(diff);
}

std::size_t test_pubsub::deliver() {
  std::size_t n = 0;
  while (!queue_.empty()) {
    delivery d = std::move(queue_.front());
    queue_.pop_front();
    auto it = inboxes_.find(d.to);
    if (it == inboxes_.end()) continue;
    it->second(d.message);
    ++n;
  }
  return n;
}

}  // namespace djust::live
