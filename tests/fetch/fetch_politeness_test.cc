// CurlFetcher politeness: duplicates fetched once, per-host concurrency and
// start interval, a slow host not holding back others, Retry-After honoured.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <deque>
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

// Counts transfers at once and records request starts, as the server sees them.
class InFlightServer {
 public:
  InFlightServer(const std::string& host, int handler_ms) : server_(host) {
    server_.server().Get(R"(/\d+)", [this, handler_ms](const httplib::Request&, httplib::Response& r) {
      int now = ++in_flight_;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        max_in_flight_ = std::max(max_in_flight_, now);
        starts_.push_back(Clock::now());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(handler_ms));
      --in_flight_;
      r.set_content("page", "text/plain");
    });
    server_.Start();
  }
  std::vector<std::string> Urls(int count) const {
    std::vector<std::string> urls;
    for (int i = 0; i < count; ++i) urls.push_back(server_.Url("/" + std::to_string(i)));
    return urls;
  }
  int max_in_flight() {
    std::lock_guard<std::mutex> lock(mutex_);
    return max_in_flight_;
  }
  std::vector<Clock::time_point> starts() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<Clock::time_point> sorted = starts_;
    std::sort(sorted.begin(), sorted.end());
    return sorted;
  }

 private:
  TestServer server_;
  std::atomic<int> in_flight_{0};
  std::mutex mutex_;
  int max_in_flight_ = 0;
  std::vector<Clock::time_point> starts_;
};

std::vector<std::string> Concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string HttpDate(std::time_t when) {
  char text[64];
  std::tm tm{};
  gmtime_r(&when, &tm);
  std::strftime(text, sizeof(text), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return text;
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

TEST(FetchPolitenessTest, PerHostConcurrencyOverrideHonoured) {
  InFlightServer plain("127.0.0.1", 200);
  InFlightServer wide("127.0.0.2", 200);
  FetchOptions options = FastOptions();
  options.per_host_concurrency = 1;
  options.hosts["127.0.0.2"] = HostLimits{3, 0};
  std::map<std::string, FetchResult> results = FetchUrls(options, Concat(plain.Urls(6), wide.Urls(6)));
  ASSERT_EQ(results.size(), 12u);
  for (const auto& [url, result] : results) EXPECT_EQ(result.status, LinkStatus::kOk) << url;
  EXPECT_EQ(plain.max_in_flight(), 1);
  EXPECT_EQ(wide.max_in_flight(), 3);
}

TEST(FetchPolitenessTest, PerHostIntervalOverrideHonoured) {
  InFlightServer plain("127.0.0.1", 0);
  InFlightServer polite("127.0.0.2", 0);
  FetchOptions options = FastOptions();
  options.per_host_interval_ms = 0;
  options.hosts["127.0.0.2"] = HostLimits{1, 200};
  FetchUrls(options, Concat(polite.Urls(4), plain.Urls(4)));
  std::vector<Clock::time_point> slow = polite.starts();
  std::vector<Clock::time_point> fast = plain.starts();
  ASSERT_EQ(slow.size(), 4u);
  ASSERT_EQ(fast.size(), 4u);
  for (size_t i = 1; i < slow.size(); ++i) EXPECT_GE(MsBetween(slow[i - 1], slow[i]), 180);
  // The other host kept the default (no interval): it was not held back.
  EXPECT_LT(fast.back(), slow.back());
}

TEST(FetchPolitenessTest, RateLimitedHostWaitsOthersProceed) {
  TestServer limited("127.0.0.1");
  TestServer other("127.0.0.2");
  std::mutex mutex;
  std::map<std::string, Clock::time_point> seen;
  std::atomic<int> first_calls{0};
  limited.server().Get(R"(/(first|second))", [&](const httplib::Request& request, httplib::Response& r) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      seen.emplace(request.path + std::to_string(first_calls.load()), Clock::now());
    }
    if (request.path == "/first" && ++first_calls == 1) {
      r.status = 429;
      r.set_header("Retry-After", "1");
      return;
    }
    r.set_content("ok", "text/plain");
  });
  other.server().Get("/x", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("ok", "text/plain");
  });
  limited.Start();
  other.Start();
  FetchOptions options = FastOptions();
  options.per_host_concurrency = 1;
  options.retries = 1;
  Clock::time_point begin = Clock::now();
  std::map<std::string, int64_t> finished_ms;
  MakeCurlFetcher(options)->FetchAll(
      {limited.Url("/first"), limited.Url("/second"), other.Url("/x")}, [&](FetchResult result) {
        EXPECT_EQ(result.status, LinkStatus::kOk) << result.url << " " << result.error;
        finished_ms[result.url] = MsBetween(begin, Clock::now());
      });
  ASSERT_EQ(finished_ms.size(), 3u);
  // The 429 paused the whole host, not only the URL that got it ...
  std::lock_guard<std::mutex> lock(mutex);
  ASSERT_TRUE(seen.count("/first0") && seen.count("/second1")) << seen.size();
  EXPECT_GE(MsBetween(seen["/first0"], seen["/second1"]), 950);
  // ... while the other host went on at once.
  EXPECT_LT(finished_ms[other.Url("/x")], 700);
}

