// End to end: a stop that cannot wait for slow transfers abandons them after
// --stop-grace, still marks the run interrupted, requeues its job and exits
// 0; the next start completes the run.
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>

#include <atomic>

#include "e2e/daemon_util.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

TEST(DaemonStopTest, SlowTransfersAreAbandonedWithinTheGrace) {
  TestServer server;
  std::atomic<bool> slow{true};
  server.server().Get(R"(/s/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    for (int i = 0; i < 40 && slow; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    res.set_content("<p>Slow page " + req.matches[1].str() + " finally answered the call.</p>", "text/html");
  });
  server.Start();
  std::string article = "# Slow\n\n";
  std::string refs = "\n## References\n\n";
  for (int i = 1; i <= 6; ++i) {
    const std::string n = std::to_string(i);
    article += "It said \"slow page " + n + " finally answered the call\" [" + n + "].\n\n";
    refs += "[" + n + "] " + server.Url("/s/" + n) + "\n";
  }
  DaemonEnv env(R"({"fetch": {"retries": 0, "per_host_interval_ms": 0, "per_host_concurrency": 2,
      "timeout_s": 30}})");
  ASSERT_TRUE(env.Start({"--stop-grace", "1"})) << env.daemon().Log();
  auto res = env.Client().Post("/v1/articles?name=slow.md", article + refs, "text/markdown");
  ASSERT_EQ(res->status, 202);
  ASSERT_TRUE(env.daemon().WaitForLog("job.start", std::chrono::seconds(10))) << env.daemon().Log();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto start = std::chrono::steady_clock::now();
  env.daemon().Signal(SIGTERM);
  EXPECT_EQ(env.daemon().Wait(std::chrono::seconds(10)), 0) << env.daemon().Log();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));  // 1 s grace, not 4 s transfers
  EXPECT_NE(env.daemon().Log().find("abandoned_run=1"), std::string::npos) << env.daemon().Log();
  {
    SQLite::Database db(env.db(), SQLite::OPEN_READONLY);
    EXPECT_EQ(db.execAndGet("SELECT state FROM runs WHERE id = 1").getString(), "interrupted");
    EXPECT_EQ(db.execAndGet("SELECT state FROM jobs WHERE id = 1").getString(), "queued");
  }
  slow = false;
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  auto job = env.WaitForJob(1);
  EXPECT_EQ(job["state"], "done") << job.dump() << env.daemon().Log();
  EXPECT_EQ(job["run"], 1);
  SQLite::Database db(env.db(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM fetches WHERE run_id = 1").getInt(), 6);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM quotes WHERE run_id = 1 AND status = 'verified'").getInt(), 6);
  env.daemon().Signal(SIGTERM);
  EXPECT_EQ(env.daemon().Wait(), 0);
}

}  // namespace
}  // namespace citecheck::testing
