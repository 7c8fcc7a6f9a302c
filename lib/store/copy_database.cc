#include "store/copy_database.h"

#include "core/url.h"
#include "store/sql_connection.h"
#include "store/store.h"
#include "store/store_impl.h"

namespace citecheck {
namespace {

// Every table with its columns, parents before the rows that refer to
// them. The two schemas name their columns alike (postgres_schema.cc).
struct TableColumns {
  const char* table;
  std::vector<const char*> columns;
};

const std::vector<TableColumns>& Tables() {
  static const std::vector<TableColumns> kTables = {
      {"articles", {"id", "identity", "source", "created_at", "registered", "kind", "body", "media_type"}},
      {"runs", {"id", "trigger", "started_at", "finished_at", "state", "pid"}},
      {"pages", {"content_hash", "stored_at", "text", "optional_spans"}},
      {"run_articles", {"run_id", "article_id", "position", "source", "title", "diagnostics", "saved_at"}},
      {"citations",
       {"run_id", "article_id", "position", "cite_id", "url", "normalized_url", "line", "url_error",
        "url_error_status", "no_url", "ref_name", "ref_group", "ref_title", "access_date", "url_status",
        "archive_url", "archive_date"}},
      {"quotes",
       {"run_id", "article_id", "idx", "text", "line", "col", "citation_ids", "skipped", "skip_reason", "status",
        "score", "evidence", "reason", "decided_at", "origin"}},
      {"fetches",
       {"run_id", "url", "final_url", "link_status", "http_status", "error", "content_type", "content_language",
        "etag", "last_modified", "truncated", "permanent_redirect", "elapsed_ms", "bytes", "fetched_at",
        "content_hash", "page_title", "page_language", "canonical_url", "detected_language", "no_text_reason",
        "body_hash", "text_reused", "paywalled"}},
      {"jobs", {"id", "kind", "article_id", "state", "run_id", "error", "created_at", "started_at", "finished_at",
                "lease_owner", "lease_until"}},
      {"daemon_state", {"key", "value"}},
      {"verdict_cache", {"content_hash", "quote", "options", "status", "score", "evidence", "reason"}},
      {"pruned_marks", {"article_id", "through_run_id"}},
      {"pruned_streaks", {"article_id", "normalized_url", "broken_runs", "since"}},
      {"reviews",
       {"id", "key", "article_id", "kind", "state", "note", "reviewer", "at", "content_hash", "quote_text",
        "run_id"}},
      {"web_sessions", {"id_hash", "csrf", "reviewer", "created_at", "expires_at"}},
      {"mementos",
       {"url", "datetime", "http_status", "content_type", "language", "text", "optional_spans", "stored_at"}},
      {"citation_archives",
       {"run_id", "article_id", "position", "url", "datetime", "source", "suggested", "http_status",
        "link_status", "error"}},
      {"article_changes",
       {"run_id", "article_id", "version", "previous_run_id", "previous_checked_at", "changes", "problems"}},
  };
  return kTables;
}

// Not copied: workers, host_politeness, host_slots and url_tasks hold the
// live state of the daemons on a database (who is alive, what is in flight,
// which URLs of a running run wait for a worker), which means
// nothing on another database; a migration runs with the daemons stopped.

// Tables whose id an identity column (PostgreSQL) or the rowid (SQLite) hands out.
constexpr const char* kTablesWithIds[] = {"articles", "runs", "jobs", "reviews"};

// The number of columns `table` has in `db`: a column added by a migration
// but not to Tables() would otherwise be dropped by the copy unnoticed.
int64_t ColumnCount(sql::Connection& db, const std::string& table) {
  if (db.engine() == sql::Engine::kPostgres) {
    return db.QueryInt64("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                         "AND table_name = '" + table + "'");
  }
  return db.QueryInt64("SELECT count(*) FROM pragma_table_info('" + table + "')");
}

int64_t CopyTable(sql::Connection& from, sql::Connection& to, const TableColumns& table) {
  std::string columns, placeholders;
  for (size_t i = 0; i < table.columns.size(); ++i) {
    columns += std::string(i == 0 ? "" : ", ") + table.columns[i];
    placeholders += std::string(i == 0 ? "" : ", ") + "?" + std::to_string(i + 1);
  }
  sql::Statement select(from, "SELECT " + columns + " FROM " + table.table);
  sql::Statement insert(to, "INSERT INTO " + std::string(table.table) + " (" + columns + ") VALUES (" +
                                placeholders + ")");
  int64_t rows = 0;
  while (select.executeStep()) {
    insert.reset();
    for (size_t i = 0; i < table.columns.size(); ++i) {
      const int index = static_cast<int>(i);
      const sql::Column value = select.getColumn(index);
      if (value.isNull()) {
        insert.bind(index + 1);
      } else if (value.isFloat()) {
        insert.bind(index + 1, value.getDouble());
      } else {
        insert.bind(index + 1, value.getView());  // integers as their text: the target column types it
      }
    }
    insert.exec();
    ++rows;
  }
  return rows;
}

}  // namespace

CopyReport CopyDatabase(const std::string& from, const std::string& to,
                        const std::function<void(const std::string& table, int64_t rows)>& progress) {
  const std::string what = "copying " + RedactUrlCredentials(from) + " to " + RedactUrlCredentials(to);
  std::unique_ptr<sql::Connection> source = store_internal::OpenMigratedConnection(from);
  std::unique_ptr<sql::Connection> target = store_internal::OpenMigratedConnection(to);
  try {
    for (const char* table : {"articles", "runs", "jobs"}) {
      if (target->QueryInt64(std::string("SELECT count(*) FROM ") + table) > 0) {
        throw StoreError(what + ": the target is not empty (it has " + table +
                         "); migrate into a new database");
      }
    }
    CopyReport report;
    // One snapshot of the source; one transaction on the target.
    sql::Transaction reading(*source, sql::Transaction::kRead);
    sql::Transaction writing(*target, sql::Transaction::kWrite);
    for (const TableColumns& table : Tables()) {
      for (sql::Connection* db : {source.get(), target.get()}) {
        if (ColumnCount(*db, table.table) != static_cast<int64_t>(table.columns.size())) {
          throw StoreError(what + ": table " + table.table + " of " + db->name() + " has " +
                           std::to_string(ColumnCount(*db, table.table)) + " columns, the copy knows " +
                           std::to_string(table.columns.size()) + " (lib/store/copy_database.cc)");
        }
      }
      const int64_t rows = CopyTable(*source, *target, table);
      report.rows.emplace_back(table.table, rows);
      if (progress) progress(table.table, rows);
    }
    if (target->engine() == sql::Engine::kPostgres) {
      for (const char* table : kTablesWithIds) {
        const std::string name(table);
        target->exec("SELECT setval(pg_get_serial_sequence('" + name + "', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM " +
                     name);
      }
    }
    writing.commit();
    return report;
  } catch (const sql::Error& e) {
    throw StoreError(what + ": " + e.what());
  }
}

}  // namespace citecheck
