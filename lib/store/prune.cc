// Retention (docs/storage.md "Retention"): deletes each article's runs beyond
// the newest N in short transactions, summarizing the "broken since" streaks
// they carried first, then whole runs no article keeps, then page texts no
// fetch references; the space is reclaimed by incremental vacuum
// (prune_reclaim.cc). Every transaction leaves a consistent database, so a
// prune killed at any point is finished by the next one.
#include <set>

#include "core/status.h"
#include "store/codec.h"
#include "store/prune_internal.h"
#include "store/store.h"
#include "store/sql_text.h"
#include "store/store_impl.h"

namespace citecheck {
namespace {

using store_internal::Pace;
using store_internal::SqlLiteral;

// Bounds on one write transaction, so that a run saving its results meanwhile
// waits milliseconds, not seconds, for the lock.
constexpr size_t kArticleRunsPerTransaction = 50;
constexpr int64_t kRowsPerTransaction = 4000;
constexpr int64_t kPageBytesPerTransaction = 8 << 20;
constexpr int kPagesPerTransaction = 500;

struct ArticleRun {
  int64_t run_id = 0;
  int64_t article_id = 0;
};

std::string FinishedRuns() {
  return "(" + SqlLiteral(RunState::kDone) + ", " + SqlLiteral(RunState::kFailed) + ")";
}
std::string LiveJobs() { return "(" + SqlLiteral(JobState::kQueued) + ", " + SqlLiteral(JobState::kRunning) + ")"; }
std::string FinishedJobs() { return "(" + SqlLiteral(JobState::kDone) + ", " + SqlLiteral(JobState::kFailed) + ")"; }

// Each article's runs beyond its newest `keep`, oldest first, that may go:
// finished (done or failed: never running or interrupted, which may be
// resumed) and not the run of a job that will resume it.
std::vector<ArticleRun> PrunableArticleRuns(sql::Connection& db, int keep) {
  sql::Statement select(
      db,
      "SELECT ra.run_id, ra.article_id FROM (SELECT run_id, article_id, ROW_NUMBER() OVER "
      "(PARTITION BY article_id ORDER BY run_id DESC) AS rank FROM run_articles) ra "
      "JOIN runs r ON r.id = ra.run_id WHERE ra.rank > ?1 AND r.state IN " + FinishedRuns() +
          " AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.run_id = r.id AND j.state IN " + LiveJobs() +
          ") ORDER BY ra.run_id, ra.article_id");
  select.bind(1, keep);
  std::vector<ArticleRun> runs;
  while (select.executeStep()) runs.push_back({select.getColumn(0).getInt64(), select.getColumn(1).getInt64()});
  return runs;
}

// Finished runs without an article (left so by a prune, or whose every
// article failed to read), but never the newest run: `citecheck report`
// shows it.
std::vector<int64_t> EmptyRuns(sql::Connection& db) {
  sql::Statement select(db, "SELECT r.id FROM runs r WHERE r.state IN " + FinishedRuns() +
                                   " AND r.id < (SELECT MAX(id) FROM runs)"
                                   " AND NOT EXISTS (SELECT 1 FROM run_articles ra WHERE ra.run_id = r.id)"
                                   " AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.run_id = r.id AND j.state IN " +
                                   LiveJobs() + ") ORDER BY r.id");
  std::vector<int64_t> ids;
  while (select.executeStep()) ids.push_back(select.getColumn(0).getInt64());
  return ids;
}

// Steps a bound count(*) query once.
int64_t Count(sql::Statement& statement) {
  const int64_t count = statement.executeStep() ? statement.getColumn(0).getInt64() : 0;
  statement.reset();
  return count;
}

// A run of another process in progress may be about to store a fetch that
// reuses a page text it looked up: page texts wait for the next prune.
bool RunInProgress(sql::Connection& db) {
  sql::Statement select(db, "SELECT pid FROM runs WHERE state = " + SqlLiteral(RunState::kRunning));
  while (select.executeStep()) {
    if (ProcessAlive(select.getColumn(0).getInt64())) return true;
  }
  return false;
}

// Folds the article's runs up to `run_id` into its streak summaries
// (pruned_streaks), the way history/changes.cc counts a streak: a run that
// fetched the link not ok extends it, ok ends it, unfetched says nothing.
class StreakFolder {
 public:
  explicit StreakFolder(sql::Connection& db)
      : mark_(db, "SELECT through_run_id FROM pruned_marks WHERE article_id = ?1"),
        runs_(db, "SELECT ra.run_id, r.started_at FROM run_articles ra JOIN runs r ON r.id = ra.run_id "
                  "WHERE ra.article_id = ?1 AND ra.run_id > ?2 AND ra.run_id <= ?3 ORDER BY ra.run_id"),
        links_(db, "SELECT c.normalized_url, f.link_status FROM citations c LEFT JOIN fetches f "
                   "ON f.run_id = c.run_id AND f.url = c.normalized_url "
                   "WHERE c.run_id = ?1 AND c.article_id = ?2 AND c.normalized_url <> ''"),
        extend_(db, "INSERT INTO pruned_streaks (article_id, normalized_url, broken_runs, since) "
                    "VALUES (?1, ?2, 1, ?3) ON CONFLICT (article_id, normalized_url) "
                    "DO UPDATE SET broken_runs = broken_runs + 1"),
        end_(db, "DELETE FROM pruned_streaks WHERE article_id = ?1 AND normalized_url = ?2"),
        set_mark_(db, "INSERT INTO pruned_marks (article_id, through_run_id) VALUES (?1, ?2) "
                      "ON CONFLICT (article_id) DO UPDATE SET through_run_id = excluded.through_run_id"),
        streak_urls_(db, "SELECT normalized_url FROM pruned_streaks WHERE article_id = ?1"),
        first_kept_fetch_(db, "SELECT f.link_status FROM citations c JOIN fetches f "
                              "ON f.run_id = c.run_id AND f.url = c.normalized_url "
                              "WHERE c.article_id = ?1 AND c.normalized_url = ?2 AND c.run_id > ?3 "
                              "ORDER BY c.run_id LIMIT 1") {}

