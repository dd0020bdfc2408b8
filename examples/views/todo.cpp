// The todo example: keyed rows, add, toggle, delete, edit in place, validation errors.
#include "djust/actors/live_view.hpp"
#include "views/views.hpp"

namespace djust::examples {
namespace {

using tmpl::value;
using tmpl::value_list;
using tmpl::value_map;

class todo_view : public live::live_view {
 public:
  todo_view() {
    on("add", &todo_view::add, live::param("text", ""));
    on("toggle", &todo_view::toggle, live::param("id", 0));
    on("remove", &todo_view::remove, live::param("id", 0));
    on("edit", &todo_view::edit, live::param("id", 0));
    on("save", &todo_view::save, live::param("id", 0), live::param("text", ""));
  }
  std::string template_name() const override { return "todo.html"; }
  void mount(const live::request&, const value_map&) override {
    assign("items", value_list{});
    assign("next_id", 1);
    assign("editing", 0);
    assign("error", "");
    add("Try the counter");
    add("Search as you type");
  }
  void get_context_data(value_map& ctx) override {
    long long left = 0;
    for (const auto& item : get("items").as_list())
      if (!item.as_map().find("done")->as_bool()) ++left;
    ctx.set("left", left);
  }

  void add(std::string text) {
    if (auto error = validate(text); !error.empty()) return assign("error", error);
    value_list items = get("items").as_list();
    std::int64_t id = get("next_id").as_int();
    items.emplace_back(value_map{{"id", id}, {"text", trim(text)}, {"done", false}});
    assign("items", std::move(items));
    assign("next_id", id + 1);
    assign("error", "");
  }
  void toggle(std::int64_t id) {
    update(id, [](value_map& item) { item.set("done", !item.find("done")->as_bool()); });
  }
  void remove(std::int64_t id) {
    value_list kept;
    for (const auto& item : get("items").as_list())
      if (item.as_map().find("id")->as_int() != id) kept.push_back(item);
    assign("items", std::move(kept));
  }
  void edit(std::int64_t id) { assign("editing", id); }
  void save(std::int64_t id, std::string text) {
    if (auto error = validate(text); !error.empty()) return assign("error", error);
    update(id, [&](value_map& item) { item.set("text", trim(text)); });
    assign("editing", 0);
    assign("error", "");
  }

 private:
  static std::string trim(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(s.begin());
    return s;
  }
  static std::string validate(const std::string& text) {
    std::string t = trim(text);
    if (t.empty()) return "A todo needs some text.";
    if (t.size() > 80) return "Keep it under 80 characters.";
    return "";
  }
  template <class F>
  void update(std::int64_t id, F f) {
    value_list items;
    for (const auto& item : get("items").as_list()) {
      value_map m = item.as_map();
      if (m.find("id")->as_int() == id) f(m);
      items.emplace_back(std::move(m));
    }
    assign("items", std::move(items));
  }
};

}  // namespace

void add_todo(transport::app& app) { app.live<todo_view>("todo/", "todo", "Todo"); }

}  // namespace djust::examples
