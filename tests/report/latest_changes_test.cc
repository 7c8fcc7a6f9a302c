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
#include "support/temp_dir.h"
#include "history/one_link_run.h"

namespace citecheck {
namespace {

using testing::TempDir;

// Enough that a run holds more than run_pair_scan.cc's "few" articles (64) and
// the older groups fewer: both ways of reading fetches are compared.
constexpr int kArticles = 100;
constexpr int kUrls = 12;
constexpr int kRuns = 6;

std::string Url(int u) { return "http://example.org/page" + std::to_string(u); }

// The reading LatestWithChanges replaces, worked out live for every
// article (never from stored changes): its latest run in full, the run
// before it in full, DiffArticles, BrokenLinks, ApplyReviews.
RunRecord Reference(Store& store) {
  RunRecord all;
  for (const RegisteredWithRun& row : store.ListRegisteredWithLatestRun(0, 0)) {
    if (!row.latest_run) continue;
    RunRecord latest = store.LoadRunArticle(row.latest_run->run_id, row.article.id);
    for (ArticleRecord& article : latest.articles) {
      std::vector<RunRef> older = store.RunsOfArticle(article.article_id, 1, latest.run_id);
      ArticleChanges changes;
      if (!older.empty()) {
        RunRecord previous = store.LoadRunArticle(older.front().run_id, article.article_id);
        changes = DiffArticles(&previous.articles.front(), article);
        changes.previous_run_id = older.front().run_id;
        changes.previous_checked_at = previous.articles.front().checked_at;
      }
      changes.broken_links = BrokenLinks(store, article, latest.run_id);
      article.changes = std::move(changes);
    }
    ApplyReviews(store, &latest);
    for (ArticleRecord& a : latest.articles) all.articles.push_back(std::move(a));
  }
  return all;
}

class History {
 public:
  explicit History(unsigned seed) : random_(seed), store_(Store::Open(dir_.File("h.db"))) {
    for (int a = 0; a < kArticles; ++a) {
      ids_.push_back(store_->RegisterArticle("/a" + std::to_string(a) + ".md", "a" + std::to_string(a) + ".md",
                                             kArticleKindFile));
    }
  }
  Store& store() { return *store_; }
  const std::vector<int64_t>& ids() const { return ids_; }

  // A run over most articles; `interrupted`: some URLs never fetched;
  // `store_changes`: its changes stored as a run's end stores them.
  void Run(bool interrupted, bool store_changes) {
    const int64_t run = store_->BeginRun("run");
    for (int a = 0; a < kArticles; ++a) {
      if (Pick(5) == 0) continue;  // this run leaves the article out
      store_->SaveArticle(run, ids_[a], MakeArticle(a));
    }
    for (int u = 0; u < kUrls; ++u) {
      if (interrupted && Pick(3) == 0) continue;
      FetchResult f;
      f.url = f.final_url = Url(u);
      const int fate = Pick(10);
      f.status = fate < 6 ? LinkStatus::kOk : fate < 8 ? LinkStatus::kBroken : LinkStatus::kTimeout;
      f.http_status = f.status == LinkStatus::kOk ? 200 : f.status == LinkStatus::kBroken ? 404 : 0;
      if (f.status != LinkStatus::kOk) f.error = f.status == LinkStatus::kBroken ? "HTTP 404" : "timed out";
      std::optional<PageText> page;
      if (f.status == LinkStatus::kOk) {
        page.emplace();
        page->text = "the text of page " + std::to_string(u) + " version " + std::to_string(Pick(2));
      }
      store_->SaveFetch(run, f, page, "en");
    }
    for (int a = 0; a < kArticles; ++a) {
      for (int q = 0; q < 5; ++q) {
        if (Pick(6) == 0) continue;  // still pending
        Verdict v;
        const int s = Pick(4);
        v.status = s == 0 ? QuoteStatus::kNotFound : s == 1 ? QuoteStatus::kUnverifiable : QuoteStatus::kVerified;
        if (v.status == QuoteStatus::kUnverifiable) v.reason = "the page could not be fetched";
        try {
          store_->SaveVerdict(run, ids_[a], q, v);
        } catch (const StoreError&) {
          // the article is not in this run
        }
      }
    }
    store_->FinishRun(run, interrupted ? RunState::kInterrupted : RunState::kDone);
    if (store_changes) StoreChangesOfRun(*store_, run);
    last_run_ = run;
  }
  int64_t last_run() const { return last_run_; }

  // Reviews on some items of the latest runs: accepted (stale once the
  // page or quote changes) and rejected.
  void Review() {
    RunRecord now = Reference(*store_);
    for (const ArticleRecord& article : now.articles) {
      for (const QuoteRecord& q : article.quotes) {
        if (Pick(4) != 0) continue;
        ReviewRequest r;
        r.key = q.key;
        r.state = Pick(3) == 0 ? ReviewState::kRejected : ReviewState::kAccepted;
        r.by = "alice";
        r.article_id = article.article_id;
        ASSERT_EQ(RecordReview(*store_, r).status, ReviewOutcome::Status::kRecorded);
      }
      for (const CitationRecord& c : article.citations) {
        if (Pick(6) != 0 || c.key.empty()) continue;
        ReviewRequest r;
        r.key = c.key;
        r.by = "bob";
        r.article_id = article.article_id;
        ASSERT_EQ(RecordReview(*store_, r).status, ReviewOutcome::Status::kRecorded);
      }
    }
  }

 private:
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }

  Article MakeArticle(int a) {
    Article article;
    article.source = "a" + std::to_string(a) + ".md";
    for (int c = 0; c < 6; ++c) {
      Citation citation;
      citation.id = std::to_string(c + 1);
      citation.line = 10 + c;
      const int kind = Pick(12);
      if (kind == 0) {
        citation.url = citation.normalized_url = "";  // unresolved marker
      } else if (kind == 1) {
        citation.url = "javascript:void(0)";
        citation.url_error = "not an http(s) URL";
      } else if (kind == 2) {
        citation.no_url = true;
      } else {
        citation.url = citation.normalized_url = Url((a + c * 5 + Pick(2)) % kUrls);
      }
      article.citations.push_back(citation);
    }
    for (int q = 0; q < 5; ++q) {
      // Texts repeat within an article (q 3 and 4 share one) and change now and then.
      const int text = q == 4 ? 3 : q;
      article.quotes.push_back({"quote " + std::to_string(text) + (Pick(8) == 0 ? " edited" : ""), 20 + q, 3,
                                {std::to_string(q + 1)}, false, ""});
    }
    return article;
  }

  TempDir dir_;
  std::mt19937 random_;
  std::unique_ptr<Store> store_;
  std::vector<int64_t> ids_;
  int64_t last_run_ = 0;
};

// How often each kind of change came up, so the comparison is known to
// cover them all.
struct Seen {
  size_t broken = 0, recovered = 0, pages = 0, quotes = 0, streaks = 0, stale = 0, reviews = 0;
};

void ExpectSameChanges(Store& store, Seen* seen) {
  const RunRecord expected = Reference(store);
  for (const ArticleRecord& e : expected.articles) {
    if (!e.changes) continue;
    seen->broken += e.changes->links_newly_broken.size();
    seen->recovered += e.changes->links_recovered.size();
    seen->pages += e.changes->pages_changed.size();
    seen->quotes += e.changes->quotes_no_longer_verified.size() + e.changes->quotes_newly_verified.size();
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
