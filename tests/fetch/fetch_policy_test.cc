// CurlFetcher policies: private addresses judged on the address connected to
// (also after a redirect), and fetch.exclude.
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "fetch/fetcher.h"
#include "fetch/url_filter.h"
#include "fetch_test_util.h"
#include "support/closed_port.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

using testing::FastOptions;
using testing::FetchOne;
using testing::TestServer;

// A server that counts the requests it gets.
class CountingServer {
 public:
  explicit CountingServer(const std::string& host = "127.0.0.1") : server_(host) {
    server_.server().Get(".*", [this](const httplib::Request&, httplib::Response& r) {
      ++requests_;
      r.set_content("reached", "text/plain");
    });
    server_.Start();
  }
  std::string Url(const std::string& path) const { return server_.Url(path); }
  int requests() const { return requests_; }

 private:
  TestServer server_;
  std::atomic<int> requests_{0};
};

FetchOptions PrivateOptions(bool allow_all, std::vector<std::string> ranges) {
  FetchOptions options = FastOptions();
  options.allow_all_private = allow_all;
  options.allowed_private_ranges = std::move(ranges);
  return options;
}

TEST(FetchPolicyTest, LoopbackRefusedByDefault) {
  CountingServer server;
  FetchResult result = FetchOne(PrivateOptions(false, {}), server.Url("/"));
  EXPECT_EQ(result.status, LinkStatus::kBlocked);
  EXPECT_EQ(result.error, "private address 127.0.0.1 refused (use --allow-private)");
  EXPECT_EQ(server.requests(), 0);
}

TEST(FetchPolicyTest, RefusalIsNotRetried) {
  CountingServer server;
  FetchOptions options = PrivateOptions(false, {});
  options.retries = 2;
  FetchResult result = FetchOne(options, server.Url("/"));
  EXPECT_EQ(result.status, LinkStatus::kBlocked);
  EXPECT_LT(result.elapsed_s, 0.5);
}

