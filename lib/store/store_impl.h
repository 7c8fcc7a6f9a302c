// The state behind a Store: one connection and the prepared statements it
// reuses (STYLE.md: statements prepared once, reset between uses). Shared by
// store.cc (opening, writes) and run_loader.cc (reads). Internal to lib/store.
#ifndef CITECHECK_STORE_STORE_IMPL_H_
#define CITECHECK_STORE_STORE_IMPL_H_

#include "store/sql_connection.h"

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "store/sql_store.h"

namespace citecheck {

struct SqlStore::Impl {
  // Opens `database` (a SQLite path or a postgresql:// URL), configured and
  // migrated, and prepares every statement.
  explicit Impl(const std::string& database);

  // Resets `statement` for its next use: a previous use may have stopped
  // half-way through an exception.
  static sql::Statement& Fresh(sql::Statement& statement);

  // The statement for `sql`, prepared on first use and kept: reads made
  // once per article of a report (its runs, a link's history, its reviews)
  // would otherwise prepare a statement each time, which at ten thousand
  // articles costs more than running it. Use through StatementUse; not for
  // a statement that may be in use further up the stack.
  sql::Statement& Cached(const std::string& sql);

  std::string path;  // as given to Open (a path or URL), for OpenAnother
  std::unique_ptr<sql::Connection> connection;
  sql::Connection& db;  // *connection
  std::string name;     // the database as errors name it (no password)
  int instance_lock_fd = -1;  // SQLite's "<db>.lock", flocked while open (instance_lock.cc)
  ~Impl();
  bool batch_open = false;  // a WriteBatch holds the write transaction
  std::unordered_map<std::string, std::unique_ptr<sql::Statement>> cached;  // Cached()
  // Per run, the highest task position this connection claimed
  // (url_tasks.cc ClaimUrlTasks): where its next claim starts looking.
  std::unordered_map<int64_t, int64_t> claimed_through;

  // Writes.
  sql::Statement insert_article;
  sql::Statement find_article;
  sql::Statement insert_run;
  sql::Statement upsert_run_article;
  sql::Statement delete_citations;
  sql::Statement delete_quotes;
  sql::Statement insert_citation;
  sql::Statement insert_quote;
  sql::Statement insert_page;
  sql::Statement upsert_fetch;
  sql::Statement update_verdict;
  sql::Statement finish_run;

  // Reads.
  sql::Statement select_run;
  sql::Statement select_last_fetch_time;
  sql::Statement select_run_articles;
  sql::Statement select_run_article;  // one article of a run
  sql::Statement select_citations;
  sql::Statement select_quotes;
  sql::Statement select_citation_statuses;  // LoadRunArticleStatuses
  sql::Statement select_quote_statuses;
  sql::Statement select_latest_run;

  // Page cache (page_cache.cc), on the path of every URL of a warm run.
  sql::Statement select_recent_full_fetch;
  sql::Statement select_latest_validators;
  sql::Statement select_cached_page;
  sql::Statement select_cached_page_meta;  // the same without the text
  sql::Statement select_cached_verdict;
  sql::Statement insert_cached_verdict;
};

// The write transaction of one Save* call. Alone it is its own BEGIN
// IMMEDIATE transaction; inside a WriteBatch it is a savepoint, so a
// failing call leaves nothing half-written while the batch goes on.
class WriteScope {
 public:
  explicit WriteScope(SqlStore::Impl& impl);
  ~WriteScope();
  WriteScope(const WriteScope&) = delete;
  WriteScope& operator=(const WriteScope&) = delete;
  void Commit();

 private:
  SqlStore::Impl& impl_;
  std::optional<sql::Transaction> transaction_;
  bool savepoint_open_ = false;
};

// A cached statement for one read: reset when it goes out of scope, because
// a SELECT stepped only part way keeps its read snapshot open, which stops
// WAL checkpoints.
class StatementUse {
 public:
  explicit StatementUse(sql::Statement& statement) : statement_(SqlStore::Impl::Fresh(statement)) {}
  ~StatementUse() { statement_.tryReset(); }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;
  sql::Statement* operator->() { return &statement_; }
  sql::Statement& operator*() { return statement_; }

 private:
  sql::Statement& statement_;
};

// The RunRef in columns first.. first+4 of a row: id, trigger, started_at,
// finished_at, state.
RunRef ReadRunRef(sql::Statement& select, int first = 0);
// Sets CitationRecord::archive from the run's citation_archives rows (archives.cc).
void AttachCitationArchives(SqlStore::Impl& impl, int64_t run_id, int64_t article_id,
                            std::vector<CitationRecord>* citations);

namespace store_internal {
// A connection to `database` (a SQLite path or a postgresql:// URL),
// configured and migrated as a store's. Throws StoreError.
std::unique_ptr<sql::Connection> OpenMigratedConnection(const std::string& database);

inline std::string TextOrEmpty(const sql::Column& column) {
  return column.isNull() ? std::string() : column.getString();
}
// run_loader.cc: the run's row (throws StoreError for an unknown run); when
// its results were checked (LoadRun); a citation's link status when
// it has no fetch row.
void ReadRunRow(SqlStore::Impl& impl, int64_t run_id, RunRecord* run);
std::string CheckedAt(SqlStore::Impl& impl, const RunRecord& run);
void ResolveLinkWithoutFetch(const RunRecord& run, CitationRecord* record);
}  // namespace store_internal

// Whether process `pid` still exists (on this machine). EPERM means it
// exists but belongs to someone else.
bool ProcessAlive(int64_t pid);

// Runs `body`, turning a sql::Error into a StoreError that says what
// was being done and in which database.
template <typename Body>
auto Guarded(const SqlStore::Impl& impl, const std::string& what, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const sql::Error& e) {
    throw StoreError(what + " in " + impl.name + ": " + e.what());
  }
}

}  // namespace citecheck

#endif  // CITECHECK_STORE_STORE_IMPL_H_
