// RunHooks::abandon: a run that failed stops fetching at once instead of
// fetching every remaining URL.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fetch/fetcher.h"
#include "fetch/fetch_test_util.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

TEST(FetchAbandonTest, NoRequestStartsOnceAbandoned) {
  testing::TestServer server;
  std::atomic<int> served{0};
  server.server().Get(R"(/\d+)", [&](const httplib::Request&, httplib::Response& r) {
    ++served;
    r.set_content("page", "text/plain");
  });
  server.Start();
  std::vector<std::string> urls;
  for (int i = 0; i < 50; ++i) urls.push_back(server.Url("/" + std::to_string(i)));

  FetchOptions options = testing::FastOptions();
  options.per_host_concurrency = 1;  // one transfer at a time: the count is exact
  int reported = 0;
  RunHooks hooks;
  hooks.abandon = [&] { return reported >= 3; };  // read on the loop's thread, as on_done runs
  auto fetcher = MakeCurlFetcher(options);
  fetcher->SetRunHooks(std::move(hooks));
  fetcher->FetchAll(urls, [&](FetchResult r) {
    EXPECT_EQ(r.status, LinkStatus::kOk);
    ++reported;
  });
  EXPECT_EQ(reported, 3);
  EXPECT_EQ(served.load(), 3);
}

// A transfer still running when the run is abandoned is dropped, not waited
// for and not reported (without the hook it would be reported as a timeout).
TEST(FetchAbandonTest, RunningTransferIsAbandonedUnreported) {
  testing::TestServer server;
  std::mutex mutex;
  std::condition_variable released_cv;
  bool released = false;
  std::atomic<bool> slow_started{false};
  server.server().Get("/fast", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("fast", "text/plain");
  });
  server.server().Get("/slow", [&](const httplib::Request&, httplib::Response& r) {
    slow_started = true;
    std::unique_lock<std::mutex> lock(mutex);
    released_cv.wait(lock, [&] { return released; });
    r.set_content("slow", "text/plain");
  });
  server.Start();

  FetchOptions options = testing::FastOptions();
  options.timeout_s = 30;
  options.per_host_concurrency = 2;
  std::set<std::string> reported;
  RunHooks hooks;
  // Abandon once the fast page is in and the slow one is being served.
  hooks.abandon = [&] { return reported.count(server.Url("/fast")) > 0 && slow_started.load(); };
  auto fetcher = MakeCurlFetcher(options);
  fetcher->SetRunHooks(std::move(hooks));
  fetcher->FetchAll({server.Url("/slow"), server.Url("/fast")},
                    [&](FetchResult r) { reported.insert(r.url); });
  {
    std::lock_guard<std::mutex> lock(mutex);
    released = true;
  }
  released_cv.notify_all();
  EXPECT_EQ(reported, std::set<std::string>{server.Url("/fast")});
}

}  // namespace
}  // namespace citecheck
