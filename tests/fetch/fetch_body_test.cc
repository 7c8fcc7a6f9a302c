// CurlFetcher bodies: compressed transfer, the body cap (also against a
// decompression bomb), charset decoding and binary types.
#include <gtest/gtest.h>

#include "fetch/fetcher.h"
#include "fetch_test_util.h"
#include "support/gzip.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

using testing::FastOptions;
using testing::FetchOne;
using testing::FixturePath;
using testing::Gzip;
using testing::ReadFile;
using testing::TestServer;

constexpr char kCyrillic[] = "Привет, мир! Это страница в кодировке windows-1251.";

// Serves `body` as already gzip-compressed bytes.
void ServeGzip(TestServer& server, const std::string& path, const std::string& gzipped,
               const std::string& content_type) {
  server.server().Get(path, [gzipped, content_type](const httplib::Request&, httplib::Response& r) {
    r.set_header("Content-Encoding", "gzip");
    r.set_content(gzipped, content_type.c_str());
  });
}

TEST(FetchBodyTest, GzipBodyDecoded) {
  std::string page = "<html><body>" + std::string(2000, 'x') + " compressed page</body></html>";
  std::string gzipped = Gzip(page);
  ASSERT_LT(gzipped.size(), page.size() / 4);
  TestServer server;
  ServeGzip(server, "/gz", gzipped, "text/html");
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/gz"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_EQ(result.body, page);
  EXPECT_EQ(result.bytes, static_cast<int64_t>(page.size()));
}

TEST(FetchBodyTest, BodyOverCapIsTruncatedButOk) {
  TestServer server;
  server.server().Get("/big", [](const httplib::Request&, httplib::Response& r) {
    r.set_content(std::string(10000, 'a'), "text/plain");
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.max_body_bytes = 1000;
  FetchResult result = FetchOne(options, server.Url("/big"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_TRUE(result.truncated);
  EXPECT_EQ(result.body, std::string(1000, 'a'));
  EXPECT_EQ(result.bytes, 1000);
}

TEST(FetchBodyTest, BodyExactlyAtCapIsNotTruncated) {
  TestServer server;
  server.server().Get("/exact", [](const httplib::Request&, httplib::Response& r) {
    r.set_content(std::string(1000, 'a'), "text/plain");
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.max_body_bytes = 1000;
  FetchResult result = FetchOne(options, server.Url("/exact"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_FALSE(result.truncated);
  EXPECT_EQ(result.bytes, 1000);
}

TEST(FetchBodyTest, GzipBombStopsAtCap) {
  std::string bomb = Gzip(std::string(50 * 1024 * 1024, '\0'));
  ASSERT_LT(bomb.size(), 200u * 1024);
  TestServer server;
  ServeGzip(server, "/bomb", bomb, "text/plain");
  server.Start();
  FetchOptions options = FastOptions();
  options.max_body_bytes = 1024 * 1024;
  FetchResult result = FetchOne(options, server.Url("/bomb"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_TRUE(result.truncated);
  EXPECT_EQ(result.bytes, 1024 * 1024);
  // NUL bytes are valid UTF-8, so the decoded body keeps exactly the cap.
  EXPECT_EQ(result.body.size(), 1024u * 1024);
}

TEST(FetchBodyTest, Windows1251FromHttpHeader) {
  TestServer server;
  std::string page = ReadFile(FixturePath("fetch/cp1251_header.html"));
  server.server().Get("/ru", [page](const httplib::Request&, httplib::Response& r) {
    r.set_content(page, "text/html; charset=windows-1251");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/ru"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_NE(result.body.find(kCyrillic), std::string::npos) << result.body;
  EXPECT_NE(result.body.find("<title>Кириллица</title>"), std::string::npos);
}

TEST(FetchBodyTest, Windows1251FromMetaCharset) {
  TestServer server;
  std::string page = ReadFile(FixturePath("fetch/cp1251_meta.html"));
  server.server().Get("/ru", [page](const httplib::Request&, httplib::Response& r) {
    r.set_content(page, "text/html");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/ru"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_NE(result.body.find(kCyrillic), std::string::npos) << result.body;
}

TEST(FetchBodyTest, InvalidUtf8Replaced) {
  TestServer server;
  server.server().Get("/bad", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("ok \xff\xfe\xfd end", "text/plain; charset=utf-8");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/bad"));
  EXPECT_EQ(result.status, LinkStatus::kOk);
  EXPECT_EQ(result.body, "ok \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end");
}

class BinaryTypeTest : public ::testing::TestWithParam<const char*> {};

TEST_P(BinaryTypeTest, OkWithBodyKeptOnlyForPdf) {
  TestServer server;
  std::string type = GetParam();
  server.server().Get("/file", [type](const httplib::Request&, httplib::Response& r) {
    r.set_content(std::string("%PDF-1.4\n\x00\x01\x02\xff binary", 20), type.c_str());
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/file"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  // A PDF (by type, or by its signature when the type says only "bytes") is
  // kept as it came for poppler; other binaries are only counted.
  EXPECT_EQ(result.body, type == "image/png" ? "" : std::string("%PDF-1.4\n\x00\x01\x02\xff binary", 20));
  EXPECT_EQ(result.content_type, type);
  EXPECT_EQ(result.bytes, 20);
}

INSTANTIATE_TEST_SUITE_P(Types, BinaryTypeTest,
                         ::testing::Values("application/pdf", "image/png", "application/octet-stream"));

}  // namespace
}  // namespace citecheck
