// The chat room: messages broadcast to the room, who's online (presence), typing indicators.
//
// Built to stay cheap in rooms of thousands: the page shows the online count and the first
// dozen names (bus.list with a limit, never the whole room), keeps the last 20 messages,
// and presence diffs arrive batched (runtime_options::presence_interval).
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <map>

#include "djust/actors/live_view.hpp"
#include "views/views.hpp"

namespace djust::examples {
namespace {

using tmpl::value;
using tmpl::value_list;
using tmpl::value_map;
using std::chrono::steady_clock;

constexpr const char* room = "chat:lobby";
constexpr std::size_t kept_messages = 20;
constexpr std::size_t names_shown = 12;
constexpr std::size_t max_text = 500;
constexpr auto typing_shown_for = std::chrono::seconds(3);
constexpr auto typing_resend_after = std::chrono::seconds(2);

std::atomic<std::int64_t> next_message_id{1};  // keys of message rows (dj-key), unique in the process

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

class chat_view : public live::live_view {
 public:
  chat_view() {
    on("send", &chat_view::send, live::param("text", ""));
    on("typing", &chat_view::typing, live::param("value", ""));
    on("rename", &chat_view::rename, live::param("value", ""));
  }
  std::string template_name() const override { return "chat.html"; }

  void mount(const live::request& req, const value_map&) override {
    // One name per browser session: two tabs of one visitor are one key with two metas.
    assign("name", "guest-" + req.session_id.substr(0, 4));
    assign("draft", "");
    assign("error", "");
    assign("messages", value_list{});
    assign("typing", value_list{});
    join_room();
  }
  void restored() override { join_room(); }  // a restored view is a new actor: subscribe again

  void handle_info(const pubsub::message& m) override {
    if (m.event == "message") {
      value_list messages = get("messages").as_list();
      messages.push_back(m.payload);
      if (messages.size() > kept_messages) messages.erase(messages.begin());
      assign("messages", std::move(messages));
      typing_since_.erase(m.payload.as_map().find("user")->as_string());  // they sent it: done typing
      show_typing();
    } else if (m.event == "typing") {
      typing_since_[m.payload.as_string()] = steady_clock::now();
      show_typing();
      send_after(std::chrono::duration_cast<std::chrono::milliseconds>(typing_shown_for), "typing_expired");
    } else if (m.event == pubsub::presence_diff_event) {
      show_presence();
    }
  }
  void handle_info(const value& message) override {
    if (message.is_string() && message.as_string() == "typing_expired") show_typing();
  }

  void send(std::string text) {
    text = trimmed(text);
    if (text.empty()) return;
    if (text.size() > max_text) return assign("error", "Messages are at most 500 characters.");
    broadcast(room, "message",
              value(value_map{{"id", next_message_id.fetch_add(1)}, {"user", get("name")}, {"text", text}}));
    assign("draft", "");
    assign("error", "");
    last_typing_sent_ = {};
  }
  void typing(std::string draft) {
    assign("draft", draft);
    auto now = steady_clock::now();
    if (trimmed(draft).empty() || now - last_typing_sent_ < typing_resend_after) return;
    last_typing_sent_ = now;
    broadcast_from(room, "typing", get("name"));
  }
  void rename(std::string name) {
    name = trimmed(name);
    if (name.empty() || name.size() > 24) return assign("error", "Names are 1 to 24 characters.");
    untrack(room, get("name").as_string());
    assign("name", name);
    assign("error", "");
    track(room, name, value_map{});
  }

 private:
  void join_room() {
    subscribe(room);
    track(room, get("name").as_string(), value_map{});
    show_presence();
  }
  void show_presence() {
    value_list names;
    value present = presence_list(room, names_shown);
    for (const auto& [key, metas] : present.as_map()) names.emplace_back(key);
    auto count = static_cast<std::int64_t>(presence_count(room));
    assign("online", std::move(names));
    assign("online_count", count);
    assign("online_more", std::max<std::int64_t>(0, count - static_cast<std::int64_t>(names_shown)));
  }
  void show_typing() {
    auto now = steady_clock::now();
    std::erase_if(typing_since_, [&](const auto& t) { return now - t.second >= typing_shown_for; });
    value_list names;
    for (const auto& [name, since] : typing_since_) names.emplace_back(name);
    assign("typing", std::move(names));
  }

  std::map<std::string, steady_clock::time_point> typing_since_;  // who typed lately (private)
  steady_clock::time_point last_typing_sent_{};
};

}  // namespace

void add_chat(transport::app& app) { app.live<chat_view>("chat/", "chat", "Chat"); }

}  // namespace djust::examples
