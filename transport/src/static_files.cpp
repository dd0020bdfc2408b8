// Static file serving: path confinement, content types, ETag/If-None-Match, gzip cache.
#include <openssl/evp.h>
#include <zlib.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "djust/transport/route.hpp"
#include "djust/transport/signing.hpp"
#include "djust/transport/static_files.hpp"

namespace djust::transport {
namespace fs = std::filesystem;
namespace {

bool compressible(std::string_view type) {
  return type.rfind("text/", 0) == 0 || type.find("javascript") != std::string_view::npos ||
         type.find("json") != std::string_view::npos || type.find("svg") != std::string_view::npos;
}

std::string sha256_tag(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  return "\"" + base64url_encode(std::string_view(reinterpret_cast<const char*>(md), 18)) + "\"";
}

bool etag_matches(std::string_view header, std::string_view etag) {
  if (header == "*") return true;
  while (!header.empty()) {
    auto comma = header.find(',');
    std::string_view one = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
    while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
    if (one.rfind("W/", 0) == 0) one.remove_prefix(2);
    if (one == etag) return true;
  }
  return false;
}

bool accepts_gzip(std::string_view header) {
  auto pos = header.find("gzip");
  if (pos == std::string_view::npos) return false;
  auto rest = header.substr(pos + 4, header.find(',', pos) - pos - 4);
  return rest.find("q=0") == std::string_view::npos || rest.find("q=0.") != std::string_view::npos;
}

}  // namespace

std::string gzip_compress(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib deflateInit2 failed");
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib deflate failed");
  out.resize(zs.total_out);
  return out;
}

std::string static_files::content_type_for(const fs::path& file) {
  static const std::unordered_map<std::string, std::string> types{
      {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},       {".html", "text/html; charset=utf-8"},
      {".json", "application/json"},             {".map", "application/json"},
      {".svg", "image/svg+xml"},                 {".png", "image/png"},
      {".jpg", "image/jpeg"},                    {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},                     {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},     {".woff2", "font/woff2"},
      {".wasm", "application/wasm"}};
  auto it = types.find(file.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

void static_files::mount(std::string url_prefix, fs::path dir) {
  if (url_prefix.empty() || url_prefix.back() != '/') url_prefix.push_back('/');
  mounts_.emplace_back(std::move(url_prefix), std::move(dir));
}

std::shared_ptr<const static_files::entry> static_files::load(const fs::path& file) const {
  std::error_code ec;
  auto mtime = fs::last_write_time(file, ec);
  if (ec) return nullptr;
  auto size = fs::file_size(file, ec);
  if (ec) return nullptr;
  std::string key = file.string();
  {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(key); it != cache_.end() && it->second->mtime == mtime && it->second->size == size)
      return it->second;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream buf;
  buf << in.rdbuf();
  auto e = std::make_shared<entry>();
  e->mtime = mtime;
  e->size = size;
  e->body = std::make_shared<const std::string>(buf.str());
  e->etag = sha256_tag(*e->body);
  if (compressible(content_type_for(file)) && e->body->size() >= 256) {
    auto z = std::make_shared<const std::string>(gzip_compress(*e->body));
    if (z->size() < e->body->size()) e->gzip = std::move(z);
  }
  std::lock_guard lock(mutex_);
  cache_[key] = e;
  return e;
}

std::optional<http_response> static_files::serve(const http_request& req) const {
  for (const auto& [prefix, dir] : mounts_) {
    if (req.path.rfind(prefix, 0) != 0) continue;
    http_response not_found = http_response::text("not found\n", 404);
    if (req.method != "GET" && req.method != "HEAD") {
      auto r = http_response::text("method not allowed\n", 405);
      r.headers.emplace_back("Allow", "GET, HEAD");
      return r;
    }
    auto relative = percent_decode(std::string_view(req.path).substr(prefix.size()));
    if (!relative || relative->empty() || relative->find('\0') != std::string::npos) return not_found;
    fs::path rel(*relative);
    if (rel.is_absolute()) return not_found;
    for (const auto& part : rel)
      if (part == ".." || part == ".") return not_found;
    std::error_code ec;
    fs::path file = fs::weakly_canonical(dir / rel, ec);
    fs::path root = fs::weakly_canonical(dir, ec);
    if (ec) return not_found;
    auto [root_end, file_it] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
    if (root_end != root.end() || !fs::is_regular_file(file, ec)) return not_found;
    auto e = load(file);
    if (!e) return not_found;

    http_response res;
    res.content_type = content_type_for(file);
    res.headers.emplace_back("ETag", e->etag);
    res.headers.emplace_back("Cache-Control", "no-cache");
    res.headers.emplace_back("Vary", "Accept-Encoding");
    if (etag_matches(req.header("if-none-match"), e->etag)) {
      res.status = 304;
      return res;
    }
    if (e->gzip && accepts_gzip(req.header("accept-encoding"))) {
      res.headers.emplace_back("Content-Encoding", "gzip");
      res.body = *e->gzip;
    } else {
      res.body = *e->body;
    }
    return res;
  }
  return std::nullopt;
}

}  // namespace djust::transport
