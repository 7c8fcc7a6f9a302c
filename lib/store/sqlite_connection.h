// The SQLite backend of sql::Connection: statements on the sqlite3 C API of
// a SQLiteCpp database, which the SQLite-only code (opening, migrations,
// reclaiming space) uses directly.
#ifndef CITECHECK_STORE_SQLITE_CONNECTION_H_
#define CITECHECK_STORE_SQLITE_CONNECTION_H_

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <optional>
#include <string>

#include "store/sql_connection.h"

namespace citecheck::sql {

class SqliteConnection final : public Connection {
 public:
  // Takes over an open database.
  SqliteConnection(SQLite::Database&& database, std::string path)
      : owned_(std::move(database)), database_(*owned_), path_(std::move(path)) {}
  // Borrows one that outlives the connection (migration tests).
  SqliteConnection(SQLite::Database& database, std::string path) : database_(database), path_(std::move(path)) {}
  Engine engine() const override { return Engine::kSqlite; }
  const std::string& name() const override { return path_; }
  void exec(const std::string& sql) override;
  bool tryExec(const std::string& sql) noexcept override;
  std::unique_ptr<StatementBackend> Prepare(const std::string& sql) override;
  void BeginWrite() override { exec("BEGIN IMMEDIATE"); }
  void BeginRead() override { exec("BEGIN"); }  // a deferred transaction's snapshot starts at its first read
  SQLite::Database& database() { return database_; }

 private:
  std::optional<SQLite::Database> owned_;
  SQLite::Database& database_;
  std::string path_;
};

// An Error from a SQLiteCpp exception (busy and not-a-database flagged).
Error FromSqliteException(const SQLite::Exception& e);

}  // namespace citecheck::sql

#endif  // CITECHECK_STORE_SQLITE_CONNECTION_H_
