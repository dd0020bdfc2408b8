// HTTP request accessors (headers, cookies, query) and response factories.
#include "djust/transport/http.hpp"
#include "djust/transport/route.hpp"

namespace djust::transport {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view http_request::header(std::string_view lowercase_name) const noexcept {
  for (const auto& [name, value] : headers)
    if (name == lowercase_name) return value;
  return {};
}

std::optional<std::string> http_request::cookie(std::string_view wanted) const {
  for (const auto& [name, value] : headers) {
    if (name != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      auto semi = rest.find(';');
      std::string_view pair = trim(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      auto eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (trim(pair.substr(0, eq)) == wanted) {
        std::string_view v = trim(pair.substr(eq + 1));
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
        return std::string(v);
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> http_request::query_param(std::string_view wanted) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    auto amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    auto eq = pair.find('=');
    std::string name(pair.substr(0, eq));
    std::string value(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
    for (auto& c : name) c = c == '+' ? ' ' : c;
    for (auto& c : value) c = c == '+' ? ' ' : c;
    auto decoded_name = percent_decode(name);
    if (!decoded_name || *decoded_name != wanted) continue;
    auto decoded = percent_decode(value);
    if (decoded) return decoded;
  }
  return std::nullopt;
}

http_response http_response::html(std::string body, unsigned status) {
  http_response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

http_response http_response::text(std::string body, unsigned status) {
  http_response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

http_response http_response::redirect(std::string location, unsigned status) {
  http_response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

void http_response::set_cookie(std::string_view name, std::string_view value, std::string_view extra) {
  std::string line = std::string(name) + "=" + std::string(value) + "; Path=/; HttpOnly; SameSite=Lax";
  if (!extra.empty()) line += "; " + std::string(extra);
  headers.emplace_back("Set-Cookie", std::move(line));
}

}  // namespace djust::transport
