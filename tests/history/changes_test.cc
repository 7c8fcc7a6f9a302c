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