  void FoldThrough(int64_t article_id, int64_t run_id) {
    SqlStore::Impl::Fresh(mark_).bind(1, article_id);
    const int64_t through = mark_.executeStep() ? mark_.getColumn(0).getInt64() : 0;
    mark_.reset();
    if (run_id <= through) return;
    std::vector<std::pair<int64_t, std::string>> runs;
    SqlStore::Impl::Fresh(runs_);
    runs_.bind(1, article_id);
    runs_.bind(2, through);
    runs_.bind(3, run_id);
    while (runs_.executeStep()) runs.emplace_back(runs_.getColumn(0).getInt64(), runs_.getColumn(1).getString());
    for (const auto& [id, started_at] : runs) FoldRun(article_id, id, started_at);
    SqlStore::Impl::Fresh(set_mark_);
    set_mark_.bind(1, article_id);
    set_mark_.bind(2, run_id);
    set_mark_.exec();
    DropUnreadStreaks(article_id, run_id);
  }

 private:
  void FoldRun(int64_t article_id, int64_t run_id, const std::string& started_at) {
    std::vector<std::pair<std::string, bool>> links;  // URL, ok
    std::set<std::string> seen;
    SqlStore::Impl::Fresh(links_);
    links_.bind(1, run_id);
    links_.bind(2, article_id);
    while (links_.executeStep()) {
      std::string url = links_.getColumn(0).getString();
      if (links_.getColumn(1).isNull() || !seen.insert(url).second) continue;  // not fetched, or seen
      const LinkStatus status = ParseLinkStatus(links_.getColumn(1).getString()).value_or(LinkStatus::kError);
      links.emplace_back(std::move(url), !IsLinkProblem(status));
    }
    for (const auto& [url, ok] : links) {
      sql::Statement& write = SqlStore::Impl::Fresh(ok ? end_ : extend_);
      write.bind(1, article_id);
      write.bind(2, url);
      if (!ok) write.bind(3, started_at);
      write.exec();
    }
  }

