// End to end: citecheckd killed with SIGKILL in the middle of a run over 200
// URLs, and stopped with SIGTERM; restarted, the run completes, every URL
// has exactly one result, and nothing committed is fetched again or lost.
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>

#include <map>
#include <thread>
#include <mutex>

#include "e2e/daemon_util.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

constexpr int kUrls = 200;

class DaemonCrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get(R"(/p/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        ++hits_[req.path];
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(40));  // slow-ish: the kill lands mid-run
      res.set_content("<p>Page " + req.matches[1].str() + " reports the tide at dawn.</p>", "text/html");
    });
    server_.Start();
    article_ = "# Tides\n\n";
    std::string refs = "\n## References\n\n";
    for (int i = 1; i <= kUrls; ++i) {
      const std::string n = std::to_string(i);
      article_ += "Source " + n + " wrote \"page " + n + " reports the tide at dawn\" [" + n + "].\n\n";
      refs += "[" + n + "] " + server_.Url("/p/" + n) + "\n";
    }
    article_ += refs;
  }

  static std::map<std::string, std::string> Committed(const std::string& db_path, int64_t* run_id) {
    SQLite::Database db(db_path, SQLite::OPEN_READONLY);
    db.setBusyTimeout(5000);
    std::map<std::string, std::string> rows;
    SQLite::Statement run(db, "SELECT COALESCE(MAX(run_id), 0) FROM jobs WHERE id = 1");
    run.executeStep();
    *run_id = run.getColumn(0).getInt64();
    SQLite::Statement select(db, "SELECT url, fetched_at FROM fetches WHERE run_id = ?");
    select.bind(1, *run_id);
    while (select.executeStep()) rows[select.getColumn(0).getString()] = select.getColumn(1).getString();
    return rows;
  }

  // Submits the article and waits until at least `min_committed` results are committed.
  void SubmitAndWaitForProgress(DaemonEnv& env, size_t min_committed) {
    auto res = env.Client().Post("/v1/articles?name=tides.md", article_, "text/markdown");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 202) << res->body;
    int64_t run_id = 0;
    ASSERT_TRUE(PollUntil([&] { return Committed(env.db(), &run_id).size() >= min_committed; },
                          std::chrono::seconds(30)))
        << "no progress: " << env.daemon().Log();
  }

  void ExpectCompleteAfterRestart(DaemonEnv& env, const std::map<std::string, std::string>& before,
                                  int64_t run_id) {
    ASSERT_TRUE(env.Start()) << env.daemon().Log();
    auto job = env.WaitForJob(1, std::chrono::seconds(90));
    ASSERT_EQ(job["state"], "done") << job.dump() << env.daemon().Log();
    EXPECT_EQ(job["run"], run_id);  // the same run, resumed
    int64_t after_run = 0;
    auto after = Committed(env.db(), &after_run);
    EXPECT_EQ(after.size(), static_cast<size_t>(kUrls));  // every URL, exactly one result (one row per URL)
    for (const auto& [url, fetched_at] : before) {
      ASSERT_TRUE(after.count(url)) << url << " was lost";
      EXPECT_EQ(after[url], fetched_at) << url << " was fetched again";
      std::lock_guard<std::mutex> lock(mu_);
      EXPECT_EQ(hits_[url.substr(url.find("/p/"))], 1) << url;
    }
    SQLite::Database db(env.db(), SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("SELECT state FROM runs WHERE id = " + std::to_string(run_id)).getString(), "done");
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM quotes WHERE run_id = " + std::to_string(run_id) +
                            " AND status = 'verified'").getInt(), kUrls);
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM runs").getInt(), 1);
    env.daemon().Signal(SIGTERM);
    EXPECT_EQ(env.daemon().Wait(), 0);
  }

  TestServer server_;
  std::mutex mu_;
  std::map<std::string, int> hits_;
  std::string article_;
  const char* config_ = R"({"fetch": {"retries": 0, "per_host_interval_ms": 0, "per_host_concurrency": 4}})";
};

TEST_F(DaemonCrashTest, KillNineMidRunThenRestartCompletesTheRun) {
  DaemonEnv env(config_);
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  SubmitAndWaitForProgress(env, 40);
  env.daemon().Kill9();
  int64_t run_id = 0;
  auto before = Committed(env.db(), &run_id);
  ASSERT_GT(run_id, 0);
  ASSERT_LT(before.size(), static_cast<size_t>(kUrls)) << "the run finished before the kill";
  ExpectCompleteAfterRestart(env, before, run_id);
}

TEST_F(DaemonCrashTest, SigtermMarksTheRunInterruptedAndExitsZero) {
  DaemonEnv env(config_);
  ASSERT_TRUE(env.Start({"--stop-grace", "10"})) << env.daemon().Log();
  SubmitAndWaitForProgress(env, 20);
  const auto start = std::chrono::steady_clock::now();
  env.daemon().Signal(SIGTERM);
  EXPECT_EQ(env.daemon().Wait(std::chrono::seconds(20)), 0) << env.daemon().Log();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(12));
  int64_t run_id = 0;
  auto before = Committed(env.db(), &run_id);
  // The transfers in flight finish (the current batch), the rest wait.
  ASSERT_LT(before.size(), static_cast<size_t>(kUrls));
  {
    SQLite::Database db(env.db(), SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("SELECT state FROM runs WHERE id = " + std::to_string(run_id)).getString(),
              "interrupted");
    EXPECT_EQ(db.execAndGet("SELECT state FROM jobs WHERE id = 1").getString(), "queued");
  }
  EXPECT_NE(env.daemon().Log().find("daemon.stopped"), std::string::npos);
  ExpectCompleteAfterRestart(env, before, run_id);
}

}  // namespace
}  // namespace citecheck::testing
