#include "store/sqlite_connection.h"

#include <sqlite3.h>

#include <limits>

namespace citecheck::sql {
namespace {

bool IsBusy(int code) { return (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED; }

Error LastError(sqlite3* db, int code) {
  return Error(std::string(sqlite3_errmsg(db)), IsBusy(code), (code & 0xff) == SQLITE_NOTADB);
}

class SqliteStatement final : public StatementBackend {
 public:
  SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
    if (sql.size() > static_cast<size_t>(std::numeric_limits<int>::max())) throw Error("statement too long");
    // Persistent: the store keeps most statements for the connection's life.
    const int code = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                        &statement_, nullptr);
    if (code != SQLITE_OK) throw Error(std::string(sqlite3_errmsg(db)) + " (in: " + sql + ")", IsBusy(code));
  }
  ~SqliteStatement() override { sqlite3_finalize(statement_); }

  void BindInt64(int index, int64_t value) override { Check(sqlite3_bind_int64(statement_, index, value)); }
  void BindDouble(int index, double value) override { Check(sqlite3_bind_double(statement_, index, value)); }
  void BindText(int index, std::string_view value) override {
    Check(sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  void BindNull(int index) override { Check(sqlite3_bind_null(statement_, index)); }
  void ClearBindings() override { sqlite3_clear_bindings(statement_); }

  bool Step() override {
    // As SQLiteCpp: a statement run to its end runs again only after a
    // reset (a second exec() without one would otherwise do nothing).
    if (done_) throw Error("statement stepped past its end without a reset");
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    done_ = true;
    if (code == SQLITE_DONE) return false;
    throw LastError(db_, code);
  }

  int Exec() override {
    if (Step()) throw Error("exec() on a statement that returns rows: use executeStep()");
    return sqlite3_changes(db_);
  }

  void Reset() override {
    done_ = false;
    // sqlite3_reset repeats the last step's error; that step threw already.
    sqlite3_reset(statement_);
  }

  bool IsNull(int column) const override { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
  bool IsFloat(int column) const override { return sqlite3_column_type(statement_, column) == SQLITE_FLOAT; }
  int64_t Int64(int column) const override { return sqlite3_column_int64(statement_, column); }
  double Double(int column) const override { return sqlite3_column_double(statement_, column); }
  std::string_view Text(int column) const override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    if (text == nullptr) return {};
    return std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(statement_, column)));
  }

 private:
  void Check(int code) {
    if (code != SQLITE_OK) throw LastError(db_, code);
  }

  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
  bool done_ = false;  // stepped to the end (or failed) since the last reset
};

}  // namespace

Error FromSqliteException(const SQLite::Exception& e) {
  return Error(e.what(), IsBusy(e.getErrorCode()), e.getErrorCode() == SQLITE_NOTADB);
}

void SqliteConnection::exec(const std::string& sql) {
  try {
    database_.exec(sql);
  } catch (const SQLite::Exception& e) {
    throw FromSqliteException(e);
  }
}

bool SqliteConnection::tryExec(const std::string& sql) noexcept {
  return database_.tryExec(sql) == SQLITE_OK;
}

std::unique_ptr<StatementBackend> SqliteConnection::Prepare(const std::string& sql) {
  return std::make_unique<SqliteStatement>(database_.getHandle(), sql);
}

}  // namespace citecheck::sql
