#include "report/latest_changes.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "history/changes.h"
#include "report/report.h"
#include "report/summary.h"
#include "review/review.h"

namespace citecheck {
namespace {

// An article's changes as worked out from its runs, with the items that
// fail the run (before reviews); the scan's record is reused for the next
// article, so what is kept is copied.
struct Worked {
  ArticleRecord article;  // names, changes, failing items
  int64_t previous_run_id = 0;
  bool previous_running = false;
};

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

// The changes of `ids` (ascending) in run `latest`, from that run and each
// article's previous run, each read once for all the articles that share
// them: a query per article costs seconds at ten thousand articles.
std::vector<Worked> WorkOut(Store& store, int64_t latest, const std::vector<int64_t>& ids) {
  std::map<int64_t, std::vector<int64_t>> by_previous;
  std::map<int64_t, bool> running;  // previous run -> still running
  for (int64_t id : ids) {
    std::vector<RunRef> older = store.RunsOfArticle(id, 1, latest);
    const int64_t previous = older.empty() ? 0 : older.front().run_id;
    by_previous[previous].push_back(id);
    if (!older.empty()) running[previous] = older.front().state == RunState::kRunning;
  }
  std::vector<Worked> worked;
  for (const auto& entry : by_previous) {
    // Not a structured binding: C++17 lambdas cannot capture one (clang).
    const int64_t previous = entry.first;
    const std::vector<int64_t>& group = entry.second;
    const size_t first = worked.size();
    store.ScanRunPair(latest, previous, group, [&](ArticleRecord& current, const ArticleRecord* before) {
      ArticleChanges changes = DiffArticles(before, current);
      if (before != nullptr) {
        changes.previous_run_id = previous;
        changes.previous_checked_at = before->checked_at;
      }
      worked.push_back({Reported(current, std::move(changes)), previous, running[previous]});
    });
    // Streaks read the links' history, which the scan's open read must not
    // interleave with; an article's broken links are among its failing items.
    for (size_t i = first; i < worked.size(); ++i) {
      worked[i].article.changes->broken_links = BrokenLinks(store, worked[i].article, latest);
    }
  }
  return worked;
}

// An article with reviews in force, read in full: its keys need every item.
ArticleRecord ReviewedArticle(Store& store, int64_t run_id, int64_t article_id, int* exit_code) {
  RunRecord run = store.LoadRunArticle(run_id, article_id);
  AttachChanges(store, &run);
  ApplyReviews(store, &run);
  *exit_code = ExitCodeFor(run);
  return std::move(run.articles.front());
}

}  // namespace

void StoreChangesOfRun(Store& store, int64_t run_id) {
  std::vector<int64_t> ids = store.ArticlesOfRun(run_id);
  std::sort(ids.begin(), ids.end());
  std::vector<Store::RunChanges> rows;
  for (Worked& w : WorkOut(store, run_id, ids)) {
    // Diffed against a run that is still being written: not final.
    if (w.previous_running) continue;
    const int problems = static_cast<int>(w.article.citations.size() + w.article.quotes.size());
    rows.push_back({w.article.article_id, w.previous_run_id, std::move(*w.article.changes), problems});
  }
  store.SaveRunChanges(run_id, rows);
}

LatestChanges LatestWithChanges(Store& store) {
  LatestChanges result;
  RunRecord& all = result.run;
  all.trigger = "changes";
  all.state = RunState::kDone;
  std::set<int64_t> reviewed;
  for (const ReviewRow& row : store.CurrentReviews(0)) reviewed.insert(row.article_id);

  std::map<int64_t, std::vector<int64_t>> by_latest;  // run -> its articles (ascending), unreviewed
  std::map<int64_t, size_t> slot;                     // article id -> its place in all.articles
  std::vector<std::pair<int64_t, int64_t>> reviewed_latest;
  for (const RegisteredWithRun& row : store.ListRegisteredWithLatestRun(0, 0)) {
    if (!row.latest_run) continue;
    const int64_t id = row.article.id;
    slot[id] = all.articles.size();
    all.articles.emplace_back();
    if (reviewed.count(id) > 0) {
      reviewed_latest.emplace_back(row.latest_run->run_id, id);
    } else {
      by_latest[row.latest_run->run_id].push_back(id);
    }
    if (all.started_at.empty() || row.latest_run->started_at < all.started_at) {
      all.started_at = row.latest_run->started_at;
    }
  }

  std::vector<bool> filled(all.articles.size(), false);
  auto place = [&](ArticleRecord&& article, bool failing) {
    const size_t at = slot.at(article.article_id);
    article.citations.clear();
    article.quotes.clear();
    all.articles[at] = std::move(article);
    filled[at] = true;
    if (failing) result.exit_code = 1;
  };
  for (const auto& [latest, ids] : by_latest) {
    std::vector<int64_t> missing = store.ReadRunChanges(
        latest, ids, [&](ArticleRecord& article, int problems) { place(std::move(article), problems > 0); });
    for (Worked& w : WorkOut(store, latest, missing)) {
      const bool failing = !w.article.citations.empty() || !w.article.quotes.empty();
      place(std::move(w.article), failing);
    }
  }
  for (const auto& [latest, id] : reviewed_latest) {
    int exit_code = 0;
    ArticleRecord article = ReviewedArticle(store, latest, id, &exit_code);
    place(std::move(article), exit_code != 0);
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
  return result;
}

}  // namespace citecheck
