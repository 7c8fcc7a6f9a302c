// Telling failures from noise against a real loopback server: soft 404s are
// broken, bot challenges and login walls are blocked (never broken, never
// retried), each with a detail that says what happened.
#include <gtest/gtest.h>

#include <atomic>

#include "fetch/fetcher.h"
#include "fetch_test_util.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

using testing::FastOptions;
using testing::FetchOne;
using testing::TestServer;

TEST(FetchNoiseTest, SoftNotFoundPageIsBroken) {
  TestServer server;
  server.server().Get("/story", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("<html><head><title>Page Not Found | Daily Example</title></head>"
                  "<body><h1>Sorry</h1><p>Try the search.</p></body></html>",
                  "text/html");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/story"));
  EXPECT_EQ(result.status, LinkStatus::kBroken);
  EXPECT_EQ(result.http_status, 200);
  EXPECT_EQ(result.error, "soft 404: the title says \"Page Not Found | Daily Example\"");
}

TEST(FetchNoiseTest, DeepUrlRedirectedToRootIsBroken) {
  TestServer server;
  server.server().Get("/2019/05/story.html", [](const httplib::Request&, httplib::Response& r) {
    r.set_redirect("/");
  });
  server.server().Get("/", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("<html><title>Daily Example</title><p>Front page</p></html>", "text/html");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/2019/05/story.html"));
  EXPECT_EQ(result.status, LinkStatus::kBroken);
  EXPECT_EQ(result.error, "soft 404: redirected to the site root " + server.Url("/"));
}

TEST(FetchNoiseTest, ChallengePageIsBlockedAndNotRetried) {
  TestServer server;
  std::atomic<int> requests{0};
  server.server().Get("/article", [&](const httplib::Request&, httplib::Response& r) {
    ++requests;
    r.status = 503;
    r.set_header("Server", "cloudflare");
    r.set_header("cf-mitigated", "challenge");
    r.set_content("<html><head><title>Just a moment...</title></head><body></body></html>", "text/html");
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.retries = 2;
  FetchResult result = FetchOne(options, server.Url("/article"));
  EXPECT_EQ(result.status, LinkStatus::kBlocked);
  EXPECT_EQ(result.error, "bot challenge (Cloudflare)");
  EXPECT_EQ(result.http_status, 503);
  EXPECT_EQ(requests.load(), 1);
}

TEST(FetchNoiseTest, RedirectToLoginIsBlocked) {
  TestServer server;
  server.server().Get("/reports/q3", [](const httplib::Request&, httplib::Response& r) {
    r.set_redirect("/accounts/login?next=/reports/q3");
  });
  server.server().Get("/accounts/login", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("<html><title>Sign in</title><form></form></html>", "text/html");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/reports/q3"));
  EXPECT_EQ(result.status, LinkStatus::kBlocked);
  EXPECT_EQ(result.error, "login wall: redirected to " + server.Url("/accounts/login"));
}

TEST(FetchNoiseTest, UnauthorizedIsBlocked) {
  TestServer server;
  server.server().Get("/members", [](const httplib::Request&, httplib::Response& r) { r.status = 401; });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/members"));
  EXPECT_EQ(result.status, LinkStatus::kBlocked);
  EXPECT_EQ(result.error, "login required (HTTP 401)");
}

TEST(FetchNoiseTest, OrdinaryPageStaysOk) {
  TestServer server;
  server.server().Get("/news/story", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("<html><title>Council opens library</title><p>The library opened.</p></html>",
                  "text/html");
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/news/story"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_EQ(result.error, "");
}

}  // namespace
}  // namespace citecheck
