// The state behind a Store: one connection and the prepared statements it
// reuses (STYLE.md: statements prepared once, reset between uses). Shared by
// store.cc (opening, writes) and run_loader.cc (reads). Internal to lib/store.
#ifndef CITECHECK_STORE_STORE_IMPL_H_
#define CITECHECK_STORE_STORE_IMPL_H_

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "store/sqlite_store.h"

namespace citecheck {

struct SqliteStore::Impl {
  // Opens `path` (configured and migrated) and prepares every statement.
  explicit Impl(const std::string& path);

  // Resets `statement` for its next use: a previous use may have stopped
  // half-way through an exception.
  static SQLite::Statement& Fresh(SQLite::Statement& statement);

  // The statement for `sql`, prepared on first use and kept: reads made
  // once per article of a report (its runs, a link's history, its reviews)
  // would otherwise prepare a statement each time, which at ten thousand
  // articles costs more than running it. Use through StatementUse; not for
  // a statement that may be in use further up the stack.
  SQLite::Statement& Cached(const std::string& sql);

  std::string path;
  SQLite::Database db;
  bool batch_open = false;  // a WriteBatch holds the write transaction
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> cached;  // Cached()

  // Writes.
  SQLite::Statement insert_article;
  SQLite::Statement find_article;
  SQLite::Statement insert_run;
  SQLite::Statement upsert_run_article;
  SQLite::Statement delete_citations;
  SQLite::Statement delete_quotes;
  SQLite::Statement insert_citation;
  SQLite::Statement insert_quote;
  SQLite::Statement insert_page;
  SQLite::Statement upsert_fetch;
  SQLite::Statement update_verdict;
  SQLite::Statement finish_run;

  // Reads.
  SQLite::Statement select_run;
  SQLite::Statement select_last_fetch_time;
  SQLite::Statement select_run_articles;
  SQLite::Statement select_run_article;  // one article of a run
  SQLite::Statement select_citations;
  SQLite::Statement select_quotes;
  SQLite::Statement select_citation_statuses;  // LoadRunArticleStatuses
  SQLite::Statement select_quote_statuses;
  SQLite::Statement select_latest_run;

  // Page cache (page_cache.cc), on the path of every URL of a warm run.
  SQLite::Statement select_recent_full_fetch;
  SQLite::Statement select_latest_validators;
  SQLite::Statement select_cached_page;
  SQLite::Statement select_cached_page_meta;  // the same without the text
  SQLite::Statement select_cached_verdict;
  SQLite::Statement insert_cached_verdict;
};

// The write transaction of one Save* call. Alone it is its own BEGIN
// IMMEDIATE transaction; inside a WriteBatch it is a savepoint, so a
// failing call leaves nothing half-written while the batch goes on.
class WriteScope {
 public:
  explicit WriteScope(SqliteStore::Impl& impl);
  ~WriteScope();
  WriteScope(const WriteScope&) = delete;
  WriteScope& operator=(const WriteScope&) = delete;
  void Commit();

 private:
  SqliteStore::Impl& impl_;
  std::optional<SQLite::Transaction> transaction_;
  bool savepoint_open_ = false;
};

// A cached statement for one read: reset when it goes out of scope, because
// a SELECT stepped only part way keeps its read snapshot open, which stops
// WAL checkpoints.
class StatementUse {
 public:
  explicit StatementUse(SQLite::Statement& statement) : statement_(SqliteStore::Impl::Fresh(statement)) {}
  ~StatementUse() { statement_.tryReset(); }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;
  SQLite::Statement* operator->() { return &statement_; }
  SQLite::Statement& operator*() { return statement_; }

 private:
  SQLite::Statement& statement_;
};

// The RunRef in columns first.. first+4 of a row: id, trigger, started_at,
// finished_at, state.
RunRef ReadRunRef(SQLite::Statement& select, int first = 0);
// Sets CitationRecord::archive from the run's citation_archives rows (archives.cc).
void AttachCitationArchives(SqliteStore::Impl& impl, int64_t run_id, int64_t article_id,
                            std::vector<CitationRecord>* citations);

namespace store_internal {
inline std::string TextOrEmpty(const SQLite::Column& column) {
  return column.isNull() ? std::string() : column.getString();
}
// run_loader.cc: the run's row (throws StoreError for an unknown run); when
// its results were checked (LoadRun); a citation's link status when
// it has no fetch row.
void ReadRunRow(SqliteStore::Impl& impl, int64_t run_id, RunRecord* run);
std::string CheckedAt(SqliteStore::Impl& impl, const RunRecord& run);
void ResolveLinkWithoutFetch(const RunRecord& run, CitationRecord* record);
}  // namespace store_internal

// Whether process `pid` still exists (on this machine). EPERM means it
// exists but belongs to someone else.
bool ProcessAlive(int64_t pid);

// Runs `body`, turning a SQLite::Exception into a StoreError that says what
// was being done and in which database.
template <typename Body>
auto Guarded(const SqliteStore::Impl& impl, const std::string& what, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    throw StoreError(what + " in " + impl.path + ": " + e.what());
  }
}

}  // namespace citecheck

#endif  // CITECHECK_STORE_STORE_IMPL_H_
