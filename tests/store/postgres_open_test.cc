// Opening a PostgreSQL store: its own schema version, what it refuses, how
// errors name the server; and the placeholder rewriting its statements use.
#include <gtest/gtest.h>

#include <string>

#include "store/postgres_connection.h"
#include "store/schema.h"
#include "store/store.h"
#include "support/closed_port.h"
#include "support/test_database.h"

namespace citecheck {
namespace {

using testing::Backend;
using testing::TestDatabase;

std::string OpenError(const std::string& db) {
  try {
    Store::Open(db);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "";
}

TEST(PostgresPlaceholdersTest, NumbersOutsideQuotesAndComments) {
  int parameters = 0;
  EXPECT_EQ(sql::PostgresPlaceholders("SELECT ?1, ?12 FROM t WHERE a = ?2", &parameters),
            "SELECT $1, $12 FROM t WHERE a = $2");
  EXPECT_EQ(parameters, 12);
  EXPECT_EQ(sql::PostgresPlaceholders("SELECT '?1', \"a?\", ?1 -- ?2\n/* ?3 */ , 'it''s ?'", &parameters),
            "SELECT '?1', \"a?\", $1 -- ?2\n/* ?3 */ , 'it''s ?'");
  EXPECT_EQ(parameters, 1);
  // A bare ? takes the next number, as SQLite numbers it.
  EXPECT_EQ(sql::PostgresPlaceholders("VALUES (?, ?, ?5, ?)", &parameters), "VALUES ($1, $2, $5, $6)");
  EXPECT_EQ(parameters, 6);
  EXPECT_EQ(sql::PostgresPlaceholders("SELECT 'unterminated ?1", &parameters), "SELECT 'unterminated ?1");
  EXPECT_EQ(parameters, 0);
}

class PostgresOpenTest : public ::testing::Test {
 protected:
  void SetUp() override { CITECHECK_SKIP_UNLESS_AVAILABLE(Backend::kPostgres); }
};

TEST_F(PostgresOpenTest, MigratesOnceAndKeepsDataAcrossOpens) {
  TestDatabase database(Backend::kPostgres);
  const int64_t id = Store::Open(database.db())->UpsertArticle("/a.md", "a.md");
  auto again = Store::Open(database.db());
  EXPECT_EQ(again->UpsertArticle("/a.md", "a.md"), id);
  auto raw = database.Connect();
  EXPECT_EQ(store_internal::PostgresSchemaVersion(*raw),
            static_cast<int>(store_internal::PostgresMigrations().size()));
  EXPECT_EQ(raw->QueryInt64("SELECT count(*) FROM citecheck_schema"), 1);
}

TEST_F(PostgresOpenTest, RefusesANewerSchemaNamingTheServerAndVersions) {
  TestDatabase database(Backend::kPostgres);
  Store::Open(database.db());
  database.Connect()->exec("UPDATE citecheck_schema SET version = 999");
  const std::string error = OpenError(database.db());
  EXPECT_NE(error.find("schema version 999"), std::string::npos) << error;
  EXPECT_NE(error.find("newer than this citecheck supports"), std::string::npos) << error;
  EXPECT_NE(error.find("127.0.0.1"), std::string::npos) << error;
}

TEST_F(PostgresOpenTest, RefusesSomeOtherApplicationsDatabase) {
  TestDatabase database(Backend::kPostgres);
  database.Connect()->exec("CREATE TABLE invoices (id BIGINT PRIMARY KEY)");
  const std::string error = OpenError(database.db());
  EXPECT_NE(error.find("is not a citecheck database"), std::string::npos) << error;
  auto raw = database.Connect();
  EXPECT_EQ(raw->QueryInt64("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"), 1);
}

TEST_F(PostgresOpenTest, AnUnreachableServerIsAStoreErrorWithoutThePassword) {
  const std::string url = "postgresql://citecheck:s3cret@127.0.0.1:" + std::to_string(testing::ClosedPort()) +
                          "/citecheck?connect_timeout=5";
  const std::string error = OpenError(url);
  EXPECT_NE(error.find("opening database postgresql://"), std::string::npos) << error;
  EXPECT_EQ(error.find("s3cret"), std::string::npos) << error;
}

TEST_F(PostgresOpenTest, ATextWithANulByteIsRefusedNotCutShort) {
  TestDatabase database(Backend::kPostgres);
  auto store = Store::Open(database.db());
  const int64_t article_id = store->UpsertArticle("/a.md", "a.md");
  const int64_t run_id = store->BeginRun("check");
  Article article;
  article.source = "a.md";
  article.title = std::string("a\0b", 3);
  try {
    store->SaveArticle(run_id, article_id, article);
    FAIL() << "stored a NUL byte";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("NUL byte"), std::string::npos) << e.what();
  }
  EXPECT_EQ(database.Rows("run_articles"), 0);
}

}  // namespace
}  // namespace citecheck
