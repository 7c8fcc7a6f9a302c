#include "store/store_impl.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>
#include <thread>

#include "core/url.h"
#include "store/codec.h"
#include "store/postgres_connection.h"
#include "store/schema.h"
#include "store/sql_text.h"
#include "store/sqlite_connection.h"
#include "store/stored_fetch_row.h"

namespace citecheck {
namespace {

// Long enough for another writer's transaction (each is one result) and a WAL
// checkpoint; short enough that a stuck process is reported, not waited on.
constexpr int kBusyTimeoutMs = 10000;

void CreateParentDirectories(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return;
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error) {
    throw StoreError("creating directory " + parent.string() + " for database " + path + ": " +
                     error.message());
  }
}

// WAL is a property of the file, kept once set: an existing database needs
// no lock for it. Converting a fresh file takes an exclusive lock for which
// SQLite does not call the busy handler, so concurrent openers of one new
// file would fail at once ("database is locked"): they retry here within the
// same budget as any other wait, and one that finds the file converted by
// another is done.
void SwitchToWal(SQLite::Database& db, const std::string& path) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  auto pause = std::chrono::milliseconds(1);
  for (;;) {
    try {
      if (db.execAndGet("PRAGMA journal_mode").getString() == "wal") return;
      if (db.execAndGet("PRAGMA journal_mode = WAL").getString() == "wal") return;
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xff) != SQLITE_BUSY && (e.getErrorCode() & 0xff) != SQLITE_LOCKED) throw;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw StoreError("opening database " + path + ": setting write-ahead logging: the file stayed locked for " +
                       std::to_string(kBusyTimeoutMs / 1000) + " s");
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

std::unique_ptr<sql::Connection> OpenSqliteDatabase(const std::string& path) {
  CreateParentDirectories(path);
  try {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    // Before anything that takes a lock: a concurrent opener may be migrating.
    db.setBusyTimeout(kBusyTimeoutMs);
    // Before the first table exists, so that a new database gives the space
    // of pruned rows back (docs/storage.md "Retention"); a no-op on an
    // existing one, which its first prune converts.
    db.exec("PRAGMA auto_vacuum = INCREMENTAL");
    // WAL lets reports read while a run writes; NORMAL is durable across
    // application crashes in WAL mode, which is what "committed as it
    // completes" needs, without an fsync per result.
    SwitchToWal(db, path);
    db.exec("PRAGMA synchronous = NORMAL");
    // 16 MiB of page cache (SQLite's default is 2 MiB): `list` at 10,000
    // articles probes 300,000 fetch rows, and with the default most probes
    // were a pread of a page just evicted. Allocated only as used.
    db.exec("PRAGMA cache_size = -16384");
    auto connection = std::make_unique<sql::SqliteConnection>(std::move(db), path);
    // Migrations run with foreign keys off, as SQLite's procedure for
    // rebuilding a table asks (a DROP TABLE would otherwise check every
    // referencing row); each step checks the keys itself before committing.
    store_internal::Migrate(*connection, path, store_internal::Migrations());
    connection->exec("PRAGMA foreign_keys = ON");
    return connection;
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB) {
      throw StoreError(path + " is not a citecheck database: " + e.what());
    }
    throw StoreError("opening database " + path + ": " + e.what());
  } catch (const sql::Error& e) {
    if (e.not_a_database()) throw StoreError(path + " is not a citecheck database: " + e.what());
    throw StoreError("opening database " + path + ": " + e.what());
  }
}

std::unique_ptr<sql::Connection> OpenPostgresDatabase(const std::string& url) {
  try {
    auto connection = std::make_unique<sql::PostgresConnection>(url);
    store_internal::MigratePostgres(*connection, store_internal::PostgresMigrations());
    // A lock wait is given up after as long as SQLite's busy wait, so that
    // a stuck holder is reported (a busy StoreError) rather than waited on.
    // After the migration, whose advisory lock may rightly take longer.
    connection->exec("SET lock_timeout = '" + std::to_string(kBusyTimeoutMs) + "ms'");
    return connection;
  } catch (const sql::Error& e) {
    throw StoreError("opening database " + RedactUrlCredentials(url) + ": " + e.what());
  }
}

std::unique_ptr<sql::Connection> OpenConnection(const std::string& database) {
  if (sql::IsPostgresUrl(database)) return OpenPostgresDatabase(database);
  return OpenSqliteDatabase(database);
}

