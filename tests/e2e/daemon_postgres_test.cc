// End to end: the real citecheckd with its database on PostgreSQL
// (docs/storage.md "PostgreSQL"): a submitted article is checked and its
// report served from the server's tables, and a second daemon on the same
// database joins it as a worker (docs/scale-out.md): both are listed by
// GET /v1/workers on either, and a stopped one leaves the list at once.
#include <signal.h>

#include <filesystem>
#include <memory>
#include <set>

#include "e2e/daemon_util.h"
#include "support/test_database.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

const char kPage[] = "<html><body><p>The ferry crossed the sound twice every morning.</p></body></html>";

// A page to cite, a new PostgreSQL database, and a daemon's environment on it.
class DaemonPostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CITECHECK_SKIP_UNLESS_AVAILABLE(Backend::kPostgres);
    server_.server().Get("/page",
                         [](const httplib::Request&, httplib::Response& r) { r.set_content(kPage, "text/html"); });
    server_.Start();
    database_ = std::make_unique<TestDatabase>(Backend::kPostgres);
    env_.set_db(database_->db());
  }

  std::string Article() const {
    return "# Ferry\n\nIt \"crossed the sound twice every morning\" [1].\n\n## References\n\n[1] " +
           server_.Url("/page") + "\n";
  }

  TestServer server_;
  std::unique_ptr<TestDatabase> database_;
  DaemonEnv env_;
};

TEST_F(DaemonPostgresTest, ChecksServesReportsAndSharesTheDatabaseWithASecondWorker) {
  DaemonEnv& env = env_;
  TestDatabase& database = *database_;
  const std::vector<std::string> data_home = {"XDG_DATA_HOME=" + env.dir().File("data")};
  ASSERT_TRUE(env.Start({}, data_home)) << env.daemon().Log();

  auto client = env.Client();
  auto res = client.Post("/v1/articles?name=ferry.md", Article(), "text/markdown");
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

  // Nothing named after the URL was made in the working directory.
  EXPECT_FALSE(std::filesystem::exists("postgresql:"));

  // A second daemon on the same database starts beside the first. Without
  // --token-file, the token is made in the local data directory (created),
  // not beside a URL.
  DaemonProcess second(env.dir().File("second.log"));
  ASSERT_TRUE(second.Start({"--db", database.db(), "--listen", "127.0.0.1:0", "--config", env.dir().File("config.json"),
                            "--allow-private"},
                           data_home))
      << second.Log();
  EXPECT_TRUE(std::filesystem::exists(env.dir().File("data/citecheck/citecheckd.token"))) << second.Log();

  // Each one sees both workers; the second serves the first one's report.
  // The second one's token is the one it made.
  std::string second_token = ReadFile(env.dir().File("data/citecheck/citecheckd.token"));
  second_token = second_token.substr(0, second_token.find('\n'));
  auto workers_on = [&](int port, const std::string& token) {
    httplib::Client c("127.0.0.1", port);
    c.set_bearer_token_auth(token);
    auto r = c.Get("/v1/workers");
    std::set<int64_t> pids;
    if (!r || r->status != 200) {
      ADD_FAILURE() << "GET /v1/workers: " << (r ? std::to_string(r->status) + " " + r->body : "no answer");
      return pids;
    }
    const nlohmann::json body = nlohmann::json::parse(r->body);
    for (const auto& w : body["workers"]) {
      pids.insert(w["pid"].get<int64_t>());
      // The port it got for "127.0.0.1:0", not the zero.
      EXPECT_NE(w["listen"], "127.0.0.1:0") << w.dump();
    }
    return pids;
  };
  const std::set<int64_t> both = {env.daemon().pid(), second.pid()};
  EXPECT_EQ(workers_on(env.daemon().port(), kToken), both);
  EXPECT_EQ(workers_on(second.port(), second_token), both);
  {
    httplib::Client c("127.0.0.1", second.port());
    c.set_bearer_token_auth(second_token);
    auto r = c.Get("/v1/articles/" + std::to_string(accepted["article"].get<int64_t>()) + "/report?format=json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body;
    EXPECT_EQ(Json(r)["articles"][0]["quotes"][0]["status"], "verified");
  }

  // SIGTERM takes the first one off the list as it stops, not a lease later.
  env.daemon().Signal(SIGTERM);
  EXPECT_EQ(env.daemon().Wait(), 0) << env.daemon().Log();
  EXPECT_EQ(workers_on(second.port(), second_token), std::set<int64_t>{second.pid()});
}

// The server closes every connection of the daemon (a restart, a failover,
// an operator): the API's pooled connections, the worker's, the heartbeat's
// and the gate's are opened again, and the daemon goes on serving and
// checking without a restart.
TEST_F(DaemonPostgresTest, ConnectionsClosedByTheServerAreOpenedAgain) {
  DaemonEnv& env = env_;
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  auto client = env.Client();
  auto before = client.Get("/v1/articles");
  ASSERT_TRUE(before && before->status == 200);

  ASSERT_GE(database_->TerminateOtherSessions(), 1);
  // A request on a connection the server closed fails once with the reason
  // (500); the pool drops that connection, so the API answers again soon.
  int failed = 0;
  ASSERT_TRUE(PollUntil(
      [&] {
        auto res = client.Get("/v1/articles");
        if (res && res->status == 200) return true;
        ++failed;
        return false;
      },
      std::chrono::seconds(20), std::chrono::milliseconds(50)))
      << env.daemon().Log();
  EXPECT_LE(failed, 4) << "each pooled connection fails at most once";
  for (int i = 0; i < 3; ++i) {
    auto res = client.Get("/v1/articles");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
  }
  // The worker checks a new article.
  const std::string article = Article();
  nlohmann::json accepted;
  ASSERT_TRUE(PollUntil(
      [&] {
        auto res = client.Post("/v1/articles?name=ferry.md", article, "text/markdown");
        if (!res || res->status != 202) return false;
        accepted = Json(res);
        return true;
      },
      std::chrono::seconds(20), std::chrono::milliseconds(50)));
  auto job = env.WaitForJob(accepted["job"]);
  EXPECT_EQ(job["state"], "done") << job.dump() << env.daemon().Log();
  // Its heartbeat keeps it listed.
  auto workers = client.Get("/v1/workers");
  ASSERT_TRUE(workers && workers->status == 200);
  EXPECT_EQ(Json(workers)["workers"].size(), 1u) << workers->body;
}

}  // namespace
}  // namespace citecheck::testing
