#include "report/latest_changes.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "history/changes.h"
#include "report/summary.h"
#include "review/review.h"

namespace citecheck {
namespace {

// The articles whose latest run is `first` and whose run before it is
// `second` (0: none), ascending: one pass over both runs serves them all.
using RunPair = std::pair<int64_t, int64_t>;

// Only what fails the run stays (see the header).
void KeepProblems(ArticleRecord* article) {
  auto& citations = article->citations;
  citations.erase(std::remove_if(citations.begin(), citations.end(),
                                 [](const CitationRecord& c) { return !IsCitationProblem(c); }),
                  citations.end());
  auto& quotes = article->quotes;
  quotes.erase(std::remove_if(quotes.begin(), quotes.end(), [](const QuoteRecord& q) { return !IsQuoteProblem(q); }),
               quotes.end());
}

// The article as reported: its names and changes, and the items that fail
// the run (the scan reuses `scanned` for the next article).
ArticleRecord Reported(const ArticleRecord& scanned, ArticleChanges changes) {
  ArticleRecord out;
  out.article_id = scanned.article_id;
  out.source = scanned.source;
  out.title = scanned.title;
  out.checked_at = scanned.checked_at;
  out.changes = std::move(changes);
  for (const CitationRecord& c : scanned.citations) {
    if (IsCitationProblem(c)) out.citations.push_back(c);
  }
  for (const QuoteRecord& q : scanned.quotes) {
    if (IsQuoteProblem(q)) out.quotes.push_back(q);
  }
  return out;
}

// An article with reviews in force is read in full: its keys need every
// quote's citation ids, and few articles have reviews.
ArticleRecord ReviewedArticle(Store& store, int64_t run_id, int64_t article_id) {
  RunRecord run = store.LoadRunArticle(run_id, article_id);
  AttachChanges(store, &run);
  ApplyReviews(store, &run);
  return std::move(run.articles.front());
}

}  // namespace

RunRecord LatestWithChanges(Store& store) {
  RunRecord all;
  all.trigger = "changes";
  all.state = RunState::kDone;
  std::set<int64_t> reviewed;
  for (const ReviewRow& row : store.CurrentReviews(0)) reviewed.insert(row.article_id);

  std::map<RunPair, std::vector<int64_t>> groups;
  std::map<int64_t, size_t> slot;  // article id -> its place in all.articles
  for (const RegisteredWithRun& row : store.ListRegisteredWithLatestRun(0, 0)) {
    if (!row.latest_run) continue;
    const int64_t latest = row.latest_run->run_id;
    std::vector<RunRef> older = store.RunsOfArticle(row.article.id, 1, latest);
    groups[{latest, older.empty() ? 0 : older.front().run_id}].push_back(row.article.id);
    slot[row.article.id] = all.articles.size();
    all.articles.emplace_back();
    if (all.started_at.empty() || row.latest_run->started_at < all.started_at) {
      all.started_at = row.latest_run->started_at;
    }
  }

  std::vector<bool> filled(all.articles.size(), false);
  for (const auto& [runs, ids] : groups) {
    const auto [latest, previous] = runs;
    store.ScanRunPair(latest, previous, ids, [&](ArticleRecord& current, const ArticleRecord* before) {
      const size_t at = slot.at(current.article_id);
      filled[at] = true;
      // Read in full after the scan: the scan holds its read transaction.
      if (reviewed.count(current.article_id) > 0) return;
      ArticleChanges changes = DiffArticles(before, current);
      if (before != nullptr) {
        changes.previous_run_id = previous;
        changes.previous_checked_at = before->checked_at;
      }
      all.articles[at] = Reported(current, std::move(changes));
    });
    for (int64_t id : ids) {
      const size_t at = slot.at(id);
      if (!filled[at]) continue;
      if (reviewed.count(id) > 0) {
        all.articles[at] = ReviewedArticle(store, latest, id);
        KeepProblems(&all.articles[at]);
      } else {
        // Streaks read the link's history: after the scan, like the above.
        // The article's broken links are among the problems it kept.
        all.articles[at].changes->broken_links = BrokenLinks(store, all.articles[at], latest);
      }
    }
  }
  // A latest run that lost the article's row between the two reads (a
  // prune at the same moment) leaves nothing to report for it.
  size_t kept = 0;
  for (size_t i = 0; i < all.articles.size(); ++i) {
    if (!filled[i]) continue;
    if (kept != i) all.articles[kept] = std::move(all.articles[i]);
    ++kept;
  }
  all.articles.resize(kept);
  return all;
}

}  // namespace citecheck
