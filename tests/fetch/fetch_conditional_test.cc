// Conditional requests (RunHooks::validators): If-None-Match and
// If-Modified-Since are sent for URLs with a stored copy, and a 304 is ok
// with not_modified and an empty body.
#include <gtest/gtest.h>

#include <mutex>

#include "fetch/fetcher.h"
#include "fetch_test_util.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

using testing::FastOptions;
using testing::FetchOne;
using testing::FetchUrls;
using testing::TestServer;

constexpr const char* kDate = "Wed, 21 Oct 2015 07:28:00 GMT";

class ConditionalServer {
 public:
  ConditionalServer() {
    server_.server().Get(R"(/page/\w+)", [this](const httplib::Request& request, httplib::Response& r) {
      std::string if_none_match = request.get_header_value("If-None-Match");
      std::string if_modified_since = request.get_header_value("If-Modified-Since");
      {
        std::lock_guard<std::mutex> lock(mutex_);
        seen_[request.path] = {if_none_match, if_modified_since};
      }
      r.set_header("ETag", "\"v1\"");
      if (request.path != "/page/changed" && (if_none_match == "\"v1\"" || if_modified_since == kDate)) {
        r.status = 304;
        return;
      }
      r.set_content("<p>the full page</p>", "text/html");
    });
    server_.Start();
  }
  std::string Url(const std::string& path) const { return server_.Url(path); }
  Validators Seen(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    return {seen_[path].first, seen_[path].second, ""};
  }

 private:
  TestServer server_;
  std::mutex mutex_;
  std::map<std::string, std::pair<std::string, std::string>> seen_;
};

TEST(FetchConditionalTest, NotModifiedReusesStoredCopy) {
  ConditionalServer server;
  FetchOptions options = FastOptions();
  std::string etag_url = server.Url("/page/etag");
  std::string date_url = server.Url("/page/date");
  std::vector<std::string> asked;
  RunHooks hooks;
  hooks.validators = [&](const std::string& url) -> std::optional<Validators> {
    asked.push_back(url);
    if (url == etag_url) return Validators{"\"v1\"", "", ""};
    if (url == date_url) return Validators{"", kDate, ""};
    return std::nullopt;
  };
  std::string fresh_url = server.Url("/page/fresh");
  std::map<std::string, FetchResult> results = FetchUrls(options, {etag_url, date_url, fresh_url}, hooks);

  EXPECT_EQ(server.Seen("/page/etag").etag, "\"v1\"");
  EXPECT_EQ(server.Seen("/page/etag").last_modified, "");
  EXPECT_EQ(server.Seen("/page/date").etag, "");
  EXPECT_EQ(server.Seen("/page/date").last_modified, kDate);
  EXPECT_EQ(server.Seen("/page/fresh").etag, "");
  EXPECT_EQ(server.Seen("/page/fresh").last_modified, "");
  EXPECT_EQ(asked.size(), 3u);

  for (const std::string& url : {etag_url, date_url}) {
    const FetchResult& result = results[url];
    EXPECT_EQ(result.status, LinkStatus::kOk) << url << ": " << result.error;
    EXPECT_TRUE(result.not_modified) << url;
    EXPECT_EQ(result.http_status, 304);
    EXPECT_EQ(result.body, "");
    EXPECT_EQ(result.error, "");
    EXPECT_EQ(result.etag, "\"v1\"");  // from the 304 itself
  }
  EXPECT_EQ(results[date_url].last_modified, kDate);  // kept from what was sent
  EXPECT_FALSE(results[fresh_url].not_modified);
  EXPECT_EQ(results[fresh_url].body, "<p>the full page</p>");
}

TEST(FetchConditionalTest, ChangedPageIsFetchedInFull) {
  ConditionalServer server;
  FetchOptions options = FastOptions();
  RunHooks hooks;
  hooks.validators = [](const std::string&) { return std::optional<Validators>({"\"v0\"", "", ""}); };
  FetchResult result = FetchOne(options, server.Url("/page/changed"), hooks);
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_FALSE(result.not_modified);
  EXPECT_EQ(result.http_status, 200);
  EXPECT_EQ(result.body, "<p>the full page</p>");
  EXPECT_EQ(result.etag, "\"v1\"");
}

TEST(FetchConditionalTest, HeaderInjectionIgnored) {
  ConditionalServer server;
  FetchOptions options = FastOptions();
  RunHooks hooks;
  hooks.validators = [](const std::string&) {
    return std::optional<Validators>({"\"v1\"\r\nX-Evil: 1", "", ""});
  };
  FetchResult result = FetchOne(options, server.Url("/page/evil"), hooks);
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_FALSE(result.not_modified);
  EXPECT_EQ(server.Seen("/page/evil").etag, "");
}

TEST(FetchConditionalTest, UnaskedNotModifiedIsNotOk) {
  TestServer server;
  server.server().Get("/odd", [](const httplib::Request&, httplib::Response& r) { r.status = 304; });
  server.Start();
  FetchResult result = FetchOne(FastOptions(), server.Url("/odd"));
  EXPECT_EQ(result.status, LinkStatus::kError);
  EXPECT_FALSE(result.not_modified);
}

}  // namespace
}  // namespace citecheck
