// The SQL connection the store runs its queries on, with one backend per
// database engine (sqlite_connection.cc over SQLiteCpp, postgres_connection.cc
// over libpq). Internal to lib/store: one set of queries serves both engines,
// written in the SQL they share, with the few differences asked of Dialect.
// The method names follow SQLiteCpp's, which the store was first written
// against, so a query reads the same on either engine.
//
// Placeholders are ?1, ?2, … (the PostgreSQL backend rewrites them to $1,
// $2, … outside quoted text). Values travel as text to PostgreSQL, which
// infers each parameter's type from where it stands; booleans come back as 1
// or 0, as SQLite gives them.
#ifndef CITECHECK_STORE_SQL_CONNECTION_H_
#define CITECHECK_STORE_SQL_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace citecheck::sql {

// A failed statement. `busy`: the engine gave up waiting for a lock (SQLite's
// busy timeout, a PostgreSQL lock or statement timeout), which callers may
// retry. `not_a_database`: the file or server is not a database at all.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what, bool busy = false, bool not_a_database = false)
      : std::runtime_error(what), busy_(busy), not_a_database_(not_a_database) {}
  bool busy() const { return busy_; }
  bool not_a_database() const { return not_a_database_; }

 private:
  bool busy_;
  bool not_a_database_;
};

enum class Engine { kSqlite, kPostgres };

// Whether `database` names a PostgreSQL server (postgresql:// or postgres://)
// rather than a SQLite file.
inline bool IsPostgresUrl(std::string_view database) {
  return database.rfind("postgresql://", 0) == 0 || database.rfind("postgres://", 0) == 0;
}

// One prepared statement of a backend, stepped through its result rows.
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual void BindInt64(int index, int64_t value) = 0;
  virtual void BindDouble(int index, double value) = 0;
  virtual void BindText(int index, std::string_view value) = 0;
  virtual void BindNull(int index) = 0;
  virtual void ClearBindings() = 0;
  // Runs the statement on the first call after a reset; true while a row is current.
  virtual bool Step() = 0;
  // Runs a statement that returns no rows; the number of rows it changed.
  virtual int Exec() = 0;
  virtual void Reset() = 0;
  virtual bool IsNull(int column) const = 0;
  // Whether the value is stored as a floating-point number (SQLite's REAL):
  // copying it as text would round it. PostgreSQL answers false; its text
  // form of a double is exact.
  virtual bool IsFloat(int column) const = 0;
  virtual int64_t Int64(int column) const = 0;
  virtual double Double(int column) const = 0;
  virtual std::string_view Text(int column) const = 0;  // valid until the next Step or Reset
};

class Statement;

// A column of a statement's current row.
class Column {
 public:
  Column(const StatementBackend& statement, int index) : statement_(statement), index_(index) {}
  bool isNull() const { return statement_.IsNull(index_); }
  bool isFloat() const { return statement_.IsFloat(index_); }
  int getInt() const { return static_cast<int>(statement_.Int64(index_)); }
  int64_t getInt64() const { return statement_.Int64(index_); }
  double getDouble() const { return statement_.Double(index_); }
  std::string getString() const { return std::string(statement_.Text(index_)); }
  std::string_view getView() const { return statement_.Text(index_); }

 private:
  const StatementBackend& statement_;
  int index_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine engine() const = 0;
  // The database as errors name it: a path, or a URL without its password.
  virtual const std::string& name() const = 0;
  // Runs one or more statements without parameters or results.
  virtual void exec(const std::string& sql) = 0;
  // exec() that reports failure instead of throwing (cleanup paths).
  virtual bool tryExec(const std::string& sql) noexcept = 0;
  virtual std::unique_ptr<StatementBackend> Prepare(const std::string& sql) = 0;
  // Starts a write transaction: SQLite takes its write lock up front
  // (BEGIN IMMEDIATE), so a concurrent writer waits in the busy handler
  // instead of failing on a read-to-write upgrade; PostgreSQL locks rows as
  // it writes them.
  virtual void BeginWrite() = 0;
  // Starts a read-only transaction that sees one snapshot throughout.
  virtual void BeginRead() = 0;
  // Whether the connection is gone for good (a server that closed it or
  // went away): every statement on it fails, so its holder opens another.
  virtual bool Broken() const { return false; }
  // The value of the first column of the first row of `sql`, as an integer.
  int64_t QueryInt64(const std::string& sql);
};

class Statement {
 public:
  Statement(Connection& connection, const std::string& sql) : backend_(connection.Prepare(sql)) {}
  void bind(int index, int value) { backend_->BindInt64(index, value); }
  void bind(int index, int64_t value) { backend_->BindInt64(index, value); }
  void bind(int index, double value) { backend_->BindDouble(index, value); }
  void bind(int index, const std::string& value) { backend_->BindText(index, value); }
  void bind(int index, std::string_view value) { backend_->BindText(index, value); }
  void bind(int index, const char* value) { backend_->BindText(index, value); }
  void bind(int index) { backend_->BindNull(index); }  // NULL
  void clearBindings() { backend_->ClearBindings(); }
  bool executeStep() { return backend_->Step(); }
  int exec() { return backend_->Exec(); }
  void reset() { backend_->Reset(); }
  // reset() for cleanup paths: never throws.
  void tryReset() noexcept {
    try {
      backend_->Reset();
    } catch (...) {
    }
  }
  Column getColumn(int index) const { return Column(*backend_, index); }

 private:
  std::unique_ptr<StatementBackend> backend_;
};

// A transaction on a connection, rolled back unless committed.
class Transaction {
 public:
  enum Mode { kWrite, kRead };
  Transaction(Connection& connection, Mode mode);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& connection_;
  bool open_ = true;
};

}  // namespace citecheck::sql

#endif  // CITECHECK_STORE_SQL_CONNECTION_H_
