// Scale-out end to end (docs/scale-out.md): three real citecheckd share one
// PostgreSQL database. 20 articles cite 3,000 distinct URLs on 40 loopback
// hosts (127.0.2.1-40, per host 2 at once and 100 ms apart), each URL
// quoted. Mid-run one worker holding a job is killed with SIGKILL. At the
// servers: no host ever above its concurrency, no two requests to a host
// closer than its interval, every URL fetched, and none fetched twice
// beyond what the killed worker had in flight or not yet committed. Every
// job ends done, on the two survivors, with every quote verified; the dead
// worker leaves GET /v1/workers once its lease lapses.
//
// Twice: as 20 article jobs, and as the one run of a nightly check
// (`citecheck add`, then POST /v1/runs), whose URLs every worker fetches
// (docs/scale-out.md "Shared runs"); there the second worker is killed,
// whether it runs the job or fetches for it.
//
// bench/scale_out runs the same workload with 1 and with 3 workers and no
// kill (CITECHECK_SCALE_WORKERS, CITECHECK_SCALE_KILL) and prints the ratio.
#include <signal.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "e2e/daemon_util.h"
#include "support/run_binary.h"
#include "support/recording_host.h"
#include "support/test_database.h"

namespace citecheck::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kHosts = 40;
constexpr int kArticles = 20;
constexpr int kCitationsPerArticle = 150;  // 3,000 URLs, 75 a host
constexpr int kIntervalMs = 100;
constexpr int kPerHost = 2;
constexpr int kFetchConcurrency = 8;
// Results are committed in batches as they come (lib/check/pipeline.cc,
// at most 256 pages a transaction): what the killed worker had in flight
// (kFetchConcurrency) or fetched but not yet committed is fetched again by
// the worker that resumes its run, and nothing else is.
constexpr size_t kMaxRefetched = 256 + kFetchConcurrency;

std::string Article(int a, const std::vector<std::unique_ptr<RecordingHost>>& hosts) {
  std::string text = "# Archive " + std::to_string(a) + "\n\n";
  std::string refs = "\n## References\n\n";
  for (int i = 0; i < kCitationsPerArticle; ++i) {
    const int page = a * kCitationsPerArticle + i;
    std::string sentence = RecordingHost::Sentence(page);
    sentence.pop_back();  // the full stop stays outside the quote
    text += "The archive says \"" + sentence + "\" [" + std::to_string(i + 1) + "].\n\n";
    refs += "[" + std::to_string(i + 1) + "] " + hosts[page % kHosts]->Url(page) + "\n";
  }
  return text + refs;
}

// "machine:pid:random" (docs/api.md "GET /v1/workers"): the pid.
int64_t PidOfWorker(const std::string& id) {
  const size_t first = id.find(':');
  const size_t second = id.find(':', first + 1);
  if (first == std::string::npos || second == std::string::npos) return -1;
  return std::stoll(id.substr(first + 1, second - first - 1));
}

int EnvInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::atoi(value) : fallback;
}

class ScaleOutTest : public ::testing::Test {
 protected:
  void SetUp() override { CITECHECK_SKIP_UNLESS_AVAILABLE(Backend::kPostgres); }
  // `one_run`: the articles registered first and checked by one job.
  void CheckAcrossWorkers(bool one_run);
};

TEST_F(ScaleOutTest, ThreeWorkersOneKilledKeepPolitenessFetchOnceAndFinishEveryJob) { CheckAcrossWorkers(false); }

TEST_F(ScaleOutTest, OneRunSharedByThreeWorkersOneKilledKeepsPolitenessAndFetchesOnce) { CheckAcrossWorkers(true); }

