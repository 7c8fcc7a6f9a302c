// CurlFetcher politeness against real loopback servers: duplicates fetched
// once, per-host concurrency and start interval, a slow host not holding
// back others, Retry-After honoured. Times are asserted on a fake clock: a
// transfer takes no fake time and the loop sleeps on the clock only when
// nothing runs, so the fake time at which a request reaches the server is
// exactly the time the host scheduler let it start.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <mutex>
#include <thread>

#include "fetch/fetcher.h"
#include "fetch_test_util.h"
#include "support/manual_clock.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

using std::chrono::milliseconds;
using testing::FastOptions;
using testing::FetchUrls;
using testing::ManualClock;
using testing::TestServer;

// Fake-clock times (ms since the clock was made) at which each path reached
// a server, in arrival order.
class Arrivals {
 public:
  explicit Arrivals(const ManualClock& clock) : clock_(clock) {}
  void Note(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    times_[path].push_back(clock_.Elapsed().count());
  }
  std::vector<int64_t> Of(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    return times_[path];
  }
  // Every arrival of every path, sorted.
  std::vector<int64_t> All() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<int64_t> all;
    for (const auto& [path, times] : times_) all.insert(all.end(), times.begin(), times.end());
    std::sort(all.begin(), all.end());
    return all;
  }

 private:
  const ManualClock& clock_;
  std::mutex mutex_;
  std::map<std::string, std::vector<int64_t>> times_;
};

