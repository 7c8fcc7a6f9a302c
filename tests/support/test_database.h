// A fresh database on each store backend, for the store conformance suite:
// a SQLite file in a temporary directory, or a database of its own on the
// throwaway PostgreSQL server scripts/test starts (its URL in
// CITECHECK_TEST_POSTGRES). Without that server the PostgreSQL cases skip,
// unless CITECHECK_REQUIRE_POSTGRES=1 (scripts/test, CI) makes them fail.
#ifndef CITECHECK_TESTS_SUPPORT_TEST_DATABASE_H_
#define CITECHECK_TESTS_SUPPORT_TEST_DATABASE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/sql_connection.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace citecheck::testing {

enum class Backend { kSqlite, kPostgres };

// For INSTANTIATE_TEST_SUITE_P's names: "Sqlite", "Postgres".
std::string BackendName(const ::testing::TestParamInfo<Backend>& info);

class TestDatabase {
 public:
  // A new, empty database; nothing is created until db() is first asked.
  explicit TestDatabase(Backend backend);
  ~TestDatabase();  // drops the PostgreSQL database
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // What Store::Open takes: the file's path, or the database's URL.
  const std::string& db() const { return db_; }
  Backend backend() const { return backend_; }
  // Another connection, for looking at what the store committed.
  std::unique_ptr<sql::Connection> Connect() const;
  // The row count of `table` (a name of the test's own), read on a new connection.
  int64_t Rows(const std::string& table) const;
  // PostgreSQL: ends every other session on the database, as a server
  // restart or an operator's pg_terminate_backend would; how many.
  int64_t TerminateOtherSessions() const;

  // Whether the backend can be tested here; when not, the test should
  // GTEST_SKIP (AvailableOrSkip does it).
  static bool Available(Backend backend);

 private:
  Backend backend_;
  TempDir dir_;
  std::string db_;
  std::string name_;  // the PostgreSQL database's name
};

// The base of a store test run on every backend: SetUp skips (or fails,
// see above) where the backend is missing, then makes a fresh database.
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  TestDatabase& database() { return *database_; }
  const std::string& db() const { return database_->db(); }
  // A new store on the test's database.
  std::unique_ptr<Store> OpenStore() const;

 private:
  std::unique_ptr<TestDatabase> database_;
};

}  // namespace citecheck::testing

// Runs the TEST_Ps of `suite` (a BackendTest) on SQLite and on PostgreSQL.
#define CITECHECK_ON_EVERY_BACKEND(suite)                                                            \
  INSTANTIATE_TEST_SUITE_P(Backends, suite,                                                          \
                           ::testing::Values(::citecheck::testing::Backend::kSqlite,                 \
                                             ::citecheck::testing::Backend::kPostgres),              \
                           ::citecheck::testing::BackendName)

// In a parameterized store test: skips the PostgreSQL cases without a
// server (failing instead when CITECHECK_REQUIRE_POSTGRES=1).
#define CITECHECK_SKIP_UNLESS_AVAILABLE(backend)                                             \
  do {                                                                                       \
    if (!::citecheck::testing::TestDatabase::Available(backend)) {                           \
      GTEST_SKIP() << "no PostgreSQL server: set CITECHECK_TEST_POSTGRES (scripts/test does)"; \
    }                                                                                        \
  } while (0)

#endif  // CITECHECK_TESTS_SUPPORT_TEST_DATABASE_H_