TEST(FetchPolitenessTest, RetryAfterHttpDateHonoured) {
  TestServer server;
  std::mutex mutex;
  std::vector<Clock::time_point> requests;
  server.server().Get("/busy", [&](const httplib::Request&, httplib::Response& r) {
    std::lock_guard<std::mutex> lock(mutex);
    requests.push_back(Clock::now());
    if (requests.size() == 1) {
      r.status = 503;
      r.set_header("Retry-After", HttpDate(std::time(nullptr) + 2));
    } else {
      r.set_content("now", "text/plain");
    }
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.retries = 1;
  FetchResult result = FetchOne(options, server.Url("/busy"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  ASSERT_EQ(requests.size(), 2u);
  // A date 2 s ahead, at one-second resolution: between 1 and 2 s from now.
  EXPECT_GE(MsBetween(requests[0], requests[1]), 900);
}

TEST(FetchPolitenessTest, RetriesBoundedInCountAndTime) {
  TestServer server;
  std::atomic<int> requests{0};
  server.server().Get("/down", [&](const httplib::Request&, httplib::Response& r) {
    ++requests;
    r.status = 503;
    r.set_header("Retry-After", "3600");
  });
  server.server().Get("/error", [&](const httplib::Request&, httplib::Response& r) {
    ++requests;
    r.status = 500;
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.retries = 2;
  options.retry_after_cap_s = 1;
  options.retry_base_ms = 20000;  // the cap bounds plain backoff too
  Clock::time_point begin = Clock::now();
  std::map<std::string, FetchResult> results =
      FetchUrls(options, {server.Url("/down"), server.Url("/error")});
  int64_t elapsed = MsBetween(begin, Clock::now());
  EXPECT_EQ(requests.load(), 6);
  EXPECT_EQ(results[server.Url("/down")].status, LinkStatus::kBroken);
  EXPECT_EQ(results[server.Url("/down")].error, "HTTP 503");
  EXPECT_EQ(results[server.Url("/error")].error, "HTTP 500");
  EXPECT_GE(elapsed, 1900);  // two waits of the 1 s cap
  EXPECT_LT(elapsed, 8000);
}

}  // namespace
}  // namespace citecheck

namespace citecheck {
namespace {

// The admission gate bounds results a slow consumer has not taken yet: with
// room for 3, no more than 3 finished results ever wait, and all complete.
TEST(FetchPolitenessTest, AdmissionGateBoundsUnconsumedResults) {
  testing::TestServer server;
  server.server().Get(R"(/\d+)", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("page", "text/plain");
  });
  server.Start();
  std::vector<std::string> urls;
  for (int i = 0; i < 30; ++i) urls.push_back(server.Url("/" + std::to_string(i)));

  std::mutex mutex;
  std::deque<FetchResult> waiting;  // results handed over, not yet consumed
  size_t max_waiting = 0;
  std::atomic<bool> done{false};
  FetchOptions options = testing::FastOptions();
  options.per_host_concurrency = 1;  // one transfer at a time: the bound is exact
  RunHooks hooks;
  hooks.may_start = [&] {
    std::lock_guard<std::mutex> lock(mutex);
    return waiting.size() < 3;
  };
  int consumed = 0;
  std::thread consumer([&] {
    while (!done || consumed < 30) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a slow parser
      std::lock_guard<std::mutex> lock(mutex);
      if (!waiting.empty()) {
        waiting.pop_front();
        ++consumed;
      }
      if (done && waiting.empty()) break;
    }
  });
  auto fetcher = MakeCurlFetcher(options);
  fetcher->SetRunHooks(std::move(hooks));
  int finished = 0;
  fetcher->FetchAll(urls, [&](FetchResult r) {
    EXPECT_EQ(r.status, LinkStatus::kOk);
    ++finished;
    std::lock_guard<std::mutex> lock(mutex);
    waiting.push_back(std::move(r));
    max_waiting = std::max(max_waiting, waiting.size());
  });
  done = true;
  consumer.join();
  EXPECT_EQ(finished, 30);
  EXPECT_EQ(consumed, 30);
  EXPECT_LE(max_waiting, 3u);
  EXPECT_GE(max_waiting, 1u);
}

}  // namespace
}  // namespace citecheck