  // A summary is read only by a kept run where the link is known not ok with
  // no ok fetch between it and the pruned runs (history/changes.cc Streak):
  // so only while the first kept run that fetched the URL found it not ok.
  // Once that run has it ok, or no kept run fetched it (the article no
  // longer cites it), no report can reach the row, and without this it
  // would stay for good.
  void DropUnreadStreaks(int64_t article_id, int64_t through) {
    std::vector<std::string> urls;
    SqlStore::Impl::Fresh(streak_urls_).bind(1, article_id);
    while (streak_urls_.executeStep()) urls.push_back(streak_urls_.getColumn(0).getString());
    streak_urls_.reset();
    for (const std::string& url : urls) {
      SqlStore::Impl::Fresh(first_kept_fetch_);
      first_kept_fetch_.bind(1, article_id);
      first_kept_fetch_.bind(2, url);
      first_kept_fetch_.bind(3, through);
      const bool read = first_kept_fetch_.executeStep() &&
                        IsLinkProblem(ParseLinkStatus(first_kept_fetch_.getColumn(0).getString()).value_or(LinkStatus::kError));
      first_kept_fetch_.reset();
      if (read) continue;
      SqlStore::Impl::Fresh(end_);
      end_.bind(1, article_id);
      end_.bind(2, url);
      end_.exec();
    }
  }

  sql::Statement mark_, runs_, links_, extend_, end_, set_mark_, streak_urls_, first_kept_fetch_;
};

// The deletions of a real prune, each transaction bounded.
class Pruner {
 public:
  Pruner(sql::Connection& db, PruneReport* report)
      : db_(db), report_(*report), folder_(db),
        delete_quotes_(db, "DELETE FROM quotes WHERE run_id = ?1 AND article_id = ?2"),
        delete_citations_(db, "DELETE FROM citations WHERE run_id = ?1 AND article_id = ?2"),
        delete_article_run_(db, "DELETE FROM run_articles WHERE run_id = ?1 AND article_id = ?2"),
        delete_fetches_(db, "DELETE FROM fetches WHERE run_id = ?1 AND url IN "
                            "(SELECT url FROM fetches WHERE run_id = ?1 LIMIT ?2)"),
        delete_jobs_(db, "DELETE FROM jobs WHERE run_id = ?1 AND state IN " + FinishedJobs()),
        delete_run_(db, "DELETE FROM runs WHERE id = ?1 AND state IN " + FinishedRuns() +
                            " AND NOT EXISTS (SELECT 1 FROM run_articles WHERE run_id = ?1)"),
        page_bytes_(db, "SELECT " + store_internal::ByteLengthSql(db.engine(), "text") +
                            " FROM pages WHERE content_hash = ?1"),
        delete_page_(db, "DELETE FROM pages WHERE content_hash = ?1 AND NOT EXISTS "
                         "(SELECT 1 FROM fetches WHERE content_hash = ?1)"),
        delete_verdicts_(db, "DELETE FROM verdict_cache WHERE content_hash = ?1") {}

  void ArticleRuns(const std::vector<ArticleRun>& runs) {
    size_t next = 0;
    while (next < runs.size()) {
      Pace pace;
      sql::Transaction transaction(db_, sql::Transaction::kWrite);
      int64_t rows = 0;
      for (size_t n = 0; next < runs.size() && n < kArticleRunsPerTransaction && rows < kRowsPerTransaction;
           ++n, ++next) {
        rows += ArticleRunRows(runs[next]);
      }
      transaction.commit();
    }
  }

  void Run(int64_t run_id) {
    for (;;) {
      Pace pace;
      sql::Transaction transaction(db_, sql::Transaction::kWrite);
      int deleted = Exec(delete_fetches_, run_id, kRowsPerTransaction);
      report_.fetches += deleted;
      if (deleted == 0) {
        // The run row last: killed before it, the run is empty and the next
        // prune finds it again (EmptyRuns).
        report_.jobs += Exec(delete_jobs_, run_id);
        report_.runs += Exec(delete_run_, run_id);
      }
      transaction.commit();
      if (deleted == 0) return;
    }
  }

