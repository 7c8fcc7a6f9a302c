// End to end: the real citecheckd with its database on PostgreSQL
// (docs/storage.md "PostgreSQL"): a submitted article is checked and its
// report served from the server's tables, and a second daemon on the same
// database joins it as a worker (docs/scale-out.md): both are listed by
// GET /v1/workers on either, and a stopped one leaves the list at once;
// one article's run is fetched by both (docs/scale-out.md "Shared runs").
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

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

// What the "run.help" lines of a daemon's log say it committed for other
// workers' runs.
int CommittedForOthers(const std::string& log) {
  static const std::regex kHelp(R"(run\.help run=\d+ committed=(\d+))");
  int committed = 0;
  for (std::sregex_iterator it(log.begin(), log.end(), kHelp), end; it != end; ++it) {
    committed += std::stoi((*it)[1].str());
  }
  return committed;
}

// One article citing 200 pages, checked while a second worker is idle: the
// run's URLs are queued for both, the idle one fetches part of them, and
// the run's own worker decides every quote, with each page requested once.
TEST_F(DaemonPostgresTest, OneRunIsFetchedByEveryWorkerAndEachPageOnce) {
  constexpr int kPages = 200;
  std::mutex mu;
  std::map<std::string, int> requests;
  server_.server().Get(R"(/p/(\d+))", [&](const httplib::Request& req, httplib::Response& r) {
    {
      std::lock_guard<std::mutex> lock(mu);
      ++requests[req.path];
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(40));  // long enough for the idle one to claim some
    r.set_content("<html><body><p>Crossing number " + req.matches[1].str() + " left the northern pier at dawn.</p></body></html>",
                  "text/html");
  });
  DaemonEnv& env = env_;
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  DaemonProcess second(env.dir().File("second.log"));
  ASSERT_TRUE(second.Start(env.Args())) << second.Log();

  std::string article = "# Crossings\n\n";
  std::string references = "\n## References\n\n";
  for (int i = 0; i < kPages; ++i) {
    const std::string n = std::to_string(i);
    article += "Its log says \"crossing number " + n + " left the northern pier at dawn\" [" + std::to_string(i + 1) + "].\n\n";
    references += "[" + std::to_string(i + 1) + "] " + server_.Url("/p/" + n) + "\n";
  }
  auto client = env.Client();
  auto res = client.Post("/v1/articles?name=crossings.md", article + references, "text/markdown");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 202) << res->body;
  const nlohmann::json accepted = Json(res);
  const nlohmann::json job = env.WaitForJob(accepted["job"]);
  ASSERT_EQ(job["state"], "done") << job.dump() << env.daemon().Log() << second.Log();

  auto report = client.Get("/v1/articles/" + std::to_string(accepted["article"].get<int64_t>()) + "/report?format=json");
  ASSERT_TRUE(report && report->status == 200);
  const nlohmann::json quotes = Json(report)["articles"][0]["quotes"];
  ASSERT_EQ(quotes.size(), static_cast<size_t>(kPages));
  for (const auto& q : quotes) EXPECT_EQ(q["status"], "verified") << q.dump();
  {
    std::lock_guard<std::mutex> lock(mu);
    EXPECT_EQ(requests.size(), static_cast<size_t>(kPages));
    for (const auto& [path, count] : requests) EXPECT_EQ(count, 1) << path;
  }
  // Both fetched: the job's worker, and the idle one for it (the job's
  // worker logs no "run.help": it fetched its own run).
  const int helped = CommittedForOthers(env.daemon().Log()) + CommittedForOthers(second.Log());
  EXPECT_GT(helped, 0) << env.daemon().Log() << second.Log();
  EXPECT_LT(helped, kPages);
  std::printf("[ shared run ] %d of %d pages fetched by the idle worker\n", helped, kPages);
  EXPECT_EQ(database_->Rows("fetches"), kPages);
  EXPECT_EQ(database_->Rows("url_tasks"), 0);  // the run is done: nothing left to share
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
