// The live dashboard: a timer updates the figures every second (server push, no client event).
#include <cmath>
#include <ctime>

#include "djust/actors/live_view.hpp"
#include "views/views.hpp"

namespace djust::examples {
namespace {

class dashboard_view : public live::live_view {
 public:
  std::string template_name() const override { return "dashboard.html"; }
  void mount(const live::request&, const tmpl::value_map&) override {
    assign("tick", 0);
    refresh();
    send_after(std::chrono::seconds(1), "tick");
  }
  void handle_info(const tmpl::value& message) override {
    if (!message.is_string() || message.as_string() != "tick") return;
    assign("tick", get("tick").as_int() + 1);
    refresh();
    send_after(std::chrono::seconds(1), "tick");
  }
  void restored() override { send_after(std::chrono::seconds(1), "tick"); }

 private:
  void refresh() {
    auto t = static_cast<double>(get("tick").as_int());
    std::time_t now = std::time(nullptr);
    char clock[16];
    std::strftime(clock, sizeof clock, "%H:%M:%S", std::gmtime(&now));
    assign("clock", std::string(clock));
    tmpl::value_list bars;
    for (int i = 0; i < 8; ++i)
      bars.emplace_back(static_cast<long long>(50 + 45 * std::sin((t + i * 3) / 4.0)));
    assign("bars", std::move(bars));
    assign("requests", static_cast<long long>(1000 + 300 * std::sin(t / 7.0)));
    assign("latency", std::round((12 + 4 * std::cos(t / 5.0)) * 10) / 10);
  }
};

}  // namespace

void add_dashboard(transport::app& app) { app.live<dashboard_view>("dashboard/", "dashboard", "Dashboard"); }

}  // namespace djust::examples
