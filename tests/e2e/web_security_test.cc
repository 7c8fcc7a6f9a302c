// End to end: the web interface's security on the real citecheckd
// (docs/web.md): nothing but the sign-in without a session; tampered,
// expired and signed-out cookies sign out; forms without their CSRF token
// record nothing; failed sign-ins are rate-limited (429); sessions survive
// a restart; untrusted text renders escaped.
#include <signal.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "e2e/web_util.h"
#include "support/test_server.h"
#include "support/text_count.h"

namespace citecheck::testing {
namespace {

int64_t CountRows(const std::string& db, const std::string& table) {
  SQLite::Database reader(db, SQLite::OPEN_READONLY);
  return reader.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

// The article's quote and title carry script payloads, and so does the
// page's text around the match.
std::string PayloadArticle(const TestServer& server) {
  // Backslash escapes keep the markup as text in Markdown (bare tags would be read as HTML and dropped).
  return "# Storms \\<script\\>window.pwned=1\\</script\\>\n\n"
         "The keeper said \"the lighthouse keeper wrote every single storm into his logbook\" [1].\n\n"
         "He added \"\\<img src=x onerror=alert(1)\\> the lamp never went out\" [1].\n\n"
         "## References\n\n[1] " + server.Url("/page") + "\n";
}

class WebSecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get("/page", [](const httplib::Request&, httplib::Response& r) {
      r.set_content("<p>&lt;script&gt;alert(3)&lt;/script&gt; The lighthouse keeper wrote every storm into his "
                    "logbook. &lt;img src=x onerror=alert(1)&gt; the lamp never went out.</p>",
                    "text/html");
    });
    server_.Start();
    ASSERT_TRUE(env_.Start()) << env_.daemon().Log();
  }

  // Registers the payload article, checks it; its id.
  int64_t CheckedArticle() {
    auto client = env_.Client();
    auto posted = Json(client.Post("/v1/articles?name=storms.md", PayloadArticle(server_), "text/markdown"));
    EXPECT_EQ(env_.WaitForJob(posted["job"])["state"], "done");
    return posted["article"].get<int64_t>();
  }

  std::string FirstKey(int64_t article) {
    auto report = Json(env_.Client().Get("/v1/articles/" + std::to_string(article) + "/report"));
    return report["articles"][0]["quotes"][0]["key"];
  }

