// Soft 404s, bot challenges and login walls (lib/fetch/page_classifier), table-driven.
#include "fetch/page_classifier.h"

#include <gtest/gtest.h>

#include <string>

namespace citecheck {
namespace {

PageSignals Page(long status, const std::string& body, const std::string& url = "https://example.org/a/b",
                 const std::string& final_url = "") {
  PageSignals page;
  page.url = url;
  page.final_url = final_url.empty() ? url : final_url;
  page.http_status = status;
  page.content_type = "text/html";
  page.body = body;
  return page;
}

std::string Html(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html><html><head><title>" + title + "</title><script>var notFound = 'page not found';"
         "</script></head><body>" + body + "</body></html>";
}

std::string LongText(int words) {
  std::string text;
  for (int i = 0; i < words; ++i) text += "harbour ";
  return "<p>" + text + "</p>";
}

struct SoftCase {
  std::string name;
  std::string title;
  std::string body;
  bool soft_404;
};

class SoftNotFoundTest : public ::testing::TestWithParam<SoftCase> {};

TEST_P(SoftNotFoundTest, Judges) {
  const SoftCase& c = GetParam();
  std::string html = Html(c.title, c.body);
  std::optional<PageVerdict> verdict = ClassifyPage(Page(200, html));
  if (c.soft_404) {
    ASSERT_TRUE(verdict.has_value()) << c.name;
    EXPECT_EQ(verdict->status, LinkStatus::kBroken);
    EXPECT_EQ(verdict->error.rfind("soft 404: ", 0), 0u) << verdict->error;
  } else {
    EXPECT_FALSE(verdict.has_value()) << c.name << ": " << verdict->error;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SoftNotFoundTest,
    ::testing::Values(
        SoftCase{"TitlePageNotFoundWithSite", "Page not found | Example News", LongText(500), true},
        SoftCase{"TitleError404Google", "Error 404 (Not Found)!!1", LongText(500), true},
        SoftCase{"Title404Dash", "404 - Not Found", LongText(500), true},
        SoftCase{"TitleDoesntExistCurly", "Sorry, this page doesn\xE2\x80\x99t exist \xE2\x80\x94 Site",
                 LongText(500), true},
        SoftCase{"TitleEntity", "This page doesn&#39;t exist", LongText(500), true},
        SoftCase{"ShortPageSaysSo", "Example News", "<h1>Oops!</h1><p>Page not found.</p>", true},
        SoftCase{"ShortPageWeakWordingWithPage", "Example",
                 "<p>The page you asked for does not exist.</p>", true},
        SoftCase{"ArticleAboutNotFound", "Why not found errors matter", LongText(50), false},
        SoftCase{"ArticleWithNumber404", "Apollo 404: the mission", LongText(50), false},
        SoftCase{"PaginatedListPage404", "Blog archive - Page 404", LongText(500), false},
        SoftCase{"TitleIsPage404Alone", "Page 404", LongText(500), false},
        SoftCase{"Title404Page", "404 Page | Example News", LongText(500), true},
        SoftCase{"LongPageMentioningIt", "A long read",
                 LongText(300) + "<p>The page not found error is common.</p>", false},
        SoftCase{"ShortPageWeakWordingNoPage", "Species",
                 "<p>This species does not exist in Europe.</p>", false},
        SoftCase{"NotFoundOnlyInScript", "Home", "<p>Welcome to our site.</p>", false},
        SoftCase{"PlainPage", "Council opens new library", LongText(200), false}),
    [](const ::testing::TestParamInfo<SoftCase>& info) { return info.param.name; });

// Tags in any case; the page is scanned without a lower-cased copy.
TEST(SoftNotFoundTest, TagsInUpperCase) {
  std::string title_page = "<HTML><HEAD><TITLE>Page Not Found</TITLE></HEAD><BODY>" + LongText(500) + "</BODY></HTML>";
  ASSERT_TRUE(ClassifyPage(Page(200, title_page)).has_value());
  EXPECT_EQ(HtmlTitle(title_page), "Page Not Found");
  std::string short_page = "<HTML><HEAD><Title>Example</Title><SCRIPT>var a = 1;</SCRIPT></HEAD>"
                           "<BODY><H1>Oops!</H1><P>Page NOT found.</P></BODY></HTML>";
  std::optional<PageVerdict> verdict = ClassifyPage(Page(200, short_page));
  ASSERT_TRUE(verdict.has_value());
  EXPECT_NE(verdict->error.find("page not found"), std::string::npos) << verdict->error;
  // Words inside an upper-case script do not count.
  std::string scripted = "<HTML><HEAD><TITLE>Home</TITLE></HEAD><BODY><SCRIPT>page not found</SCRIPT>"
                         "<P>Welcome to our site.</P></BODY></HTML>";
  EXPECT_FALSE(ClassifyPage(Page(200, scripted)).has_value());
}

TEST(SoftNotFoundTest, DeepUrlRedirectedToSiteRoot) {
  PageSignals page = Page(200, Html("Example", LongText(300)), "https://example.org/2019/05/story.html",
                          "https://www.example.org/");
  std::optional<PageVerdict> verdict = ClassifyPage(page);
  ASSERT_TRUE(verdict.has_value());
  EXPECT_EQ(verdict->status, LinkStatus::kBroken);
  EXPECT_EQ(verdict->error, "soft 404: redirected to the site root https://www.example.org/");
}

TEST(SoftNotFoundTest, RootRedirectsThatAreFine) {
  std::string html = Html("Example", LongText(300));
  // The home page itself, under another name.
  EXPECT_FALSE(ClassifyPage(Page(200, html, "https://example.org/index.html", "https://example.org/")));
  // Another site's root (a shortener, a moved domain) is not this site's root.
  EXPECT_FALSE(ClassifyPage(Page(200, html, "https://sho.rt/abc", "https://example.org/")));
  // The root with a query is a page of its own.
  EXPECT_FALSE(ClassifyPage(Page(200, html, "https://example.org/p/1", "https://example.org/?p=1")));
  // Not redirected at all.
  EXPECT_FALSE(ClassifyPage(Page(200, html, "https://example.org/", "https://example.org/")));
}

TEST(SoftNotFoundTest, OnlyForSuccessfulHtml) {
  EXPECT_FALSE(SoftNotFoundReason(Page(404, Html("Page not found", ""))));
  PageSignals text = Page(200, "Page not found");
  text.content_type = "text/plain";
  EXPECT_FALSE(SoftNotFoundReason(text));
}

struct BlockCase {
  std::string name;
  long status;
  std::string body;
  std::string server;
  std::string cf_mitigated;
  std::string reason;  // empty: not a block
};

class BotBlockTest : public ::testing::TestWithParam<BlockCase> {};

TEST_P(BotBlockTest, Judges) {
  const BlockCase& c = GetParam();
  PageSignals page = Page(c.status, c.body);
  page.server = c.server;
  page.cf_mitigated = c.cf_mitigated;
  std::optional<PageVerdict> verdict = ClassifyPage(page);
  if (c.reason.empty()) {
    EXPECT_FALSE(verdict.has_value()) << verdict->error;
  } else {
    ASSERT_TRUE(verdict.has_value());
    EXPECT_EQ(verdict->status, LinkStatus::kBlocked);
    EXPECT_EQ(verdict->error, c.reason);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BotBlockTest,
    ::testing::Values(
        BlockCase{"CloudflareHeader", 403, "", "cloudflare", "challenge", "bot challenge (Cloudflare)"},
        BlockCase{"CloudflareJustAMoment", 503, Html("Just a moment...", "<p>Checking</p>"), "", "",
                  "bot challenge (Cloudflare)"},
        BlockCase{"CloudflareChlScript", 403, "<script src='/cdn-cgi/challenge-platform/h/b/cf-chl'></script>",
                  "", "", "bot challenge (Cloudflare)"},
        BlockCase{"CloudflareAttention", 403, Html("Attention Required! | Cloudflare", ""), "", "",
                  "bot challenge (Cloudflare)"},
        BlockCase{"Cloudflare1020", 403, "error code: 1020", "cloudflare", "",
                  "bot block (Cloudflare firewall, error 1020)"},
        BlockCase{"DdosGuard", 403, "", "ddos-guard", "", "bot challenge (DDoS-Guard)"},
        BlockCase{"Akamai", 403,
                  Html("Access Denied", "You don't have permission. Reference #18.2a1c1702.1700000000.5e6b"),
                  "AkamaiGHost", "", "bot block (Akamai)"},
        BlockCase{"Captcha", 429, Html("Verify", "<div class='g-recaptcha'></div>"), "", "",
                  "bot challenge (CAPTCHA)"},
        BlockCase{"AccessDenied", 403, Html("Access denied", ""), "nginx", "",
                  "access denied (bot block, HTTP 403)"},
        BlockCase{"Plain403", 403, Html("Forbidden", "<h1>403 Forbidden</h1>"), "nginx", "", ""},
        BlockCase{"Plain503", 503, Html("Maintenance", "Back soon"), "", "", ""},
        BlockCase{"CaptchaWordOn404IsStillBroken", 404, "captcha", "", "", ""},
        BlockCase{"Unauthorized", 401, "", "", "", "login required (HTTP 401)"}),
    [](const ::testing::TestParamInfo<BlockCase>& info) { return info.param.name; });

TEST(LoginWallTest, RedirectToLoginPageIsBlocked) {
  PageSignals page = Page(200, Html("Sign in", LongText(10)), "https://example.org/reports/q3",
                          "https://example.org/accounts/login?next=/reports/q3");
  std::optional<PageVerdict> verdict = ClassifyPage(page);
  ASSERT_TRUE(verdict.has_value());
  EXPECT_EQ(verdict->status, LinkStatus::kBlocked);
  EXPECT_EQ(verdict->error, "login wall: redirected to https://example.org/accounts/login");
  page.final_url = "https://example.org/login.php";
  EXPECT_TRUE(LoginWallReason(page).has_value());
}

TEST(LoginWallTest, CitedLoginPageOrSimilarWordsAreFine) {
  std::string html = Html("Sign in", LongText(200));
  EXPECT_FALSE(ClassifyPage(Page(200, html, "https://example.org/login", "https://example.org/login/")));
  EXPECT_FALSE(ClassifyPage(Page(200, html, "https://example.org/a", "https://example.org/blog/logins-explained")));
}

TEST(HtmlTitleTest, Reads) {
  EXPECT_EQ(HtmlTitle("<html><head><TITLE lang=en>\n  Page &amp; more\n</TITLE>"), "Page more");
  EXPECT_EQ(HtmlTitle("<p>no title</p>"), "");
  EXPECT_EQ(HtmlTitle("<title>unclosed"), "");
}

}  // namespace
}  // namespace citecheck
