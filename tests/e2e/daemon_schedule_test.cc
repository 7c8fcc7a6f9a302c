// End to end: a scheduled run of the real citecheckd binary, reached without
// any clock trick: a schedule missed while the daemon was down fires at
// start and checks every registered article. When the scheduler fires, on a
// fake clock, is tested in process (tests/daemon/scheduler_test.cc).
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>

#include <ctime>

#include "e2e/daemon_util.h"
#include "support/run_binary.h"
#include "support/test_server.h"
#include "support/text_count.h"

namespace citecheck::testing {
namespace {

class DaemonScheduleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get("/page", [](const httplib::Request&, httplib::Response& r) {
      r.set_content("<p>Every storm went into the logbook that winter.</p>", "text/html");
    });
    server_.Start();
  }
  void Register(const DaemonEnv& env) {
    article_ = env.dir().Write(
        "storms.md", "# Storms\n\nHe wrote \"every storm went into the logbook\" [1].\n\n## References\n\n[1] " +
                         server_.Url("/page") + "\n");
    RunOutput add = RunCitecheck({"add", article_, "--db", env.db()});
    ASSERT_EQ(add.exit_code, 0) << add.err;
  }
  TestServer server_;
  std::string article_;
};

TEST_F(DaemonScheduleTest, AScheduleMissedWhileDownRunsOnceAtStart) {
  DaemonEnv env(R"({"fetch": {"retries": 0, "per_host_interval_ms": 0}, "daemon": {"schedule": "0 3 * * *"}})");
  Register(env);
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  env.daemon().Signal(SIGTERM);
  ASSERT_EQ(env.daemon().Wait(), 0);
  EXPECT_EQ(CountOccurrences(env.daemon().Log(), "schedule.fire"), 0u);  // a first start misses nothing
  {
    // Last fired three days ago: three nightly runs were missed while down.
    SQLite::Database db(env.db(), SQLite::OPEN_READWRITE);
    SQLite::Statement update(db, "UPDATE daemon_state SET value = ? WHERE key = 'schedule.last_fired'");
    update.bind(1, std::to_string(std::time(nullptr) - 3 * 24 * 3600));
    ASSERT_EQ(update.exec(), 1);
  }
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  ASSERT_TRUE(env.daemon().WaitForLog("missed=true", std::chrono::seconds(10))) << env.daemon().Log();
  ASSERT_TRUE(env.daemon().WaitForLog("job.finish job=1 state=done", std::chrono::seconds(20)))
      << env.daemon().Log();
  // The scheduler goes on at once after a firing, so a second firing for
  // the other missed nights would be logged before the job even started.
  EXPECT_EQ(CountOccurrences(env.daemon().Log(), "schedule.fire"), 1u) << env.daemon().Log();  // once, not three times
  auto job = Json(env.Client().Get("/v1/jobs/1"));
  EXPECT_EQ(job["kind"], "all");
  auto second = env.Client().Get("/v1/jobs/2");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 404);  // no second job
  RunOutput report = RunCitecheck({"report", article_, "--format", "json", "--db", env.db()});
  EXPECT_EQ(report.exit_code, 0) << report.err;
  auto json = nlohmann::json::parse(report.out, nullptr, false);
  EXPECT_EQ(json["run"]["trigger"], "daemon") << report.out;
  EXPECT_EQ(json["articles"][0]["quotes"][0]["status"], "verified") << report.out;
  env.daemon().Signal(SIGTERM);
  EXPECT_EQ(env.daemon().Wait(), 0);
}

TEST_F(DaemonScheduleTest, TheScheduledRunIsFollowedByAPrune) {
  DaemonEnv env(R"({"fetch": {"retries": 0, "per_host_interval_ms": 0}, "store": {"keep_runs": 2}})");
  Register(env);
  for (int n = 0; n < 3; ++n) {
    RunOutput run = RunCitecheck({"run", "--all", "--db", env.db(), "--config", env.dir().File("config.json"),
                                  "--allow-private"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  {
    // A nightly run missed while down: it fires at start.
    SQLite::Database db(env.db(), SQLite::OPEN_READWRITE);
    SQLite::Statement insert(db, "INSERT INTO daemon_state (key, value) VALUES ('schedule.last_fired', ?)");
    insert.bind(1, std::to_string(std::time(nullptr) - 2 * 24 * 3600));
    ASSERT_EQ(insert.exec(), 1);
    ASSERT_EQ(db.execAndGet("SELECT count(*) FROM runs").getInt(), 3);
  }
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  ASSERT_TRUE(env.daemon().WaitForLog("prune.finish job=1 keep_runs=2 runs=2", std::chrono::seconds(30)))
      << env.daemon().Log();
  SQLite::Database db(env.db(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM runs").getInt(), 2);
  EXPECT_EQ(db.execAndGet("SELECT trigger FROM runs ORDER BY id DESC LIMIT 1").getString(), "daemon");
  // A job the API queues does not prune.
  auto posted = env.Client().Post("/v1/runs", "", "application/json");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 202) << posted->body;
  auto job = env.WaitForJob(nlohmann::json::parse(posted->body)["job"].get<int64_t>());
  EXPECT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(CountOccurrences(env.daemon().Log(), "prune.finish"), 1u) << env.daemon().Log();
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM runs").getInt(), 3);
  env.daemon().Signal(SIGTERM);
  EXPECT_EQ(env.daemon().Wait(), 0);
}

}  // namespace
}  // namespace citecheck::testing