void ScaleOutTest::CheckAcrossWorkers(bool one_run) {
  std::vector<std::unique_ptr<RecordingHost>> hosts;
  for (int h = 1; h <= kHosts; ++h) hosts.push_back(std::make_unique<RecordingHost>("127.0.2." + std::to_string(h)));
  TestDatabase database(Backend::kPostgres);
  // A short lease, so that the killed worker's job comes back within
  // seconds; above fetch.timeout_s as the config requires.
  // The daemons' limits are the ones asserted below.
  DaemonEnv env(nlohmann::json{{"fetch",
                                {{"retries", 0},
                                 {"per_host_interval_ms", kIntervalMs},
                                 {"per_host_concurrency", kPerHost},
                                 {"concurrency", kFetchConcurrency},
                                 {"timeout_s", 3}}},
                               {"daemon", {{"lease_s", 4}}}}
                    .dump());
  env.set_db(database.db());
  const int workers = std::max(1, EnvInt("CITECHECK_SCALE_WORKERS", 3));
  const bool kill_one = workers > 1 && EnvInt("CITECHECK_SCALE_KILL", 1) != 0;
  if (one_run) {
    std::vector<std::string> add = {"add"};
    for (int a = 0; a < kArticles; ++a) {
      const std::string name = "archive-" + std::to_string(a) + ".md";
      env.dir().Write(name, Article(a, hosts));
      add.push_back(env.dir().File(name));
    }
    add.insert(add.end(), {"--db", database.db()});
    const RunOutput added = RunCitecheck(add);
    ASSERT_EQ(added.exit_code, 0) << added.err;
  }
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  std::vector<std::unique_ptr<DaemonProcess>> others;  // the workers after the first
  for (int w = 1; w < workers; ++w) {
    others.push_back(std::make_unique<DaemonProcess>(env.dir().File("worker-" + std::to_string(w) + ".log")));
    ASSERT_TRUE(others.back()->Start(env.Args())) << others.back()->Log();
  }
  auto client = env.Client();

  const Clock::time_point posted = Clock::now();
  std::vector<int64_t> jobs;
  std::vector<int64_t> articles;
  if (one_run) {
    auto res = client.Post("/v1/runs", "", "application/json");
    ASSERT_TRUE(res && res->status == 202) << (res ? res->body : "no response");
    jobs.push_back(Json(res)["job"].get<int64_t>());
    auto listed = client.Get("/v1/articles");
    ASSERT_TRUE(listed && listed->status == 200);
    const nlohmann::json registered = Json(listed);
    for (const auto& a : registered["articles"]) articles.push_back(a["id"].get<int64_t>());
    ASSERT_EQ(articles.size(), static_cast<size_t>(kArticles));
  }
  for (int a = 0; !one_run && a < kArticles; ++a) {
    auto res = client.Post("/v1/articles?name=archive-" + std::to_string(a) + ".md", Article(a, hosts),
                           "text/markdown");
    ASSERT_TRUE(res && res->status == 202) << (res ? res->body : "no response");
    jobs.push_back(Json(res)["job"].get<int64_t>());
    articles.push_back(Json(res)["article"].get<int64_t>());
  }

  auto arrivals = [&] {
    size_t n = 0;
    for (const auto& host : hosts) n += host->Starts().size();
    return n;
  };
  // Mid-run (a third of the URLs fetched), kill a worker other than the
  // first (which serves this test's API calls) that holds a running job.
  DaemonProcess* victim = nullptr;
  int64_t victim_job = 0;
  size_t at_kill = 0;
  if (kill_one) {
    ASSERT_TRUE(PollUntil([&] { return arrivals() >= kArticles * kCitationsPerArticle / 3; },
                          std::chrono::seconds(120), std::chrono::milliseconds(20)));
    ASSERT_TRUE(one_run || PollUntil(
        [&] {
          for (int64_t job : jobs) {
            auto res = client.Get("/v1/jobs/" + std::to_string(job));
            if (!res || res->status != 200) continue;
            const nlohmann::json j = nlohmann::json::parse(res->body);
            if (j["state"] != "running" || !j["worker"].is_string()) continue;
            const int64_t pid = PidOfWorker(j["worker"].get<std::string>());
            for (const auto& d : others) {
              if (d->pid() == pid) {
                victim = d.get();
                victim_job = job;
                return true;
              }
            }
          }
          return false;
        },
        std::chrono::seconds(60), std::chrono::milliseconds(20)))
        << "no job running on a worker other than the first";
    if (one_run) victim = others.front().get();  // its job or its part of the run's URLs
    victim->Kill9();
    at_kill = arrivals();
  }

  for (int64_t job : jobs) {
    const nlohmann::json j = env.WaitForJob(job, std::chrono::seconds(240));
    ASSERT_EQ(j["state"], "done") << j.dump() << env.daemon().Log();
  }
  const Clock::time_point finished = Clock::now();

  // Every quote of every article verified, wherever its job ran.
  for (int64_t article : articles) {
    auto res = client.Get("/v1/articles/" + std::to_string(article) + "/report?format=json");
    ASSERT_TRUE(res && res->status == 200) << (res ? res->body : "no response");
    const nlohmann::json report = nlohmann::json::parse(res->body);
    const auto& quotes = report["articles"][0]["quotes"];
    ASSERT_EQ(quotes.size(), static_cast<size_t>(kCitationsPerArticle)) << "article " << article;
    for (const auto& q : quotes) ASSERT_EQ(q["status"], "verified") << "article " << article << ": " << q.dump();
  }

  // At the servers: limits held, every URL fetched, refetches bounded.
  std::map<int, int> fetched;  // page -> times
  for (size_t h = 0; h < hosts.size(); ++h) {
    const std::vector<Arrival> starts = hosts[h]->Starts();
    EXPECT_LE(hosts[h]->max_in_flight(), kPerHost) << "host 127.0.2." << h + 1;
    const std::string interval_break = FirstIntervalBreak(starts, kIntervalMs);
    EXPECT_EQ(interval_break, "") << "host 127.0.2." << h + 1;
    for (const Arrival& a : starts) ++fetched[a.page];
  }
  ASSERT_EQ(fetched.size(), static_cast<size_t>(kArticles * kCitationsPerArticle));
  size_t refetched = 0;
  for (const auto& [page, times] : fetched) refetched += static_cast<size_t>(times - 1);
  EXPECT_LE(refetched, kill_one ? kMaxRefetched : 0);

  // The dead worker's row went with its lease; the survivors remain.
  const size_t survivors = static_cast<size_t>(workers - (kill_one ? 1 : 0));
  std::set<int64_t> live;
  ASSERT_TRUE(PollUntil(
      [&] {
        auto res = client.Get("/v1/workers");
        if (!res || res->status != 200) return false;
        const nlohmann::json body = nlohmann::json::parse(res->body);
        live.clear();
        for (const auto& w : body["workers"]) live.insert(w["pid"].get<int64_t>());
        return live.size() == survivors;
      },
      std::chrono::seconds(20), std::chrono::milliseconds(100)))
      << live.size() << " live workers";
  if (victim) {
    EXPECT_EQ(live.count(victim->pid()), 0u);
  }

  const int64_t took_ms = std::chrono::duration_cast<std::chrono::milliseconds>(finished - posted).count();
  const int64_t bound_ms = int64_t{kArticles} * kCitationsPerArticle / kHosts * kIntervalMs;
  std::printf("[ scale-out ] %s, %d workers, %d URLs on %d hosts, %s: %lld ms, politeness bound %lld ms, "
              "%zu URLs fetched again\n",
              one_run ? "one run" : "20 jobs", workers, kArticles * kCitationsPerArticle, kHosts,
              kill_one ? ("one killed at " + std::to_string(at_kill) + " arrivals (job " + std::to_string(victim_job) + ")")
                         .c_str()
                   : "none killed",
              static_cast<long long>(took_ms), static_cast<long long>(bound_ms), refetched);
}

}  // namespace
}  // namespace citecheck::testing
