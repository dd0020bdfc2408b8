// The counter example: the smallest live view.
#include "djust/actors/live_view.hpp"
#include "views/views.hpp"

namespace djust::examples {
namespace {

class counter_view : public live::live_view {
 public:
  counter_view() {
    on("increment", &counter_view::increment, live::param("by", 1));
    on("decrement", &counter_view::decrement);
    on("reset", &counter_view::reset);
  }
  std::string template_name() const override { return "counter.html"; }
  void mount(const live::request&, const tmpl::value_map&) override { assign("count", 0); }
  void increment(std::int64_t by) { assign("count", get("count").as_int() + by); }
  void decrement() { increment(-1); }
  void reset() { assign("count", 0); }
};

}  // namespace

void add_counter(transport::app& app) { app.live<counter_view>("counter/", "counter", "Counter"); }

}  // namespace djust::examples
