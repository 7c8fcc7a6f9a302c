#include "support/test_database.h"

#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

#include "store/postgres_connection.h"
#include "store/sqlite_connection.h"

namespace citecheck::testing {
namespace {

std::string ServerUrl() {
  const char* url = std::getenv("CITECHECK_TEST_POSTGRES");
  return url != nullptr ? url : "";
}

bool PostgresRequired() {
  const char* required = std::getenv("CITECHECK_REQUIRE_POSTGRES");
  return required != nullptr && std::string(required) == "1";
}

// The server URL with its database replaced by `name`.
std::string UrlOfDatabase(const std::string& server, const std::string& name) {
  const size_t scheme = server.find("://");
  const size_t slash = server.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  const size_t query = server.find('?');
  std::string url = slash == std::string::npos ? server.substr(0, query) : server.substr(0, slash);
  url += "/" + name;
  if (query != std::string::npos) url += server.substr(query);
  return url;
}

}  // namespace

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

bool TestDatabase::Available(Backend backend) {
  if (backend == Backend::kSqlite) return true;
  if (!ServerUrl().empty()) return true;
  if (PostgresRequired()) {
    ADD_FAILURE() << "CITECHECK_REQUIRE_POSTGRES=1 but CITECHECK_TEST_POSTGRES is not set";
  }
  return false;
}

TestDatabase::TestDatabase(Backend backend) : backend_(backend) {
  if (backend_ == Backend::kSqlite) {
    db_ = dir_.File("store.db");
    return;
  }
  static std::atomic<int> counter{0};
  name_ = "citecheck_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  sql::PostgresConnection server(ServerUrl());
  server.exec("CREATE DATABASE " + name_);
  db_ = UrlOfDatabase(ServerUrl(), name_);
}

TestDatabase::~TestDatabase() {
  if (name_.empty()) return;
  try {
    sql::PostgresConnection server(ServerUrl());
    server.exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception& e) {
    ADD_FAILURE() << "dropping test database " << name_ << ": " << e.what();
  }
}

std::unique_ptr<sql::Connection> TestDatabase::Connect() const {
  if (backend_ == Backend::kPostgres) return std::make_unique<sql::PostgresConnection>(db_);
  return std::make_unique<sql::SqliteConnection>(SQLite::Database(db_, SQLite::OPEN_READWRITE), db_);
}

int64_t TestDatabase::Rows(const std::string& table) const {
  return Connect()->QueryInt64("SELECT count(*) FROM " + table);
}

int64_t TestDatabase::TerminateOtherSessions() const {
  return Connect()->QueryInt64(
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
      "WHERE datname = current_database() AND pid <> pg_backend_pid()");
}

void BackendTest::SetUp() {
  CITECHECK_SKIP_UNLESS_AVAILABLE(GetParam());
  database_ = std::make_unique<TestDatabase>(GetParam());
}

std::unique_ptr<Store> BackendTest::OpenStore() const { return Store::Open(database_->db()); }

}  // namespace citecheck::testing
