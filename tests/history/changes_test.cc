// What changed between two runs of an article, and broken-link streaks read
// from a real store.
#include "history/changes.h"

#include <gtest/gtest.h>

#include "history/one_link_run.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

using testing::TempDir;

CitationRecord Link(const std::string& id, const std::string& url, LinkStatus status,
                    const std::string& hash = "") {
  CitationRecord c;
  c.citation.id = id;
  c.citation.url = url;
  c.citation.normalized_url = url;
  c.link_status = status;
  c.content_hash = hash;
  c.http_status = status == LinkStatus::kOk ? 200 : 404;
  return c;
}

QuoteRecord QuoteWith(const std::string& text, QuoteStatus status, bool decided = true) {
  QuoteRecord q;
  q.quote.text = text;
  q.quote.line = 3;
  q.decided = decided;
  q.verdict.status = status;
  return q;
}

QuoteRecord HeldQuote(const std::string& text, QuoteStatus status, const std::string& archived_on) {
  QuoteRecord q = QuoteWith(text, status);
  q.verdict.evidence = Evidence{};
  q.verdict.evidence->citation_id = "1";
  q.verdict.evidence->archived = !archived_on.empty();
  q.verdict.evidence->archive_datetime = archived_on;
  return q;
}

// A quote the live page held last run and only an archived copy holds now
// is still verified, so neither "no longer" nor "newly" verified says it:
// quotes_moved_to_archive does, with the copy's date. Moving back to the
// live page, or staying in the copy, is not this change.
TEST(DiffArticlesTest, QuoteMovedFromTheLivePageToItsArchivedCopy) {
  ArticleRecord before;
  before.quotes = {HeldQuote("moved", QuoteStatus::kVerified, ""),
                   HeldQuote("near moved", QuoteStatus::kNearMatch, ""),
                   HeldQuote("stays live", QuoteStatus::kVerified, ""),
                   HeldQuote("stays archived", QuoteStatus::kVerified, "2019-01-01T00:00:00Z"),
                   HeldQuote("comes back live", QuoteStatus::kVerified, "2019-01-01T00:00:00Z"),
                   QuoteWith("was lost", QuoteStatus::kNotFound)};
  ArticleRecord after;
  after.quotes = {HeldQuote("moved", QuoteStatus::kVerified, "2019-05-03T12:00:00Z"),
                  HeldQuote("near moved", QuoteStatus::kNearMatch, "2019-05-04T00:00:00Z"),
                  HeldQuote("stays live", QuoteStatus::kVerified, ""),
                  HeldQuote("stays archived", QuoteStatus::kVerified, "2019-01-01T00:00:00Z"),
                  HeldQuote("comes back live", QuoteStatus::kVerified, ""),
                  HeldQuote("was lost", QuoteStatus::kVerified, "2019-01-01T00:00:00Z")};
  after.quotes[0].verdict.reason = "the page changed since 2019-05-03";
  const ArticleChanges c = DiffArticles(&before, after);
  ASSERT_EQ(c.quotes_moved_to_archive.size(), 2u);
  EXPECT_EQ(c.quotes_moved_to_archive[0].text, "moved");
  EXPECT_EQ(c.quotes_moved_to_archive[0].archive_datetime, "2019-05-03T12:00:00Z");
  EXPECT_EQ(c.quotes_moved_to_archive[0].reason, "the page changed since 2019-05-03");
  EXPECT_EQ(c.quotes_moved_to_archive[1].text, "near moved");
  EXPECT_EQ(c.quotes_moved_to_archive[1].after, QuoteStatus::kNearMatch);
  ASSERT_EQ(c.quotes_newly_verified.size(), 1u);  // "was lost" is newly verified, not moved
  EXPECT_EQ(c.quotes_newly_verified[0].text, "was lost");
  EXPECT_TRUE(c.quotes_no_longer_verified.empty());
  EXPECT_TRUE(c.HasChanges());
}

TEST(DiffArticlesTest, FirstRunHasNoChanges) {
  ArticleRecord current;
  current.citations = {Link("1", "http://a/", LinkStatus::kBroken)};
  ArticleChanges changes = DiffArticles(nullptr, current);
  EXPECT_FALSE(changes.HasChanges());
}

