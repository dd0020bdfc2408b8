// Tests of static file serving: content types, ETag/304, gzip, confinement to the mounted dir.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "djust/transport/static_files.hpp"

namespace djust::transport {
namespace {

namespace fs = std::filesystem;

std::string gunzip(const std::string& z) {
  z_stream zs{};
  inflateInit2(&zs, 15 + 16);
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(z.data()));
  zs.avail_in = static_cast<uInt>(z.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  inflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return out;
}

class static_files_test : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("djust_static_" + std::to_string(::getpid()));
    fs::create_directories(root_ / "pub" / "sub");
    write(root_ / "pub" / "app.js", std::string(2000, 'a') + "console.log(1);");
    write(root_ / "pub" / "sub" / "x.png", "\x89PNG");
    write(root_ / "secret.txt", "secret");
    files_.mount("/static/djust/", root_ / "pub");
  }
  void TearDown() override { fs::remove_all(root_); }
  static void write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }
  std::optional<http_response> get(const std::string& path, header_list headers = {}) {
    http_request req;
    req.method = "GET";
    req.path = path;
    req.headers = std::move(headers);
    return files_.serve(req);
  }
  static std::string header(const http_response& r, const std::string& name) {
    for (const auto& [n, v] : r.headers)
      if (n == name) return v;
    return "";
  }

  fs::path root_;
  static_files files_;
};

TEST_F(static_files_test, serves_with_type_and_etag) {
  auto r = get("/static/djust/app.js");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200u);
  EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(r->body.size(), 2015u);
  EXPECT_EQ(header(*r, "ETag").size(), 26u);
  EXPECT_EQ(header(*r, "Content-Encoding"), "");
  auto png = get("/static/djust/sub/x.png");
  ASSERT_TRUE(png);
  EXPECT_EQ(png->content_type, "image/png");
}

TEST_F(static_files_test, if_none_match_gives_304) {
  auto etag = header(*get("/static/djust/app.js"), "ETag");
  auto r = get("/static/djust/app.js", {{"if-none-match", "\"other\", " + etag}});
  EXPECT_EQ(r->status, 304u);
  EXPECT_TRUE(r->body.empty());
  EXPECT_EQ(get("/static/djust/app.js", {{"if-none-match", "\"other\""}})->status, 200u);
}

TEST_F(static_files_test, gzip_when_accepted_and_worth_it) {
  auto r = get("/static/djust/app.js", {{"accept-encoding", "gzip, deflate, br"}});
  EXPECT_EQ(header(*r, "Content-Encoding"), "gzip");
  EXPECT_EQ(header(*r, "Vary"), "Accept-Encoding");
  EXPECT_LT(r->body.size(), 100u);
  EXPECT_EQ(gunzip(r->body), std::string(2000, 'a') + "console.log(1);");
  EXPECT_EQ(header(*get("/static/djust/app.js", {{"accept-encoding", "gzip;q=0"}}), "Content-Encoding"), "");
  EXPECT_EQ(header(*get("/static/djust/sub/x.png", {{"accept-encoding", "gzip"}}), "Content-Encoding"), "");
}

TEST_F(static_files_test, changed_files_are_reloaded) {
  auto before = header(*get("/static/djust/app.js"), "ETag");
  write(root_ / "pub" / "app.js", "changed");
  fs::last_write_time(root_ / "pub" / "app.js", fs::file_time_type::clock::now() + std::chrono::seconds(5));
  auto r = get("/static/djust/app.js");
  EXPECT_EQ(r->body, "changed");
  EXPECT_NE(header(*r, "ETag"), before);
}

TEST_F(static_files_test, paths_cannot_leave_the_directory) {
  for (std::string bad : {"/static/djust/../secret.txt", "/static/djust/%2e%2e/secret.txt",
                          "/static/djust/sub/../../secret.txt", "/static/djust//etc/passwd", "/static/djust/",
                          "/static/djust/missing.js", "/static/djust/sub", "/static/djust/a%00b", "/static/djust/%zz"}) {
    auto r = get(bad);
    ASSERT_TRUE(r) << bad;
    EXPECT_EQ(r->status, 404u) << bad;
  }
  EXPECT_FALSE(get("/other/app.js"));
}

TEST_F(static_files_test, only_get_and_head) {
  http_request req;
  req.method = "POST";
  req.path = "/static/djust/app.js";
  EXPECT_EQ(files_.serve(req)->status, 405u);
}

}  // namespace
}  // namespace djust::transport
