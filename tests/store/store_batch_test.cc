// Store::WriteBatch (many Save* calls in one transaction, on every backend)
// and SQLite's schema migrations 4 (page texts moved out of the key's b-tree) and 5 (body hashes).
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "store/schema.h"
#include "store/sql_store.h"
#include "store/store.h"
#include "support/fetch_results.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

namespace citecheck {
namespace {

using testing::TempDir;

Article OneQuoteArticle() {
  Article a;
  a.source = "a.md";
  a.citations = {{"1", "https://example.org/a", "https://example.org/a", 3, ""}};
  a.quotes = {{"the tide comes in twice a day", 1, 5, {"1"}, false, ""}};
  return a;
}

FetchResult Fetched(const std::string& url) { return testing::OkFetch(url); }

PageText Text(const std::string& text) { return {text, "Title", "en", ""}; }

Verdict VerifiedVerdict() {
  Verdict v;
  v.status = QuoteStatus::kVerified;
  v.score = 1.0;
  return v;
}

class StoreBatchTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    store_ = OpenStore();
    reader_ = database().Connect();
    article_id_ = store_->UpsertArticle("/abs/a.md", "a.md");
    run_id_ = store_->BeginRun("check");
    store_->SaveArticle(run_id_, article_id_, OneQuoteArticle());
  }

  int Fetches() { return static_cast<int>(reader_->QueryInt64("SELECT count(*) FROM fetches")); }

  std::unique_ptr<Store> store_;
  std::unique_ptr<sql::Connection> reader_;  // another connection: sees committed data only
  int64_t article_id_ = 0;
  int64_t run_id_ = 0;
};

TEST_P(StoreBatchTest, WritesBecomeVisibleTogetherOnCommit) {
  {
    Store::WriteBatch batch(*store_);
    store_->SaveFetch(run_id_, Fetched("https://example.org/a"), Text("one text"), "en");
    store_->SaveFetch(run_id_, Fetched("https://example.org/b"), Text("another text"), "en");
    store_->SaveVerdict(run_id_, article_id_, 0, VerifiedVerdict());
    EXPECT_EQ(Fetches(), 0);  // nothing committed yet
    batch.Commit();
  }
  EXPECT_EQ(Fetches(), 2);
  EXPECT_EQ(reader_->QueryInt64("SELECT count(*) FROM pages"), 2);
  sql::Statement status(*reader_, "SELECT status FROM quotes");
  ASSERT_TRUE(status.executeStep());
  EXPECT_EQ(status.getColumn(0).getString(), "verified");
}

TEST_P(StoreBatchTest, ABatchLeftWithoutCommitRollsBack) {
  {
    Store::WriteBatch batch(*store_);
    store_->SaveFetch(run_id_, Fetched("https://example.org/a"), Text("one text"), "en");
  }
  EXPECT_EQ(Fetches(), 0);
  // The store is usable on its own again: this save commits by itself.
  store_->SaveFetch(run_id_, Fetched("https://example.org/a"), Text("one text"), "en");
  EXPECT_EQ(Fetches(), 1);
}

TEST_P(StoreBatchTest, AFailedWriteLeavesTheRestOfTheBatch) {
  Store::WriteBatch batch(*store_);
  store_->SaveFetch(run_id_, Fetched("https://example.org/a"), Text("one text"), "en");
  // Quote 7 does not exist: this call fails, and only it is undone.
  EXPECT_THROW(store_->SaveVerdict(run_id_, article_id_, 7, VerifiedVerdict()), StoreError);
  store_->SaveFetch(run_id_, Fetched("https://example.org/b"), Text("another text"), "en");
  batch.Commit();
  EXPECT_EQ(Fetches(), 2);
}

TEST_P(StoreBatchTest, ANestedBatchJoinsTheOuterOne) {
  Store::WriteBatch outer(*store_);
  {
    Store::WriteBatch inner(*store_);
    store_->SaveFetch(run_id_, Fetched("https://example.org/a"), Text("one text"), "en");
    inner.Commit();
  }
  EXPECT_EQ(Fetches(), 0);  // the outer batch has not committed
  outer.Commit();
  EXPECT_EQ(Fetches(), 1);
}

CITECHECK_ON_EVERY_BACKEND(StoreBatchTest);

