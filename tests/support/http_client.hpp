// A blocking HTTP/1.1 client over a real socket, for tests (keep-alive capable).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace djust::test {

struct http_result {
  unsigned status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lowercased
  std::string body;
  bool keep_alive = false;
  std::string header(const std::string& lowercase_name) const;
};

// One connection; requests are sent in order on it. Throws std::runtime_error on I/O errors.
class http_connection {
 public:
  explicit http_connection(std::uint16_t port, std::string host = "127.0.0.1");
  ~http_connection();
  http_result request(const std::string& method, const std::string& target,
                      const std::vector<std::pair<std::string, std::string>>& headers = {},
                      const std::string& body = "");
  // Sends raw bytes and reads one response (for malformed-request tests).
  http_result raw(const std::string& bytes);
  // True when the server closed the connection (read returns EOF).
  bool closed_by_peer();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// One request on a fresh connection.
http_result http_get(std::uint16_t port, const std::string& target,
                     const std::vector<std::pair<std::string, std::string>>& headers = {});

}  // namespace djust::test
