// view_session: mount, render through the template engine, vdom diff, frames, snapshot restarts.
#include <chrono>
#include <iostream>

#include "djust/actors/value_codec.hpp"
#include "djust/actors/view_session.hpp"
#include "djust/vdom/parse.hpp"

namespace djust::live {
namespace {

class stopwatch {
 public:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace

view_session::view_session(std::string id, view_factory factory, const tmpl::engine& engine, runtime_metrics* metrics,
                           std::size_t max_retained_frames, view_pubsub* pubsub)
    : id_(std::move(id)),
      factory_(std::move(factory)),
      engine_(engine),
      metrics_(metrics),
      max_retained_(max_retained_frames),
      pubsub_(pubsub) {
  new_view();
}

void view_session::new_view() {
  view_ = factory_();
  view_->attach_pubsub(pubsub_);
  view_->set_user(user_);
}

std::string view_session::render_html() {
  stopwatch sw;
  tmpl::value_map context = view_->assigns();
  view_->get_context_data(context);
  std::string html = engine_.render(view_->template_name(), context);
  if (metrics_) metrics_->render_seconds.observe(sw.seconds());
  return html;
}

void view_session::render_fresh() {
  dirty_ = false;
  html_ = render_html();
  tree_ = vdom::parse_fragment(html_);
  last_snapshot_ = snapshot();
}

std::string view_session::mount(const request& req, const tmpl::value_map& params) {
  user_ = req.user;
  view_->set_user(user_);
  view_->mount(req, params);
  render_fresh();
  return html_;
}

std::optional<patch_frame> view_session::render_and_diff() {
  dirty_ = false;
  std::string html = render_html();
  if (html == html_) return std::nullopt;
  stopwatch sw;
  vdom::tree next = vdom::reparse_fragment(tree_, html);  // text-only edits skip the parse
  vdom::patch_list patches = vdom::diff(tree_, next);
  if (metrics_) metrics_->diff_seconds.observe(sw.seconds());
  tree_ = std::move(next);
  html_ = std::move(html);
  if (patches.empty()) return std::nullopt;
  patch_frame frame{++seq_, std::move(patches)};
  retained_.push_back(frame);
  while (retained_.size() > max_retained_) {
    dropped_through_ = retained_.front().seq;
    retained_.pop_front();
  }
  return frame;
}

event_outcome view_session::run(const std::function<void()>& callback, bool is_event, bool render) {
  event_outcome out;
  try {
    stopwatch sw;
    callback();
    if (metrics_ && is_event) metrics_->handler_seconds.observe(sw.seconds());
    if (!render) {
      dirty_ = true;
      return out;
    }
    out.frame = render_and_diff();
    out.redirect = view_->take_redirect();
    last_snapshot_ = snapshot();
  } catch (const event_error& e) {
    out.ok = false;
    out.error_code = e.code();
    out.error_message = e.what();
  } catch (const std::exception& e) {
    // The handler (or its render) failed: rebuild from the last good public state.
    out.ok = false;
    out.restarted = true;
    out.error_code = "handler_failed";
    out.error_message = std::string("the view failed and was restored from its last state: ") + e.what();
    if (metrics_) metrics_->view_restarts_total.inc();
    new_view();
    view_->replace_assigns(from_msgpack(last_snapshot_).as_map());
    view_->restored();
    try {
      out.frame = render_and_diff();
    } catch (const std::exception& again) {
      std::cerr << "djust: view " << id_ << " cannot render its restored state: " << again.what() << "\n";
    }
  }
  return out;
}

event_outcome view_session::handle_event(std::string_view handler, const tmpl::value_map& params) {
  if (metrics_) metrics_->events_total.inc();
  auto out = run([&] { view_->dispatch(handler, params); }, true);
  if (!out.ok && metrics_) metrics_->event_errors_total.inc();
  return out;
}

event_outcome view_session::handle_info(const tmpl::value& message) {
  return run([&] { view_->handle_info(message); }, false);
}

event_outcome view_session::handle_info(const pubsub::message& message) {
  return run([&] { view_->handle_info(message); }, false);
}

event_outcome view_session::absorb_info(const pubsub::message& message) {
  return run([&] { view_->handle_info(message); }, false, false);
}

event_outcome view_session::render_pending() {
  if (!dirty_) return {};
  return run([] {}, false);
}

void view_session::ack(std::uint64_t seq) {
  while (!retained_.empty() && retained_.front().seq <= seq) {
    dropped_through_ = retained_.front().seq;
    retained_.pop_front();
  }
}

std::optional<std::vector<patch_frame>> view_session::frames_after(std::uint64_t seq) const {
  if (seq > seq_) return std::nullopt;       // the client claims frames we never sent
  if (seq < dropped_through_) return std::nullopt;  // some it needs are gone
  std::vector<patch_frame> out;
  for (const auto& f : retained_)
    if (f.seq > seq) out.push_back(f);
  return out;
}

std::string view_session::resync() {
  tree_ = vdom::parse_fragment(html_);
  dropped_through_ = seq_;
  retained_.clear();
  return html_;
}

std::string view_session::snapshot() const { return to_msgpack(tmpl::value{view_->assigns()}); }

void view_session::restore(std::string_view bytes, const tmpl::value& user) {
  auto assigns = from_msgpack(bytes).as_map();
  user_ = user;
  new_view();
  view_->replace_assigns(std::move(assigns));
  view_->restored();
  render_fresh();
  dropped_through_ = seq_;
  retained_.clear();
}

std::size_t view_session::memory_bytes() const {
  std::size_t frames = 0;
  for (const auto& f : retained_)
    for (const auto& p : f.patches) frames += sizeof(p) + p.name.capacity() + p.value.capacity();
  return sizeof(*this) + tree_.memory_bytes() + html_.capacity() + last_snapshot_.capacity() + frames;
}

}  // namespace djust::live
