// Live page WebSocket: frames -> runtime connection calls; view outputs -> encoded frames.
#include "live_socket.hpp"

#include <mutex>

#include "djust/actors/value_codec.hpp"
#include "djust/vdom/encode.hpp"

namespace djust::transport::detail {
namespace {

using tmpl::value;
using tmpl::value_map;

std::string patches_bytes(encoding e, const vdom::patch_list& patches) {
  return e == encoding::msgpack ? vdom::encode_msgpack(patches) : vdom::encode_json(patches);
}

server_message to_wire(encoding e, live::view_output out, live::runtime_metrics* metrics) {
  std::string patches;
  if (!out.patches.empty()) {
    patches = patches_bytes(e, out.patches);
    if (metrics) metrics->patch_bytes_total.inc(patches.size());
  }
  switch (out.type) {
    case live::view_output::kind::push: return push_msg{out.view_id, out.seq, std::move(patches)};
    case live::view_output::kind::redirect: return redirect_msg{out.ref, out.view_id, out.to};
    case live::view_output::kind::error: return error_msg{out.ref, out.code, out.message};
    case live::view_output::kind::reply: break;
  }
  return reply_msg{out.ref, out.view_id, out.ok, out.seq, out.html, std::move(patches), out.code, out.message};
}

// What view outputs are sent through. Actor threads never own the channel: a Beast stream
// must be destroyed on its own io_context, so the sink holds a raw pointer that on_close()
// clears under the mutex before the session goes away.
struct outbox {
  std::mutex mutex;
  ws_channel* channel = nullptr;
};

class live_socket : public ws_peer, public std::enable_shared_from_this<live_socket> {
 public:
  live_socket(std::shared_ptr<ws_channel> channel, const http_request& upgrade, const live_socket_config& config)
      : channel_(std::move(channel)), config_(config), encoding_(channel_->frame_encoding()) {
    cookie_session_ = upgrade.cookie("djust_session").value_or("");
    headers_ = upgrade.headers;
    if (config_.resolve_user) user_ = config_.resolve_user(upgrade);
    outbox_->channel = channel_.get();
    auto enc = encoding_;
    auto* metrics = config_.metrics;
    connection_ = config_.runtime->connect([box = outbox_, enc, metrics](live::view_output out) {
      auto frame = std::make_shared<const std::string>(encode(enc, to_wire(enc, std::move(out), metrics)));
      std::lock_guard lock(box->mutex);
      if (box->channel) box->channel->send(std::move(frame));
    });
  }

  void on_frame(std::string frame) override {
    auto decoded = decode_client(encoding_, frame, config_.limits);
    if (auto* err = std::get_if<protocol_error>(&decoded))
      return send(error_msg{err->ref, std::string(wire_code(err->code)), err->message});
    std::visit([this](auto& m) { handle(m); }, std::get<client_message>(decoded));
  }

  void on_close() override {
    {
      std::lock_guard lock(outbox_->mutex);
      outbox_->channel = nullptr;
    }
    if (connection_) connection_->close();
    connection_.reset();
    channel_.reset();
  }

 private:
  void send(server_message m) {
    if (channel_) channel_->send(std::make_shared<const std::string>(encode(encoding_, m)));
  }
  void refuse(std::uint64_t ref, std::string message) {
    send(reply_msg{ref, "", false, 0, "", "", "join_refused", std::move(message)});
  }

  void handle(join_msg& m) {
    auto token = config_.sign->verify("session", m.token);
    if (!token.ok()) return refuse(m.ref, "session token refused: " + std::string(describe(token.status)));
    value payload;
    try {
      payload = live::from_json(token.payload);
    } catch (const live::codec_error&) {
      return refuse(m.ref, "session token refused: the token is malformed");
    }
    const value_map& p = payload.as_map();
    auto text = [&](std::string_view key) {
      const value* v = p.find(key);
      return v && v->is_string() ? v->as_string() : std::string();
    };
    std::string session = text("s");
    if (!cookie_session_.empty() && cookie_session_ != session)
      return refuse(m.ref, "session token refused: " + std::string(describe(token_status::wrong_session)));
    if (m.csrf.empty()) return refuse(m.ref, "CSRF token missing");
    auto csrf = check_csrf_token(*config_.sign, m.csrf, session);
    if (csrf != token_status::ok) return refuse(m.ref, "CSRF token refused: " + std::string(describe(csrf)));
    std::string view_name = text("v");
    if (const live::live_access* rules = config_.access ? config_.access(view_name) : nullptr)
      if (std::string denied = live::access_denied(user_, *rules); !denied.empty())
        return refuse(m.ref, "'" + view_name + "': " + denied);
    live::join_request j;
    j.ref = m.ref;
    j.view_name = std::move(view_name);
    j.token_view_id = text("id");
    j.resume_view_id = m.view;
    j.ack = m.ack;
    j.req.path = text("path");
    j.req.query = text("query");
    j.req.headers = headers_;
    j.req.session_id = session;
    j.req.user = user_;
    if (const value* params = p.find("p"); params && params->kind() == tmpl::value_kind::map) j.params = params->as_map();
    connection_->join(std::move(j));
  }
  void handle(event_msg& m) {
    connection_->event(std::move(m.view), m.ref, std::move(m.handler), std::move(m.params), m.ack);
  }
  void handle(heartbeat_msg& m) {
    for (auto& [view_id, seq] : m.acks) connection_->ack(view_id, seq);
    send(reply_msg{m.ref, "", true, 0, "", "", "", ""});
  }
  void handle(leave_msg& m) { connection_->leave(std::move(m.view), m.ref); }

  std::shared_ptr<ws_channel> channel_;
  live_socket_config config_;
  encoding encoding_;
  std::string cookie_session_;
  header_list headers_;
  tmpl::value user_;  // resolved once from the upgrade request's cookies
  std::shared_ptr<outbox> outbox_ = std::make_shared<outbox>();
  std::unique_ptr<live::runtime::connection> connection_;
};

}  // namespace

std::shared_ptr<ws_peer> make_live_socket(std::shared_ptr<ws_channel> channel, const http_request& upgrade,
                                          const live_socket_config& config) {
  return std::make_shared<live_socket>(std::move(channel), upgrade, config);
}

std::string make_page_token(const signer& s, std::string_view view_name, std::string_view view_id,
                            const tmpl::value_map& params, std::string_view session_id, std::string_view path,
                            std::string_view query, std::chrono::seconds ttl) {
  value_map payload{{"v", value{view_name}}, {"id", value{view_id}}, {"s", value{session_id}},
                    {"path", value{path}}, {"query", value{query}}};
  payload.set("p", value{params});
  return s.sign("session", live::to_json(value{payload}), ttl);
}

}  // namespace djust::transport::detail
