// End to end: POST /v1/reviews on the real citecheckd (docs/api.md
// "Reviews"): bearer token required, a decision changes the report the API
// renders, /metrics counts reviews by state, bad bodies and unknown keys are
// JSON errors.
#include <signal.h>

#include "e2e/daemon_util.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

std::string Article(const TestServer& server) {
  return "# Storms\n\nThe keeper said \"the lighthouse keeper wrote every single storm into his logbook\" [1].\n\n"
         "## References\n\n[1] " + server.Url("/page") + "\n";
}

TEST(DaemonReviewTest, APostedReviewChangesTheReportAndTheMetrics) {
  TestServer server;
  server.server().Get("/page", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("<p>The lighthouse keeper wrote every storm into his logbook.</p>", "text/html");
  });
  server.Start();
  DaemonEnv env;
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  auto client = env.Client();
  auto posted = Json(client.Post("/v1/articles?name=storms.md", Article(server), "text/markdown"));
  ASSERT_EQ(env.WaitForJob(posted["job"])["state"], "done");
  const std::string report_path = "/v1/articles/" + std::to_string(posted["article"].get<int64_t>()) + "/report";
  auto before = Json(client.Get(report_path));
  const auto& quote = before["articles"][0]["quotes"][0];
  ASSERT_EQ(quote["status"], "near_match") << before.dump(2);
  const std::string key = quote["key"];

  nlohmann::json review = {{"key", key}, {"state", "accepted"}, {"note", "paraphrase"}, {"by", "carol"}};
  EXPECT_EQ(env.Client(false).Post("/v1/reviews", review.dump(), "application/json")->status, 401);
  auto recorded = client.Post("/v1/reviews", review.dump(), "application/json");
  ASSERT_EQ(recorded->status, 201) << recorded->body;
  EXPECT_EQ(Json(recorded)["state"], "accepted");
  EXPECT_EQ(Json(recorded)["kind"], "quote");
  auto after = Json(client.Get(report_path));
  EXPECT_EQ(after["articles"][0]["quotes"][0]["review"]["state"], "accepted") << after.dump(2);
  EXPECT_EQ(after["articles"][0]["quotes"][0]["review"]["by"], "carol");
  auto html = client.Get(report_path + "?format=html");
  EXPECT_NE(html->body.find("data-key=\"" + key + "\""), std::string::npos);
  auto metrics = client.Get("/metrics");
  EXPECT_NE(metrics->body.find("citecheck_reviews{state=\"accepted\"} 1"), std::string::npos) << metrics->body;
  EXPECT_NE(metrics->body.find("citecheck_reviews{state=\"stale\"} 0"), std::string::npos) << metrics->body;

  auto unknown = client.Post("/v1/reviews", nlohmann::json{{"key", "q000000000000"}, {"state", "accepted"}}.dump(),
                             "application/json");
  EXPECT_EQ(unknown->status, 404);
  EXPECT_NE(unknown->body.find("q000000000000"), std::string::npos);
  EXPECT_EQ(client.Post("/v1/reviews", "{", "application/json")->status, 400);
  EXPECT_EQ(client.Post("/v1/reviews", nlohmann::json{{"key", key}, {"state", "stale"}}.dump(), "application/json")
                ->status,
            400);
  EXPECT_EQ(client.Post("/v1/reviews", review.dump(), "text/plain")->status, 415);
  env.daemon().Signal(SIGTERM);
  EXPECT_EQ(env.daemon().Wait(), 0) << env.daemon().Log();
}

}  // namespace
}  // namespace citecheck::testing