  // Page texts no fetch references, with their cached verdicts.
  void Pages() {
    std::vector<std::string> hashes;
    {
      sql::Statement select(db_, "SELECT content_hash FROM pages p WHERE NOT EXISTS "
                                    "(SELECT 1 FROM fetches f WHERE f.content_hash = p.content_hash)");
      while (select.executeStep()) hashes.push_back(select.getColumn(0).getString());
    }
    size_t next = 0;
    while (next < hashes.size()) {
      Pace pace;
      sql::Transaction transaction(db_, sql::Transaction::kWrite);
      // Checked under the write lock: a run that begins after this commit
      // can no longer find these texts.
      if (RunInProgress(db_)) {
        report_.pages_deferred = true;
        return;
      }
      int64_t bytes = 0;
      for (int n = 0; next < hashes.size() && n < kPagesPerTransaction && bytes < kPageBytesPerTransaction;
           ++n, ++next) {
        SqlStore::Impl::Fresh(page_bytes_).bind(1, hashes[next]);
        const int64_t size = page_bytes_.executeStep() ? page_bytes_.getColumn(0).getInt64() : 0;
        page_bytes_.reset();
        if (Exec(delete_page_, hashes[next]) == 0) continue;
        bytes += size;
        ++report_.pages;
        report_.cached_verdicts += Exec(delete_verdicts_, hashes[next]);
      }
      report_.page_bytes += bytes;
      transaction.commit();
    }
  }

 private:
  int64_t ArticleRunRows(const ArticleRun& run) {
    folder_.FoldThrough(run.article_id, run.run_id);
    const int quotes = Exec(delete_quotes_, run.run_id, run.article_id);
    const int citations = Exec(delete_citations_, run.run_id, run.article_id);
    report_.quotes += quotes;
    report_.citations += citations;
    report_.article_runs += Exec(delete_article_run_, run.run_id, run.article_id);
    return quotes + citations + 1;
  }

  template <typename A, typename B>
  static int Exec(sql::Statement& statement, const A& a, const B& b) {
    SqlStore::Impl::Fresh(statement);
    statement.bind(1, a);
    statement.bind(2, b);
    return statement.exec();
  }
  template <typename A>
  static int Exec(sql::Statement& statement, const A& a) {
    SqlStore::Impl::Fresh(statement);
    statement.bind(1, a);
    return statement.exec();
  }

