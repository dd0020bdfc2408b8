// The WebSocket peer of a live page: decodes frames, checks tokens and CSRF, drives a runtime connection.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "djust/actors/auth.hpp"
#include "djust/actors/runtime.hpp"
#include "djust/transport/http.hpp"
#include "djust/transport/signing.hpp"

namespace djust::transport::detail {

struct live_socket_config {
  const signer* sign = nullptr;
  live::runtime* runtime = nullptr;
  live::runtime_metrics* metrics = nullptr;
  frame_limits limits;
  std::function<tmpl::value(const http_request&)> resolve_user;  // unset: anonymous
  std::function<const live::live_access*(const std::string& view_name)> access;  // unset or null: open
};

std::shared_ptr<ws_peer> make_live_socket(std::shared_ptr<ws_channel> channel, const http_request& upgrade,
                                          const live_socket_config& config);

// The signed token of a live page: which view, which mount, which session.
std::string make_page_token(const signer& s, std::string_view view_name, std::string_view view_id,
                            const tmpl::value_map& params, std::string_view session_id, std::string_view path,
                            std::string_view query, std::chrono::seconds ttl);

}  // namespace djust::transport::detail
