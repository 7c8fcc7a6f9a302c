// Reads across runs: an article's runs, a link's history, and what a resumed
// run reuses (committed fetches with their page texts).
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <limits>

#include "core/url.h"
#include "store/codec.h"
#include "store/store.h"
#include "store/stored_fetch_row.h"
#include "store/store_impl.h"

namespace citecheck {
namespace {

using store_internal::SqlLiteral;
using store_internal::TextOrEmpty;

}  // namespace

RunRef ReadRunRef(sql::Statement& select, int first) {
  RunRef ref;
  ref.run_id = select.getColumn(first).getInt64();
  ref.trigger = select.getColumn(first + 1).getString();
  ref.started_at = select.getColumn(first + 2).getString();
  ref.finished_at = TextOrEmpty(select.getColumn(first + 3));
  ref.state =
      store_internal::DecodeRunState(select.getColumn(first + 4).getString(), "run " + std::to_string(ref.run_id));
  return ref;
}

bool ProcessAlive(int64_t pid) {
  if (pid <= 0) return false;
  if (pid == getpid()) return true;
  return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

std::vector<RunRef> SqlStore::RunsOfArticle(int64_t article_id, int limit, int64_t before_run) {
  return Guarded(*impl_, "listing runs of article " + std::to_string(article_id), [&] {
    // Walks run_articles_by_article (article_id, run_id) backwards from
    // before_run: a bound on ra.run_id, not an OR, so the index range is used.
    StatementUse select(impl_->Cached(
        "SELECT r.id, r.trigger, r.started_at, r.finished_at, r.state "
        "FROM run_articles ra JOIN runs r ON r.id = ra.run_id "
        "WHERE ra.article_id = ?1 AND ra.run_id < ?2 "
        "ORDER BY ra.run_id DESC LIMIT ?3"));
    select->bind(1, article_id);
    select->bind(2, before_run > 0 ? before_run : std::numeric_limits<int64_t>::max());
    select->bind(3, limit);
    std::vector<RunRef> runs;
    while (select->executeStep()) runs.push_back(ReadRunRef(*select));
    return runs;
  });
}

std::vector<LinkHistoryEntry> SqlStore::LinkHistory(int64_t article_id, const std::string& normalized_url,
                                                 int64_t up_to_run, int limit) {
  return Guarded(*impl_, "reading the history of " + RedactUrlCredentials(normalized_url), [&] {
    // One row per run however often the article cites the URL; the fetch
    // of a run and URL is one row, which MAX picks (PostgreSQL takes no
    // bare column beside GROUP BY).
    StatementUse select(impl_->Cached(
        "SELECT r.id, r.started_at, MAX(f.link_status) "
        "FROM citations c JOIN runs r ON r.id = c.run_id "
        "LEFT JOIN fetches f ON f.run_id = c.run_id AND f.url = c.normalized_url "
        "WHERE c.article_id = ?1 AND c.normalized_url = ?2 AND c.run_id <= ?3 "
        "GROUP BY r.id ORDER BY r.id DESC LIMIT ?4"));
    select->bind(1, article_id);
    select->bind(2, RedactUrlCredentials(normalized_url));
    select->bind(3, up_to_run);
    select->bind(4, limit);
    std::vector<LinkHistoryEntry> entries;
    while (select->executeStep()) {
      LinkHistoryEntry entry;
      entry.run_id = select->getColumn(0).getInt64();
      entry.started_at = select->getColumn(1).getString();
      entry.fetched = !select->getColumn(2).isNull();
      if (entry.fetched) {
        entry.status = ParseLinkStatus(select->getColumn(2).getString()).value_or(LinkStatus::kError);
      }
      entries.push_back(entry);
    }
    return entries;
  });
}

std::vector<StoredFetch> SqlStore::CommittedFetches(int64_t run_id) {
  return Guarded(*impl_, "reading committed fetches of run " + std::to_string(run_id), [&] {
    sql::Statement select(impl_->db, std::string(kStoredFetchColumns) + " WHERE f.run_id = ?1");
    select.bind(1, run_id);
    std::vector<StoredFetch> fetches;
    while (select.executeStep()) fetches.push_back(ReadStoredFetch(select));
    return fetches;
  });
}

std::vector<int64_t> SqlStore::ArticlesOfRun(int64_t run_id) {
  return Guarded(*impl_, "listing articles of run " + std::to_string(run_id), [&] {
    sql::Statement select(impl_->db, "SELECT article_id FROM run_articles WHERE run_id = ?1 ORDER BY position");
    select.bind(1, run_id);
    std::vector<int64_t> ids;
    while (select.executeStep()) ids.push_back(select.getColumn(0).getInt64());
    return ids;
  });
}

std::optional<int64_t> SqlStore::FindResumableRun(const std::string& trigger) {
  return Guarded(*impl_, "finding an interrupted " + trigger + " run", [&]() -> std::optional<int64_t> {
    sql::Statement select(impl_->db,
                             "SELECT id, state, pid FROM runs WHERE trigger = ?1 AND state IN (" +
                                 SqlLiteral(RunState::kInterrupted) + ", " + SqlLiteral(RunState::kRunning) +
                                 ") ORDER BY id DESC LIMIT 20");
    select.bind(1, trigger);
    while (select.executeStep()) {
      const RunState state =
          store_internal::DecodeRunState(select.getColumn(1).getString(), "run " + select.getColumn(0).getString());
      if (state == RunState::kInterrupted || !ProcessAlive(select.getColumn(2).getInt64())) {
        return select.getColumn(0).getInt64();
      }
    }
    return std::nullopt;
  });
}

void SqlStore::ReopenRun(int64_t run_id) {
  Guarded(*impl_, "resuming run " + std::to_string(run_id), [&] {
    WriteScope transaction(*impl_);
    sql::Statement update(impl_->db,
                             "UPDATE runs SET state = " + SqlLiteral(RunState::kRunning) +
                                 ", finished_at = NULL, pid = ?2 WHERE id = ?1");
    update.bind(1, run_id);
    update.bind(2, static_cast<int64_t>(getpid()));
    if (update.exec() == 0) throw StoreError("resuming run " + std::to_string(run_id) + ": no such run");
    // Its changes are worked out again when it ends.
    sql::Statement forget(impl_->db, "DELETE FROM article_changes WHERE run_id = ?1");
    forget.bind(1, run_id);
    forget.exec();
    transaction.Commit();
  });
}

std::optional<RunRef> SqlStore::FindRun(int64_t run_id) {
  return Guarded(*impl_, "finding run " + std::to_string(run_id), [&]() -> std::optional<RunRef> {
    sql::Statement select(impl_->db, "SELECT id, trigger, started_at, finished_at, state FROM runs WHERE id = ?1");
    select.bind(1, run_id);
    if (!select.executeStep()) return std::nullopt;
    return ReadRunRef(select);
  });
}

int SqlStore::InterruptRunningRuns(const std::string& trigger) {
  return Guarded(*impl_, "marking " + trigger + " runs interrupted", [&] {
    WriteScope transaction(*impl_);
    sql::Statement update(impl_->db,
                             "UPDATE runs SET state = " + SqlLiteral(RunState::kInterrupted) +
                                 " WHERE trigger = ?1 AND state = " + SqlLiteral(RunState::kRunning));
    update.bind(1, trigger);
    int count = update.exec();
    transaction.Commit();
    return count;
  });
}

}  // namespace citecheck
