// Beast client state machine of one simulated browser: page GET, upgrade, join, paced events.
#include "session.hpp"

#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <deque>
#include <optional>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "djust/transport/protocol.hpp"
#include "page_tokens.hpp"

#ifndef IP_BIND_ADDRESS_NO_PORT
#define IP_BIND_ADDRESS_NO_PORT 24  // Linux 4.2+: pick the source port at connect(), per 4-tuple
#endif

namespace djust::load::detail {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

namespace {

constexpr auto connect_timeout = std::chrono::seconds(10);
constexpr auto heartbeat_interval = std::chrono::seconds(25);
constexpr std::size_t max_page_bytes = 8 * 1024 * 1024;
constexpr std::size_t max_frame_bytes = 16 * 1024 * 1024;

enum class ref_kind : std::uint8_t { join, event, heartbeat };
struct pending_ref {
  std::uint64_t ref;
  ref_kind kind;
  run_clock::time_point sent;
};

std::uint64_t micros_between(run_clock::time_point a, run_clock::time_point b) {
  auto d = std::chrono::duration_cast<std::chrono::microseconds>(b - a).count();
  return d < 0 ? 0 : static_cast<std::uint64_t>(d);
}

}  // namespace

// ---- shared_run / worker_stats ------------------------------------------------
shared_run::shared_run(const options& o) : opts(o), start(run_clock::now()) {
  if (o.scenario == scenario_kind::presence) {
    broadcast_capacity = static_cast<std::uint64_t>(o.rate * (o.duration + 1)) + 16;
    broadcast_sent_us = std::make_unique<std::atomic<std::uint64_t>[]>(broadcast_capacity);
  }
}

double shared_run::seconds() const noexcept {
  return std::chrono::duration<double>(run_clock::now() - start).count();
}

std::uint64_t shared_run::micros() const noexcept { return micros_between(start, run_clock::now()); }

worker_stats::worker_stats(std::size_t slots, double length)
    : slot_round_trip(std::max<std::size_t>(slots, 1)), slot_events(std::max<std::size_t>(slots, 1)),
      slot_length(length) {}

void worker_stats::record_round_trip(double at_s, std::uint64_t us) {
  round_trip.record(us);
  auto slot = std::min(static_cast<std::size_t>(std::max(at_s, 0.0) / slot_length), slot_round_trip.size() - 1);
  slot_round_trip[slot].record(us);
}

void worker_stats::count_event(double at_s) {
  auto slot = std::min(static_cast<std::size_t>(std::max(at_s, 0.0) / slot_length), slot_events.size() - 1);
  ++slot_events[slot];
}

void worker_stats::fail(std::string reason) {
  if (failure_reasons.size() < 50 || failure_reasons.count(reason)) ++failure_reasons[std::move(reason)];
  else ++failure_reasons["(other reasons)"];
}

// ---- session --------------------------------------------------------------------
struct session::impl {
  enum class phase : std::uint8_t { idle, connecting, joining, joined, closing, done };

  impl(net::io_context& io, shared_run& run, worker_stats& stats, std::uint64_t index)
      : run(run), stats(stats), index(index), ws(io), event_timer(io), heartbeat_timer(io),
        enc(run.opts.encoding) {}

  shared_run& run;
  worker_stats& stats;
  std::uint64_t index;
  websocket::stream<beast::tcp_stream> ws;
  beast::flat_buffer buffer;
  http::request<http::empty_body> page_request;
  std::optional<http::response_parser<http::string_body>> page_parser;
  websocket::response_type upgrade_response;
  net::steady_timer event_timer, heartbeat_timer;
  transport::encoding enc;

  phase state = phase::idle;
  run_clock::time_point connect_started, events_from;
  page_tokens page;
  std::string cookies;
  std::vector<std::string> views;
  std::size_t joins_pending = 0;
  std::vector<std::pair<std::string, std::uint64_t>> seqs;  // view -> last seq received
  std::vector<pending_ref> pending;
  std::deque<std::string> outbox;
  bool writing = false;
  bool close_after_writes = false;
  std::uint64_t next_ref = 0;
  std::uint64_t sent_k = 0;
  pacing pace;
  std::optional<std::uint64_t> last_delivered;

  bool broadcaster() const { return run.opts.scenario == scenario_kind::presence && index == 0; }

  // -- connect and page ----------------------------------------------------------
  void start() {
    state = phase::connecting;
    connect_started = run_clock::now();
    connect([this] { request_page(); });
  }

