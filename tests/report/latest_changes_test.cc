// report --changes over every article (LatestWithChanges) against the
// straightforward reading it replaces: each article's latest run loaded in
// full, AttachChanges, ApplyReviews. Random histories over a real SQLite
// store: articles left out of runs, an interrupted run, links that break,
// recover and change text, unresolved markers, unusable URLs, references
// without URL, repeated quotes, pending verdicts, accepted, rejected and
// stale reviews.
#include "report/latest_changes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "history/changes.h"
#include "report/changes_section.h"
#include "report/report.h"
#include "review/review.h"
#include "store/registry_types.h"
#include "history/one_link_run.h"
#include "report/random_history.h"

namespace citecheck {
namespace {

using testing::History;
using testing::kRuns;
using testing::TempDir;
using testing::Reference;

// How often each kind of change came up, so the comparison is known to
// cover them all.
struct Seen {
  size_t broken = 0, recovered = 0, pages = 0, quotes = 0, moved = 0, streaks = 0, stale = 0, reviews = 0;
};

void ExpectSameChanges(Store& store, Seen* seen) {
  const RunRecord expected = Reference(store);
  for (const ArticleRecord& e : expected.articles) {
    if (!e.changes) continue;
    seen->broken += e.changes->links_newly_broken.size();
    seen->recovered += e.changes->links_recovered.size();
    seen->pages += e.changes->pages_changed.size();
    seen->quotes += e.changes->quotes_no_longer_verified.size() + e.changes->quotes_newly_verified.size();
    seen->moved += e.changes->quotes_moved_to_archive.size();
    for (const BrokenLink& b : e.changes->broken_links) seen->streaks += b.consecutive_runs > 1;
    seen->stale += e.changes->stale_reviews.size();
    for (const QuoteRecord& q : e.quotes) seen->reviews += q.review.has_value();
  }
  const LatestChanges latest = LatestWithChanges(store);
  const RunRecord& actual = latest.run;
  ASSERT_EQ(actual.articles.size(), expected.articles.size());
  for (size_t i = 0; i < expected.articles.size(); ++i) {
    const ArticleRecord& e = expected.articles[i];
    const ArticleRecord& a = actual.articles[i];
    ASSERT_EQ(a.article_id, e.article_id);
    EXPECT_EQ(a.source, e.source);
    EXPECT_EQ(a.checked_at, e.checked_at);
    ASSERT_EQ(a.changes.has_value(), e.changes.has_value()) << e.source;
    if (e.changes) {
      EXPECT_EQ(ChangesJson(*a.changes).dump(1), ChangesJson(*e.changes).dump(1)) << e.source;
    }
    EXPECT_TRUE(a.citations.empty() && a.quotes.empty());
  }
  EXPECT_EQ(latest.exit_code, ExitCodeFor(expected));
}

TEST(LatestChangesTest, SameChangesAndExitCodesAsReadingEveryRunInFull) {
  Seen seen;
  for (unsigned seed = 1; seed <= 12; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    History history(seed);
    ExpectSameChanges(history.store(), &seen);  // nothing checked yet
    for (int r = 0; r < kRuns; ++r) {
      // Stored changes for some runs, worked out when read for the others.
      history.Run(/*interrupted=*/r == 3, /*store_changes=*/(r + seed) % 2 == 0);
      if (r == 2) history.Review();
      ExpectSameChanges(history.store(), &seen);
      if (::testing::Test::HasFailure()) return;
    }
  }
  EXPECT_GT(seen.broken, 0u);
  EXPECT_GT(seen.recovered, 0u);
  EXPECT_GT(seen.pages, 0u);
  EXPECT_GT(seen.quotes, 0u);
  EXPECT_GT(seen.moved, 0u);
  EXPECT_GT(seen.streaks, 0u);
  EXPECT_GT(seen.stale, 0u);
  EXPECT_GT(seen.reviews, 0u);
}

TEST(LatestChangesTest, ARunsChangesAreStoredOnceAndForgottenWhenItResumes) {
  History history(3);
  history.Run(false, true);
  history.Run(false, true);
  Store& store = history.store();
  std::vector<int64_t> ids = store.ArticlesOfRun(history.last_run());
  std::sort(ids.begin(), ids.end());
  size_t read = 0;
  EXPECT_TRUE(store.ReadRunChanges(history.last_run(), ids, [&](ArticleRecord&, int) { ++read; }).empty());
  EXPECT_EQ(read, ids.size());
  store.ReopenRun(history.last_run());
  EXPECT_EQ(store.ReadRunChanges(history.last_run(), ids, [](ArticleRecord&, int) {}), ids);
}

TEST(LatestChangesTest, CoversRegisteredArticlesThatHaveRuns) {
  TempDir dir;
  auto store = Store::Open(dir.File("h.db"));
  const int64_t a = store->RegisterArticle("/a.md", "a.md", kArticleKindFile);
  const int64_t b = store->RegisterArticle("/b.md", "b.md", kArticleKindFile);
  testing::StoreOneLinkRun(*store, a, LinkStatus::kOk);
  testing::StoreOneLinkRun(*store, a, LinkStatus::kBroken);
  testing::StoreOneLinkRun(*store, b, LinkStatus::kOk);
  store->RegisterArticle("/never.md", "never.md", kArticleKindFile);  // no run yet: left out
  RunRecord all = LatestWithChanges(*store).run;
  ASSERT_EQ(all.articles.size(), 2u);
  EXPECT_EQ(all.articles[0].article_id, a);
  EXPECT_EQ(all.articles[0].changes->links_newly_broken.size(), 1u);
  EXPECT_EQ(all.articles[1].article_id, b);
  EXPECT_FALSE(all.articles[1].changes->HasChanges());
}

}  // namespace
}  // namespace citecheck
