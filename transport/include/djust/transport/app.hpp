// The app object: live views and plain HTTP handlers side by side, templates, static files,
// secret key, allowed origins, limits; run() serves it all.
//
//   djust::transport::app_options o;
//   o.secret_key = "...at least 16 bytes...";
//   o.template_dirs = {"templates"};
//   djust::transport::app app(o);
//   app.live<counter_view>("counter/", "counter");
//   app.route("", [](const auto& req, auto respond) { respond(http_response::html("<a href=/counter/>")); });
//   app.run();
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "djust/actors/auth.hpp"
#include "djust/actors/runtime.hpp"
#include "djust/template/engine.hpp"
#include "djust/transport/server.hpp"

namespace djust::transport {

struct app_options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;
  unsigned threads = 0;                      // io threads; 0: one per core
  std::string secret_key;                    // HMAC key for tokens (>= 16 bytes)
  std::vector<std::string> template_dirs;
  std::vector<std::pair<std::string, std::filesystem::path>> static_dirs;  // URL prefix -> dir
  std::filesystem::path client_dir;          // served at /static/djust/ (client/dist)
  std::vector<std::string> allowed_origins;  // see server_options
  server_limits limits;
  live::runtime_options runtime;
  std::chrono::seconds token_ttl{12 * 3600};
  // The page around each live view; its context has `content` (the view, safe), `title`
  // and `csrf_token`. The default is a minimal HTML page using {% djust_scripts %}.
  std::string layout = "djust/layout.html";
  // The user of a request (from its cookies), or null for an anonymous visitor; views see
  // it as request.user and live_view::user(). Unset: everyone is anonymous.
  std::function<tmpl::value(const http_request&)> resolve_user;
  // Where anonymous visitors of a login_required view are redirected (with ?next=PATH).
  std::string login_url = "/login/";
};

class app {
 public:
  explicit app(app_options options);  // throws std::invalid_argument for a short secret
  ~app();
  app(const app&) = delete;
  app& operator=(const app&) = delete;

  // A live view at a Django-style pattern ("items/<int:id>/"); `name` identifies it in tokens.
  // `access`: login_required (anonymous GETs redirect to login_url, joins are refused) and
  // permissions (403 page, refused join).
  template <class View>
  void live(std::string pattern, std::string name, std::string title = "", live::live_access access = {}) {
    live_route(std::move(pattern), std::move(name), [] { return std::make_unique<View>(); }, std::move(title),
               std::move(access));
  }
  void live_route(std::string pattern, std::string name, live::view_factory factory, std::string title = "",
                  live::live_access access = {});
  // A plain HTTP handler; its route params are in the request's query-free path.
  void route(std::string pattern, http_handler handler);

  tmpl::engine& engine();
  live::runtime_metrics& metrics();
  live::runtime& runtime();

  void start();                 // binds and serves in the background
  std::uint16_t port() const;   // the bound port (after start)
  void stop();
  void run();                   // start(), then serve until SIGINT/SIGTERM

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace djust::transport