// The newest ok fetch of a URL with a stored text, for a 304 to stand on.
// Without the text, an empty string takes its place: a page of 100 KB need
// not be read to learn its hash and title.
std::string CachedPageQuery(bool with_text) {
  std::string columns = kStoredFetchColumns;
  if (!with_text) {
    columns.replace(columns.find("p.text"), 6, "CASE WHEN p.content_hash IS NULL THEN NULL ELSE '' END");
    columns.replace(columns.find("p.optional_spans"), 16, "''");
  }
  return columns +
         " WHERE f.url = ?1 AND f.link_status = 'ok' AND p.content_hash IS NOT NULL"
         " ORDER BY f.fetched_at DESC, f.run_id DESC LIMIT 1";
}

}  // namespace

sql::Statement& SqlStore::Impl::Fresh(sql::Statement& statement) {
  statement.reset();
  statement.clearBindings();
  return statement;
}

sql::Statement& SqlStore::Impl::Cached(const std::string& sql) {
  std::unique_ptr<sql::Statement>& statement = cached[sql];
  if (!statement) statement = std::make_unique<sql::Statement>(db, sql);
  return *statement;
}

std::unique_ptr<sql::Connection> store_internal::OpenMigratedConnection(const std::string& database) {
  return OpenConnection(database);
}