// Counts transfers at once, as the server sees them; each request takes
// `handler_ms` (a slow server, so that transfers overlap).
class InFlightServer {
 public:
  InFlightServer(const std::string& host, int handler_ms) : server_(host) {
    server_.server().Get(R"(/\d+)", [this, handler_ms](const httplib::Request&, httplib::Response& r) {
      int now = ++in_flight_;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        max_in_flight_ = std::max(max_in_flight_, now);
      }
      std::this_thread::sleep_for(milliseconds(handler_ms));
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

 private:
  TestServer server_;
  std::atomic<int> in_flight_{0};
  std::mutex mutex_;
  int max_in_flight_ = 0;
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
  InFlightServer server("127.0.0.1", 150);
  FetchOptions options = FastOptions();
  options.per_host_concurrency = 2;
  std::map<std::string, FetchResult> results = FetchUrls(options, server.Urls(10));
  ASSERT_EQ(results.size(), 10u);
  for (const auto& [url, result] : results) EXPECT_EQ(result.status, LinkStatus::kOk) << url;
  EXPECT_EQ(server.max_in_flight(), 2);
}

TEST(FetchPolitenessTest, IntervalBetweenStartsToOneHost) {
  ManualClock clock;
  Arrivals arrivals(clock);
  TestServer server;
  server.server().Get(R"(/page/\d+)", [&](const httplib::Request&, httplib::Response& r) {
    arrivals.Note("page");
    r.set_content("page", "text/plain");
  });
  server.Start();
  std::vector<std::string> urls;
  for (int i = 0; i < 4; ++i) urls.push_back(server.Url("/page/" + std::to_string(i)));
  FetchOptions options = FastOptions();
  options.per_host_interval_ms = 150;
  std::map<std::string, FetchResult> results = FetchUrls(*MakeCurlFetcher(options, clock), urls);
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(arrivals.Of("page"), (std::vector<int64_t>{0, 150, 300, 450}));
}

TEST(FetchPolitenessTest, SlowHostDoesNotHoldBackOthers) {
  // The slow host's first request is answered only once the fast host has
  // served all of its pages: the fetch can only finish if the fast host went
  // on while the slow one was busy.
  TestServer slow("127.0.0.1");
  TestServer fast("127.0.0.2");
  std::mutex mutex;
  std::condition_variable fast_done;
  int fast_served = 0;
  std::atomic<bool> slow_waited_for_fast{false};
  slow.server().Get(R"(/\d+)", [&](const httplib::Request& request, httplib::Response& r) {
    if (request.path == "/0") {
      std::unique_lock<std::mutex> lock(mutex);
      slow_waited_for_fast = fast_done.wait_for(lock, std::chrono::seconds(20), [&] { return fast_served == 3; });
    }
    r.set_content("slow", "text/plain");
  });
  fast.server().Get(R"(/\d+)", [&](const httplib::Request&, httplib::Response& r) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      ++fast_served;
    }
    fast_done.notify_all();
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
  options.timeout_s = 30;
  std::vector<std::string> order;
  MakeCurlFetcher(options)->FetchAll(urls, [&](FetchResult result) {
    EXPECT_EQ(result.status, LinkStatus::kOk) << result.url << " " << result.error;
    order.push_back(result.body);
  });
  EXPECT_TRUE(slow_waited_for_fast) << "a fast page waited for the slow host";
  EXPECT_EQ(std::count(order.begin(), order.end(), "fast"), 3);
  EXPECT_EQ(std::count(order.begin(), order.end(), "slow"), 3);
}

TEST(FetchPolitenessTest, RetryAfterHonoured) {
  ManualClock clock;
  Arrivals arrivals(clock);
  TestServer server;
  server.server().Get("/busy", [&](const httplib::Request&, httplib::Response& r) {
    arrivals.Note("/busy");
    if (arrivals.Of("/busy").size() == 1) {
      r.status = 429;
      r.set_header("Retry-After", "1");
    } else {
      r.set_content("now", "text/plain");
    }
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.retries = 2;
  FetchResult result = testing::FetchOne(*MakeCurlFetcher(options, clock), server.Url("/busy"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_EQ(arrivals.Of("/busy"), (std::vector<int64_t>{0, 1000}));
}

TEST(FetchPolitenessTest, RetryAfterCapped) {
  ManualClock clock;
  Arrivals arrivals(clock);
  TestServer server;
  server.server().Get("/busy", [&](const httplib::Request&, httplib::Response& r) {
    arrivals.Note("/busy");
    if (arrivals.Of("/busy").size() == 1) {
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
  FetchResult result = testing::FetchOne(*MakeCurlFetcher(options, clock), server.Url("/busy"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  std::vector<int64_t> times = arrivals.Of("/busy");
  ASSERT_EQ(times.size(), 2u);
  // Only the plain backoff is left: retry_base_ms (10) plus up to 50% jitter.
  EXPECT_GE(times[1], 10);
  EXPECT_LE(times[1], 15);
}

TEST(FetchPolitenessTest, RetryWaitDoesNotBlockOtherTransfers) {
  ManualClock clock;
  Arrivals arrivals(clock);
  TestServer server;
  server.server().Get("/busy", [&](const httplib::Request&, httplib::Response& r) {
    arrivals.Note("/busy");
    r.status = 429;
    r.set_header("Retry-After", "1");
  });
  server.server().Get("/free", [&](const httplib::Request&, httplib::Response& r) {
    arrivals.Note("/free");
    r.set_content("free", "text/plain");
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.retries = 1;
  std::vector<std::string> order;
  MakeCurlFetcher(options, clock)->FetchAll({server.Url("/busy"), server.Url("/free")}, [&](FetchResult r) {
    order.push_back(r.url);
    if (r.url == server.Url("/busy")) {
      EXPECT_EQ(r.status, LinkStatus::kBroken);
    }
  });
  EXPECT_EQ(arrivals.Of("/free"), (std::vector<int64_t>{0}));
  EXPECT_EQ(arrivals.Of("/busy"), (std::vector<int64_t>{0, 1000}));
  EXPECT_EQ(order, (std::vector<std::string>{server.Url("/free"), server.Url("/busy")}));
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
  ManualClock clock;
  Arrivals arrivals(clock);
  TestServer plain("127.0.0.1");
  TestServer polite("127.0.0.2");
  plain.server().Get(R"(/\d+)", [&](const httplib::Request&, httplib::Response& r) {
    arrivals.Note("plain");
    r.set_content("page", "text/plain");
  });
  polite.server().Get(R"(/\d+)", [&](const httplib::Request&, httplib::Response& r) {
    arrivals.Note("polite");
    r.set_content("page", "text/plain");
  });
  plain.Start();
  polite.Start();
  FetchOptions options = FastOptions();
  options.per_host_interval_ms = 0;
  options.per_host_concurrency = 4;
  options.hosts["127.0.0.2"] = HostLimits{1, 200};
  std::vector<std::string> urls;
  for (int i = 0; i < 4; ++i) urls.push_back(polite.Url("/" + std::to_string(i)));
  for (int i = 0; i < 4; ++i) urls.push_back(plain.Url("/" + std::to_string(i)));
  FetchUrls(*MakeCurlFetcher(options, clock), urls);
  EXPECT_EQ(arrivals.Of("polite"), (std::vector<int64_t>{0, 200, 400, 600}));
  // The other host kept the default (no interval): it was not held back.
  EXPECT_EQ(arrivals.Of("plain"), (std::vector<int64_t>{0, 0, 0, 0}));
}

TEST(FetchPolitenessTest, RateLimitedHostWaitsOthersProceed) {
  ManualClock clock;
  Arrivals arrivals(clock);
  TestServer limited("127.0.0.1");
  TestServer other("127.0.0.2");
  limited.server().Get(R"(/(first|second))", [&](const httplib::Request& request, httplib::Response& r) {
    arrivals.Note(request.path);
    if (request.path == "/first" && arrivals.Of("/first").size() == 1) {
      r.status = 429;
      r.set_header("Retry-After", "1");
      return;
    }
    r.set_content("ok", "text/plain");
  });
  other.server().Get("/x", [&](const httplib::Request&, httplib::Response& r) {
    arrivals.Note("/x");
    r.set_content("ok", "text/plain");
  });
  limited.Start();
  other.Start();
  FetchOptions options = FastOptions();
  options.per_host_concurrency = 1;
  options.retries = 1;
  std::map<std::string, FetchResult> results = FetchUrls(
      *MakeCurlFetcher(options, clock), {limited.Url("/first"), limited.Url("/second"), other.Url("/x")});
  ASSERT_EQ(results.size(), 3u);
  for (const auto& [url, result] : results) EXPECT_EQ(result.status, LinkStatus::kOk) << url << " " << result.error;
  // The 429 paused the whole host, not only the URL that got it ...
  EXPECT_EQ(arrivals.Of("/first"), (std::vector<int64_t>{0, 1000}));
  EXPECT_EQ(arrivals.Of("/second"), (std::vector<int64_t>{1000}));
  // ... while the other host went on at once.
  EXPECT_EQ(arrivals.Of("/x"), (std::vector<int64_t>{0}));
}

TEST(FetchPolitenessTest, RetryAfterHttpDateHonoured) {
  ManualClock clock;
  Arrivals arrivals(clock);
  TestServer server;
  server.server().Get("/busy", [&](const httplib::Request&, httplib::Response& r) {
    arrivals.Note("/busy");
    if (arrivals.Of("/busy").size() == 1) {
      r.status = 503;
      r.set_header("Retry-After", HttpDate(clock.SystemNow() + 2));
    } else {
      r.set_content("now", "text/plain");
    }
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.retries = 1;
  FetchResult result = testing::FetchOne(*MakeCurlFetcher(options, clock), server.Url("/busy"));
  EXPECT_EQ(result.status, LinkStatus::kOk) << result.error;
  EXPECT_EQ(arrivals.Of("/busy"), (std::vector<int64_t>{0, 2000}));
}

TEST(FetchPolitenessTest, RetriesBoundedInCountAndTime) {
  ManualClock clock;
  Arrivals arrivals(clock);
  TestServer server;
  server.server().Get("/down", [&](const httplib::Request&, httplib::Response& r) {
    arrivals.Note("/down");
    r.status = 503;
    r.set_header("Retry-After", "3600");
  });
  server.server().Get("/error", [&](const httplib::Request&, httplib::Response& r) {
    arrivals.Note("/error");
    r.status = 500;
  });
  server.Start();
  FetchOptions options = FastOptions();
  options.retries = 2;
  options.retry_after_cap_s = 1;
  options.retry_base_ms = 20000;  // the cap bounds plain backoff too
  std::map<std::string, FetchResult> results =
      FetchUrls(*MakeCurlFetcher(options, clock), {server.Url("/down"), server.Url("/error")});
  EXPECT_EQ(results[server.Url("/down")].status, LinkStatus::kBroken);
  EXPECT_EQ(results[server.Url("/down")].error, "HTTP 503");
  EXPECT_EQ(results[server.Url("/error")].error, "HTTP 500");
  // Three tries each, one second (the cap) apart.
  EXPECT_EQ(arrivals.Of("/down"), (std::vector<int64_t>{0, 1000, 2000}));
  EXPECT_EQ(arrivals.Of("/error"), (std::vector<int64_t>{0, 1000, 2000}));
  EXPECT_EQ(clock.Elapsed(), milliseconds(2000));
}

// The admission gate bounds results a slow consumer has not taken yet: the
// consumer takes a result only when 3 wait (or the fetch is over), so
// without the gate more would pile up; with it, exactly 3 wait at most and
// all complete.
TEST(FetchPolitenessTest, AdmissionGateBoundsUnconsumedResults) {
  TestServer server;
  server.server().Get(R"(/\d+)", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("page", "text/plain");
  });
  server.Start();
  std::vector<std::string> urls;
  for (int i = 0; i < 30; ++i) urls.push_back(server.Url("/" + std::to_string(i)));

  std::mutex mutex;
  std::condition_variable changed;
  std::deque<FetchResult> waiting;  // results handed over, not yet consumed
  size_t max_waiting = 0;
  bool done = false;
  int consumed = 0;
  std::thread consumer([&] {
    std::unique_lock<std::mutex> lock(mutex);
    while (true) {
      changed.wait(lock, [&] { return waiting.size() >= 3 || done; });
      if (waiting.empty()) break;  // done, and all taken
      waiting.pop_front();
      ++consumed;
    }
  });
  FetchOptions options = FastOptions();
  options.per_host_concurrency = 1;  // one transfer at a time: the bound is exact
  auto fetcher = MakeCurlFetcher(options);
  RunHooks hooks;
  hooks.may_start = [&] {
    std::lock_guard<std::mutex> lock(mutex);
    return waiting.size() < 3;
  };
  fetcher->SetRunHooks(std::move(hooks));
  int finished = 0;
  fetcher->FetchAll(urls, [&](FetchResult r) {
    EXPECT_EQ(r.status, LinkStatus::kOk);
    ++finished;
    {
      std::lock_guard<std::mutex> lock(mutex);
      waiting.push_back(std::move(r));
      max_waiting = std::max(max_waiting, waiting.size());
    }
    changed.notify_all();
  });
  {
    std::lock_guard<std::mutex> lock(mutex);
    done = true;
  }
  changed.notify_all();
  consumer.join();
  EXPECT_EQ(finished, 30);
  EXPECT_EQ(consumed, 30);
  EXPECT_EQ(max_waiting, 3u);
}

}  // namespace
}  // namespace citecheck
