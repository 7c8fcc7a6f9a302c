// The HTML report's history section (ArticleRecord::changes, issue 5).
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

}  // namespace
}  // namespace citecheck