// A database as migration 3 left it (pages WITHOUT ROWID, one text linked
// from a fetch) opens at the current version with its data intact.
TEST(PagesMigrationTest, MovesTextsOutOfTheKeyTreeAndKeepsThem) {
  TempDir dir;
  const std::string path = dir.File("v3.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const std::vector<store_internal::Migration>& all = store_internal::Migrations();
    ASSERT_GE(all.size(), 4u);
    store_internal::Migrate(db, path, {all[0], all[1], all[2]});
    db.exec("INSERT INTO runs (id, trigger, started_at, state) VALUES (1, 'check', '2026-01-01T00:00:00Z', 'done')");
    db.exec("INSERT INTO pages (content_hash, text, stored_at) VALUES ('h1', 'stored text', '2026-01-01T00:00:00Z')");
    db.exec(
        "INSERT INTO fetches (run_id, url, final_url, link_status, http_status, error, content_type, "
        "content_language, etag, last_modified, truncated, elapsed_ms, bytes, fetched_at, content_hash) "
        "VALUES (1, 'https://example.org/a', 'https://example.org/a', 'ok', 200, '', 'text/html', '', "
        "'\"e1\"', '', 0, 5, 100, '2026-01-01T00:00:00Z', 'h1')");
  }
  auto store = Store::Open(path);
  std::optional<StoredFetch> cached = store->FindCachedPage("https://example.org/a");
  ASSERT_TRUE(cached.has_value());
  ASSERT_TRUE(cached->page.has_value());
  EXPECT_EQ(cached->page->text, "stored text");
  EXPECT_EQ(cached->content_hash, "h1");

  SQLite::Database reader(path);
  EXPECT_EQ(reader.execAndGet("PRAGMA user_version").getInt(), SqlStore::SchemaVersion());
  const std::string sql = reader.execAndGet("SELECT sql FROM sqlite_master WHERE name = 'pages'").getString();
  EXPECT_EQ(sql.find("WITHOUT ROWID"), std::string::npos) << sql;
  EXPECT_FALSE(reader.tableExists("pages_by_rowid"));
  // Foreign keys still point at the rebuilt table.
  SQLite::Statement check(reader, "PRAGMA foreign_key_check");
  EXPECT_FALSE(check.executeStep());
}

// A database as migration 4 left it: its 304s become fetches that reused a
// text (they do not restart the maximum age), its full fetches do not.
TEST(BodyHashMigrationTest, MarksStored304sAsReusedTexts) {
  TempDir dir;
  const std::string path = dir.File("v4.db");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const std::vector<store_internal::Migration>& all = store_internal::Migrations();
    ASSERT_GE(all.size(), 5u);
    store_internal::Migrate(db, path, {all[0], all[1], all[2], all[3]});
    db.exec("INSERT INTO runs (id, trigger, started_at, state) VALUES (1, 'check', '2026-01-01T00:00:00Z', 'done')");
    db.exec("INSERT INTO runs (id, trigger, started_at, state) VALUES (2, 'check', '2026-01-02T00:00:00Z', 'done')");
    db.exec("INSERT INTO pages (content_hash, text, stored_at) VALUES ('h1', 'stored text', '2026-01-01T00:00:00Z')");
    for (const char* row : {"1, 200, '2026-01-01T00:00:00Z'", "2, 304, '2026-01-02T00:00:00Z'"}) {
      db.exec(std::string(
                  "INSERT INTO fetches (run_id, http_status, fetched_at, url, final_url, link_status, error, "
                  "content_type, content_language, etag, last_modified, truncated, elapsed_ms, bytes, content_hash) "
                  "VALUES (") +
              row + ", 'https://example.org/a', 'https://example.org/a', 'ok', '', 'text/html', '', "
                    "'\"e1\"', '', 0, 5, 100, 'h1')");
    }
  }
  auto store = Store::Open(path);
  // Both rows are older than a day: the last extraction (run 1) decides.
  EXPECT_FALSE(store->FindCachedValidators("https://example.org/a", 24 * 3600).has_value());
  std::optional<Validators> validators = store->FindCachedValidators("https://example.org/a", 0x7fffffff);
  ASSERT_TRUE(validators.has_value());
  EXPECT_EQ(validators->etag, "\"e1\"");
  EXPECT_EQ(validators->body_hash, "");  // not known for old rows: never matches a body
  SQLite::Database reader(path);
  EXPECT_EQ(reader.execAndGet("SELECT text_reused FROM fetches WHERE run_id = 1").getInt(), 0);
  EXPECT_EQ(reader.execAndGet("SELECT text_reused FROM fetches WHERE run_id = 2").getInt(), 1);
}

// A step that leaves a row pointing at nothing is refused: migrations run
// with foreign keys off, so the check is the step's own.
TEST(PagesMigrationTest, AStepThatBreaksAForeignKeyIsRolledBack) {
  TempDir dir;
  const std::string path = dir.File("fk.db");
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  std::vector<store_internal::Migration> steps = {
      {"parent and child", "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                           "CREATE TABLE child (p INTEGER REFERENCES parent(id));"
                           "INSERT INTO parent VALUES (1); INSERT INTO child VALUES (1);"},
      {"orphaning step", "DELETE FROM parent;"},
  };
  try {
    store_internal::Migrate(db, path, steps);
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("(orphaning step)"), std::string::npos) << message;
    EXPECT_NE(message.find("a row of child refers to a missing row of parent"), std::string::npos) << message;
  }
  EXPECT_EQ(store_internal::UserVersion(db), 1);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM parent").getInt(), 1);
}

}  // namespace
}  // namespace citecheck
