// Shared cursors: every page shows every other visitor's pointer, live.
//
// Moves go out with broadcast_coalesced, so however fast pointers move, each page gets at
// most one batch of the latest positions per coalescing interval (runtime_options). Who is
// here comes from presence on the same topic; a visitor whose socket drops leaves at once.
#include <algorithm>
#include <array>
#include <functional>
#include <random>

#include "djust/actors/live_view.hpp"
#include "views/views.hpp"

namespace djust::examples {
namespace {

using tmpl::value;
using tmpl::value_list;
using tmpl::value_map;

constexpr const char* topic = "cursors";
constexpr int board_width = 800, board_height = 500;
constexpr std::array<const char*, 8> colors{"#e6194b", "#3cb44b", "#4363d8", "#f58231",
                                            "#911eb4", "#42d4f4", "#f032e6", "#9a6324"};

std::string new_visitor_id() {
  static thread_local std::mt19937 rng{std::random_device{}()};
  static constexpr char hex[] = "0123456789abcdef";
  std::string id(6, '0');
  for (char& c : id) c = hex[rng() % 16];
  return id;
}

class cursors_view : public live::live_view {
 public:
  cursors_view() { on("move", &cursors_view::move, live::param("x", 0), live::param("y", 0)); }
  std::string template_name() const override { return "cursors.html"; }

  void mount(const live::request&, const value_map&) override {
    std::string id = new_visitor_id();
    assign("me", id);
    assign("color", colors[std::hash<std::string>{}(id) % colors.size()]);
    assign("cursors", value_map{});
    join();
  }
  void restored() override { join(); }

  void handle_info(const pubsub::message& m) override {
    const std::string& me = get("me").as_string();
    if (m.event == "moves") {
      value_map cursors = get("cursors").as_map();
      for (const auto& [id, where] : m.payload.as_map())
        if (id != me) cursors.set(id, where);
      assign("cursors", std::move(cursors));
    } else if (m.event == pubsub::presence_diff_event) {
      const value* leaves = m.payload.as_map().find("leaves");
      value_map cursors;
      for (const auto& [id, where] : get("cursors").as_map())
        if (!leaves->as_map().find(id)) cursors.set(id, where);
      assign("cursors", std::move(cursors));
      assign("here", static_cast<std::int64_t>(presence_count(topic)));
    }
  }
  void get_context_data(value_map& ctx) override {
    value_list shown;
    for (const auto& [id, where] : get("cursors").as_map()) shown.push_back(where);
    ctx.set("shown", std::move(shown));
  }

  void move(std::int64_t x, std::int64_t y) {
    x = std::clamp<std::int64_t>(x, 0, board_width);
    y = std::clamp<std::int64_t>(y, 0, board_height);
    const std::string& me = get("me").as_string();
    broadcast_coalesced(topic, "moves", me,
                        value(value_map{{"id", me}, {"x", x}, {"y", y}, {"color", get("color")}}));
  }

 private:
  void join() {
    subscribe(topic);
    track(topic, get("me").as_string(), value_map{{"color", get("color")}});
    assign("here", static_cast<std::int64_t>(presence_count(topic)));
  }
};

}  // namespace

void add_cursors(transport::app& app) { app.live<cursors_view>("cursors/", "cursors", "Shared cursors"); }

}  // namespace djust::examples
