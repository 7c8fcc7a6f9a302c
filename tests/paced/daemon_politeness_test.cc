// The nightly run at the politeness bound (docs/fetching.md "Politeness"
// and "Batches"): 20 registered articles citing 2,400 distinct URLs over 40
// loopback hosts (127.0.1.1-40), per host 2 at once and 100 ms apart. Each
// server records when every request reached it. First the 20 article jobs
// run one after another, then one POST /v1/runs runs all 20 articles as one
// job; across all of it no host ever sees two requests closer than its
// interval or more than 2 at once, and the all-articles run takes within
// 1.2x of its politeness bound (60 URLs a host x 100 ms), measured at the
// servers. The issue asks for this timing in a test; the margin is 20 %.
#include <algorithm>
#include <memory>

#include "e2e/daemon_util.h"
#include "support/recording_host.h"

namespace citecheck::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kHosts = 40;
constexpr int kArticles = 20;
constexpr int kUrlsPerHostPerArticle = 3;  // 60 a host, 120 an article, 2,400 in all
constexpr int kIntervalMs = 100;
constexpr int kPerHost = 2;

std::string Article(int a, const std::vector<std::unique_ptr<RecordingHost>>& hosts) {
  std::string text = "# Archive " + std::to_string(a) + "\n\nThe archive is cited here";
  std::string refs = "\n\n## References\n\n";
  int n = 0;
  for (const auto& host : hosts) {
    for (int k = 0; k < kUrlsPerHostPerArticle; ++k) {
      ++n;
      text += " [" + std::to_string(n) + "]";
      refs += "[" + std::to_string(n) + "] " + host->Url(a * kUrlsPerHostPerArticle + k) + "\n";
    }
  }
  return text + ".\n" + refs;
}

int64_t Milliseconds(Clock::duration d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); }

TEST(DaemonPolitenessTest, NightlyRunKeepsEveryHostBusyWithinItsLimitsAcrossJobs) {
  std::vector<std::unique_ptr<RecordingHost>> hosts;
  for (int h = 1; h <= kHosts; ++h) hosts.push_back(std::make_unique<RecordingHost>("127.0.1." + std::to_string(h)));
  DaemonEnv env(R"({"fetch": {"retries": 0, "per_host_interval_ms": 100, "per_host_concurrency": 2, "timeout_s": 10}})");
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  auto client = env.Client();

  // Registering queues one job per article: 20 jobs one after another.
  std::vector<int64_t> jobs;
  for (int a = 0; a < kArticles; ++a) {
    auto res = client.Post("/v1/articles?name=archive-" + std::to_string(a) + ".md", Article(a, hosts),
                           "text/markdown");
    ASSERT_TRUE(res && res->status == 202) << (res ? res->body : "no response");
    jobs.push_back(Json(res)["job"].get<int64_t>());
  }
  for (int64_t job : jobs) ASSERT_EQ(env.WaitForJob(job, std::chrono::seconds(120))["state"], "done");
  size_t before_all = 0;
  for (const auto& host : hosts) before_all += host->Starts().size();
  ASSERT_EQ(before_all, static_cast<size_t>(kHosts * kArticles * kUrlsPerHostPerArticle));

  // One run over every article.
  const Clock::time_point posted = Clock::now();
  auto res = client.Post("/v1/runs", "", "application/json");
  ASSERT_TRUE(res && res->status == 202) << (res ? res->body : "no response");
  ASSERT_EQ(env.WaitForJob(Json(res)["job"].get<int64_t>(), std::chrono::seconds(120))["state"], "done");

  Clock::time_point first = Clock::time_point::max();
  Clock::time_point last = Clock::time_point::min();
  size_t in_run = 0;
  for (size_t h = 0; h < hosts.size(); ++h) {
    const std::vector<Arrival> starts = hosts[h]->Starts();
    EXPECT_LE(hosts[h]->max_in_flight(), kPerHost) << "host " << h + 1;
    const std::string interval_break = FirstIntervalBreak(starts, kIntervalMs);
    ASSERT_EQ(interval_break, "") << "host 127.0.1." << h + 1;
    for (const Arrival& arrival : starts) {
      const Clock::time_point t = arrival.at;
      if (t < posted) continue;
      ++in_run;
      first = std::min(first, t);
      last = std::max(last, t);
    }
  }
  ASSERT_EQ(in_run, static_cast<size_t>(kHosts * kArticles * kUrlsPerHostPerArticle));
  // The busiest host (every host here) has 60 URLs, one start per interval.
  const int64_t bound_ms = int64_t{kArticles} * kUrlsPerHostPerArticle * kIntervalMs;
  const int64_t took_ms = Milliseconds(last - first) + kIntervalMs;  // the last start's own interval
  std::printf("[ nightly  ] %d hosts, %zu URLs in one run: %lld ms at the servers, bound %lld ms, %.2fx\n",
              kHosts, in_run, static_cast<long long>(took_ms), static_cast<long long>(bound_ms),
              static_cast<double>(took_ms) / bound_ms);
#if defined(__SANITIZE_ADDRESS__)
  // Under ASan the daemon's own CPU work, not politeness, sets the pace on
  // two cores (2.4x measured): the limits above still hold, the pace is the
  // Release build's to prove.
  (void)bound_ms;
#else
  EXPECT_LE(took_ms, bound_ms * 12 / 10);
#endif
}

}  // namespace
}  // namespace citecheck::testing
