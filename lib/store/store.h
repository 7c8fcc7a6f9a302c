// SQLite storage of runs, citations, fetch results, page texts and verdicts
// (SPEC "Storage"), through SQLiteCpp.
#ifndef CITECHECK_STORE_STORE_H_
#define CITECHECK_STORE_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/types.h"
#include "store/records.h"

namespace citecheck {

// Every SQLite failure leaves the store as a StoreError naming what was being
// done and the database path (STYLE.md: third-party exceptions are turned
// into the project's own at the stage boundary).
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One connection. Not thread-safe: use one Store per thread. Every Save* call
// commits its own BEGIN IMMEDIATE transaction, so each result is durable as
// soon as it returns. WAL mode, synchronous=NORMAL, busy timeout 10 s.
class Store {
 public:
  // Opens or creates the database at `path` (parent directories are created)
  // and migrates its schema forward to the current version (PRAGMA
  // user_version). Throws StoreError (e.g. a file that is not a database, or
  // a schema newer than this binary).
  static std::unique_ptr<Store> Open(const std::string& path);
  ~Store();

  static int SchemaVersion();  // the version this binary migrates to

  // Registers (or finds) an article by identity: real path for files,
  // normalized URL for URLs, name for stdin. Returns its id.
  int64_t UpsertArticle(const std::string& identity, const std::string& source);

  int64_t BeginRun(const std::string& trigger);
  // Records the article as read for this run: title, diagnostics, citations
  // and its quotes (undecided until SaveVerdict). Skipped quotes (status
  // skipped, reason = skip_reason) and quotes without citation ids (status
  // uncited) are stored already decided: the reader decided them. Saving the
  // same article again in the same run replaces its citations and quotes
  // (verdicts included) and keeps its position in the run.
  void SaveArticle(int64_t run_id, int64_t article_id, const Article& article);
  // One fetch result per distinct URL per run. The page text, when given, is
  // stored once by content hash (SHA-256 of the text) and linked to the fetch.
  void SaveFetch(int64_t run_id, const FetchResult& result, const std::optional<PageText>& page,
                 const std::string& detected_language);
  // The verdict of quote number `quote_index` (0-based, article order).
  // Throws StoreError when the article has no such quote in this run.
  void SaveVerdict(int64_t run_id, int64_t article_id, int quote_index, const Verdict& verdict);
  void FinishRun(int64_t run_id, const std::string& state);

  // Everything stored about a run, articles in the order they were saved,
  // read in one snapshot. Citation records combine the citation with the
  // fetch result of its normalized URL; without one: a url_error gives link
  // status error with that text, an empty normalized URL gives unresolved,
  // and a URL with no fetch row yet gives error "not fetched (run
  // interrupted)" ("not fetched yet (run in progress)" while the run's state
  // is running). language is the page's declared language (<html lang>),
  // else Content-Language, else the detected one. checked_at is the run's
  // finished_at, else its latest fetch time, else started_at. Throws
  // StoreError for an unknown run.
  RunRecord LoadRun(int64_t run_id);
  // The id of the most recently begun run, if any.
  std::optional<int64_t> LatestRun();

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// $XDG_DATA_HOME/citecheck/citecheck.db, else ~/.local/share/citecheck/citecheck.db
// (a relative XDG_DATA_HOME is ignored, as the XDG spec asks).
std::string DefaultDatabasePath();

}  // namespace citecheck

#endif  // CITECHECK_STORE_STORE_H_
