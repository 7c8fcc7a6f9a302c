// Opening a database: configuration, schema versioning and refusals.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/schema.h"
#include "store/sql_store.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

using store_internal::Migration;
using testing::TempDir;

std::string StoreErrorOf(const std::string& path) {
  try {
    Store::Open(path);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "";
}

TEST(StoreOpenTest, CreatesFileAndParentsInWalModeAtCurrentVersion) {
  TempDir dir;
  const std::string path = dir.File("deep/er/citecheck.db");
  auto store = Store::Open(path);
  ASSERT_TRUE(std::filesystem::exists(path));
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), SqlStore::SchemaVersion());
  EXPECT_GE(SqlStore::SchemaVersion(), 1);
  for (const char* table : {"articles", "runs", "run_articles", "citations", "fetches", "pages", "quotes"}) {
    EXPECT_TRUE(db.tableExists(table)) << table;
  }
}

TEST(StoreOpenTest, ReopenIsIdempotentAndKeepsData) {
  TempDir dir;
  const std::string path = dir.File("c.db");
  int64_t id = Store::Open(path)->UpsertArticle("/a.md", "a.md");
  auto again = Store::Open(path);
  EXPECT_EQ(again->UpsertArticle("/a.md", "a.md"), id);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), SqlStore::SchemaVersion());
}

TEST(StoreOpenTest, RefusesNewerSchemaNamingPathAndVersions) {
  TempDir dir;
  const std::string path = dir.File("new.db");
  Store::Open(path);
  const int newer = SqlStore::SchemaVersion() + 7;
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(newer));
  }
  const std::string message = StoreErrorOf(path);
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find(std::to_string(newer)), std::string::npos) << message;
  EXPECT_NE(message.find(std::to_string(SqlStore::SchemaVersion())), std::string::npos) << message;
}

TEST(StoreOpenTest, RefusesAFileThatIsNotADatabase) {
  TempDir dir;
  const std::string path = dir.Write("notes.db", std::string(4096, 'x') + "this is not SQLite\n");
  const std::string message = StoreErrorOf(path);
  EXPECT_NE(message.find(path + " is not a citecheck database: "), std::string::npos) << message;
  // The file is left alone.
  EXPECT_EQ(std::filesystem::file_size(path), 4096u + 19u);
}

TEST(StoreOpenTest, RefusesSomeOtherApplicationsDatabase) {
  TempDir dir;
  const std::string path = dir.File("other.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL)");
  }
  const std::string message = StoreErrorOf(path);
  EXPECT_NE(message.find(path + " is not a citecheck database"), std::string::npos) << message;
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_FALSE(db.tableExists("runs"));
}

TEST(StoreOpenTest, ReportsAnUnwritableLocation) {
  TempDir dir;
  const std::string blocker = dir.Write("file", "x");
  const std::string message = StoreErrorOf(blocker + "/sub/c.db");
  EXPECT_NE(message.find(blocker), std::string::npos) << message;
}

// The migration mechanism, driven with steps of the test's own.
class MigrateTest : public ::testing::Test {
 protected:
  MigrateTest() : path_(dir_.File("m.db")), db_(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {}
  TempDir dir_;
  std::string path_;
  SQLite::Database db_;
};

TEST_F(MigrateTest, AppliesStepsInOrderAndOnlyOnce) {
  std::vector<Migration> steps = {
      {"one", "CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1);"},
      {"two", "ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'x'; INSERT INTO t (a) VALUES (2);"},
  };
  store_internal::Migrate(db_, path_, {steps[0]});
  EXPECT_EQ(store_internal::UserVersion(db_), 1);
  store_internal::Migrate(db_, path_, steps);
  store_internal::Migrate(db_, path_, steps);
  EXPECT_EQ(store_internal::UserVersion(db_), 2);
  EXPECT_EQ(db_.execAndGet("SELECT count(*) FROM t").getInt(), 2);
  EXPECT_EQ(db_.execAndGet("SELECT b FROM t WHERE a = 1").getString(), "x");
}

TEST_F(MigrateTest, AFailingStepRollsBackAndKeepsThePreviousVersion) {
  std::vector<Migration> steps = {
      {"one", "CREATE TABLE t (a INTEGER);"},
      {"broken step", "CREATE TABLE u (a INTEGER); INSERT INTO nowhere VALUES (1);"},
  };
  try {
    store_internal::Migrate(db_, path_, steps);
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(path_), std::string::npos) << message;
    EXPECT_NE(message.find("version 2 (broken step)"), std::string::npos) << message;
    EXPECT_NE(message.find("nowhere"), std::string::npos) << message;
  }
  EXPECT_EQ(store_internal::UserVersion(db_), 1);
  EXPECT_TRUE(db_.tableExists("t"));
  EXPECT_FALSE(db_.tableExists("u"));
}

TEST(DefaultDatabasePathTest, PrefersXdgDataHomeThenHome) {
  const char* saved_xdg = std::getenv("XDG_DATA_HOME");
  const char* saved_home = std::getenv("HOME");
  std::string xdg = saved_xdg ? saved_xdg : "";
  std::string home = saved_home ? saved_home : "";

  setenv("XDG_DATA_HOME", "/data/x", 1);
  setenv("HOME", "/home/u", 1);
  EXPECT_EQ(DefaultDatabasePath(), "/data/x/citecheck/citecheck.db");
  unsetenv("XDG_DATA_HOME");
  EXPECT_EQ(DefaultDatabasePath(), "/home/u/.local/share/citecheck/citecheck.db");
  setenv("XDG_DATA_HOME", "relative/ignored", 1);
  EXPECT_EQ(DefaultDatabasePath(), "/home/u/.local/share/citecheck/citecheck.db");

  if (saved_xdg) setenv("XDG_DATA_HOME", xdg.c_str(), 1); else unsetenv("XDG_DATA_HOME");
  if (saved_home) setenv("HOME", home.c_str(), 1); else unsetenv("HOME");
}

}  // namespace
}  // namespace citecheck
