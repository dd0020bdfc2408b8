// Static files under URL prefixes, with strong ETags, 304s and cached gzip (zlib).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "djust/transport/http.hpp"

namespace djust::transport {

class static_files {
 public:
  // Serves files under `dir` at `url_prefix` ("/static/djust/"); later mounts are tried later.
  void mount(std::string url_prefix, std::filesystem::path dir);

  // The response for a GET/HEAD under a mounted prefix; nullopt when no prefix matches.
  // 404 for a missing file or any path that leaves its directory ("..", "%2e%2e").
  std::optional<http_response> serve(const http_request& req) const;

  static std::string content_type_for(const std::filesystem::path& file);

 private:
  struct entry {
    std::filesystem::file_time_type mtime;
    std::uintmax_t size = 0;
    std::string etag;
    std::shared_ptr<const std::string> body;
    std::shared_ptr<const std::string> gzip;  // null when not worth compressing
  };
  std::shared_ptr<const entry> load(const std::filesystem::path& file) const;

  std::vector<std::pair<std::string, std::filesystem::path>> mounts_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<const entry>> cache_;
};

// gzip of `data` (zlib, best compression); throws std::runtime_error on zlib failure.
std::string gzip_compress(std::string_view data);

}  // namespace djust::transport
