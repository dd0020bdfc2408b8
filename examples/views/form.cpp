// A form with real-time validation: every keystroke validates, submit saves when valid.
#include "djust/actors/live_view.hpp"
#include "views/views.hpp"

namespace djust::examples {
namespace {

class form_view : public live::live_view {
 public:
  form_view() {
    on("validate", &form_view::validate, live::param("name", ""), live::param("email", ""), live::param("age", ""));
    on("save", &form_view::save, live::param("name", ""), live::param("email", ""), live::param("age", ""));
  }
  std::string template_name() const override { return "form.html"; }
  void mount(const live::request&, const tmpl::value_map&) override {
    validate("", "", "");
    assign("touched", false);
    assign("saved", "");
  }
  void validate(std::string name, std::string email, std::string age) {
    assign("name", name);
    assign("email", email);
    assign("age", age);
    assign("touched", true);
    tmpl::value_map errors;
    if (name.size() < 2) errors.set("name", "Enter at least 2 characters.");
    auto at = email.find('@');
    if (at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos)
      errors.set("email", "Enter a valid email address.");
    try {
      std::size_t used = 0;
      int n = std::stoi(age, &used);
      if (used != age.size() || n < 1 || n > 150) errors.set("age", "Enter an age between 1 and 150.");
    } catch (const std::exception&) {
      errors.set("age", "Enter an age between 1 and 150.");
    }
    assign("valid", errors.empty());
    assign("errors", std::move(errors));
  }
  void save(std::string name, std::string email, std::string age) {
    validate(name, email, age);
    assign("saved", get("valid").as_bool() ? "Saved " + name + " <" + email + ">." : "");
  }
};

}  // namespace

void add_form(transport::app& app) { app.live<form_view>("form/", "form", "Form"); }

}  // namespace djust::examples
