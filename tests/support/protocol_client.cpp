// Headless protocol client over ws_client: page scraping, join/event, patch decoding and applying.
#include "protocol_client.hpp"

#include <stdexcept>

#include "djust/actors/value_codec.hpp"
#include "djust/vdom/apply.hpp"
#include "djust/vdom/parse.hpp"
#include "djust/vdom/serialize.hpp"
#include "http_client.hpp"

namespace djust::test {
namespace {

std::string between(const std::string& s, const std::string& open, const std::string& close) {
  auto a = s.find(open);
  if (a == std::string::npos) return "";
  a += open.size();
  auto b = s.find(close, a);
  return b == std::string::npos ? "" : s.substr(a, b - a);
}

}  // namespace

live_page fetch_live_page(std::uint16_t port, const std::string& path, const std::string& cookie) {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
  auto res = http_get(port, path, headers);
  live_page page;
  page.status = res.status;
  page.cookie = cookie.empty() ? res.header("set-cookie").substr(0, res.header("set-cookie").find(';')) : cookie;
  page.token = between(res.body, "dj-token=\"", "\"");
  page.csrf = between(res.body, "dj-csrf=\"", "\"");
  auto start = res.body.find('>', res.body.find("<div dj-view"));
  auto end = res.body.rfind("</div>");
  if (start != std::string::npos && end != std::string::npos && end > start)
    page.view_html = res.body.substr(start + 1, end - start - 1);
  return page;
}

vdom::patch_list decode_patches(transport::encoding e, const std::string& bytes) {
  tmpl::value v = e == transport::encoding::json ? live::from_json(bytes) : live::from_msgpack(bytes);
  vdom::patch_list out;
  for (const auto& item : v.as_list()) {
    const auto& a = item.as_list();
    auto u = [&](std::size_t i) { return static_cast<std::uint32_t>(a.at(i).as_int()); };
    auto s = [&](std::size_t i) { return a.at(i).as_string(); };
    vdom::patch p;
    p.op = static_cast<vdom::wire::opcode>(a.at(0).as_int());
    p.id = u(1);
    switch (p.op) {
      case vdom::wire::set_text:
        p.value = s(2);
        if (a.size() > 3) p.flags = static_cast<std::uint8_t>(u(3));
        break;
      case vdom::wire::set_attr: p.name = s(2); p.value = s(3); break;
      case vdom::wire::remove_attr: p.name = s(2); break;
      case vdom::wire::set_prop: p.name = s(2); p.value = s(3); p.flags = static_cast<std::uint8_t>(u(4)); break;
      case vdom::wire::remove_prop: p.name = s(2); p.flags = static_cast<std::uint8_t>(u(3)); break;
      case vdom::wire::insert: p.before = u(2); p.first_id = u(3); p.value = s(4); break;
      case vdom::wire::remove: break;
      case vdom::wire::move: p.before = u(2); break;
      case vdom::wire::replace: p.first_id = u(2); p.value = s(3); break;
      default: throw std::runtime_error("unknown patch opcode");
    }
    out.push_back(std::move(p));
  }
  return out;
}

protocol_client::protocol_client(std::uint16_t port, transport::encoding e, const live_page& page, std::string origin)
    : encoding_(e),
      ws_(port, ws_options{"/live/websocket", std::string(transport::subprotocol_name(e)), std::move(origin), page.cookie}),
      dom_(std::make_unique<vdom::tree>(vdom::parse_fragment(page.view_html))) {}

void protocol_client::send(const transport::client_message& m) { send_raw(transport::encode(encoding_, m)); }

void protocol_client::send_raw(const std::string& frame) {
  if (encoding_ == transport::encoding::json) ws_.send_text(frame);
  else ws_.send_binary(frame);
}

transport::server_message protocol_client::next() {
  auto m = next_within(std::chrono::seconds(5));
  if (!m) throw std::runtime_error("no message from the server");
  return std::move(*m);
}

std::optional<transport::server_message> protocol_client::next_within(std::chrono::milliseconds timeout) {
  auto frame = ws_.receive(timeout);
  if (!frame) return std::nullopt;
  auto decoded = transport::decode_server(encoding_, *frame);
  if (auto* err = std::get_if<transport::protocol_error>(&decoded)) throw std::runtime_error(err->message);
  auto m = std::get<transport::server_message>(std::move(decoded));
  if (auto* push = std::get_if<transport::push_msg>(&m)) apply("", push->patches);
  return m;
}

transport::reply_msg protocol_client::join(std::uint64_t ref, std::string token, std::string csrf) {
  send(transport::join_msg{ref, std::move(token), std::move(csrf), "/", "", 0});
  auto reply = std::get<transport::reply_msg>(next());
  if (reply.ok) {
    view_id_ = reply.view;
    apply(reply.html, reply.patches);
  }
  return reply;
}

transport::reply_msg protocol_client::resume(std::uint64_t ref, std::string token, std::string csrf,
                                             std::string view_id, std::uint64_t ack) {
  send(transport::join_msg{ref, std::move(token), std::move(csrf), "/", std::move(view_id), ack});
  auto reply = std::get<transport::reply_msg>(next());
  if (reply.ok) {
    view_id_ = reply.view;
    apply(reply.html, reply.patches);
  }
  return reply;
}

transport::reply_msg protocol_client::event(std::uint64_t ref, const std::string& handler, tmpl::value_map params) {
  send(transport::event_msg{ref, view_id_, handler, std::move(params), 0});
  for (;;) {
    auto m = next();
    if (std::holds_alternative<transport::push_msg>(m)) continue;  // applied by next()
    auto reply = std::get<transport::reply_msg>(std::move(m));
    if (reply.ok) apply(reply.html, reply.patches);
    return reply;
  }
}

void protocol_client::apply(const std::string& html, const std::string& patches) {
  if (!html.empty()) *dom_ = vdom::parse_fragment(html);
  if (!patches.empty()) vdom::apply_patches(*dom_, decode_patches(encoding_, patches));
}

std::string protocol_client::dom_html() const { return vdom::canonical_html(*dom_); }

}  // namespace djust::test
