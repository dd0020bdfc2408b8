// The public LiveView API: subclass live_view, register typed handlers, keep public state in assigns.
//
//   class counter_view : public djust::live::live_view {
//    public:
//     counter_view() { on("increment", &counter_view::increment, param("by", 1)); }
//     std::string template_name() const override { return "counter.html"; }
//     void mount(const djust::live::request&, const djust::tmpl::value_map&) override { assign("count", 0); }
//     void increment(std::int64_t by) { assign("count", get("count").as_int() + by); }
//   };
//
// Only registered handlers can be called. Parameters are coerced from the event payload
// to the handler's parameter types (bool, integers, double, std::string, tmpl::value,
// tmpl::value_map, tmpl::value_list); a missing parameter takes its default, a value that
// does not convert is a bad_params error naming the parameter. Public state (assigns)
// is what templates see and what snapshots save; private state is plain members.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "djust/actors/pubsub_message.hpp"
#include "djust/actors/view_pubsub.hpp"
#include "djust/template/value.hpp"

namespace djust::live {

// What mount() learns about the page request.
struct request {
  std::string path;    // "/items/7/"
  std::string query;   // "q=x"
  std::vector<std::pair<std::string, std::string>> headers;  // names lowercased
  std::string session_id;
  tmpl::value user;    // what the app's user resolver returned (null: anonymous)
};

// An event the view refuses: code is the wire error code ("unknown_handler", "bad_params").
class event_error : public std::runtime_error {
 public:
  event_error(std::string code, const std::string& message) : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const noexcept { return code_; }

 private:
  std::string code_;
};

// A handler parameter: its name in the payload and the default when it is absent.
struct param_spec {
  std::string name;
  tmpl::value fallback;
};
inline param_spec param(std::string name, tmpl::value fallback = {}) { return {std::move(name), std::move(fallback)}; }

// Converts `v` to T or throws event_error("bad_params", "parameter 'n' of 'h' must be ...").
// Supported: bool, int, std::int64_t, double, std::string, tmpl::value, value_map, value_list.
template <class T>
T coerce(const tmpl::value& v, std::string_view param_name, std::string_view handler);
template <> bool coerce<bool>(const tmpl::value&, std::string_view, std::string_view);
template <> int coerce<int>(const tmpl::value&, std::string_view, std::string_view);
template <> std::int64_t coerce<std::int64_t>(const tmpl::value&, std::string_view, std::string_view);
template <> double coerce<double>(const tmpl::value&, std::string_view, std::string_view);
template <> std::string coerce<std::string>(const tmpl::value&, std::string_view, std::string_view);
template <> tmpl::value coerce<tmpl::value>(const tmpl::value&, std::string_view, std::string_view);
template <> tmpl::value_map coerce<tmpl::value_map>(const tmpl::value&, std::string_view, std::string_view);
template <> tmpl::value_list coerce<tmpl::value_list>(const tmpl::value&, std::string_view, std::string_view);

class live_view {
 public:
  virtual ~live_view() = default;

  virtual std::string template_name() const = 0;
  // Once per page; `params` come from the route pattern (<int:id> -> integer).
  virtual void mount(const request& req, const tmpl::value_map& params) {}
  // Before every render; may add derived values to `context` (a copy of the assigns).
  virtual void get_context_data(tmpl::value_map& context) {}
  // Messages from send_after() timers and from other code (runtime::send_info).
  virtual void handle_info(const tmpl::value& message) {}
  // Broadcasts on subscribed topics, presence diffs ("presence_diff") and presence state.
  virtual void handle_info(const pubsub::message& message) {}
  // After a restart from a snapshot (public state restored, private state default).
  virtual void restored() {}

  // ---- public state -------------------------------------------------------
  void assign(std::string key, tmpl::value v) { assigns_.set(std::move(key), std::move(v)); }
  // The assigned value, or null.
  const tmpl::value& get(std::string_view key) const;
  const tmpl::value_map& assigns() const noexcept { return assigns_; }
  void replace_assigns(tmpl::value_map assigns) { assigns_ = std::move(assigns); }

  // ---- server-side effects (collected by the runtime after each callback) ---
  void send_after(std::chrono::milliseconds delay, tmpl::value message) { timers_.push_back({delay, std::move(message)}); }
  void push_redirect(std::string to) { redirect_ = std::move(to); }

