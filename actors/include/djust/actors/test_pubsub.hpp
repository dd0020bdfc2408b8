// An in-process PubSub for view_test: the views of one test share its topics and presences.
//
//   djust::live::test_pubsub topics;
//   djust::live::view_test<chat_view> ada(engine, topics), bob(engine, topics);
//   ada.mount(); bob.mount();
//   ada.fire("send", {{"text", "hi"}});
//   topics.deliver();                       // bob's handle_info runs, his patches apply
//   EXPECT_NE(bob.html().find("hi"), std::string::npos);
//
// Nothing is delivered inside the publishing handler: broadcasts and presence diffs queue up
// until deliver(), which hands them to subscribers in publish order (handle_info, render,
// patches) until nothing is pending. Coalesced broadcasts arrive as {key: payload} at once.
// Views are always "attached" here, so track() takes effect immediately.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "djust/actors/presence.hpp"
#include "djust/actors/pubsub_message.hpp"
#include "djust/actors/view_pubsub.hpp"

namespace djust::live {

class test_pubsub {
 public:
  using inbox = std::function<void(const pubsub::message&)>;

  // A port for one view; messages for it go to `receive` during deliver(). Destroying the
  // port unsubscribes it and untracks its presences (their leaves are queued).
  std::unique_ptr<view_pubsub> connect(inbox receive);

  // Delivers everything pending, including what handlers publish meanwhile; returns how
  // many messages were delivered.
  std::size_t deliver();
  std::size_t pending() const noexcept { return queue_.size(); }

 private:
  class port;
  friend class port;
  using port_id = std::uint64_t;

  void publish(const std::string& topic, std::string event, tmpl::value payload, port_id skip);
  void publish_diff(const pubsub::presence_diff& diff);
  void disconnect(port_id id);

  struct delivery {
    port_id to;
    pubsub::message message;
  };
  port_id next_id_ = 1;
  std::map<port_id, inbox> inboxes_;
  std::map<std::string, std::set<port_id>> subscribers_;
  pubsub::presence_table presences_;
  std::deque<delivery> queue_;
};

}  // namespace djust::live
