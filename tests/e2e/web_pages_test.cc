// End to end: the web interface's pages and forms on the real citecheckd
// (docs/web.md "Pages"): an article added through the form is checked; the
// problems filter lists it until its near-match is accepted; when the page
// changes, the next check (queued with "check this article now") shows the
// change and the stale review, and the stale filter lists it; "check all
// now" queues a job.
#include <signal.h>

#include <atomic>

#include "e2e/web_util.h"
#include "support/run_binary.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

bool Lists(const std::string& page, int64_t article) {
  return page.find("href=\"/articles/" + std::to_string(article) + "\"") != std::string::npos;
}

TEST(WebPagesTest, AddReviewFilterAndSeeWhatChanged) {
  std::atomic<int> version{1};
  TestServer server;
  server.server().Get("/page", [&](const httplib::Request&, httplib::Response& r) {
    r.set_content(std::string("<p>The lighthouse keeper wrote every storm into his logbook.</p>") +
                      (version == 2 ? "<p>A later note.</p>" : ""),
                  "text/html");
  });
  server.Start();
  DaemonEnv env;
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  auto browser = Browser(env);
  WebSignIn in = SignIn(browser, kToken, "carol");
  const auto cookie = CookieHeader("citecheck_session", in.session);
  const std::string csrf = CsrfOf(browser.Get("/add", cookie)->body);

  const std::string text = "# Storms\n\nThe keeper said \"the lighthouse keeper wrote every single storm into his "
                           "logbook\" [1].\n\n## References\n\n[1] " + server.Url("/page") + "\n";
  auto added = browser.Post("/add", cookie,
                            httplib::Params{{"csrf", csrf}, {"name", "storms.md"}, {"type", "text/markdown"}, {"text", text}});
  ASSERT_EQ(added->status, 303) << added->body;
  const std::string location = added->get_header_value("Location");
  ASSERT_EQ(location.rfind("/articles/", 0), 0u) << location;
  const int64_t article = std::stoll(location.substr(10));
  ASSERT_EQ(env.WaitForJob(1)["state"], "done");
  auto refused = browser.Post("/add", cookie, httplib::Params{{"csrf", csrf}, {"url", "javascript:alert(1)"}});
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(refused->body.find("Not an http(s) URL"), std::string::npos);

  EXPECT_TRUE(Lists(browser.Get("/?filter=problems", cookie)->body, article));
  EXPECT_FALSE(Lists(browser.Get("/?filter=stale", cookie)->body, article));
  auto report = Json(env.Client().Get("/v1/articles/" + std::to_string(article) + "/report"));
  const std::string key = report["articles"][0]["quotes"][0]["key"];
  const std::string path = "/articles/" + std::to_string(article);
  auto reviewed = browser.Post(path + "/review", cookie,
                               httplib::Params{{"csrf", csrf}, {"key", key}, {"state", "accepted"}, {"note", "ok"}});
  EXPECT_EQ(reviewed->status, 303);
  EXPECT_FALSE(Lists(browser.Get("/?filter=problems", cookie)->body, article)) << "accepted: no longer a problem";
  auto unknown = browser.Post(path + "/review", cookie,
                              httplib::Params{{"csrf", csrf}, {"key", "q000000000000"}, {"state", "accepted"}});
  EXPECT_EQ(unknown->status, 404);
  EXPECT_NE(unknown->body.find("q000000000000"), std::string::npos);

  version = 2;
  ASSERT_EQ(browser.Post(path + "/check", cookie, httplib::Params{{"csrf", csrf}})->status, 303);
  ASSERT_EQ(env.WaitForJob(2)["state"], "done");
  const std::string stale = browser.Get("/?filter=stale", cookie)->body;
  EXPECT_TRUE(Lists(stale, article)) << stale;
  EXPECT_NE(stale.find("1 page changed its text"), std::string::npos) << stale;
  EXPECT_NE(stale.find("1 review stale"), std::string::npos) << stale;
  EXPECT_TRUE(Lists(browser.Get("/?filter=problems", cookie)->body, article)) << "stale: fails again";
  const std::string page = browser.Get(path, cookie)->body;
  EXPECT_NE(page.find("the page has changed since"), std::string::npos);

  ASSERT_EQ(browser.Post("/check-now", cookie, httplib::Params{{"csrf", csrf}})->status, 303);
  EXPECT_EQ(env.WaitForJob(3)["kind"], "all");
  env.daemon().Signal(SIGTERM);
  EXPECT_EQ(env.daemon().Wait(), 0) << env.daemon().Log();
}

// The list is read a page at a time (each row renders a stored run): a full
// page links to the next, the last page does not.
TEST(WebPagesTest, TheArticlesListIsPaged) {
  DaemonEnv env;
  for (int n = 1; n <= 3; ++n) {
    const std::string file = env.dir().Write("a" + std::to_string(n) + ".md", "# Article " + std::to_string(n) + "\n");
    RunOutput add = RunCitecheck({"add", file, "--db", env.db()});
    ASSERT_EQ(add.exit_code, 0) << add.err;
  }
  ASSERT_TRUE(env.Start()) << env.daemon().Log();
  auto browser = Browser(env);
  const auto cookie = CookieHeader("citecheck_session", SignIn(browser, kToken, "dana").session);
  const std::string first = browser.Get("/?limit=2", cookie)->body;
  EXPECT_TRUE(Lists(first, 1) && Lists(first, 2)) << first;
  EXPECT_FALSE(Lists(first, 3)) << first;
  EXPECT_NE(first.find("rel=\"next\" href=\"/?after=2&amp;limit=2\""), std::string::npos) << first;
  const std::string second = browser.Get("/?after=2&limit=2", cookie)->body;
  EXPECT_TRUE(Lists(second, 3)) << second;
  EXPECT_FALSE(Lists(second, 1)) << second;
  EXPECT_EQ(second.find("rel=\"next\""), std::string::npos) << second;
  const std::string all = browser.Get("/?limit=nonsense", cookie)->body;  // the default page of 100
  EXPECT_TRUE(Lists(all, 1) && Lists(all, 3)) << all;
  env.daemon().Signal(SIGTERM);
  EXPECT_EQ(env.daemon().Wait(), 0) << env.daemon().Log();
}

}  // namespace
}  // namespace citecheck::testing
