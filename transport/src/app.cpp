// The app: routes (live and plain), page rendering with signed tokens, static files, /metrics, run().
#include <cctype>
#include <csignal>
#include <iostream>
#include <unordered_map>

#include "djust/transport/app.hpp"
#include "djust/transport/route.hpp"
#include "djust/transport/signing.hpp"
#include "djust/transport/static_files.hpp"
#include "live_socket.hpp"

namespace djust::transport {
namespace {

constexpr std::string_view default_layout =
    "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>{{ title }}</title>\n{% djust_scripts csrf_token %}\n"
    "</head>\n<body>\n{{ content }}\n</body>\n</html>\n";

std::string escape_attr(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

struct live_target {
  std::string name;
  std::string title;
  live::live_access access;
};

// Percent-encodes a path for ?next= (unreserved characters and '/' stay).
std::string url_quote(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

struct app::impl {
  explicit impl(app_options o)
      : options(std::move(o)),
        sign(options.secret_key),
        engine(tmpl::engine_options{options.template_dirs}),
        runtime(options.runtime, engine, metrics) {}

  app_options options;
  signer sign;
  tmpl::engine engine;
  live::runtime_metrics metrics;
  live::runtime runtime;
  static_files statics;
  router routes;
  std::vector<std::variant<live_target, http_handler>> targets;
  std::unordered_map<std::string, live::live_access> access;  // view name -> its route's rules
  std::unique_ptr<server> srv;
  std::string client_script;  // the file in client_dir served as /static/djust/client.js

  void handle(const http_request& req, http_respond respond) {
    if (req.path == "/metrics") {
      http_response r = http_response::text(metrics.render_prometheus());
      r.content_type = "text/plain; version=0.0.4; charset=utf-8";
      return respond(std::move(r));
    }
    if (req.path == "/static/djust/client.js" && !client_script.empty()) {
      http_request alias = req;
      alias.path = "/static/djust/" + client_script;
      if (auto r = statics.serve(alias)) return respond(std::move(*r));
    }
    if (auto r = statics.serve(req)) return respond(std::move(*r));
    auto match = routes.match(req.target);
    if (!match) return respond(http_response::html("<h1>Not Found</h1>", 404));
    auto& target = targets[match->target];
    if (auto* plain = std::get_if<http_handler>(&target)) return (*plain)(req, std::move(respond));
    serve_live(std::get<live_target>(target), req, std::move(match->params), std::move(respond));
  }

  void serve_live(const live_target& target, const http_request& req, tmpl::value_map params, http_respond respond) {
    if (req.method != "GET" && req.method != "HEAD") {
      auto r = http_response::text("method not allowed\n", 405);
      r.headers.emplace_back("Allow", "GET, HEAD");
      return respond(std::move(r));
    }
    tmpl::value user = options.resolve_user ? options.resolve_user(req) : tmpl::value();
    if (std::string denied = live::access_denied(user, target.access); !denied.empty()) {
      if (user.is_null()) {
        std::string here = req.query.empty() ? req.path : req.path + "?" + req.query;
        http_response r = http_response::text("login required\n", 302);
        r.headers.emplace_back("Location", options.login_url + "?next=" + url_quote(here));
        return respond(std::move(r));
      }
      return respond(http_response::html("<h1>Forbidden</h1><p>" + denied + "</p>", 403));
    }
    auto cookie = req.cookie("djust_session");
    bool new_session = !cookie || cookie->size() < 16 || cookie->size() > 64;
    std::string session_id = new_session ? random_token() : *cookie;
    live::request lreq;
    lreq.path = req.path;
    lreq.query = req.query;
    lreq.headers = req.headers;
    lreq.session_id = session_id;
    lreq.user = std::move(user);
    runtime.mount(target.name, lreq, params,
                  [this, target, params, session_id, new_session, path = req.path, query = req.query,
                   respond = std::move(respond)](live::mount_result m) {
                    if (!m.ok) {
                      std::cerr << "djust: mounting '" << target.name << "' failed: " << m.error << "\n";
                      return respond(http_response::html("<h1>Server Error</h1>", 500));
                    }
                    std::string token = detail::make_page_token(sign, target.name, m.view_id, params, session_id,
                                                                path, query, options.token_ttl);
                    std::string csrf = make_csrf_token(sign, session_id, options.token_ttl);
                    std::string container = "<div dj-view dj-token=\"" + escape_attr(token) + "\" dj-csrf=\"" +
                                            escape_attr(csrf) + "\">" + m.html + "</div>";
                    http_response res;
                    try {
                      res = http_response::html(engine.render(
                          options.layout, tmpl::value_map{{"content", tmpl::value::safe(std::move(container))},
                                                          {"title", target.title.empty() ? target.name : target.title},
                                                          {"csrf_token", csrf}}));
                    } catch (const std::exception& e) {
                      std::cerr << "djust: layout '" << options.layout << "' failed: " << e.what() << "\n";
                      return respond(http_response::html("<h1>Server Error</h1>", 500));
                    }
                    if (new_session) res.set_cookie("djust_session", session_id);
                    res.headers.emplace_back("Cache-Control", "no-store");
                    respond(std::move(res));
                  });
  }
};

app::app(app_options options) : impl_(std::make_unique<impl>(std::move(options))) {
  auto& o = impl_->options;
  impl_->engine.add_template("djust/layout.html", std::string(default_layout));
  // {% djust_scripts csrf_token %}: the page's CSRF token (a csrf-token meta tag, when given)
  // and the client script. Each view's signed session token is its container's dj-token.
  impl_->engine.builtins().add_simple_tag("djust_scripts", [](const std::vector<tmpl::value>& args, const tmpl::value_map&) {
    std::string out;
    if (!args.empty() && args[0].is_string() && !args[0].as_string().empty())
      out = "<meta name=\"csrf-token\" content=\"" + escape_attr(args[0].as_string()) + "\">\n";
    return tmpl::value::safe(out + "<script src=\"/static/djust/client.js\" defer></script>");
  });
  if (!o.client_dir.empty()) {
    impl_->statics.mount("/static/djust/", o.client_dir);
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(o.client_dir, ec))
      if (entry.path().extension() == ".js" && (impl_->client_script.empty() || entry.path().filename() == "djust.min.js"))
        impl_->client_script = entry.path().filename().string();
  }
  for (const auto& [prefix, dir] : o.static_dirs) impl_->statics.mount(prefix, dir);
}

app::~app() { stop(); }

void app::live_route(std::string pattern, std::string name, live::view_factory factory, std::string title,
                     live::live_access access) {
  impl_->runtime.register_view(name, std::move(factory));
  impl_->routes.add(pattern, impl_->targets.size());
  impl_->access[name] = access;
  impl_->targets.emplace_back(live_target{std::move(name), std::move(title), std::move(access)});
}

void app::route(std::string pattern, http_handler handler) {
  impl_->routes.add(pattern, impl_->targets.size());
  impl_->targets.emplace_back(std::move(handler));
}

tmpl::engine& app::engine() { return impl_->engine; }
live::runtime_metrics& app::metrics() { return impl_->metrics; }
live::runtime& app::runtime() { return impl_->runtime; }

void app::start() {
  auto& o = impl_->options;
  server_options so;
  so.host = o.host;
  so.port = o.port;
  so.threads = o.threads;
  so.allowed_origins = o.allowed_origins;
  so.limits = o.limits;
  detail::live_socket_config cfg;
  cfg.sign = &impl_->sign;
  cfg.runtime = &impl_->runtime;
  cfg.metrics = &impl_->metrics;
  cfg.limits.max_frame_bytes = o.limits.max_frame_bytes;
  cfg.resolve_user = o.resolve_user;
  cfg.access = [this](const std::string& view_name) -> const live::live_access* {
    auto it = impl_->access.find(view_name);
    return it == impl_->access.end() ? nullptr : &it->second;
  };
  impl_->srv = std::make_unique<server>(
      so, [this](const http_request& req, http_respond respond) { impl_->handle(req, std::move(respond)); },
      [cfg](std::shared_ptr<ws_channel> ch, const http_request& req) { return detail::make_live_socket(std::move(ch), req, cfg); },
      impl_->metrics);
  impl_->srv->start();
}

std::uint16_t app::port() const { return impl_->srv ? impl_->srv->port() : 0; }

void app::stop() {
  if (impl_->srv) impl_->srv->stop();
}

void app::run() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // threads started below inherit the mask
  start();
  std::cout << "djust: serving http://" << impl_->options.host << ":" << port() << "/ (Ctrl-C stops)" << std::endl;
  int sig = 0;
  sigwait(&signals, &sig);
  stop();
}

}  // namespace djust::transport
