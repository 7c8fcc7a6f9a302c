// Store::Prune on real SQLite files (docs/storage.md "Retention"): what goes,
// what stays (kept runs and what they use, runs that may be resumed), the
// dry run, the database's consistency, and the space given back.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "store/store.h"
#include "support/test_database.h"

namespace citecheck {
namespace {


constexpr const char* kShared = "http://example.org/shared";

// A run of `articles`, each citing the shared page (same text every run) and
// a page of its own whose text is new in every run; `extra` bytes of text.
int64_t StoreRun(Store& store, const std::vector<int64_t>& articles, int n, size_t extra = 0,
                 RunState state = RunState::kDone) {
  const int64_t run = store.BeginRun("run");
  for (int64_t article : articles) {
    const std::string own = "http://example.org/own" + std::to_string(article);
    Article a;
    a.source = "a" + std::to_string(article) + ".md";
    Citation shared, mine;
    shared.id = "1";
    shared.url = shared.normalized_url = kShared;
    mine.id = "2";
    mine.url = mine.normalized_url = own;
    a.citations = {shared, mine};
    Quote q;
    q.text = "a quote of four words";
    q.citation_ids = {"1"};
    a.quotes = {q};
    store.SaveArticle(run, article, a);
    FetchResult f;
    f.url = own;
    f.status = LinkStatus::kOk;
    f.http_status = 200;
    PageText page;
    page.text = "run " + std::to_string(n) + " of " + own + std::string(extra, 'x');
    const std::string hash = store.SaveFetch(run, f, page, "");
    Verdict v;
    v.status = QuoteStatus::kVerified;
    store.CacheVerdicts(hash, "options", {{q.text, v}});
  }
  FetchResult f;
  f.url = kShared;
  f.status = LinkStatus::kOk;
  f.http_status = 200;
  PageText page;
  page.text = "the shared page, unchanged";
  store.SaveFetch(run, f, page, "");
  store.FinishRun(run, state);
  return run;
}

int64_t Rows(sql::Connection& db, const std::string& table) { return db.QueryInt64("SELECT count(*) FROM " + table); }

std::map<std::string, int64_t> AllRows(sql::Connection& db) {
  std::map<std::string, int64_t> rows;
  for (const char* table : {"runs", "run_articles", "citations", "quotes", "fetches", "pages", "verdict_cache",
                            "jobs", "articles", "pruned_marks", "pruned_streaks"}) {
    rows[table] = Rows(db, table);
  }
  return rows;
}

// PostgreSQL checks every foreign key as it writes; SQLite is asked.
void ExpectConsistent(const testing::TestDatabase& database) {
  if (database.backend() != testing::Backend::kSqlite) return;
  SQLite::Database db(database.db(), SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
  SQLite::Statement violations(db, "PRAGMA foreign_key_check");
  EXPECT_FALSE(violations.executeStep()) << "a row of " << violations.getColumn(0).getString()
                                         << " refers to a missing row of " << violations.getColumn(2).getString();
}

PruneReport Prune(Store& store, int keep, bool dry_run = false) {
  PruneOptions options;
  options.keep_runs = keep;
  options.dry_run = dry_run;
  return store.Prune(options);
}

class PruneTest : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    path_ = db();
    store_ = OpenStore();
    a_ = store_->UpsertArticle("a", "a");
    b_ = store_->UpsertArticle("b", "b");
  }
  SQLite::Database Raw() { return SQLite::Database(path_, SQLite::OPEN_READWRITE); }