  struct timer_request {
    std::chrono::milliseconds delay;
    tmpl::value message;
  };
  std::vector<timer_request> take_timers() { return std::exchange(timers_, {}); }
  std::string take_redirect() { return std::exchange(redirect_, {}); }

  // ---- pubsub and presence (see view_pubsub.hpp); std::logic_error without a runtime --
  void subscribe(const std::string& topic) { topics().subscribe(topic); }
  void unsubscribe(const std::string& topic) { topics().unsubscribe(topic); }
  void broadcast(const std::string& topic, std::string event, tmpl::value payload) {
    topics().broadcast(topic, std::move(event), std::move(payload));
  }
  void broadcast_from(const std::string& topic, std::string event, tmpl::value payload) {
    topics().broadcast_from(topic, std::move(event), std::move(payload));
  }
  void broadcast_coalesced(const std::string& topic, std::string event, std::string key, tmpl::value payload) {
    topics().broadcast_coalesced(topic, std::move(event), std::move(key), std::move(payload));
  }
  void track(const std::string& topic, std::string key, tmpl::value meta = {}) {
    topics().track(topic, std::move(key), std::move(meta));
  }
  void untrack(const std::string& topic, const std::string& key) { topics().untrack(topic, key); }
  void update_presence(const std::string& topic, std::string key, tmpl::value meta) {
    topics().update(topic, std::move(key), std::move(meta));
  }
  tmpl::value presence_list(const std::string& topic, std::size_t limit = SIZE_MAX) const {
    return topics().presence_list(topic, limit);
  }
  std::size_t presence_count(const std::string& topic) const { return topics().presence_count(topic); }
  // Set by the runtime (or a test harness) before mount().
  void attach_pubsub(view_pubsub* port) noexcept { pubsub_ = port; }

  // ---- the user (request.user of the page; null: anonymous) ------------------
  const tmpl::value& user() const noexcept { return user_; }
  void set_user(tmpl::value user) { user_ = std::move(user); }

  // ---- handlers -----------------------------------------------------------
  bool has_handler(std::string_view name) const { return handlers_.find(name) != handlers_.end(); }
  // Runs a registered handler; throws event_error for unknown handlers, bad params, and
  // handlers whose permission the user lacks ("forbidden").
  void dispatch(std::string_view name, const tmpl::value_map& payload);

 protected:
  // Registers `fn` under `name`, with one param_spec per parameter.
  template <class Self, class... Args, class... Specs>
  void on(std::string name, void (Self::*fn)(Args...), Specs... specs) {
    static_assert(sizeof...(Args) == sizeof...(Specs), "give one param(...) per handler parameter");
    std::vector<param_spec> list{param_spec(std::move(specs))...};
    handlers_[name] = [fn, list = std::move(list), name](live_view& self, const tmpl::value_map& payload) {
      call(static_cast<Self&>(self), fn, list, payload, name, std::index_sequence_for<Args...>{});
    };
  }

  // Only users with `permission` (auth.hpp has_permission) may call handler `name`.
  void require_permission(std::string name, std::string permission) {
    handler_permissions_[std::move(name)].push_back(std::move(permission));
  }

 private:
  template <class Self, class... Args, std::size_t... I>
  static void call(Self& self, void (Self::*fn)(Args...), const std::vector<param_spec>& specs,
                   const tmpl::value_map& payload, const std::string& handler, std::index_sequence<I...>) {
    std::tuple<std::decay_t<Args>...> args{coerce<std::decay_t<Args>>(
        payload.find(specs[I].name) ? *payload.find(specs[I].name) : specs[I].fallback, specs[I].name, handler)...};
    std::apply([&](auto&&... a) { (self.*fn)(std::forward<decltype(a)>(a)...); }, std::move(args));
  }

  view_pubsub& topics() const {
    if (!pubsub_) throw std::logic_error("pubsub is only available to views run by a djust runtime or view_test");
    return *pubsub_;
  }

  tmpl::value_map assigns_;
  tmpl::value user_;
  view_pubsub* pubsub_ = nullptr;
  std::map<std::string, std::vector<std::string>, std::less<>> handler_permissions_;
  std::vector<timer_request> timers_;
  std::string redirect_;
  std::map<std::string, std::function<void(live_view&, const tmpl::value_map&)>, std::less<>> handlers_;
};

}  // namespace djust::live