  sql::Connection& db_;
  PruneReport& report_;
  StreakFolder folder_;
  sql::Statement delete_quotes_, delete_citations_, delete_article_run_, delete_fetches_, delete_jobs_,
      delete_run_, page_bytes_, delete_page_, delete_verdicts_;
};

// The page texts (their bytes and cached verdicts) that no fetch outside
// the runs of prune_doomed references.
void CountPages(sql::Connection& db, PruneReport* report) {
  sql::Statement pages(db,
                          "SELECT count(*), COALESCE(SUM(" + store_internal::ByteLengthSql(db.engine(), "p.text") +
                              "), 0), COALESCE(SUM("
                          "(SELECT count(*) FROM verdict_cache v WHERE v.content_hash = p.content_hash)), 0) "
                          "FROM pages p WHERE NOT EXISTS (SELECT 1 FROM fetches f WHERE f.content_hash = "
                          "p.content_hash AND f.run_id NOT IN (SELECT run_id FROM prune_doomed))");
  pages.executeStep();
  report->pages = pages.getColumn(0).getInt64();
  report->page_bytes = pages.getColumn(1).getInt64();
  report->cached_verdicts = pages.getColumn(2).getInt64();
}

// The runs that would go whole: empty now, or all of whose articles go.
std::vector<int64_t> CountArticleRuns(sql::Connection& db, const std::vector<ArticleRun>& article_runs,
                                      PruneReport* report) {
  sql::Statement citations(db, "SELECT count(*) FROM citations WHERE run_id = ?1 AND article_id = ?2");
  sql::Statement quotes(db, "SELECT count(*) FROM quotes WHERE run_id = ?1 AND article_id = ?2");
  sql::Statement articles_of_run(db, "SELECT count(*) FROM run_articles WHERE run_id = ?1");
  std::vector<int64_t> doomed = EmptyRuns(db);
  for (size_t i = 0; i < article_runs.size();) {
    const int64_t run_id = article_runs[i].run_id;
    int64_t pruned = 0;
    for (; i < article_runs.size() && article_runs[i].run_id == run_id; ++i, ++pruned) {
      for (sql::Statement* count : {&citations, &quotes}) {
        SqlStore::Impl::Fresh(*count);
        count->bind(1, run_id);
        count->bind(2, article_runs[i].article_id);
        (count == &citations ? report->citations : report->quotes) += Count(*count);
      }
    }
    report->article_runs += pruned;
    SqlStore::Impl::Fresh(articles_of_run).bind(1, run_id);
    if (Count(articles_of_run) == pruned) doomed.push_back(run_id);
  }
  return doomed;
}

// What a prune would delete, counted without writing the database (a
// temporary table of the runs that would go lives on this connection only).
void CountPrune(sql::Connection& db, const std::vector<ArticleRun>& article_runs, PruneReport* report) {
  const std::vector<int64_t> doomed = CountArticleRuns(db, article_runs, report);
  report->runs = static_cast<int64_t>(doomed.size());
  db.exec("CREATE TEMP TABLE IF NOT EXISTS prune_doomed (run_id BIGINT PRIMARY KEY)");
  db.exec("DELETE FROM prune_doomed");
  {
    sql::Statement insert(db, "INSERT INTO prune_doomed (run_id) VALUES (?1) ON CONFLICT DO NOTHING");
    for (int64_t id : doomed) {
      SqlStore::Impl::Fresh(insert).bind(1, id);
      insert.exec();
    }
  }  // finalized: DROP TABLE refuses while a statement uses the table
  report->fetches = db.QueryInt64("SELECT count(*) FROM fetches WHERE run_id IN (SELECT run_id FROM prune_doomed)");
  report->jobs = db.QueryInt64(
      "SELECT count(*) FROM jobs WHERE run_id IN (SELECT run_id FROM prune_doomed) AND state IN " + FinishedJobs());
  CountPages(db, report);
  db.exec("DROP TABLE prune_doomed");
}

}  // namespace

PruneReport SqlStore::Prune(const PruneOptions& options) {
  if (options.keep_runs < 1) throw StoreError("pruning " + impl_->name + ": keep_runs must be at least 1");
  if (impl_->batch_open) throw StoreError("pruning " + impl_->name + ": not inside a write batch");
  return Guarded(*impl_, "pruning", [&] {
    sql::Connection& db = impl_->db;
    PruneReport report;
    report.bytes_before = report.bytes_after = store_internal::DatabaseBytes(db);
    const std::vector<ArticleRun> article_runs = PrunableArticleRuns(db, options.keep_runs);
    if (options.dry_run) {
      CountPrune(db, article_runs, &report);
      return report;
    }
    Pruner pruner(db, &report);
    pruner.ArticleRuns(article_runs);
    for (int64_t run_id : EmptyRuns(db)) pruner.Run(run_id);
    pruner.Pages();
    store_internal::Reclaim(db, &report);
    report.bytes_after = store_internal::DatabaseBytes(db);
    return report;
  });
}

PrunedStreak SqlStore::PrunedStreakOf(int64_t article_id, const std::string& normalized_url) {
  return Guarded(*impl_, "reading the pruned streak of " + normalized_url, [&] {
    StatementUse select(impl_->Cached(
        "SELECT m.through_run_id, s.broken_runs, s.since FROM pruned_marks m "
        "LEFT JOIN pruned_streaks s ON s.article_id = m.article_id AND s.normalized_url = ?2 "
        "WHERE m.article_id = ?1"));
    select->bind(1, article_id);
    select->bind(2, normalized_url);
    PrunedStreak streak;
    if (!select->executeStep()) return streak;
    streak.through_run_id = select->getColumn(0).getInt64();
    if (!select->getColumn(1).isNull()) {
      streak.broken_runs = select->getColumn(1).getInt();
      streak.since = select->getColumn(2).getString();
    }
    return streak;
  });
}

}  // namespace citecheck