  TestServer server_;
  DaemonEnv env_;
};

TEST_F(WebSecurityTest, NoPageButTheSignInWithoutASession) {
  const int64_t article = CheckedArticle();
  auto browser = Browser(env_);
  for (const std::string& path : std::vector<std::string>{"/", "/add", "/articles/" + std::to_string(article), "/no-such-page", "/?filter=stale"}) {
    auto res = browser.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 303) << path;
    EXPECT_EQ(res->get_header_value("Location"), "/sign-in") << path;
    EXPECT_EQ(res->body.find("storms"), std::string::npos) << path;
  }
  auto sign_in = browser.Get("/sign-in");
  ASSERT_EQ(sign_in->status, 200);
  EXPECT_NE(sign_in->body.find("name=\"token\""), std::string::npos);
  EXPECT_NE(sign_in->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  EXPECT_NE(sign_in->get_header_value("Content-Security-Policy").find("form-action 'self'"), std::string::npos);
  EXPECT_EQ(sign_in->get_header_value("X-Frame-Options"), "DENY");
  // A form post without a session records nothing and leads to the sign-in.
  httplib::Params review = {{"key", FirstKey(article)}, {"state", "accepted"}, {"note", "x"}};
  auto posted = browser.Post("/articles/" + std::to_string(article) + "/review", review);
  EXPECT_EQ(posted->status, 303);
  EXPECT_EQ(CountRows(env_.db(), "reviews"), 0);
  EXPECT_EQ(browser.Post("/check-now", httplib::Params{})->status, 303);
  // The API keeps its bearer token: a session cookie is no substitute.
  WebSignIn in = SignIn(browser, kToken);
  EXPECT_EQ(browser.Get("/v1/articles", CookieHeader("citecheck_session", in.session))->status, 401);
}

TEST_F(WebSecurityTest, SignInSetsAStrictHttpOnlyCookieSecureBehindHttps) {
  auto browser = Browser(env_);
  WebSignIn in = SignIn(browser, kToken);
  ASSERT_EQ(in.status, 303);
  ASSERT_EQ(in.session.size(), 64u);
  std::string cookie;
  for (const auto& [name, value] : in.response_headers) {
    if (name == "Set-Cookie" && value.rfind("citecheck_session=", 0) == 0) cookie = value;
  }
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Path=/"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Max-Age=43200"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain http: " << cookie;
  browser.set_default_headers({{"X-Forwarded-Proto", "https"}});
  WebSignIn https = SignIn(browser, kToken);
  bool secure = false;
  for (const auto& [name, value] : https.response_headers) {
    if (name == "Set-Cookie" && value.rfind("citecheck_session=", 0) == 0) secure = value.find("; Secure") != std::string::npos;
  }
  EXPECT_TRUE(secure);
  // The store holds the secret's hash, never the secret.
  SQLite::Database reader(env_.db(), SQLite::OPEN_READONLY);
  SQLite::Statement rows(reader, "SELECT id_hash FROM web_sessions");
  while (rows.executeStep()) EXPECT_NE(rows.getColumn(0).getString(), in.session);
}

TEST_F(WebSecurityTest, TamperedAndExpiredCookiesSignOut) {
  auto browser = Browser(env_);
  WebSignIn in = SignIn(browser, kToken);
  ASSERT_EQ(browser.Get("/", CookieHeader("citecheck_session", in.session))->status, 200);
  std::string tampered = in.session;
  tampered[10] = tampered[10] == 'a' ? 'b' : 'a';
  for (const std::string& bad : {tampered, in.session + "0", std::string("x"), in.session.substr(0, 63)}) {
    auto res = browser.Get("/", CookieHeader("citecheck_session", bad));
    EXPECT_EQ(res->status, 303) << bad;
    EXPECT_EQ(res->get_header_value("Location"), "/sign-in");
    EXPECT_NE(res->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos) << "the bad cookie is dropped";
  }
  {
    SQLite::Database writer(env_.db(), SQLite::OPEN_READWRITE);
    writer.exec("UPDATE web_sessions SET expires_at = created_at - 1");  // as if 12 hours had passed
  }
  EXPECT_EQ(browser.Get("/", CookieHeader("citecheck_session", in.session))->status, 303);
  EXPECT_EQ(CountRows(env_.db(), "web_sessions"), 0) << "an expired session is deleted when presented";
}

TEST_F(WebSecurityTest, APostWithoutItsCsrfTokenIsRefusedAndRecordsNothing) {
  const int64_t article = CheckedArticle();
  const std::string key = FirstKey(article);
  auto browser = Browser(env_);
  WebSignIn in = SignIn(browser, kToken);
  const auto cookie = CookieHeader("citecheck_session", in.session);
  const std::string page_path = "/articles/" + std::to_string(article);
  auto page = browser.Get(page_path, cookie);
  ASSERT_EQ(page->status, 200);
  const std::string csrf = CsrfOf(page->body);
  ASSERT_EQ(csrf.size(), 64u);
  EXPECT_NE(page->body.find("name=\"key\" value=\"" + key + "\""), std::string::npos) << "a review form per item";
  const int64_t jobs_before = CountRows(env_.db(), "jobs");
  for (const std::string& bad : {std::string(), std::string("0123"), std::string(64, 'a')}) {
    httplib::Params review = {{"key", key}, {"state", "accepted"}, {"note", "paraphrase"}};
    if (!bad.empty()) review.emplace("csrf", bad);
    auto res = browser.Post(page_path + "/review", cookie, review);
    EXPECT_EQ(res->status, 403) << bad;
    httplib::Params check = bad.empty() ? httplib::Params{} : httplib::Params{{"csrf", bad}};
    EXPECT_EQ(browser.Post("/check-now", cookie, check)->status, 403);
    EXPECT_EQ(browser.Post("/add", cookie, httplib::Params{{"csrf", bad}, {"url", "https://example.org/a"}})->status, 403);
    EXPECT_EQ(browser.Post("/sign-out", cookie, check)->status, 403);
  }
  EXPECT_EQ(CountRows(env_.db(), "reviews"), 0);
  EXPECT_EQ(CountRows(env_.db(), "jobs"), jobs_before);
  EXPECT_EQ(CountRows(env_.db(), "web_sessions"), 1) << "the refused sign-out kept the session";
  // Another session's token is no good either.
  WebSignIn other = SignIn(browser, kToken);
  const std::string other_csrf = CsrfOf(browser.Get("/", CookieHeader("citecheck_session", other.session))->body);
  ASSERT_NE(other_csrf, csrf);
  EXPECT_EQ(browser.Post(page_path + "/review", cookie, httplib::Params{{"csrf", other_csrf}, {"key", key}, {"state", "accepted"}})->status, 403);
  EXPECT_EQ(CountRows(env_.db(), "reviews"), 0);
  // With it, the review is recorded by the signed-in name.
  auto ok = browser.Post(page_path + "/review", cookie,
                         httplib::Params{{"csrf", csrf}, {"key", key}, {"state", "accepted"}, {"note", "paraphrase"}});
  EXPECT_EQ(ok->status, 303);
  EXPECT_EQ(CountRows(env_.db(), "reviews"), 1);
  auto report = Json(env_.Client().Get("/v1/articles/" + std::to_string(article) + "/report"));
  EXPECT_EQ(report["articles"][0]["quotes"][0]["review"]["by"], "tester");
}

TEST_F(WebSecurityTest, ScriptPayloadsRenderAsText) {
  const int64_t article = CheckedArticle();
  auto browser = Browser(env_);
  WebSignIn in = SignIn(browser, kToken, "<b>eve</b>");
  const auto cookie = CookieHeader("citecheck_session", in.session);
  for (const std::string& path : std::vector<std::string>{"/", "/articles/" + std::to_string(article), "/?filter=problems"}) {
    auto page = browser.Get(path, cookie);
    ASSERT_EQ(page->status, 200) << path;
    EXPECT_EQ(page->body.find("<script>window"), std::string::npos) << path;
    EXPECT_EQ(page->body.find("<img"), std::string::npos) << path;
    EXPECT_EQ(page->body.find("<b>eve"), std::string::npos) << path;
    EXPECT_NE(page->body.find("&lt;b&gt;eve&lt;/b&gt;"), std::string::npos) << path;
    EXPECT_EQ(CountOccurrences(page->body, "<script"), 1u) << path << ": only the report's filter script";
  }
  auto page = browser.Get("/articles/" + std::to_string(article), cookie)->body;
  EXPECT_NE(page.find("Storms &lt;script&gt;window.pwned=1&lt;/script&gt;"), std::string::npos) << page.substr(page.find("<h2>"), 300);
  EXPECT_NE(page.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(3)&lt;/script&gt;"), std::string::npos) << "the page's snippet";
  // The review's note is the reviewer's text: escaped where it shows.
  const std::string key = FirstKey(article);
  browser.Post("/articles/" + std::to_string(article) + "/review", cookie,
               httplib::Params{{"csrf", CsrfOf(page)}, {"key", key}, {"state", "accepted"}, {"note", "<script>n()</script>"}});
  auto after = browser.Get("/articles/" + std::to_string(article) + "?reviewed=<script>q()</script>", cookie)->body;
  EXPECT_EQ(after.find("<script>n()"), std::string::npos);
  EXPECT_EQ(after.find("<script>q()"), std::string::npos);
  EXPECT_EQ(CountOccurrences(after, "<script"), 1u);
}

TEST_F(WebSecurityTest, FailedSignInsAreRateLimitedPerAddress) {
  auto browser = Browser(env_);
  for (int i = 0; i < 5; ++i) {
    WebSignIn wrong = SignIn(browser, "wrong-token-" + std::to_string(i));
    EXPECT_EQ(wrong.status, 401) << i;
    EXPECT_TRUE(wrong.session.empty());
  }
  WebSignIn limited = SignIn(browser, "wrong-again");
  EXPECT_EQ(limited.status, 429);
  WebSignIn right = SignIn(browser, kToken);
  EXPECT_EQ(right.status, 429) << "while limited, even the right token is refused";
  EXPECT_TRUE(right.session.empty());
  auto form = browser.Get("/sign-in");
  httplib::Params params = {{"csrf", CsrfOf(form->body)}, {"token", kToken}};
  auto res = browser.Post("/sign-in", CookieHeader("citecheck_signin", SetCookieValue(*form, "citecheck_signin")), params);
  EXPECT_EQ(res->status, 429);
  const std::string retry = res->get_header_value("Retry-After");
  ASSERT_FALSE(retry.empty());
  EXPECT_GT(std::stoi(retry), 500);
  EXPECT_EQ(CountRows(env_.db(), "web_sessions"), 0);
  // The API's bearer token is not limited by the form's failures.
  EXPECT_EQ(env_.Client().Get("/v1/articles")->status, 200);
}

TEST_F(WebSecurityTest, ASessionSurvivesARestartAndSignOutRevokesIt) {
  auto browser = Browser(env_);
  WebSignIn in = SignIn(browser, kToken);
  ASSERT_EQ(in.status, 303);
  env_.daemon().Signal(SIGTERM);
  ASSERT_EQ(env_.daemon().Wait(), 0) << env_.daemon().Log();
  ASSERT_TRUE(env_.Start()) << env_.daemon().Log();
  auto again = Browser(env_);
  const auto cookie = CookieHeader("citecheck_session", in.session);
  auto page = again.Get("/", cookie);
  ASSERT_EQ(page->status, 200) << "signed in after the restart";
  auto out = again.Post("/sign-out", cookie, httplib::Params{{"csrf", CsrfOf(page->body)}});
  EXPECT_EQ(out->status, 303);
  EXPECT_EQ(out->get_header_value("Location"), "/sign-in");
  EXPECT_EQ(again.Get("/", cookie)->status, 303) << "the old cookie no longer signs in";
  EXPECT_EQ(CountRows(env_.db(), "web_sessions"), 0);
  env_.daemon().Signal(SIGTERM);
  EXPECT_EQ(env_.daemon().Wait(), 0);
}

}  // namespace
}  // namespace citecheck::testing