  std::string path_;
  std::unique_ptr<Store> store_;
  int64_t a_ = 0, b_ = 0;
};

TEST_P(PruneTest, KeepsTheNewestRunsOfEachArticleAndWhatTheyUse) {
  std::vector<int64_t> a_only, shared, b_only;
  for (int n = 0; n < 4; ++n) a_only.push_back(StoreRun(*store_, {a_}, n));
  for (int n = 4; n < 7; ++n) shared.push_back(StoreRun(*store_, {a_, b_}, n));
  for (int n = 7; n < 9; ++n) b_only.push_back(StoreRun(*store_, {b_}, n));
  // A finished job of a run that goes.
  Job job = store_->EnqueueArticleJob(a_);
  const JobLease lease{"test-worker", 60};
  ASSERT_EQ(store_->ClaimNextJob(lease)->id, job.id);
  store_->SetJobRun(job.id, a_only[0]);
  ASSERT_TRUE(store_->FinishJob(job.id, lease.owner, JobState::kDone, ""));

  PruneReport r = Prune(*store_, 2);
  // a keeps shared[1], shared[2]; b keeps b_only. shared[0] and a_only go
  // whole; shared[1..2] lose b's part only.
  EXPECT_EQ(r.runs, 5);
  EXPECT_EQ(r.article_runs, 4 + 1 + 3);  // a: a_only, shared[0]; b: shared
  EXPECT_EQ(r.citations, 2 * r.article_runs);
  EXPECT_EQ(r.quotes, r.article_runs);
  EXPECT_EQ(r.fetches, 4 * 2 + 3);  // own page + shared page per whole run
  EXPECT_EQ(r.jobs, 1);
  EXPECT_EQ(r.pages, 4 + 2);  // the own pages of the whole runs that went
  EXPECT_EQ(r.cached_verdicts, r.pages);
  EXPECT_GT(r.page_bytes, 0);

  EXPECT_EQ(store_->RunsOfArticle(a_, 100).size(), 2u);
  EXPECT_EQ(store_->RunsOfArticle(b_, 100).size(), 2u);
  for (int64_t run : a_only) EXPECT_FALSE(store_->FindRun(run));
  EXPECT_FALSE(store_->FindRun(shared[0]));
  // A kept run reads whole: citations with their fetches and texts.
  RunRecord kept = store_->LoadRun(shared[1]);
  ASSERT_EQ(kept.articles.size(), 1u);
  EXPECT_EQ(kept.articles[0].article_id, a_);
  ASSERT_EQ(kept.articles[0].citations.size(), 2u);
  for (const CitationRecord& c : kept.articles[0].citations) {
    EXPECT_EQ(c.link_status, LinkStatus::kOk) << c.citation.url;
    EXPECT_FALSE(c.content_hash.empty());
    EXPECT_TRUE(store_->FindCachedVerdict(c.content_hash, "a quote of four words", "options") ||
                c.citation.url == kShared);
  }
  ASSERT_TRUE(store_->FindCachedPage(kShared));  // the page a 304 would reuse
  EXPECT_EQ(store_->FindCachedPage(kShared)->page->text, "the shared page, unchanged");
  store_.reset();
  ExpectConsistent(database());
  auto db = database().Connect();
  // Nothing refers to a page that is gone, and no page is left unreferenced.
  EXPECT_EQ(db->QueryInt64("SELECT count(*) FROM pages p WHERE NOT EXISTS "
                           "(SELECT 1 FROM fetches f WHERE f.content_hash = p.content_hash)"), 0);
  EXPECT_EQ(db->QueryInt64("SELECT count(*) FROM verdict_cache v WHERE NOT EXISTS "
                           "(SELECT 1 FROM pages p WHERE p.content_hash = v.content_hash)"), 0);
}

TEST_P(PruneTest, APruneWithNothingBeyondTheWindowDeletesNothing) {
  for (int n = 0; n < 3; ++n) StoreRun(*store_, {a_}, n);
  auto db = database().Connect();
  const auto before = AllRows(*db);
  PruneReport r = Prune(*store_, 3);
  EXPECT_EQ(r.runs + r.article_runs + r.pages + r.fetches, 0);
  EXPECT_EQ(AllRows(*db), before);
}

TEST_P(PruneTest, RunsThatMayBeResumedAreNeverPruned) {
  const int64_t interrupted = StoreRun(*store_, {a_}, 0, 0, RunState::kInterrupted);
  const int64_t crashed = StoreRun(*store_, {a_}, 1, 0, RunState::kRunning);  // its process (this one) lives on
  const int64_t queued_job_run = StoreRun(*store_, {a_}, 2, 0, RunState::kFailed);
  Job job = store_->EnqueueArticleJob(a_);
  store_->SetJobRun(job.id, queued_job_run);  // queued again: its run resumes
  const int64_t done = StoreRun(*store_, {a_}, 3);
  for (int n = 4; n < 7; ++n) StoreRun(*store_, {a_}, n);
  PruneReport r = Prune(*store_, 1);
  EXPECT_EQ(r.runs, 3);  // `done` and the two after it; the newest stays
  EXPECT_FALSE(store_->FindRun(done));
  for (int64_t run : {interrupted, crashed, queued_job_run}) {
    ASSERT_TRUE(store_->FindRun(run)) << run;
    EXPECT_EQ(store_->LoadRun(run).articles.size(), 1u) << run;
  }
  // A run in progress may be about to reuse a text it looked up: texts wait.
  EXPECT_TRUE(r.pages_deferred);
  store_->FinishRun(crashed, RunState::kDone);
  store_->FinishRun(interrupted, RunState::kDone);
  r = Prune(*store_, 1);
  EXPECT_FALSE(r.pages_deferred);
  EXPECT_EQ(r.runs, 2);
  EXPECT_GE(r.pages, 4);
}

TEST_P(PruneTest, ADryRunCountsWhatThePruneDeletesAndChangesNothing) {
  for (int n = 0; n < 5; ++n) StoreRun(*store_, {a_}, n, 2000);
  for (int n = 5; n < 8; ++n) StoreRun(*store_, {a_, b_}, n, 2000);
  for (int n = 8; n < 12; ++n) StoreRun(*store_, {b_}, n, 2000);
  auto db = database().Connect();
  const auto before = AllRows(*db);
  const bool sqlite = GetParam() == testing::Backend::kSqlite;
  const int64_t size = sqlite ? std::filesystem::file_size(path_) : 0;
  PruneReport dry = Prune(*store_, 3, /*dry_run=*/true);
  EXPECT_EQ(AllRows(*db), before);
  if (sqlite) {
    EXPECT_EQ(std::filesystem::file_size(path_), size);
  }
  EXPECT_EQ(dry.bytes_after, dry.bytes_before);
  EXPECT_GT(dry.runs, 0);
  PruneReport real = Prune(*store_, 3);
  EXPECT_EQ(dry.runs, real.runs);
  EXPECT_EQ(dry.article_runs, real.article_runs);
  EXPECT_EQ(dry.citations, real.citations);
  EXPECT_EQ(dry.quotes, real.quotes);
  EXPECT_EQ(dry.fetches, real.fetches);
  EXPECT_EQ(dry.jobs, real.jobs);
  EXPECT_EQ(dry.pages, real.pages);
  EXPECT_EQ(dry.page_bytes, real.page_bytes);
  EXPECT_EQ(dry.cached_verdicts, real.cached_verdicts);
  EXPECT_EQ(AllRows(*db)["runs"], before.at("runs") - real.runs);
  EXPECT_EQ(AllRows(*db)["pages"], before.at("pages") - real.pages);
}

// Giving the space back to the file system: SQLite's incremental vacuum
// (PostgreSQL's autovacuum keeps it for the tables, docs/storage.md).
class SqlitePruneSpaceTest : public PruneTest {};

TEST_P(SqlitePruneSpaceTest, TheSpaceIsGivenBack) {
  for (int n = 0; n < 30; ++n) StoreRun(*store_, {a_, b_}, n, 100000);
  PruneReport r = Prune(*store_, 2);
  EXPECT_FALSE(r.converted_to_incremental);  // a new database is incremental from the start
  EXPECT_EQ(r.pages, 2 * 28);
  EXPECT_LT(r.bytes_after, r.bytes_before / 5) << r.bytes_before << " -> " << r.bytes_after;
  store_.reset();
  EXPECT_LE(static_cast<int64_t>(std::filesystem::file_size(path_)), r.bytes_after);  // the WAL checkpointed
  SQLite::Database db = Raw();
  EXPECT_EQ(db.execAndGet("PRAGMA freelist_count").getInt64(), 0);
  ExpectConsistent(database());
}

TEST_P(SqlitePruneSpaceTest, AnOlderDatabaseIsConvertedToIncrementalVacuumOnce) {
  for (int n = 0; n < 10; ++n) StoreRun(*store_, {a_}, n, 100000);
  {
    SQLite::Database db = Raw();
    db.exec("PRAGMA auto_vacuum = NONE");
    db.exec("VACUUM");  // as a database created before retention was
    ASSERT_EQ(db.execAndGet("PRAGMA auto_vacuum").getInt(), 0);
  }
  PruneReport r = Prune(*store_, 2);
  EXPECT_TRUE(r.converted_to_incremental);
  EXPECT_LT(r.bytes_after, r.bytes_before / 2);
  EXPECT_EQ(Raw().execAndGet("PRAGMA auto_vacuum").getInt(), 2);
  StoreRun(*store_, {a_}, 10, 100000);
  r = Prune(*store_, 2);
  EXPECT_FALSE(r.converted_to_incremental);
  EXPECT_EQ(r.runs, 1);
  ExpectConsistent(database());
}

TEST_P(PruneTest, KeepRunsBelowOneIsRefused) {
  EXPECT_THROW(Prune(*store_, 0), StoreError);
}

CITECHECK_ON_EVERY_BACKEND(PruneTest);
INSTANTIATE_TEST_SUITE_P(Sqlite, SqlitePruneSpaceTest, ::testing::Values(testing::Backend::kSqlite),
                         testing::BackendName);

}  // namespace
}  // namespace citecheck