TEST(FetchPolicyTest, LoopbackAllowedWithAllowAll) {
  CountingServer server;
  FetchResult result = FetchOne(PrivateOptions(true, {}), server.Url("/"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_EQ(server.requests(), 1);
}

TEST(FetchPolicyTest, LoopbackAllowedByMatchingRange) {
  CountingServer server;
  FetchResult result = FetchOne(PrivateOptions(false, {"10.0.0.0/8", "127.0.0.1/32"}), server.Url("/"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
}

TEST(FetchPolicyTest, LoopbackRefusedWhenRangeDoesNotMatch) {
  CountingServer server;
  FetchResult result = FetchOne(PrivateOptions(false, {"127.0.0.2/32"}), server.Url("/"));
  EXPECT_EQ(result.status, LinkStatus::kBlocked);
  EXPECT_NE(result.error.find("private address 127.0.0.1"), std::string::npos);
  EXPECT_EQ(server.requests(), 0);
}

TEST(FetchPolicyTest, RedirectToRefusedAddressBlocked) {
  CountingServer target("127.0.0.1");
  TestServer origin("127.0.0.2");
  std::atomic<int> origin_requests{0};
  std::string target_url = target.Url("/secret");
  origin.server().Get("/start", [&](const httplib::Request&, httplib::Response& r) {
    ++origin_requests;
    r.set_redirect(target_url.c_str());
  });
  origin.Start();
  FetchResult result = FetchOne(PrivateOptions(false, {"127.0.0.2/32"}), origin.Url("/start"));
  EXPECT_EQ(result.status, LinkStatus::kBlocked);
  EXPECT_EQ(result.error, "private address 127.0.0.1 refused (use --allow-private)");
  EXPECT_EQ(origin_requests.load(), 1);
  EXPECT_EQ(target.requests(), 0);
}

TEST(FetchPolicyTest, BadRangeMakesEveryUrlAnError) {
  FetchResult result = FetchOne(PrivateOptions(false, {"127.0.0.300"}), "http://127.0.0.1:1/");
  EXPECT_EQ(result.status, LinkStatus::kError);
  EXPECT_NE(result.error.find("127.0.0.300"), std::string::npos);
}

TEST(FetchPolicyTest, ExcludedUrlNotRequested) {
  CountingServer server;
  FetchOptions options = FastOptions();
  options.exclude = {"/private/", "^https://example\\.com"};
  std::map<std::string, FetchResult> results =
      testing::FetchUrls(options, {server.Url("/private/x"), server.Url("/public")});
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[server.Url("/private/x")].status, LinkStatus::kExcluded);
  EXPECT_EQ(results[server.Url("/private/x")].error, "excluded by pattern /private/");
  EXPECT_EQ(results[server.Url("/public")].status, LinkStatus::kOk);
  EXPECT_EQ(server.requests(), 1);
}

TEST(FetchPolicyTest, ExcludePatternValidation) {
  std::vector<ExcludePattern> patterns;
  std::string error;
  EXPECT_TRUE(CompileExcludePatterns({"^https?://ads\\.", "tracking"}, &patterns, &error));
  EXPECT_EQ(patterns.size(), 2u);
  EXPECT_FALSE(CompileExcludePatterns({"fine", "(unclosed"}, &patterns, &error));
  EXPECT_NE(error.find("\"(unclosed\""), std::string::npos) << error;
}

// Every other spelling of a loopback or private destination is refused too,
// even with an allow list that permits one loopback address (127.0.0.2/32):
// the policy judges the address connected to, whatever the URL said.
class BypassSpellingTest : public ::testing::TestWithParam<std::string> {};

TEST_P(BypassSpellingTest, Refused) {
  CountingServer server("127.0.0.1");
  std::string port = server.Url("").substr(server.Url("").rfind(':') + 1);
  std::string url = "http://" + GetParam() + ":" + port + "/";
  FetchResult result = FetchOne(PrivateOptions(false, {"127.0.0.2/32"}), url);
  EXPECT_EQ(result.status, LinkStatus::kBlocked) << url << ": " << result.error;
  EXPECT_EQ(result.error.rfind("private address ", 0), 0u) << url << ": " << result.error;
  EXPECT_EQ(server.requests(), 0) << url;
}

INSTANTIATE_TEST_SUITE_P(Spellings, BypassSpellingTest,
                         ::testing::Values("2130706433",          // decimal 127.0.0.1
                                           "0177.0.0.1",          // octal
                                           "0x7f.0.0.1",          // hexadecimal
                                           "127.1",               // short form
                                           "0.0.0.0",             // reaches the local host on Linux
                                           "[::1]",               // IPv6 loopback
                                           "[::ffff:127.0.0.1]",  // IPv4-mapped IPv6
                                           "[::ffff:7f00:1]",     // the same, in hex
                                           "localhost",           // a name resolving to loopback
                                           "224.0.0.1",           // multicast
                                           "[ff02::1]",           // IPv6 multicast
                                           "169.254.169.254",     // link-local (cloud metadata)
                                           "10.0.0.1"));          // private

TEST(FetchPolicyTest, RedirectToOtherSpellingOfRefusedAddressBlocked) {
  CountingServer target("127.0.0.1");
  std::string port = target.Url("").substr(target.Url("").rfind(':') + 1);
  for (std::string host : {"2130706433", "[::ffff:127.0.0.1]", "localhost"}) {
    TestServer origin("127.0.0.2");
    std::string location = "http://" + host + ":" + port + "/secret";
    origin.server().Get("/start", [&](const httplib::Request&, httplib::Response& r) {
      r.set_redirect(location.c_str());
    });
    origin.Start();
    FetchResult result = FetchOne(PrivateOptions(false, {"127.0.0.2/32"}), origin.Url("/start"));
    EXPECT_EQ(result.status, LinkStatus::kBlocked) << host << ": " << result.error;
  }
  EXPECT_EQ(target.requests(), 0);
}

class SchemeTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SchemeTest, NeverFetchedDirectly) {
  FetchResult result = FetchOne(FastOptions(), GetParam());
  EXPECT_EQ(result.status, LinkStatus::kBlocked);
  EXPECT_EQ(result.error, "scheme not allowed");
  EXPECT_EQ(result.body, "");
}

TEST_P(SchemeTest, NeverFollowedAsRedirect) {
  TestServer server;
  std::string target = GetParam();
  server.server().Get("/go", [&](const httplib::Request&, httplib::Response& r) {
    r.set_redirect(target.c_str());
  });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/go"));
  EXPECT_EQ(result.status, LinkStatus::kBlocked) << result.error;
  EXPECT_NE(result.error.find("scheme not allowed"), std::string::npos) << result.error;
  EXPECT_EQ(result.body, "");
  EXPECT_EQ(result.bytes, 0);
}

INSTANTIATE_TEST_SUITE_P(Schemes, SchemeTest,
                         ::testing::Values("file:///etc/passwd", "ftp://127.0.0.1/file",
                                           "gopher://127.0.0.1:70/1", "dict://127.0.0.1:2628/d:x",
                                           "FILE:///etc/hostname"));

TEST(FetchPolicyTest, CredentialsNeverLoggedOrKept) {
  TestServer server;
  std::string port = std::to_string(server.port());
  std::atomic<int> busy{0};
  server.server().Get("/start", [&](const httplib::Request&, httplib::Response& r) {
    // A permanent redirect whose target carries other credentials.
    r.set_redirect(("http://bob:hunter2@127.0.0.1:" + port + "/busy").c_str(), 301);
  });
  server.server().Get("/busy", [&](const httplib::Request&, httplib::Response& r) {
    if (++busy == 1) {
      r.status = 503;  // one retry, so the retry is logged too
      return;
    }
    r.set_content("<title>Page not found</title>", "text/html");  // an error detail too
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.verbose = true;
  options.retries = 1;
  ::testing::internal::CaptureStderr();
  std::map<std::string, FetchResult> results = testing::FetchUrls(
      options, {"http://alice:s3cret@127.0.0.1:" + port + "/start",
                "http://carol:pa55@127.0.0.1:" + std::to_string(testing::ClosedPort()) + "/refused"});
  std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(log.find("GET http://127.0.0.1:" + port + "/start"), std::string::npos) << log;
  EXPECT_NE(log.find("retry"), std::string::npos) << log;
  for (std::string secret : {"s3cret", "hunter2", "pa55", "alice:", "bob:", "carol:"}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << secret << " in log:\n" << log;
    for (const auto& [url, result] : results) {
      EXPECT_EQ(result.final_url.find(secret), std::string::npos) << secret << " " << result.final_url;
      EXPECT_EQ(result.error.find(secret), std::string::npos) << secret << " " << result.error;
      EXPECT_EQ(result.permanent_redirect.value_or("").find(secret), std::string::npos) << secret;
    }
  }
  ASSERT_EQ(results.size(), 2u);
}

}  // namespace
}  // namespace citecheck
