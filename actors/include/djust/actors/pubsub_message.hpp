// What a PubSub subscriber receives (Phoenix's %Broadcast{}): CAF-free, so views can see it.
#pragma once

#include <string>
#include <string_view>

#include "djust/template/value.hpp"

namespace djust::pubsub {

// The one message type subscribers receive:
//   - broadcast / broadcast_from:   event and payload as published;
//   - broadcast_coalesced:          event as published, payload {key: latest payload, ...};
//   - presence joins and leaves:    event "presence_diff", payload {"joins": .., "leaves": ..};
//   - send_presence_state():        event "presence_state", payload as list() returns.
struct message {
  std::string topic;
  std::string event;
  tmpl::value payload;
};

inline constexpr std::string_view presence_diff_event = "presence_diff";
inline constexpr std::string_view presence_state_event = "presence_state";

}  // namespace djust::pubsub
