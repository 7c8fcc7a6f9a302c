// Random histories of 100 articles over a real SQLite store, for the tests
// that compare a fast reading of the store with the straightforward one:
// articles left out of runs, an interrupted run, links that break, recover
// and change text, unresolved markers, unusable URLs, references without
// URL, repeated quotes, pending verdicts, quotes held only by an archived
// copy, accepted, rejected and stale reviews. Header-only; tests/report only.
#ifndef CITECHECK_TESTS_REPORT_RANDOM_HISTORY_H_
#define CITECHECK_TESTS_REPORT_RANDOM_HISTORY_H_

#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "history/changes.h"
#include "report/latest_changes.h"
#include "review/review.h"
#include "store/registry_types.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace citecheck::testing {

// Enough that a run holds more than run_pair_scan.cc's "few" articles (64) and
// the older groups fewer: both ways of reading fetches are compared.
constexpr int kArticles = 100;
constexpr int kUrls = 12;
constexpr int kRuns = 6;

inline std::string Url(int u) { return "http://example.org/page" + std::to_string(u); }

// The reading LatestWithChanges replaces, worked out live for every
// article (never from stored changes): its latest run in full, the run
// before it in full, DiffArticles, BrokenLinks, ApplyReviews.
inline RunRecord Reference(Store& store) {
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
        if (v.status == QuoteStatus::kVerified) {  // on the live page, or only in an archived copy
          v.evidence.emplace();
          v.evidence->citation_id = std::to_string(q + 1);
          v.evidence->matched = v.evidence->snippet = "quote";
          if (Pick(3) == 0) {
            v.evidence->archived = true;
            v.evidence->archive_url = "http://archive.test/web/2019id_/" + Url(q);
            v.evidence->archive_datetime = "2019-05-0" + std::to_string(1 + Pick(3)) + "T00:00:00Z";
            v.reason = "the page changed since 2019-05-01";
          }
        }
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

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_REPORT_RANDOM_HISTORY_H_
