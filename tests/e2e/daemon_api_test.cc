// End to end: the real citecheckd on a free loopback port with a temp
// database, against a loopback fixture server.
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/stat.h>

#include "e2e/daemon_util.h"
#include "support/run_binary.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

const char kPage[] = "<html><body><p>The lighthouse keeper wrote every storm into his logbook.</p></body></html>";

std::string Article(const TestServer& server) {
  return "# Storms\n\nThe keeper said \"the lighthouse keeper wrote every storm into his logbook\" [1].\n\n"
         "## References\n\n[1] " + server.Url("/page") + "\n";
}

class DaemonApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get("/page", [](const httplib::Request&, httplib::Response& r) { r.set_content(kPage, "text/html"); });
    server_.server().Get("/article.md", [this](const httplib::Request&, httplib::Response& r) {
      r.set_content(Article(server_), "text/markdown");
    });
    server_.Start();
  }
  TestServer server_;
};

TEST_F(DaemonApiTest, SubmitAnArticleAndGetItsReport) {
  DaemonEnv env;
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  auto client = env.Client();
  auto res = client.Post("/v1/articles?name=storms.md", Article(server_), "text/markdown");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 202) << res->body;
  auto accepted = Json(res);
  EXPECT_EQ(accepted["state"], "queued");
  auto job = env.WaitForJob(accepted["job"]);
  ASSERT_EQ(job["state"], "done") << job.dump() << env.daemon().Log();
  EXPECT_EQ(job["article"], accepted["article"]);

  const std::string report_path = "/v1/articles/" + std::to_string(accepted["article"].get<int64_t>()) + "/report";
  auto report = client.Get(report_path + "?format=json");
  ASSERT_TRUE(report);
  ASSERT_EQ(report->status, 200) << report->body;
  auto json = Json(report);
  EXPECT_EQ(json["schema"], "citecheck.report/1");
  EXPECT_EQ(json["articles"][0]["source"], "storms.md");
  EXPECT_EQ(json["articles"][0]["quotes"][0]["status"], "verified");
  EXPECT_EQ(json["articles"][0]["citations"][0]["link_status"], "ok");
  EXPECT_TRUE(json["articles"][0].contains("changes"));
  for (const char* format : {"html", "markdown"}) {
    auto other = client.Get(report_path + "?format=" + format);
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 200) << format;
    EXPECT_FALSE(other->body.empty());
  }
  EXPECT_EQ(client.Get(report_path + "?format=pdf")->status, 400);

  // Posting the same name again reuses the article.
  auto again = Json(client.Post("/v1/articles?name=storms.md", Article(server_), "text/markdown"));
  EXPECT_EQ(again["article"], accepted["article"]);
  // A published article by URL.
  auto by_url = client.Post("/v1/articles", nlohmann::json{{"url", server_.Url("/article.md")}}.dump(),
                            "application/json");
  ASSERT_EQ(by_url->status, 202) << by_url->body;
  auto url_job = env.WaitForJob(Json(by_url)["job"]);
  EXPECT_EQ(url_job["state"], "done") << url_job.dump();

  auto list = Json(client.Get("/v1/articles"));
  ASSERT_EQ(list["articles"].size(), 2u) << list.dump();
  EXPECT_EQ(list["articles"][0]["summary"]["verified"], 1);

  auto runs = client.Post("/v1/runs", "", "application/json");
  ASSERT_EQ(runs->status, 202);
  auto all_job = env.WaitForJob(Json(runs)["job"]);
  EXPECT_EQ(all_job["state"], "done") << all_job.dump();
  EXPECT_EQ(all_job["kind"], "all");

  auto metrics = client.Get("/metrics");
  ASSERT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->body.find("citecheck_runs_total{state=\"done\"}"), std::string::npos) << metrics->body;
  EXPECT_NE(metrics->body.find("citecheck_quotes_total{verdict=\"verified\"}"), std::string::npos);
  EXPECT_NE(metrics->body.find("citecheck_queue_depth 0"), std::string::npos);
  // The run of all articles found the cited page as the first jobs left it.
  EXPECT_EQ(metrics->body.find("citecheck_pages_unchanged_total 0\n"), std::string::npos) << metrics->body;
  EXPECT_NE(metrics->body.find("citecheck_pages_unchanged_total "), std::string::npos) << metrics->body;

  env.daemon().Signal(SIGTERM);
  EXPECT_EQ(env.daemon().Wait(), 0) << env.daemon().Log();
}

// daemon.max_request_bytes sets the limit; --max-request-bytes overrides it.
TEST_F(DaemonApiTest, TheRequestSizeLimitComesFromConfigOrFlag) {
  DaemonEnv configured(R"({"fetch": {"retries": 0}, "daemon": {"max_request_bytes": 2048}})");
  ASSERT_TRUE(configured.Start()) << configured.daemon().Log();
  auto client = configured.Client();
  EXPECT_EQ(client.Post("/v1/articles?name=a", std::string(3000, 'a'), "text/plain")->status, 413);
  EXPECT_EQ(client.Post("/v1/articles?name=b", "Just text, \"no citation here\" at all.", "text/plain")->status, 202);
  configured.daemon().Signal(SIGTERM);
  EXPECT_EQ(configured.daemon().Wait(), 0);

  DaemonEnv overridden(R"({"fetch": {"retries": 0}, "daemon": {"max_request_bytes": 2048}})");
  ASSERT_TRUE(overridden.Start({"--max-request-bytes", "8192"})) << overridden.daemon().Log();
  EXPECT_EQ(overridden.Client().Post("/v1/articles?name=a", std::string(3000, 'a'), "text/plain")->status, 202);
  overridden.daemon().Signal(SIGTERM);
  EXPECT_EQ(overridden.daemon().Wait(), 0);
}

