// The HTML report's history section (ArticleRecord::changes, issue 5) and
// archived evidence (issue 15).
#include "report/html_formatter.h"

#include <gtest/gtest.h>

#include "report/sample_run.h"

namespace citecheck {
namespace {

TEST(HtmlFormatterTest, ShowsChangesFirstAndBrokenSinceWhenHistoryIsAttached) {
  RunRecord run = testing::SampleRun();
  ArticleChanges changes;
  changes.previous_run_id = 6;
  changes.previous_checked_at = "2026-11-25T03:00:00Z";
  changes.links_newly_broken = {{"2", "https://example.org/b", LinkStatus::kOk, LinkStatus::kBroken, "<b>404</b>"}};
  changes.broken_links = {{"2", "https://example.org/b", LinkStatus::kBroken, "2026-11-25T03:00:00Z", 2}};
  run.articles[0].changes = changes;
  const std::string html = HtmlFormatter().Render(run);
  const size_t section = html.find("Since the previous run (2026-11-25T03:00:00Z)");
  ASSERT_NE(section, std::string::npos);
  EXPECT_LT(section, html.find("class=\"entries\""));
  EXPECT_NE(html.find("newly broken: ok → broken — &lt;b&gt;404&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("not ok since 2026-11-25T03:00:00Z (2 runs)"), std::string::npos);
  EXPECT_EQ(HtmlFormatter().Render(testing::SampleRun()).find("Since the previous run"), std::string::npos);
}

// A quote the live page lost but its archived copy holds: the evidence names
// the copy with its date and links to it, the reason is a notice, and the
// "open at the quote" link opens the copy, not the live page.
TEST(HtmlFormatterTest, ArchivedEvidenceNamesTheCopyItsDateAndLinksToIt) {
  RunRecord run = testing::SampleRun();
  QuoteRecord& q = run.articles[0].quotes[0];
  q.verdict.reason = "the page changed since 2019-05-03";
  q.verdict.evidence->archived = true;
  q.verdict.evidence->archive_url = "http://archive.test/web/20190503120000id_/https://example.org/a?x=1&y=<2>";
  q.verdict.evidence->archive_datetime = "2019-05-03T12:00:00Z";
  const std::string html = HtmlFormatter().Render(run);
  const std::string copy = "http://archive.test/web/20190503120000id_/https://example.org/a?x=1&amp;y=&lt;2&gt;";
  EXPECT_NE(html.find("<a href=\"" + copy + "\" rel=\"noopener noreferrer\">the archived copy of 2019-05-03</a> of "
                      "page [1] says"),
            std::string::npos);
  EXPECT_NE(html.find("<div class=\"evidence archived\">"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"reason notice\">the page changed since 2019-05-03</p>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"" + copy + "#:~:text="), std::string::npos);
  EXPECT_NE(html.find("open the archived copy at the quote"), std::string::npos);
  EXPECT_EQ(html.find("https://example.org/a#:~:text="), std::string::npos);
  EXPECT_EQ(html.find("y=<2>"), std::string::npos);

  // Live evidence keeps its plain wording and opens the live page.
  const std::string live = HtmlFormatter().Render(testing::SampleRun());
  EXPECT_NE(live.find("page [1] says (at character 1234)"), std::string::npos);
  EXPECT_NE(live.find("https://example.org/a#:~:text="), std::string::npos);
  EXPECT_EQ(live.find("archived copy"), std::string::npos);
}

// A PDF found only in its archived copy opens at the page, in the copy.
TEST(HtmlFormatterTest, ArchivedPdfEvidenceOpensTheCopyAtThePage) {
  RunRecord run = testing::SampleRun();
  Evidence& e = *run.articles[0].quotes[0].verdict.evidence;
  e.page = 3;
  e.archived = true;
  e.archive_url = "http://archive.test/web/2019id_/https://example.org/a.pdf";
  e.archive_datetime = "2019-05-03T12:00:00Z";
  const std::string html = HtmlFormatter().Render(run);
  EXPECT_NE(html.find("of page [1] says on PDF page 3"), std::string::npos);
  EXPECT_NE(html.find("href=\"http://archive.test/web/2019id_/https://example.org/a.pdf#page=3\""), std::string::npos);
  EXPECT_NE(html.find("open the PDF at page 3 of the archived copy"), std::string::npos);
}

}  // namespace
}  // namespace citecheck
