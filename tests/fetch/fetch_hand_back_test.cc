// RunHooks::hand_back: once a batch's own URLs are done, the follow-ups it
// has not started leave its loop, so the batch does not wait for their
// (slow, polite) host; every URL is reported or handed back exactly once.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "fetch/fetch_test_util.h"
#include "fetch/fetcher.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

struct Servers {
  Servers() : archive("127.0.0.2") {
    live.server().Get(R"(/\d+)", [](const httplib::Request&, httplib::Response& r) { r.set_content("live", "text/plain"); });
    archive.server().Get(R"(/copy/\d+)", [this](const httplib::Request&, httplib::Response& r) {
      ++archive_served;
      r.set_content("copy", "text/plain");
    });
    live.Start();
    archive.Start();
  }
  testing::TestServer live;
  testing::TestServer archive;
  std::atomic<int> archive_served{0};
};

// The archive host: one transfer at a time, `interval_ms` between starts.
FetchOptions Options(int interval_ms) {
  FetchOptions options = testing::FastOptions();
  options.hosts["127.0.0.2"] = HostLimits{1, interval_ms};
  return options;
}

TEST(FetchHandBackTest, UnstartedFollowUpsLeaveTheBatchOnceItsOwnUrlsAreDone) {
  Servers servers;
  std::vector<std::string> own, copies;
  for (int i = 0; i < 10; ++i) own.push_back(servers.live.Url("/" + std::to_string(i)));
  for (int i = 0; i < 20; ++i) copies.push_back(servers.archive.Url("/copy/" + std::to_string(i)));

  bool given = false;
  std::vector<std::string> handed, offered_again;
  RunHooks hooks;
  // Like the archive seeker, the hook offers again what was handed back:
  // the loop must not take it (it would start them in this batch after all).
  hooks.follow_ups = [&](std::vector<std::string>* more) {
    if (!given) *more = copies;
    given = true;
    for (std::string& url : offered_again) more->push_back(std::move(url));
    offered_again.clear();
    return false;  // not the last batch: nothing to wait for
  };
  hooks.hand_back = [&](std::vector<std::string> urls) {
    handed.insert(handed.end(), urls.begin(), urls.end());
    offered_again.insert(offered_again.end(), urls.begin(), urls.end());
  };
  // 20 s between starts to the archive: fetching every copy in this batch
  // would take over six minutes; the batch must end after the first.
  auto fetcher = MakeCurlFetcher(Options(20000));
  fetcher->SetRunHooks(std::move(hooks));
  const std::map<std::string, FetchResult> results = testing::FetchUrls(*fetcher, own);

  for (const std::string& url : own) {
    ASSERT_EQ(results.count(url), 1u) << url;
    EXPECT_EQ(results.at(url).status, LinkStatus::kOk);
  }
  std::set<std::string> seen(handed.begin(), handed.end());
  EXPECT_EQ(seen.size(), handed.size());  // none twice
  size_t reported_copies = 0;
  for (const std::string& url : copies) {
    const bool reported = results.count(url) == 1;
    reported_copies += reported;
    EXPECT_NE(reported, seen.count(url) == 1) << url << ": reported or handed back, exactly one of them";
  }
  EXPECT_GE(handed.size(), 18u);
  EXPECT_EQ(static_cast<size_t>(servers.archive_served.load()), reported_copies);  // handed back: never requested
}

TEST(FetchHandBackTest, WithoutTheHookEveryFollowUpIsFetchedBeforeFetchAllReturns) {
  Servers servers;
  const std::vector<std::string> own = {servers.live.Url("/1")};
  const std::vector<std::string> copies = {servers.archive.Url("/copy/1"), servers.archive.Url("/copy/2"),
                                           servers.archive.Url("/copy/3")};
  bool given = false;
  RunHooks hooks;
  hooks.follow_ups = [&](std::vector<std::string>* more) {
    if (!given) *more = copies;
    given = true;
    return false;
  };
  auto fetcher = MakeCurlFetcher(Options(100));
  fetcher->SetRunHooks(std::move(hooks));
  const std::map<std::string, FetchResult> results = testing::FetchUrls(*fetcher, own);
  EXPECT_EQ(results.size(), 4u);
  EXPECT_EQ(servers.archive_served.load(), 3);
}

}  // namespace
}  // namespace citecheck
