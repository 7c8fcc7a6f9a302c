// The PostgreSQL backend of sql::Connection, a thin RAII layer over libpq
// (docs/storage.md "PostgreSQL"). Statements run with text parameters whose
// types the server infers; one executed a second time is prepared on the
// server and kept for the connection's life, so the store's fixed queries
// are parsed once while queries built for one use (an IN list) are not
// kept. Results arrive whole: the store's largest reads are bounded by a
// run's own rows.
#ifndef CITECHECK_STORE_POSTGRES_CONNECTION_H_
#define CITECHECK_STORE_POSTGRES_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sql_connection.h"

struct pg_conn;

namespace citecheck::sql {

// ?1 → $1 (and a bare ? → the next number, as SQLite numbers it) outside
// quoted strings, quoted identifiers and comments. `parameters` gets the
// highest number used.
std::string PostgresPlaceholders(std::string_view sql, int* parameters);

class PostgresConnection final : public Connection {
 public:
  // Connects to `url` (postgresql://user@host:port/database?…). Throws Error.
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Engine engine() const override { return Engine::kPostgres; }
  const std::string& name() const override { return name_; }
  void exec(const std::string& sql) override;
  bool tryExec(const std::string& sql) noexcept override;
  std::unique_ptr<StatementBackend> Prepare(const std::string& sql) override;
  void BeginWrite() override { Begin("BEGIN"); }
  void BeginRead() override { Begin("BEGIN ISOLATION LEVEL REPEATABLE READ"); }
  // libpq marks the connection bad once the server closed it (restart,
  // pg_terminate_backend, network loss) and a statement noticed.
  bool Broken() const override;

  pg_conn* handle() { return connection_; }
  // The server-side name of `sql` once it has run twice; "" before.
  std::string PreparedName(const std::string& sql);

 private:
  void Begin(const std::string& sql);

  pg_conn* connection_ = nullptr;
  std::string name_;
  // By SQL text: runs so far, and the prepared name once prepared.
  struct Use {
    int runs = 0;
    std::string prepared;
  };
  std::unordered_map<std::string, Use> uses_;
  int64_t next_name_ = 0;
};

}  // namespace citecheck::sql

#endif  // CITECHECK_STORE_POSTGRES_CONNECTION_H_