SqlStore::Impl::Impl(const std::string& database)
    : path(database),
      connection(OpenConnection(database)),
      db(*connection),
      name(connection->name()),
      insert_article(db,
                     "INSERT INTO articles (identity, source, created_at) VALUES (?1, ?2, ?3) "
                     "ON CONFLICT (identity) DO NOTHING"),
      find_article(db, "SELECT id FROM articles WHERE identity = ?1"),
      insert_run(db, "INSERT INTO runs (trigger, started_at, state, pid) VALUES (?1, ?2, " +
                         store_internal::SqlLiteral(RunState::kRunning) + ", ?3) RETURNING id"),
      upsert_run_article(
          db,
          "INSERT INTO run_articles (run_id, article_id, position, source, title, diagnostics, saved_at) "
          "VALUES (?1, ?2, (SELECT COALESCE(MAX(position), -1) + 1 FROM run_articles WHERE run_id = ?1), "
          "        ?3, ?4, ?5, ?6) "
          "ON CONFLICT (run_id, article_id) DO UPDATE SET source = excluded.source, "
          "title = excluded.title, diagnostics = excluded.diagnostics, saved_at = excluded.saved_at"),
      delete_citations(db, "DELETE FROM citations WHERE run_id = ?1 AND article_id = ?2"),
      delete_quotes(db, "DELETE FROM quotes WHERE run_id = ?1 AND article_id = ?2"),
      insert_citation(db,
                      "INSERT INTO citations (run_id, article_id, position, cite_id, url, "
                      "normalized_url, line, url_error, url_error_status, no_url, ref_name, ref_group, "
                      "ref_title, access_date, url_status, archive_url, archive_date) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"),
      insert_quote(db,
                   "INSERT INTO quotes (run_id, article_id, idx, text, line, col, citation_ids, "
                   "skipped, skip_reason, status, score, evidence, reason, decided_at, origin) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, NULL, NULL, NULL, NULL, ?10)"),
      insert_page(db,
                  "INSERT INTO pages (content_hash, text, stored_at, optional_spans) "
                  "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING"),
      upsert_fetch(db, store_internal::ReplaceRowSql(
                           "fetches",
                           {"run_id", "url", "final_url", "link_status", "http_status", "error", "content_type",
                            "content_language", "etag", "last_modified", "truncated", "permanent_redirect",
                            "elapsed_ms", "bytes", "fetched_at", "content_hash", "page_title", "page_language",
                            "canonical_url", "detected_language", "no_text_reason", "body_hash", "text_reused",
                            "paywalled"},
                           2)),
      update_verdict(db,
                     "UPDATE quotes SET status = ?4, score = ?5, evidence = ?6, reason = ?7, "
                     "decided_at = ?8 WHERE run_id = ?1 AND article_id = ?2 AND idx = ?3"),
      finish_run(db, "UPDATE runs SET finished_at = ?2, state = ?3 WHERE id = ?1"),
      select_run(db, "SELECT trigger, started_at, finished_at, state FROM runs WHERE id = ?1"),
      select_last_fetch_time(db, "SELECT MAX(fetched_at) FROM fetches WHERE run_id = ?1"),
      select_run_articles(db,
                          "SELECT article_id, source, title, diagnostics FROM run_articles "
                          "WHERE run_id = ?1 ORDER BY position"),
      select_run_article(db,
                         "SELECT article_id, source, title, diagnostics FROM run_articles "
                         "WHERE run_id = ?1 AND article_id = ?2"),
      select_citations(
          db,
          "SELECT c.cite_id, c.url, c.normalized_url, c.line, c.url_error, "
          "       f.url IS NOT NULL, f.link_status, f.error, f.http_status, f.final_url, "
          "       f.content_type, COALESCE(NULLIF(f.page_language, ''), "
          "       NULLIF(f.content_language, ''), f.detected_language), f.page_title, "
          "       f.content_hash, c.url_error_status, c.no_url, c.ref_name, c.ref_group, "
          "       c.ref_title, c.access_date, c.url_status, c.archive_url, c.archive_date, "
          "       f.paywalled "
          "FROM citations c LEFT JOIN fetches f "
          "  ON f.run_id = c.run_id AND f.url = c.normalized_url AND c.normalized_url <> '' "
          "WHERE c.run_id = ?1 AND c.article_id = ?2 ORDER BY c.position"),
      select_quotes(db,
                    "SELECT text, line, col, citation_ids, skipped, skip_reason, status, score, "
                    "evidence, reason, origin FROM quotes WHERE run_id = ?1 AND article_id = ?2 ORDER BY idx"),
      select_citation_statuses(
          db,
          "SELECT c.normalized_url, c.url_error, c.url_error_status, c.no_url, f.url IS NOT NULL, f.link_status "
          "FROM citations c LEFT JOIN fetches f "
          "  ON f.run_id = c.run_id AND f.url = c.normalized_url AND c.normalized_url <> '' "
          "WHERE c.run_id = ?1 AND c.article_id = ?2 ORDER BY c.position"),
      // Order does not matter to a count; quotes_by_status covers it.
      select_quote_statuses(db, "SELECT status FROM quotes WHERE run_id = ?1 AND article_id = ?2"),
      select_latest_run(db, "SELECT MAX(id) FROM runs"),
      // The age counts from the last fetch whose text was extracted, so
      // that a page is extracted again once it is older than the maximum
      // age, however many reuses (304s, same bodies) came in between.
      select_recent_full_fetch(db,
                               "SELECT 1 FROM fetches WHERE url = ?1 AND link_status = 'ok' "
                               "AND text_reused = 0 AND content_hash IS NOT NULL "
                               "AND fetched_at >= ?2 LIMIT 1"),
      select_latest_validators(db,
                               "SELECT etag, last_modified, body_hash FROM fetches WHERE url = ?1 AND link_status = 'ok' "
                               "AND content_hash IS NOT NULL ORDER BY fetched_at DESC, run_id DESC LIMIT 1"),
      select_cached_page(db, CachedPageQuery(/*with_text=*/true)),
      select_cached_page_meta(db, CachedPageQuery(/*with_text=*/false)),
      select_cached_verdict(db,
                            "SELECT status, score, evidence, reason FROM verdict_cache "
                            "WHERE content_hash = ?1 AND quote = ?2 AND options = ?3"),
      insert_cached_verdict(db, store_internal::ReplaceRowSql("verdict_cache",
                                                                {"content_hash", "quote", "options", "status",
                                                                 "score", "evidence", "reason"},
                                                                3)) {}

WriteScope::WriteScope(SqlStore::Impl& impl) : impl_(impl) {
  if (impl_.batch_open) {
    impl_.db.exec("SAVEPOINT write_scope");
    savepoint_open_ = true;
  } else {
    transaction_.emplace(impl_.db, sql::Transaction::kWrite);
  }
}

WriteScope::~WriteScope() {
  if (!savepoint_open_) return;  // a transaction rolls itself back
  // Undo this call only; the batch keeps what came before it.
  impl_.db.tryExec("ROLLBACK TO write_scope");
  impl_.db.tryExec("RELEASE write_scope");
}

void WriteScope::Commit() {
  if (savepoint_open_) {
    impl_.db.exec("RELEASE write_scope");
    savepoint_open_ = false;
  } else {
    transaction_->commit();
  }
}

}  // namespace citecheck
