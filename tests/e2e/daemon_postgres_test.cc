// End to end: the real citecheckd with its database on PostgreSQL
// (docs/storage.md "PostgreSQL"): a submitted article is checked and its
// report served from the server's tables, a second daemon on the same
// database refuses to start, and the lock goes with the first daemon.
#include <signal.h>

#include <filesystem>

#include "e2e/daemon_util.h"
#include "support/test_database.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

const char kPage[] = "<html><body><p>The ferry crossed the sound twice every morning.</p></body></html>";

class DaemonPostgresTest : public ::testing::Test {
 protected:
  void SetUp() override { CITECHECK_SKIP_UNLESS_AVAILABLE(Backend::kPostgres); }
};

TEST_F(DaemonPostgresTest, ChecksServesReportsAndHoldsTheLockOnTheServer) {
  TestServer server;
  server.server().Get("/page", [](const httplib::Request&, httplib::Response& r) { r.set_content(kPage, "text/html"); });
  server.Start();
  TestDatabase database(Backend::kPostgres);
  DaemonEnv env;
  env.set_db(database.db());
  const std::vector<std::string> data_home = {"XDG_DATA_HOME=" + env.dir().File("data")};
  ASSERT_TRUE(env.Start({}, data_home)) << env.daemon().Log();

  auto client = env.Client();
  const std::string article = "# Ferry\n\nIt \"crossed the sound twice every morning\" [1].\n\n## References\n\n[1] " +
                              server.Url("/page") + "\n";
  auto res = client.Post("/v1/articles?name=ferry.md", article, "text/markdown");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 202) << res->body;
  auto accepted = Json(res);
  auto job = env.WaitForJob(accepted["job"]);
  ASSERT_EQ(job["state"], "done") << job.dump() << env.daemon().Log();
  auto report = client.Get("/v1/articles/" + std::to_string(accepted["article"].get<int64_t>()) + "/report?format=json");
  ASSERT_TRUE(report);
  ASSERT_EQ(report->status, 200) << report->body;
  EXPECT_EQ(Json(report)["articles"][0]["quotes"][0]["status"], "verified");
  EXPECT_EQ(database.Rows("fetches"), 1);  // stored in PostgreSQL
  EXPECT_EQ(database.Rows("quotes"), 1);

  DaemonRun second = RunDaemonToExit(env.Args(), std::chrono::seconds(20));
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_NE(second.err.find("another citecheckd is already running"), std::string::npos) << second.err;
  // Nothing named after the URL was made in the working directory.
  EXPECT_FALSE(std::filesystem::exists("postgresql:"));

  env.daemon().Signal(SIGTERM);
  EXPECT_EQ(env.daemon().Wait(), 0) << env.daemon().Log();
  // The lock went with the first daemon. Without --token-file, the token is
  // made in the local data directory (created), not beside a URL.
  DaemonProcess next(env.dir().File("next.log"));
  ASSERT_TRUE(next.Start({"--db", database.db(), "--listen", "127.0.0.1:0", "--config", env.dir().File("config.json"),
                          "--allow-private"},
                         data_home))
      << next.Log();
  EXPECT_TRUE(std::filesystem::exists(env.dir().File("data/citecheck/citecheckd.token"))) << next.Log();
}

}  // namespace
}  // namespace citecheck::testing
