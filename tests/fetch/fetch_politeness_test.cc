// CurlFetcher politeness: duplicates fetched once, per-host concurrency and
// start interval, a slow host not holding back others, Retry-After honoured.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "fetch/fetcher.h"
#include "fetch_test_util.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

using Clock = std::chrono::steady_clock;
using testing::FastOptions;
using testing::FetchOne;
using testing::FetchUrls;
using testing::TestServer;

int64_t MsBetween(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count();
}

TEST(FetchPolitenessTest, DuplicateUrlsFetchedOnce) {
  TestServer server;
  std::atomic<int> requests{0};
  server.server().Get("/same", [&](const httplib::Request&, httplib::Response& r) {
    ++requests;
    r.set_content("once", "text/plain");
  });
  server.Start();
  std::string url = server.Url("/same");
  int calls = 0;
  MakeCurlFetcher(FastOptions())->FetchAll({url, url, url}, [&](FetchResult result) {
    ++calls;
    EXPECT_EQ(result.status, LinkStatus::kOk);
  });
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(requests.load(), 1);
}

TEST(FetchPolitenessTest, PerHostConcurrencyRespected) {
  TestServer server;
  std::atomic<int> in_flight{0};
  std::atomic<int> max_in_flight{0};
  server.server().Get(R"(/slow/\d+)", [&](const httplib::Request&, httplib::Response& r) {
    int now = ++in_flight;
    int seen = max_in_flight.load();
    while (now > seen && !max_in_flight.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    --in_flight;
    r.set_content("slow", "text/plain");
  });
  server.Start();
  std::vector<std::string> urls;
  for (int i = 0; i < 10; ++i) urls.push_back(server.Url("/slow/" + std::to_string(i)));
  FetchOptions options = FastOptions();
  options.per_host_concurrency = 2;
  std::map<std::string, FetchResult> results = FetchUrls(options, urls);
  ASSERT_EQ(results.size(), 10u);
  for (const auto& [url, result] : results) EXPECT_EQ(result.status, LinkStatus::kOk) << url;
  EXPECT_EQ(max_in_flight.load(), 2);
}

TEST(FetchPolitenessTest, IntervalBetweenStartsToOneHost) {
  TestServer server;
  std::mutex mutex;
  std::vector<Clock::time_point> starts;
  server.server().Get(R"(/page/\d+)", [&](const httplib::Request&, httplib::Response& r) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      starts.push_back(Clock::now());
    }
    r.set_content("page", "text/plain");
  });
  server.Start();
  std::vector<std::string> urls;
  for (int i = 0; i < 4; ++i) urls.push_back(server.Url("/page/" + std::to_string(i)));
  FetchOptions options = FastOptions();
  options.per_host_interval_ms = 150;
  FetchUrls(options, urls);
  ASSERT_EQ(starts.size(), 4u);
  std::sort(starts.begin(), starts.end());
  // A little slack: the server sees a request a moment after curl starts it.
  for (size_t i = 1; i < starts.size(); ++i) EXPECT_GE(MsBetween(starts[i - 1], starts[i]), 130);
}

TEST(FetchPolitenessTest, SlowHostDoesNotHoldBackOthers) {
  TestServer slow("127.0.0.1");
  TestServer fast("127.0.0.2");
  slow.server().Get(R"(/\d+)", [](const httplib::Request&, httplib::Response& r) {
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    r.set_content("slow", "text/plain");
  });
  fast.server().Get(R"(/\d+)", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("fast", "text/plain");
  });
  slow.Start();
  fast.Start();
  std::vector<std::string> urls;
  for (int i = 0; i < 3; ++i) {
    urls.push_back(slow.Url("/" + std::to_string(i)));
    urls.push_back(fast.Url("/" + std::to_string(i)));
  }
  FetchOptions options = FastOptions();
  options.per_host_concurrency = 1;
  Clock::time_point begin = Clock::now();
  std::vector<std::pair<std::string, int64_t>> done;
  MakeCurlFetcher(options)->FetchAll(urls, [&](FetchResult result) {
    done.emplace_back(result.body, MsBetween(begin, Clock::now()));
  });
  ASSERT_EQ(done.size(), 6u);
  for (const auto& [body, ms] : done) {
    if (body == "fast") {
      EXPECT_LT(ms, 350) << "a fast page waited for the slow host";
    }
  }
}

TEST(FetchPolitenessTest, RetryAfterHonoured) {
  TestServer server;
  std::mutex mutex;
  std::vector<Clock::time_point> requests;
  server.server().Get("/busy", [&](const httplib::Request&, httplib::Response& r) {
    std::lock_guard<std::mutex> lock(mutex);
    requests.push_back(Clock::now());
    if (requests.size() == 1) {
      r.status = 429;
      r.set_header("Retry-After", "1");
    } else {
      r.set_content("now", "text/plain");
    }
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.retries = 2;
  FetchResult result = FetchOne(options, server.Url("/busy"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_GE(MsBetween(requests[0], requests[1]), 950);
}

TEST(FetchPolitenessTest, RetryAfterCapped) {
  TestServer server;
  std::atomic<int> requests{0};
  server.server().Get("/busy", [&](const httplib::Request&, httplib::Response& r) {
    if (++requests == 1) {
      r.status = 503;
      r.set_header("Retry-After", "3600");
    } else {
      r.set_content("now", "text/plain");
    }
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.retries = 1;
  options.retry_after_cap_s = 0;
  Clock::time_point begin = Clock::now();
  FetchResult result = FetchOne(options, server.Url("/busy"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_EQ(requests.load(), 2);
  EXPECT_LT(MsBetween(begin, Clock::now()), 1000);
}

TEST(FetchPolitenessTest, RetryWaitDoesNotBlockOtherTransfers) {
  TestServer server;
  std::atomic<int> busy_requests{0};
  server.server().Get("/busy", [&](const httplib::Request&, httplib::Response& r) {
    ++busy_requests;
    r.status = 429;
    r.set_header("Retry-After", "1");
  });
  server.server().Get("/free", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("free", "text/plain");
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.retries = 1;
  Clock::time_point begin = Clock::now();
  std::map<std::string, int64_t> finished_ms;
  MakeCurlFetcher(options)->FetchAll({server.Url("/busy"), server.Url("/free")}, [&](FetchResult r) {
    finished_ms[r.url] = MsBetween(begin, Clock::now());
    if (r.url == server.Url("/busy")) {
      EXPECT_EQ(r.status, LinkStatus::kBroken);
    }
  });
  EXPECT_LT(finished_ms[server.Url("/free")], 500);
  EXPECT_GE(finished_ms[server.Url("/busy")], 950);
  EXPECT_EQ(busy_requests.load(), 2);
}

}  // namespace
}  // namespace citecheck