TEST(DiffArticlesTest, LinksQuotesAndPages) {
  ArticleRecord before;
  before.citations = {Link("1", "http://a/", LinkStatus::kOk, "h1"), Link("2", "http://b/", LinkStatus::kBroken),
                      Link("3", "http://c/", LinkStatus::kOk, "h3"), Link("4", "http://d/", LinkStatus::kOk, "h4")};
  before.quotes = {QuoteWith("stays verified", QuoteStatus::kVerified),
                   QuoteWith("was verified", QuoteStatus::kVerified),
                   QuoteWith("comes back", QuoteStatus::kNotFound),
                   QuoteWith("pending before", QuoteStatus::kVerified, false)};
  ArticleRecord after;
  // Renumbered citations are matched by URL.
  after.citations = {Link("9", "http://a/", LinkStatus::kBroken), Link("2", "http://b/", LinkStatus::kOk, "hb"),
                     Link("3", "http://c/", LinkStatus::kOk, "h3-new"), Link("4", "http://d/", LinkStatus::kOk, "h4"),
                     Link("5", "http://new/", LinkStatus::kBroken)};
  after.quotes = {QuoteWith("stays verified", QuoteStatus::kVerified),
                  QuoteWith("was verified", QuoteStatus::kNotFound),
                  QuoteWith("comes back", QuoteStatus::kVerified),
                  QuoteWith("pending before", QuoteStatus::kNotFound),
                  QuoteWith("brand new", QuoteStatus::kNotFound)};
  ArticleChanges c = DiffArticles(&before, after);
  ASSERT_EQ(c.links_newly_broken.size(), 1u);
  EXPECT_EQ(c.links_newly_broken[0].citation_id, "9");
  EXPECT_EQ(c.links_newly_broken[0].before, LinkStatus::kOk);
  ASSERT_EQ(c.links_recovered.size(), 1u);
  EXPECT_EQ(c.links_recovered[0].url, "http://b/");
  ASSERT_EQ(c.pages_changed.size(), 1u);  // same hash for d: unchanged
  EXPECT_EQ(c.pages_changed[0].url, "http://c/");
  ASSERT_EQ(c.quotes_no_longer_verified.size(), 1u);
  EXPECT_EQ(c.quotes_no_longer_verified[0].text, "was verified");
  EXPECT_EQ(c.quotes_no_longer_verified[0].after, QuoteStatus::kNotFound);
  ASSERT_EQ(c.quotes_newly_verified.size(), 1u);
  EXPECT_EQ(c.quotes_newly_verified[0].text, "comes back");
  EXPECT_TRUE(c.HasChanges());
}

TEST(DiffArticlesTest, LinksNotFetchedInAnInterruptedRunAreNotCompared) {
  ArticleRecord before;
  before.citations = {Link("1", "http://a/", LinkStatus::kOk)};
  ArticleRecord after;
  CitationRecord unfetched = Link("1", "http://a/", LinkStatus::kError);
  unfetched.http_status = 0;
  unfetched.error = "not fetched (run interrupted)";
  after.citations = {unfetched};
  EXPECT_FALSE(DiffArticles(&before, after).HasChanges());
}

TEST(AttachChangesTest, BrokenSinceAndConsecutiveRuns) {
  TempDir dir;
  auto store = Store::Open(dir.File("h.db"));
  const int64_t article = store->RegisterArticle("/a.md", "a.md", kArticleKindFile);
  testing::StoreOneLinkRun(*store, article, LinkStatus::kBroken);  // an old outage
  testing::StoreOneLinkRun(*store, article, LinkStatus::kOk);
  const int64_t first_broken = testing::StoreOneLinkRun(*store, article, LinkStatus::kBroken);
  testing::StoreOneLinkRun(*store, article, LinkStatus::kTimeout);
  const int64_t latest = testing::StoreOneLinkRun(*store, article, LinkStatus::kBroken);
  RunRecord run = store->LoadRun(latest);
  AttachChanges(*store, &run);
  ASSERT_TRUE(run.articles[0].changes);
  const ArticleChanges& c = *run.articles[0].changes;
  EXPECT_EQ(c.previous_run_id, latest - 1);
  EXPECT_FALSE(c.HasChanges());  // timeout -> broken: still not ok
  ASSERT_EQ(c.broken_links.size(), 1u);
  EXPECT_EQ(c.broken_links[0].consecutive_runs, 3);
  EXPECT_EQ(c.broken_links[0].since, store->FindRun(first_broken)->started_at);

  const int64_t recovered = testing::StoreOneLinkRun(*store, article, LinkStatus::kOk);
  RunRecord next = store->LoadRun(recovered);
  AttachChanges(*store, &next);
  ASSERT_EQ(next.articles[0].changes->links_recovered.size(), 1u);
  EXPECT_TRUE(next.articles[0].changes->broken_links.empty());
}

}  // namespace
}  // namespace citecheck
