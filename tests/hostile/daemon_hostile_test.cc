// Regression (issue 12), against the real citecheckd: ids that are not a
// number in range are 404s, and a job that outlives daemon.job_timeout_s
// fails with a clear error while the worker goes on to the next job.
#include <condition_variable>
#include <mutex>

#include "e2e/daemon_util.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

TEST(DaemonIdsTest, AnIdThatIsNotANumberInRangeIsA404) {
  DaemonEnv env;
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  auto client = env.Client();
  const std::vector<std::string> paths = {"/v1/jobs/99999999999999999999999", "/v1/jobs/9223372036854775808", "/v1/jobs/-1", "/v1/jobs/0",
        "/v1/jobs/1e5", "/v1/jobs/0x10", "/v1/jobs/12abc", "/v1/jobs/9223372036854775807",
        "/v1/articles/1e5/report", "/v1/articles/-1/report", "/v1/articles/0/report",
        "/v1/articles/99999999999999999999999/report", "/v1/articles/" + std::string(5000, '9') + "/report",
        "/v1/articles/%C3%A9/report", "/v1/articles/9223372036854775807/report"};
  for (const std::string& path : paths) {
    auto res = client.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 404) << path << ": " << res->body;
    nlohmann::json body = Json(res);
    ASSERT_TRUE(body.is_object()) << path << ": " << res->body;
    EXPECT_TRUE(body["error"].is_string()) << path << ": " << res->body;
    EXPECT_LT(res->body.size(), 200u) << path;  // the id is not echoed whole
  }
}

// Pages that answer only when the test releases them: the run is still in
// its first batch of URLs when the job's time is up, whatever the machine's
// speed.
class HeldPages {
 public:
  HeldPages() {
    server_.server().Get(R"(/held/(\d+))", [this](const httplib::Request&, httplib::Response& res) {
      std::unique_lock<std::mutex> lock(mu_);
      ++requests_;
      cv_.wait_for(lock, std::chrono::seconds(60), [this] { return released_; });
      res.set_content("<html><body><p>The lamp was lit at dusk every day.</p></body></html>", "text/html");
    });
    server_.Start();
  }
  ~HeldPages() { Release(); }
  void Release() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      released_ = true;
    }
    cv_.notify_all();
  }
  int requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }
  std::string Url(int i) const { return server_.Url("/held/" + std::to_string(i)); }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool released_ = false;
  int requests_ = 0;
  TestServer server_;  // last: stopped before what its handlers use
};

TEST(DaemonJobTimeoutTest, AJobPastItsTimeFailsAndTheNextJobRuns) {
  HeldPages pages;
  // One transfer at once, so the first batch is 64 URLs of the 100 cited.
  DaemonEnv env(R"({"fetch": {"retries": 0, "per_host_interval_ms": 0, "concurrency": 1,
      "per_host_concurrency": 1, "timeout_s": 120}, "daemon": {"job_timeout_s": 1}})");
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  std::string article = "# Lamps\n\n";
  for (int i = 1; i <= 100; ++i) {
    article += "Keeper " + std::to_string(i) + " said \"the lamp was lit at dusk\" [" + std::to_string(i) + "].\n\n";
  }
  article += "## References\n\n";
  for (int i = 1; i <= 100; ++i) article += "[" + std::to_string(i) + "] " + pages.Url(i) + "\n";
  auto client = env.Client();
  auto res = client.Post("/v1/articles?name=lamps.md", article, "text/markdown");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 202) << res->body;
  const int64_t slow_job = Json(res)["job"];
  ASSERT_TRUE(env.daemon().WaitForLog(" job.timeout ", std::chrono::seconds(60))) << env.daemon().Log();
  pages.Release();
  nlohmann::json job = env.WaitForJob(slow_job, std::chrono::seconds(120));
  EXPECT_EQ(job["state"], "failed") << job.dump() << env.daemon().Log();
  EXPECT_EQ(job["error"], "job exceeded daemon.job_timeout_s (1 s)") << job.dump();
  EXPECT_LE(pages.requests(), 64);  // the second batch was never started

  // The worker takes the next job (no URLs: its run has no batch to stop).
  auto next = client.Post("/v1/articles?name=next.md", "# Next\n\nNothing is cited here.\n", "text/markdown");
  ASSERT_TRUE(next);
  ASSERT_EQ(next->status, 202) << next->body;
  nlohmann::json next_job = env.WaitForJob(Json(next)["job"]);
  EXPECT_EQ(next_job["state"], "done") << next_job.dump() << env.daemon().Log();
}

}  // namespace
}  // namespace citecheck::testing
