// Every format shows each item's key and the review beside the verdict
// (docs/review.md "In reports"), and leaves an accepted item out of its
// problems; the HTML report links evidence to the page at the quote.
#include <gtest/gtest.h>

#include "report/report.h"
#include "report/stored_fixture.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

class ReviewInEveryFormat : public ::testing::Test {
 protected:
  void SetUp() override { run_ = ::citecheck::testing::StoredFixtureRun(dir_.File("r.db")); }
  std::string Render(const char* format) const { return MakeFormatter(format, {})->Render(run_); }
  const QuoteRecord& Near() const { return run_.articles[0].quotes[1]; }

  ::citecheck::testing::TempDir dir_;
  RunRecord run_;
};

TEST_F(ReviewInEveryFormat, TheFixtureHasKeysAndAnAcceptedNearMatch) {
  ASSERT_EQ(Near().verdict.status, QuoteStatus::kNearMatch);
  ASSERT_TRUE(Near().review);
  EXPECT_EQ(Near().review->state, ReviewState::kAccepted);
  for (const QuoteRecord& q : run_.articles[0].quotes) EXPECT_FALSE(q.key.empty());
  for (const CitationRecord& c : run_.articles[0].citations) EXPECT_FALSE(c.key.empty());
}

TEST_F(ReviewInEveryFormat, EveryFormatShowsTheKeyAndTheReview) {
  for (const char* format : {"text", "json", "markdown", "html", "junit"}) {
    SCOPED_TRACE(format);
    const std::string out = Render(format);
    EXPECT_NE(out.find(Near().key), std::string::npos);
    EXPECT_NE(out.find(run_.articles[0].citations[0].key), std::string::npos);
    EXPECT_NE(out.find("accepted"), std::string::npos);
    EXPECT_NE(out.find("reviewer"), std::string::npos);
    if (std::string(format) != "text" && std::string(format) != "json") {
      EXPECT_EQ(out.find("<b>blog</b>"), std::string::npos) << "the note must be escaped";
    }
  }
}

TEST_F(ReviewInEveryFormat, AnAcceptedItemLeavesTheProblems) {
  const std::string html = Render("html");
  const size_t entry = html.find("data-key=\"" + Near().key + "\"");
  ASSERT_NE(entry, std::string::npos);
  const size_t open = html.rfind("<li class=\"", entry);
  EXPECT_EQ(html.substr(open, entry - open).find("problem"), std::string::npos) << html.substr(open, entry - open);
  const std::string junit = Render("junit");
  const size_t key = junit.find(Near().key);
  const size_t next = junit.find("</testcase>", key);
  EXPECT_EQ(junit.substr(key, next - key).find("<failure"), std::string::npos);
  EXPECT_NE(junit.substr(key, next - key).find("<skipped"), std::string::npos);
}

TEST_F(ReviewInEveryFormat, HtmlEvidenceOpensThePageAtTheQuote) {
  const std::string html = Render("html");
  EXPECT_NE(html.find("href=\"https://herald.example/reopening#:~:text="), std::string::npos);
  // Citation [3]'s evidence is on page 2 of a PDF (tests/report/stored_fixture.h):
  // PDF viewers open at a page, not at a text fragment.
  EXPECT_NE(html.find("href=\"https://blog.example/facade?a=1&amp;b=&lt;2&gt;#page=2\""), std::string::npos) << html;
  EXPECT_NE(html.find("on PDF page 2"), std::string::npos);
}

}  // namespace
}  // namespace citecheck
