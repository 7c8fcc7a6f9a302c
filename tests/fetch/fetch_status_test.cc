// CurlFetcher against a real loopback server: link statuses and the fields
// that come with them (docs/statuses.md "Link statuses").
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "fetch/fetcher.h"
#include "fetch_test_util.h"
#include "support/closed_port.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

using testing::FastOptions;
using testing::FetchOne;
using testing::TestServer;

TEST(FetchStatusTest, OkPageWithHeaders) {
  TestServer server;
  std::string user_agent;
  server.server().Get("/page", [&](const httplib::Request& request, httplib::Response& response) {
    user_agent = request.get_header_value("User-Agent");
    response.set_header("Content-Language", "en-GB");
    response.set_header("ETag", "\"v1\"");
    response.set_header("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
    response.set_content("<p>Hello, world</p>", "Text/HTML; charset=UTF-8");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/page"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_EQ(result.http_status, 200);
  EXPECT_EQ(result.url, server.Url("/page"));
  EXPECT_EQ(result.final_url, server.Url("/page"));
  EXPECT_EQ(result.body, "<p>Hello, world</p>");
  EXPECT_EQ(result.content_type, "text/html");
  EXPECT_EQ(result.content_language, "en-GB");
  EXPECT_EQ(result.etag, "\"v1\"");
  EXPECT_EQ(result.last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");
  EXPECT_EQ(result.bytes, 19);
  EXPECT_FALSE(result.truncated);
  EXPECT_FALSE(result.permanent_redirect.has_value());
  EXPECT_EQ(user_agent, "citecheck/" CITECHECK_VERSION);
}

TEST(FetchStatusTest, NotFoundIsBroken) {
  TestServer server;
  server.server().Get("/gone", [](const httplib::Request&, httplib::Response& response) {
    response.status = 404;
    response.set_content("not here", "text/plain");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/gone"));
  EXPECT_EQ(result.status, LinkStatus::kBroken);
  EXPECT_EQ(result.error, "HTTP 404");
  EXPECT_EQ(result.http_status, 404);
}

TEST(FetchStatusTest, ServerErrorIsBrokenAfterRetries) {
  TestServer server;
  std::atomic<int> requests{0};
  server.server().Get("/fail", [&](const httplib::Request&, httplib::Response& response) {
    ++requests;
    response.status = 500;
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.retries = 2;
  FetchResult result = FetchOne(options, server.Url("/fail"));
  EXPECT_EQ(result.status, LinkStatus::kBroken);
  EXPECT_EQ(result.error, "HTTP 500");
  EXPECT_EQ(requests.load(), 3);
}

TEST(FetchStatusTest, RedirectChainFollowed) {
  TestServer server;
  server.server().Get("/a", [](const httplib::Request&, httplib::Response& r) { r.set_redirect("/b"); });
  server.server().Get("/b", [](const httplib::Request&, httplib::Response& r) { r.set_redirect("/c", 307); });
  server.server().Get("/c", [](const httplib::Request&, httplib::Response& r) { r.set_redirect("/d", 303); });
  server.server().Get("/d", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("end", "text/plain");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/a"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_EQ(result.final_url, server.Url("/d"));
  EXPECT_EQ(result.body, "end");
  EXPECT_EQ(result.http_status, 200);
  EXPECT_FALSE(result.permanent_redirect.has_value());
  EXPECT_EQ(result.error, "");
}

TEST(FetchStatusTest, PermanentRedirectNoted) {
  TestServer server;
  server.server().Get("/old", [](const httplib::Request&, httplib::Response& r) { r.set_redirect("/new", 301); });
  server.server().Get("/new", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("moved here", "text/plain");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/old"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  ASSERT_TRUE(result.permanent_redirect.has_value());
  EXPECT_EQ(*result.permanent_redirect, server.Url("/new"));
  EXPECT_EQ(result.error, "permanent redirect to " + server.Url("/new"));
}

TEST(FetchStatusTest, RedirectLoopIsError) {
  TestServer server;
  server.server().Get("/loop", [](const httplib::Request&, httplib::Response& r) { r.set_redirect("/loop"); });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/loop"));
  EXPECT_EQ(result.status, LinkStatus::kError);
  EXPECT_EQ(result.error, "too many redirects (more than 10)");
}

TEST(FetchStatusTest, RedirectToOtherSchemeIsBlocked) {
  TestServer server;
  server.server().Get("/ftp", [](const httplib::Request&, httplib::Response& r) {
    r.set_redirect("ftp://127.0.0.1/file");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/ftp"));
  EXPECT_EQ(result.status, LinkStatus::kBlocked);
  EXPECT_NE(result.error.find("scheme not allowed"), std::string::npos) << result.error;
}

TEST(FetchStatusTest, SlowServerTimesOut) {
  TestServer server;
  server.server().Get("/slow", [](const httplib::Request&, httplib::Response& r) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    r.set_content("late", "text/plain");
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.timeout_s = 1;
  FetchResult result = FetchOne(options, server.Url("/slow"));
  EXPECT_EQ(result.status, LinkStatus::kTimeout);
  EXPECT_EQ(result.error, "timed out after 1 s");
  EXPECT_LT(result.elapsed_s, 1.4);
}

TEST(FetchStatusTest, ConnectionRefusedIsBroken) {
  FetchResult result = FetchOne(FastOptions(), "http://127.0.0.1:" + std::to_string(testing::ClosedPort()) + "/");
  EXPECT_EQ(result.status, LinkStatus::kBroken);
  EXPECT_EQ(result.error, "connection refused");
}

TEST(FetchStatusTest, UnresolvableHostIsBrokenDns) {
  FetchResult result = FetchOne(FastOptions(), "http://nonexistent.invalid/");
  EXPECT_EQ(result.status, LinkStatus::kBroken);
  EXPECT_EQ(result.error, "DNS: could not resolve host nonexistent.invalid");
}

TEST(FetchStatusTest, OtherSchemeIsBlockedWithoutFetching) {
  FetchResult result = FetchOne(FastOptions(), "ftp://example.org/file");
  EXPECT_EQ(result.status, LinkStatus::kBlocked);
  EXPECT_EQ(result.error, "scheme not allowed");
}

TEST(FetchStatusTest, EnvironmentProxyIgnored) {
  TestServer server;
  server.server().Get("/", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("direct", "text/plain");
  });
  server.Start();
  setenv("http_proxy", "http://127.0.0.1:9", 1);
  setenv("no_proxy", "", 1);
  FetchResult result = FetchOne(FastOptions(), server.Url("/"));
  unsetenv("http_proxy");
  unsetenv("no_proxy");
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_EQ(result.body, "direct");
}

TEST(FetchStatusTest, CredentialsNotKeptInFinalUrlOrErrors) {
  TestServer server;
  server.server().Get("/private", [](const httplib::Request&, httplib::Response& r) {
    r.status = 401;
  });
  server.Start();
  std::string url = "http://user:secret@127.0.0.1:" + std::to_string(server.port()) + "/private";
  FetchResult result = FetchOne(FastOptions(), url);
  EXPECT_EQ(result.status, LinkStatus::kBlocked);  // a login wall
  EXPECT_EQ(result.final_url, server.Url("/private"));
  EXPECT_EQ(result.error.find("secret"), std::string::npos);
}

}  // namespace
}  // namespace citecheck