TEST_F(DaemonApiTest, ErrorsAreJsonWithTheFittingStatus) {
  DaemonEnv env;
  ASSERT_TRUE(env.Start({"--max-request-bytes", "4096"})) << env.daemon().Log();
  auto anonymous = env.Client(false);
  auto health = anonymous.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  struct Case {
    int status;
    httplib::Result result;
  };
  auto client = env.Client();
  httplib::Client wrong("127.0.0.1", env.daemon().port());
  wrong.set_bearer_token_auth("not-the-token");
  std::vector<Case> cases;
  cases.push_back({401, anonymous.Get("/v1/articles")});
  cases.push_back({401, wrong.Get("/v1/articles")});
  cases.push_back({401, anonymous.Post("/v1/articles?name=x", "text", "text/plain")});
  cases.push_back({413, client.Post("/v1/articles?name=big", std::string(10000, 'a'), "text/plain")});
  cases.push_back({400, client.Post("/v1/articles", "{\"url\": ", "application/json")});
  cases.push_back({400, client.Post("/v1/articles", "{\"url\": 5}", "application/json")});
  cases.push_back({400, client.Post("/v1/articles", "{\"url\": \"ftp://example.org/x\"}", "application/json")});
  // Credentials are never stored, so such an article could not be re-fetched.
  const size_t with_credentials = cases.size();
  cases.push_back(
      {400, client.Post("/v1/articles", "{\"url\": \"https://al:s3cret@example.org/x\"}", "application/json")});
  cases.push_back({400, client.Post("/v1/articles?name=e", "", "text/markdown")});
  cases.push_back({400, client.Post("/v1/articles?name=bad", std::string("caf\xe9 \"quote\""), "text/plain")});
  cases.push_back({415, client.Post("/v1/articles?name=img", "GIF89a", "image/gif")});
  cases.push_back({404, client.Get("/v1/jobs/12345")});
  cases.push_back({404, client.Get("/v1/articles/12345/report")});
  cases.push_back({404, client.Get("/v1/nothing")});
  for (size_t i = 0; i < cases.size(); ++i) {
    ASSERT_TRUE(cases[i].result) << "case " << i;
    EXPECT_EQ(cases[i].result->status, cases[i].status) << "case " << i << ": " << cases[i].result->body;
    auto body = Json(cases[i].result);
    ASSERT_TRUE(body.is_object()) << "case " << i << ": " << cases[i].result->body;
    EXPECT_TRUE(body["error"].is_string()) << "case " << i << ": " << cases[i].result->body;
  }
  EXPECT_EQ(cases[0].result->get_header_value("WWW-Authenticate"), "Bearer");
  EXPECT_NE(cases[with_credentials].result->body.find("credentials are never stored"), std::string::npos);
  EXPECT_EQ(cases[with_credentials].result->body.find("s3cret"), std::string::npos);
}

TEST_F(DaemonApiTest, CliQueueFeedsTheDaemonAndASecondDaemonRefuses) {
  DaemonEnv env;
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  std::string article = env.dir().Write("queued.md", Article(server_));
  RunOutput queued = RunCitecheck({"check", "--queue", article, "--db", env.db()});
  ASSERT_EQ(queued.exit_code, 0) << queued.err;
  ASSERT_NE(queued.out.find("queued job 1"), std::string::npos) << queued.out;
  auto job = env.WaitForJob(1);
  EXPECT_EQ(job["state"], "done") << job.dump() << env.daemon().Log();

  DaemonRun second = RunDaemonToExit(env.Args(), std::chrono::seconds(20));
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_NE(second.err.find("another citecheckd is already running"), std::string::npos) << second.err;

  // The CLI reads and writes the same database meanwhile.
  RunOutput list = RunCitecheck({"list", "--db", env.db()});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("queued.md"), std::string::npos) << list.out;

  const size_t before = env.daemon().Log().size();
  env.daemon().Signal(SIGHUP);
  EXPECT_TRUE(env.daemon().WaitForLog("daemon.reload", std::chrono::seconds(10), before)) << env.daemon().Log();
  env.daemon().Signal(SIGINT);
  EXPECT_EQ(env.daemon().Wait(), 0) << env.daemon().Log();
}

TEST_F(DaemonApiTest, GeneratesATokenBesideTheDatabase) {
  TempDir dir;
  DaemonProcess daemon(dir.File("log"));
  ASSERT_TRUE(daemon.Start({"--db", dir.File("db/c.db"), "--listen", "127.0.0.1:0"})) << daemon.Log();
  const std::string token_path = dir.File("db/citecheckd.token");
  EXPECT_NE(daemon.Log().find("token.generated path=" + token_path), std::string::npos) << daemon.Log();
  struct stat info {};
  ASSERT_EQ(stat(token_path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  std::string token = ReadFile(token_path);
  token.erase(token.find_last_not_of("\n") + 1);
  httplib::Client client("127.0.0.1", daemon.port());
  client.set_bearer_token_auth(token);
  EXPECT_EQ(client.Get("/v1/articles")->status, 200);
  daemon.Signal(SIGTERM);
  EXPECT_EQ(daemon.Wait(), 0);
}

}  // namespace
}  // namespace citecheck::testing
