// Search-as-you-type over 10,000 items (the input is debounced by the client).
#include <algorithm>
#include <cctype>

#include "djust/actors/live_view.hpp"
#include "views/views.hpp"

namespace djust::examples {
namespace {

const std::vector<std::string>& catalogue() {
  static const std::vector<std::string> items = [] {
    static const char* colours[] = {"red", "green", "blue", "amber", "violet", "teal", "coral", "ivory"};
    static const char* things[] = {"lamp", "chair", "kettle", "bicycle", "notebook", "guitar", "teapot", "camera",
                                   "backpack", "clock"};
    std::vector<std::string> out;
    out.reserve(10000);
    for (int i = 0; i < 10000; ++i)
      out.push_back(std::string(colours[i % 8]) + " " + things[(i / 8) % 10] + " #" + std::to_string(i + 1));
    return out;
  }();
  return items;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class search_view : public live::live_view {
 public:
  search_view() { on("search", &search_view::search, live::param("value", "")); }
  std::string template_name() const override { return "search.html"; }
  void mount(const live::request&, const tmpl::value_map&) override { assign("q", ""); }
  void search(std::string q) {
    if (q.size() > 100) q.resize(100);
    assign("q", q);
  }
  // Results are derived from the query on every render: never stored, never sent as state.
  void get_context_data(tmpl::value_map& ctx) override {
    std::string q = lower(get("q").as_string());
    tmpl::value_list hits;
    std::size_t total = 0;
    for (const auto& item : catalogue()) {
      if (!q.empty() && item.find(q) == std::string::npos) continue;
      if (++total <= 50) hits.emplace_back(item);
    }
    ctx.set("results", tmpl::value{std::move(hits)});
    ctx.set("total", static_cast<long long>(total));
    ctx.set("size", static_cast<long long>(catalogue().size()));
  }
};

}  // namespace

void add_search(transport::app& app) { app.live<search_view>("search/", "search", "Search"); }

}  // namespace djust::examples
