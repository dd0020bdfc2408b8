// djust-demo [--host H] [--port P] [--scheduler sharing|stealing]: serves the example apps and their index page.
#include <cstring>
#include <iostream>
#include <string>

#include "djust/transport/signing.hpp"
#include "views/views.hpp"

int main(int argc, char** argv) {
  djust::transport::app_options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "--host" || arg == "--port" || arg == "--scheduler") && i + 1 < argc) {
      std::string v = argv[++i];
      if (arg == "--host") {
        options.host = v;
      } else if (arg == "--scheduler") {
        options.runtime.scheduler = v;
      } else {
        try {
          int port = std::stoi(v);
          if (port < 0 || port > 65535) throw std::out_of_range("port");
          options.port = static_cast<std::uint16_t>(port);
        } catch (const std::exception&) {
          std::cerr << "djust-demo: --port needs a number from 0 to 65535, got '" << v << "'\n";
          return 2;
        }
      }
    } else {
      std::cerr << "usage: djust-demo [--host H] [--port P] [--scheduler sharing|stealing]\n";
      return arg == "--help" || arg == "-h" ? 0 : 2;
    }
  }
  const char* secret = std::getenv("DJUST_SECRET_KEY");
  options.secret_key = secret && std::strlen(secret) >= 16 ? secret : djust::transport::random_token(32);
  options.template_dirs = {std::string(DJUST_EXAMPLES_DIR) + "/templates"};
  options.client_dir = DJUST_CLIENT_DIR;
  try {
    djust::transport::app app(options);
    djust::examples::add_counter(app);
    djust::examples::add_search(app);
    djust::examples::add_todo(app);
    djust::examples::add_dashboard(app);
    djust::examples::add_form(app);
    djust::examples::add_chat(app);
    djust::examples::add_cursors(app);
    app.route("", [&app](const djust::transport::http_request&, djust::transport::http_respond respond) {
      respond(djust::transport::http_response::html(app.engine().render("index.html", {})));
    });
    app.run();
  } catch (const std::exception& e) {
    std::cerr << "djust-demo: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
