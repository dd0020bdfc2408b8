// HTTP/1.1 session: read a request, call the app's handler, write its response, keep alive.
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <iostream>

#include "http_session.hpp"
#include "websocket_session.hpp"

namespace djust::transport::detail {

namespace beast = boost::beast;
namespace http = beast::http;

namespace {

http_request to_view(const http::request<http::string_body>& req, const std::string& ip) {
  http_request out;
  out.method = std::string(req.method_string());
  out.target = std::string(req.target());
  std::string_view target = req.target();
  auto q = target.find('?');
  out.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) out.query = std::string(target.substr(q + 1, target.find('#', q) - q - 1));
  for (const auto& field : req) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  out.body = req.body();
  out.remote_address = ip;
  return out;
}

// Empty allow-list: same origin as the Host header. A missing Origin is not a browser: allowed.
bool origin_allowed(const server_options& options, const http_request& req) {
  std::string_view origin = req.header("origin");
  if (origin.empty()) return true;
  if (!options.allowed_origins.empty()) {
    for (const auto& allowed : options.allowed_origins)
      if (origin == allowed) return true;
    return false;
  }
  auto scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos) return false;
  return origin.substr(scheme_end + 3) == req.header("host");
}

}  // namespace

http_session::http_session(tcp::socket&& socket, connection_slot slot)
    : stream_(std::move(socket)), slot_(std::move(slot)) {}

void http_session::run() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    self->slot_->state().track(self.get(), self);
    self->do_read();
  });
}

void http_session::shutdown() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    beast::error_code ec;
    self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    self->stream_.cancel();
  });
}

void http_session::do_read() {
  const auto& limits = slot_->state().options.limits;
  parser_.emplace();
  parser_->body_limit(limits.max_body_bytes);
  parser_->header_limit(16 * 1024);
  stream_.expires_after(limits.http_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code ec, std::size_t n) { self->on_read(ec, n); });
}

void http_session::on_read(beast::error_code ec, std::size_t) {
  if (ec == http::error::end_of_stream) return do_close();
  if (ec == http::error::body_limit || ec == http::error::header_limit) {
    request_keep_alive_ = false;
    request_version_ = 11;
    request_head_ = false;
    return write_on_strand(http_response::text(
        ec == http::error::body_limit ? "request body too large\n" : "request header too large\n",
        ec == http::error::body_limit ? 413 : 431));
  }
  if (ec) {
    if (ec != beast::error::timeout) fail(ec, "http read");
    slot_->state().untrack(this);
    return;
  }
  handle_request_on_strand(parser_->release());
}

void http_session::handle_request_on_strand(http::request<http::string_body> req) {
  server_state& state = slot_->state();
  state.metrics.http_requests_total.inc();
  request_version_ = req.version();
  request_keep_alive_ = req.keep_alive();
  request_head_ = req.method() == http::verb::head;
  http_request view = to_view(req, slot_->ip());

  if (beast::websocket::is_upgrade(req)) return upgrade_on_strand(std::move(req), std::move(view));

  auto self = shared_from_this();
  http_respond respond = [self](http_response res) {
    net::post(self->stream_.get_executor(), [self, res = std::move(res)]() mutable { self->write_on_strand(std::move(res)); });
  };
  try {
    state.http(view, std::move(respond));
  } catch (const std::exception& e) {
    std::cerr << "djust: HTTP handler for " << view.target << " threw: " << e.what() << "\n";
    write_on_strand(http_response::text("internal server error\n", 500));
  }
}

void http_session::upgrade_on_strand(http::request<http::string_body> req, http_request view) {
  server_state& state = slot_->state();
  request_keep_alive_ = false;
  if (view.path != state.options.websocket_path)
    return write_on_strand(http_response::text("no WebSocket endpoint here\n", 404));
  if (!origin_allowed(state.options, view))
    return write_on_strand(http_response::text("origin not allowed\n", 403));
  auto enc = negotiate(view.header("sec-websocket-protocol"));
  if (!enc)
    return write_on_strand(http_response::text(
        "unsupported WebSocket subprotocol (offer djust.msgpack.v1 or djust.json.v1)\n", 400));
  state.untrack(this);
  stream_.expires_never();
  auto ws = std::make_shared<websocket_session>(stream_.release_socket(), std::move(*slot_), *enc);
  slot_.reset();
  ws->run(std::move(req), std::move(view));
}

void http_session::write_on_strand(http_response res) {
  auto msg = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(res.status), request_version_);
  msg->set(http::field::server, "djust");
  msg->set(http::field::content_type, res.content_type);
  for (const auto& [name, value] : res.headers) msg->insert(name, value);
  msg->keep_alive(request_keep_alive_);
  if (request_head_) {
    msg->content_length(res.body.size());
  } else {
    msg->body() = std::move(res.body);
    msg->prepare_payload();
  }
  bool close = msg->need_eof();
  stream_.expires_after(slot_->state().options.limits.http_timeout);
  http::async_write(stream_, *msg, [self = shared_from_this(), msg, close](beast::error_code ec, std::size_t n) {
    self->on_write(close, ec, n);
  });
}

void http_session::on_write(bool close, beast::error_code ec, std::size_t) {
  if (ec) {
    fail(ec, "http write");
    slot_->state().untrack(this);
    return;
  }
  if (close) return do_close();
  do_read();
}

void http_session::do_close() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  slot_->state().untrack(this);
}

}  // namespace djust::transport::detail
