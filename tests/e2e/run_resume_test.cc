// End to end: `citecheck run` killed with SIGKILL mid-run; the next `run`
// resumes that run without fetching again what it committed. `check` never
// resumes.
#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <thread>
#include <mutex>

#include "e2e/e2e_util.h"
#include "support/daemon_process.h"
#include "support/poll_until.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

TEST(RunResumeTest, KilledRunIsResumedByTheNextRun) {
  TestServer server;
  std::mutex mu;
  std::map<std::string, int> hits;
  server.server().Get(R"(/p/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard<std::mutex> lock(mu);
      ++hits[req.path];
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    res.set_content("<p>Page " + req.matches[1].str() + " reports the tide at dawn.</p>", "text/html");
  });
  server.Start();
  const int kUrls = 100;
  std::string article = "# Tides\n\n";
  std::string refs = "\n## References\n\n";
  for (int i = 1; i <= kUrls; ++i) {
    const std::string n = std::to_string(i);
    article += "Source " + n + " wrote \"page " + n + " reports the tide at dawn\" [" + n + "].\n\n";
    refs += "[" + n + "] " + server.Url("/p/" + n) + "\n";
  }
  TempDir dir;
  const std::string path = dir.Write("tides.md", article + refs);
  const std::string config = dir.Write("c.json", R"({"fetch": {"retries": 0, "per_host_interval_ms": 0,
      "per_host_concurrency": 2}})");
  const std::vector<std::string> common = {"--db", dir.File("c.db"), "--config", config};
  std::vector<std::string> add = {"add", path};
  add.insert(add.end(), common.begin(), common.end());
  ASSERT_EQ(RunCitecheck(add).exit_code, 0);

  std::vector<std::string> run = {"run", "--all", "--allow-private", "--format", "json"};
  run.insert(run.end(), common.begin(), common.end());
  DaemonProcess first(dir.File("first.log"), CITECHECK_BINARY);
  first.Launch(run);
  size_t committed = 0;
  PollUntil(
      [&] {
        try {
          SQLite::Database db(dir.File("c.db"), SQLite::OPEN_READONLY);
          committed = static_cast<size_t>(db.execAndGet("SELECT count(*) FROM fetches").getInt());
        } catch (const SQLite::Exception&) {  // not created yet
        }
        return committed >= 20;
      },
      std::chrono::seconds(30));
  first.Kill9();
  ASSERT_GE(committed, 20u);

  RunOutput second = RunCitecheck(run);
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("resumed interrupted run 1"), std::string::npos) << second.err;
  auto report = nlohmann::json::parse(second.out, nullptr, false);
  EXPECT_EQ(report["run"]["id"], 1);
  EXPECT_EQ(report["articles"][0]["summary"]["verified"], kUrls);
  SQLite::Database db(dir.File("c.db"), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM fetches WHERE run_id = 1").getInt(), kUrls);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM runs").getInt(), 1);
  // What the killed run committed was not fetched again.
  SQLite::Statement committed_urls(db, "SELECT url FROM fetches WHERE run_id = 1 ORDER BY fetched_at LIMIT 20");
  {
    std::lock_guard<std::mutex> lock(mu);  // released before the server is needed again
    while (committed_urls.executeStep()) {
      std::string url = committed_urls.getColumn(0).getString();
      EXPECT_EQ(hits[url.substr(url.find("/p/"))], 1) << url;
    }
  }

  // check never resumes: a new run every time.
  std::vector<std::string> check = {"check", path, "--allow-private", "--format", "json"};
  check.insert(check.end(), common.begin(), common.end());
  RunOutput checked = RunCitecheck(check);
  EXPECT_EQ(nlohmann::json::parse(checked.out)["run"]["id"], 2);
}

}  // namespace
}  // namespace citecheck::testing
