// CurlFetcher policies: private addresses judged on the address connected to
// (also after a redirect), and fetch.exclude.
#include <gtest/gtest.h>

#include <atomic>

#include "fetch/fetcher.h"
#include "fetch/url_filter.h"
#include "fetch_test_util.h"
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

}  // namespace
}  // namespace citecheck