  template <class Next>
  void connect(Next next) {
    error_code ec;
    auto address = net::ip::make_address(run.opts.url.address, ec);
    if (ec) return fail("bad target address " + run.opts.url.address);
    tcp::endpoint remote(address, run.opts.url.port);
    auto& sock = beast::get_lowest_layer(ws).socket();
    sock.open(remote.protocol(), ec);
    if (ec) return fail("socket: " + ec.message());
    const options& o = run.opts;
    if (o.source_first != 0 && address.is_v4()) {
      int one = 1;
      ::setsockopt(sock.native_handle(), IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
      unsigned span = o.source_last - o.source_first + 1;
      auto last_octet = static_cast<unsigned char>(o.source_first + index % span);
      net::ip::address_v4 source(net::ip::address_v4::bytes_type{127, 0, 0, last_octet});
      sock.bind(tcp::endpoint(source, 0), ec);
      if (ec) return fail("bind to source " + source.to_string() + ": " + ec.message());
    }
    beast::get_lowest_layer(ws).expires_after(connect_timeout);
    beast::get_lowest_layer(ws).async_connect(remote, [this, next](error_code ec) {
      if (ec) return fail("connect: " + ec.message());
      next();
    });
  }

  void request_page() {
    const options& o = run.opts;
    page_request = {http::verb::get, o.url.target, 11};
    page_request.set(http::field::host, o.url.host_header());
    page_request.set(http::field::user_agent, "djust-load");
    page_request.set(http::field::accept, "text/html");
    page_request.keep_alive(true);
    http::async_write(ws.next_layer(), page_request, [this](error_code ec, std::size_t) {
      if (ec) return fail("page request: " + ec.message());
      page_parser.emplace();
      page_parser->body_limit(max_page_bytes);
      http::async_read(ws.next_layer(), buffer, *page_parser, [this](error_code ec, std::size_t) {
        if (ec) return fail("page response: " + ec.message());
        on_page();
      });
    });
  }

  void on_page() {
    auto& res = page_parser->get();
    if (res.result_int() != 200)
      return fail("HTTP " + std::to_string(res.result_int()) + " for " + run.opts.url.target);
    page = extract_page_tokens(res.body());
    if (page.views.empty())
      return fail("no view token in the page " + run.opts.url.target + " (no dj-token attribute)");
    std::vector<std::string> set_cookies;
    for (const auto& field : res)
      if (field.name() == http::field::set_cookie) set_cookies.emplace_back(field.value());
    cookies = cookie_header(set_cookies);
    bool keep = res.keep_alive();
    page_parser.reset();
    buffer.clear();
    if (keep) return upgrade();
    error_code ignored;
    beast::get_lowest_layer(ws).socket().close(ignored);
    connect([this] { upgrade(); });
  }

  // -- WebSocket ------------------------------------------------------------------
  void upgrade() {
    const options& o = run.opts;
    beast::get_lowest_layer(ws).expires_never();
    websocket::stream_base::timeout t{};
    t.handshake_timeout = connect_timeout;
    t.idle_timeout = websocket::stream_base::none();
    t.keep_alive_pings = false;
    ws.set_option(t);
    ws.read_message_max(max_frame_bytes);
    std::string origin = "http://" + o.url.host_header();
    std::string offer(transport::subprotocol_name(o.encoding));
    ws.set_option(websocket::stream_base::decorator([origin, offer, this](websocket::request_type& req) {
      req.set(http::field::sec_websocket_protocol, offer);
      req.set(http::field::origin, origin);
      req.set(http::field::user_agent, "djust-load");
      if (!cookies.empty()) req.set(http::field::cookie, cookies);
    }));
    ws.async_handshake(upgrade_response, o.url.host_header(), o.ws_path, [this](error_code ec) {
      if (ec) {
        std::string why = "WebSocket upgrade: " + ec.message();
        if (upgrade_response.result_int() != 0 && upgrade_response.result_int() != 101)
          why += " (HTTP " + std::to_string(upgrade_response.result_int()) + ")";
        return fail(why);
      }
      auto chosen = upgrade_response[http::field::sec_websocket_protocol];
      if (auto e = transport::negotiate(std::string_view(chosen.data(), chosen.size()))) enc = *e;
      upgrade_response = {};
      ws.binary(enc == transport::encoding::msgpack);
      state = phase::joining;
      do_read();
      for (const view_root& v : page.views) {
        transport::join_msg join;
        join.ref = ++next_ref;
        join.token = v.token;
        join.csrf = v.csrf;
        join.url = run.opts.url.target;
        pending.push_back({join.ref, ref_kind::join, run_clock::now()});
        ++joins_pending;
        send(transport::encode(enc, transport::client_message{std::move(join)}));
      }
      page = {};
    });
  }

  void do_read() {
    ws.async_read(buffer, [this](error_code ec, std::size_t n) {
      if (ec) return on_lost(ec);
      stats.bytes_in += n;
      auto data = buffer.cdata();
      on_frame(std::string_view(static_cast<const char*>(data.data()), data.size()));
      buffer.consume(buffer.size());
      if (state == phase::joining || state == phase::joined || state == phase::closing) do_read();
    });
  }

  void send(std::string frame) {
    outbox.push_back(std::move(frame));
    if (!writing) do_write();
  }

  void do_write() {
    writing = true;
    ws.async_write(net::buffer(outbox.front()), [this](error_code ec, std::size_t n) {
      writing = false;
      if (ec) return;  // the read side reports the lost connection
      stats.bytes_out += n;
      outbox.pop_front();
      if (!outbox.empty()) return do_write();
      if (close_after_writes) do_close();
    });
  }

  // -- frames ---------------------------------------------------------------------
  std::optional<pending_ref> take(std::uint64_t ref) {
    auto it = std::find_if(pending.begin(), pending.end(), [&](const pending_ref& p) { return p.ref == ref; });
    if (it == pending.end()) return std::nullopt;
    pending_ref p = *it;
    pending.erase(it);
    return p;
  }

  void note_seq(const std::string& view, std::uint64_t seq) {
    if (seq == 0) return;
    for (auto& [v, s] : seqs)
      if (v == view) {
        s = std::max(s, seq);
        return;
      }
    seqs.emplace_back(view, seq);
  }

  std::uint64_t seq_of(const std::string& view) const {
    for (const auto& [v, s] : seqs)
      if (v == view) return s;
    return 0;
  }

  void count_error(std::string reason) {
    ++run.errors;
    stats.fail(std::move(reason));
  }

  void on_frame(std::string_view frame) {
    transport::frame_limits limits;
    limits.max_frame_bytes = max_frame_bytes;
    auto decoded = transport::decode_server(enc, frame, limits);
    if (auto* err = std::get_if<transport::protocol_error>(&decoded))
      return count_error("undecodable frame from the server: " + err->message);
    auto& msg = std::get<transport::server_message>(decoded);
    if (auto* r = std::get_if<transport::reply_msg>(&msg)) return on_reply(*r);
    if (auto* p = std::get_if<transport::push_msg>(&msg)) return on_push(*p, frame);
    if (auto* rd = std::get_if<transport::redirect_msg>(&msg)) {
      take(rd->ref);
      if (state == phase::joining) return fail("redirected to " + rd->to + " while joining");
      return count_error("redirect to " + rd->to);
    }
    auto& e = std::get<transport::error_msg>(msg);
    auto p = take(e.ref);
    if (state == phase::joining && p && p->kind == ref_kind::join)
      return fail("join refused: " + e.code + ": " + e.message);
    if (p && p->kind == ref_kind::event) --run.outstanding;
    count_error("error frame: " + e.code);
  }

  void on_reply(const transport::reply_msg& r) {
    auto p = take(r.ref);
    note_seq(r.view, r.seq);
    if (!p) return count_error("reply to an unknown ref");
    switch (p->kind) {
      case ref_kind::join:
        if (!r.ok) return fail("join refused: " + r.error_code + ": " + r.error_message);
        views.push_back(r.view);
        if (--joins_pending == 0) on_joined();
        return;
      case ref_kind::event: {
        auto now = run_clock::now();
        --run.outstanding;
        stats.record_round_trip(std::chrono::duration<double>(now - run.start).count(), micros_between(p->sent, now));
        if (r.ok) ++run.replies;
        else count_error("event error: " + r.error_code + ": " + r.error_message);
        return;
      }
      case ref_kind::heartbeat:
        if (!r.ok) count_error("heartbeat error: " + r.error_code);
        return;
    }
  }

  void on_push(const transport::push_msg& p, std::string_view frame) {
    ++run.pushes;
    note_seq(p.view, p.seq);
    if (run.opts.scenario != scenario_kind::presence || broadcaster() || run.broadcasts == 0) return;
    // The broadcast this push delivers: its marker when the page echoes it, else the latest one sent.
    std::uint64_t k = broadcast_marker(frame).value_or(run.broadcasts - 1);
    if (k >= run.broadcast_capacity || (last_delivered && *last_delivered >= k)) return;
    std::uint64_t sent = run.broadcast_sent_us[k].load(std::memory_order_acquire);
    if (sent == 0) return;
    last_delivered = k;
    std::uint64_t now = run.micros();
    stats.delivery.record(now > sent ? now - sent : 0);
  }

  // -- joined: events and heartbeats -------------------------------------------------
  void on_joined() {
    state = phase::joined;
    ++run.connected;
    std::uint64_t open = ++run.open_now;
    std::uint64_t peak = run.peak_open.load();
    while (open > peak && !run.peak_open.compare_exchange_weak(peak, open)) {
    }
    stats.join_time.record(micros_between(connect_started, run_clock::now()));
    schedule_heartbeat();
    const options& o = run.opts;
    if (o.scenario == scenario_kind::presence) {
      if (!broadcaster()) return;
      pace = pacing_for(o.scenario, 0, 1, o.rate);
      return wait_for_room();
    }
    pace = pacing_for(o.scenario, index, o.sessions, o.rate);
    events_from = run_clock::now();
    schedule_event();
  }

  // The broadcaster starts once every session has joined (or failed), one second later.
  void wait_for_room() {
    if (run.all_settled()) {
      events_from = run_clock::now() + std::chrono::seconds(1);
      return schedule_event();
    }
    event_timer.expires_after(std::chrono::milliseconds(50));
    event_timer.async_wait([this](error_code ec) {
      if (!ec && state == phase::joined) wait_for_room();
    });
  }

  void schedule_event() {
    if (!pace.sends()) return;
    auto due = events_from + std::chrono::duration_cast<run_clock::duration>(
                                 std::chrono::duration<double>(pace.due(sent_k)));
    if (due > run.start + std::chrono::duration_cast<run_clock::duration>(std::chrono::duration<double>(run.end_s)))
      return;
    event_timer.expires_at(due);
    event_timer.async_wait([this](error_code ec) {
      if (ec || state != phase::joined || !run.sending) return;
      send_event();
      schedule_event();
    });
  }

  void send_event() {
    const options& o = run.opts;
    std::uint64_t k = sent_k++;
    if (o.scenario == scenario_kind::presence) {
      if (k >= run.broadcast_capacity) return;
      run.broadcast_sent_us[k].store(std::max<std::uint64_t>(run.micros(), 1), std::memory_order_release);
      run.broadcasts = k + 1;
    }
    transport::event_msg e;
    e.ref = ++next_ref;
    e.view = views.front();
    e.handler = o.handler;
    e.params = event_params(o.scenario, index, k);
    e.ack = seq_of(e.view);
    auto now = run_clock::now();
    pending.push_back({e.ref, ref_kind::event, now});
    ++run.events;
    ++run.outstanding;
    stats.count_event(std::chrono::duration<double>(now - run.start).count());
    send(transport::encode(enc, transport::client_message{std::move(e)}));
  }

  void schedule_heartbeat() {
    heartbeat_timer.expires_after(heartbeat_interval);
    heartbeat_timer.async_wait([this](error_code ec) {
      if (ec || state != phase::joined) return;
      transport::heartbeat_msg h;
      h.ref = ++next_ref;
      for (const auto& v : views) h.acks.emplace_back(v, seq_of(v));
      pending.push_back({h.ref, ref_kind::heartbeat, run_clock::now()});
      send(transport::encode(enc, transport::client_message{std::move(h)}));
      schedule_heartbeat();
    });
  }

  // -- endings ----------------------------------------------------------------------
  void fail(std::string reason) {
    if (state == phase::done || state == phase::closing) return;
    if (state == phase::joined) {  // a failure after joining is a drop
      ++run.dropped;
      --run.open_now;
    } else {
      ++run.failed;
    }
    stats.fail(std::move(reason));
    state = phase::done;
    shutdown();
  }

  void on_lost(error_code ec) {
    if (state == phase::closing || state == phase::done) {
      state = phase::done;
      return shutdown();
    }
    std::string why = ec == websocket::error::closed
                          ? "closed by the server (code " + std::to_string(ws.reason().code) +
                                (ws.reason().reason.empty() ? "" : ": " + std::string(ws.reason().reason.c_str())) + ")"
                          : ec.message();
    fail(state == phase::joined ? "dropped: " + why : "lost while joining: " + why);
  }

  void close() {
    if (state == phase::joined) {
      state = phase::closing;
      --run.open_now;
      event_timer.cancel();
      heartbeat_timer.cancel();
      close_after_writes = true;
      if (!writing) do_close();
      return;
    }
    if (state != phase::done && state != phase::closing) fail("not joined by the end of the run");
  }

  void do_close() {
    close_after_writes = false;
    ws.async_close(websocket::close_code::normal, [this](error_code) {
      // The pending read completes too; it ends the session.
    });
  }

  void shutdown() {
    event_timer.cancel();
    heartbeat_timer.cancel();
    error_code ignored;
    beast::get_lowest_layer(ws).socket().shutdown(tcp::socket::shutdown_both, ignored);
    beast::get_lowest_layer(ws).socket().close(ignored);
  }

  std::uint64_t pending_events() const noexcept {
    return static_cast<std::uint64_t>(
        std::count_if(pending.begin(), pending.end(), [](const pending_ref& p) { return p.kind == ref_kind::event; }));
  }
};

session::session(net::io_context& io, shared_run& run, worker_stats& stats, std::uint64_t index)
    : impl_(std::make_unique<impl>(io, run, stats, index)) {}
session::~session() = default;
void session::start() { impl_->start(); }
void session::close() { impl_->close(); }
std::uint64_t session::pending_events() const noexcept { return impl_->pending_events(); }

}  // namespace djust::load::detail
