// Blocking Beast HTTP client used by transport and integration tests.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <stdexcept>

#include "http_client.hpp"

namespace djust::test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

std::string http_result::header(const std::string& name) const {
  for (const auto& [n, v] : headers)
    if (n == name) return v;
  return "";
}

struct http_connection::impl {
  net::io_context ioc;
  beast::tcp_stream stream{ioc};
  beast::flat_buffer buffer;
  std::string host;
  std::uint16_t port;

  http_result read_one() {
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    stream.expires_after(std::chrono::seconds(10));
    http::read(stream, buffer, parser);
    auto res = parser.release();
    http_result out;
    out.status = res.result_int();
    out.keep_alive = res.keep_alive();
    for (const auto& f : res) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers.emplace_back(std::move(name), std::string(f.value()));
    }
    out.body = res.body();
    return out;
  }
};

http_connection::http_connection(std::uint16_t port, std::string host) : impl_(std::make_unique<impl>()) {
  impl_->host = host;
  impl_->port = port;
  impl_->stream.connect(tcp::endpoint(net::ip::make_address(host), port));
}

http_connection::~http_connection() {
  beast::error_code ec;
  impl_->stream.socket().shutdown(tcp::socket::shutdown_both, ec);
}

http_result http_connection::request(const std::string& method, const std::string& target,
                                     const std::vector<std::pair<std::string, std::string>>& headers,
                                     const std::string& body) {
  http::request<http::string_body> req(http::string_to_verb(method), target, 11);
  req.set(http::field::host, impl_->host + ":" + std::to_string(impl_->port));
  for (const auto& [n, v] : headers) req.set(n, v);
  req.body() = body;
  req.prepare_payload();
  impl_->stream.expires_after(std::chrono::seconds(10));
  http::write(impl_->stream, req);
  if (method == "HEAD") {
    http::response_parser<http::empty_body> parser;
    parser.skip(true);
    http::read(impl_->stream, impl_->buffer, parser);
    auto res = parser.release();
    http_result out;
    out.status = res.result_int();
    out.keep_alive = res.keep_alive();
    for (const auto& f : res) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out.headers.emplace_back(std::move(name), std::string(f.value()));
    }
    return out;
  }
  return impl_->read_one();
}

http_result http_connection::raw(const std::string& bytes) {
  impl_->stream.expires_after(std::chrono::seconds(10));
  net::write(impl_->stream, net::buffer(bytes));
  return impl_->read_one();
}

bool http_connection::closed_by_peer() {
  char byte;
  beast::error_code ec;
  impl_->stream.expires_after(std::chrono::seconds(10));
  impl_->stream.read_some(net::buffer(&byte, 1), ec);
  return ec == net::error::eof || ec == net::error::connection_reset;
}

http_result http_get(std::uint16_t port, const std::string& target,
                     const std::vector<std::pair<std::string, std::string>>& headers) {
  http_connection c(port);
  return c.request("GET", target, headers);
}

}  // namespace djust::test
