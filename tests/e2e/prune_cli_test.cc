// End to end: `citecheck prune` of the real binary (docs/storage.md
// "Retention"): keep_runs from the config and from the flag, --dry-run, and a
// prune killed with SIGKILL half-way through a large database, which leaves
// it consistent and is finished by the next prune exactly as one prune would
// have done.
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/wait.h>

#include <map>

#include "e2e/e2e_util.h"
#include "support/poll_until.h"
#include "support/spawn.h"
#include "support/test_server.h"

namespace citecheck::testing {
namespace {

int64_t Count(const std::string& db_path, const std::string& query) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  // It polls while a prune writes: a WAL reader can still be told "busy"
  // for a moment (the writer resetting the WAL), so wait as the store does.
  db.setBusyTimeout(10000);
  return db.execAndGet(query).getInt64();
}

// Row counts of the tables a prune touches, and the streak summaries.
std::map<std::string, std::string> Contents(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  std::map<std::string, std::string> contents;
  for (const char* table : {"runs", "run_articles", "citations", "quotes", "fetches", "pages", "verdict_cache",
                            "jobs", "pruned_marks", "pruned_streaks"}) {
    contents[table] = db.execAndGet(std::string("SELECT count(*) FROM ") + table).getString();
  }
  SQLite::Statement streaks(db, "SELECT article_id, normalized_url, broken_runs, since FROM pruned_streaks "
                                "ORDER BY article_id, normalized_url");
  while (streaks.executeStep()) {
    contents["streaks"] += streaks.getColumn(0).getString() + " " + streaks.getColumn(1).getString() + " " +
                           streaks.getColumn(2).getString() + " " + streaks.getColumn(3).getString() + "\n";
  }
  contents["marks"] = db.execAndGet("SELECT group_concat(article_id || ':' || through_run_id) FROM "
                                    "(SELECT * FROM pruned_marks ORDER BY article_id)").getString();
  return contents;
}

void ExpectConsistent(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
  SQLite::Statement violations(db, "PRAGMA foreign_key_check");
  EXPECT_FALSE(violations.executeStep()) << "a row of " << violations.getColumn(0).getString()
                                         << " refers to a missing row of " << violations.getColumn(2).getString();
}

TEST(PruneCliTest, KeepRunsFromTheConfigAndTheFlagAndADryRun) {
  TestServer server;
  server.server().Get("/page", [](const httplib::Request&, httplib::Response& r) {
    r.set_content("<p>The harbour froze over in the winter of that year.</p>", "text/html");
  });
  server.Start();
  TempDir dir;
  const std::string article =
      "# Winter\n\nIt says \"the harbour froze over in the winter\" [1].\n\n## References\n\n[1] " +
      server.Url("/page") + "\n";
  for (int n = 0; n < 5; ++n) {
    CheckOutput check = CheckArticle(dir, "winter.md", article, {"--allow-private"});
    ASSERT_EQ(check.run.exit_code, 0) << check.run.err;
  }
  const std::string db = dir.File("citecheck.db");
  const std::string config = dir.Write("config.json", R"({"store": {"keep_runs": 3}})");
  ASSERT_EQ(Count(db, "SELECT count(*) FROM runs"), 5);

  RunOutput dry = RunCitecheck({"prune", "--dry-run", "--db", db, "--config", config});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("would delete (keeping the newest 3 runs of each article): 2 runs, 2 article runs"),
            std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("nothing changed (--dry-run)"), std::string::npos) << dry.out;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM runs"), 5);

  RunOutput pruned = RunCitecheck({"prune", "--db", db, "--config", config});
  ASSERT_EQ(pruned.exit_code, 0) << pruned.err;
  EXPECT_NE(pruned.out.find("deleted (keeping the newest 3 runs of each article): 2 runs"), std::string::npos)
      << pruned.out;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM runs"), 3);

  RunOutput flag = RunCitecheck({"prune", "--keep-runs", "1", "--db", db, "--config", config});
  ASSERT_EQ(flag.exit_code, 0) << flag.err;
  EXPECT_NE(flag.out.find("newest 1 runs of each article): 2 runs"), std::string::npos) << flag.out;
  EXPECT_EQ(Count(db, "SELECT count(*) FROM runs"), 1);
  // The page text the kept run uses stays, and reports still render.
  EXPECT_EQ(Count(db, "SELECT count(*) FROM pages"), 1);
  RunOutput report = RunCitecheck({"report", "--db", db, "--format", "json"});
  EXPECT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(report.out.find("\"verified\""), std::string::npos) << report.out;
  ExpectConsistent(db);

  RunOutput zero = RunCitecheck({"prune", "--keep-runs", "0", "--db", db});
  EXPECT_EQ(zero.exit_code, 2);
  RunOutput bad = RunCitecheck({"prune", "--db", db, "--config", dir.Write("bad.json", R"({"store": {"keep_runs": 0}})")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("store.keep_runs"), std::string::npos) << bad.err;
}

constexpr int kArticles = 100;
constexpr int kRuns = 30;
constexpr int kKeep = 5;

// 100 articles x 30 nightly runs x 10 links (30,000 citations and fetches),
// written straight in SQL; page texts change every 10 runs, and links break
// and recover so that there are streaks to summarize.
void FillLargeHistory(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READWRITE);
  SQLite::Transaction transaction(db);
  db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(kArticles) +
          ") INSERT INTO articles (id, identity, source, created_at, registered) "
          "SELECT i, 'a' || i, 'a' || i || '.md', '2026-01-01T00:00:00Z', 1 FROM n");
  db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(kRuns) +
          ") INSERT INTO runs (id, trigger, started_at, finished_at, state) SELECT i, 'run', "
          "printf('2026-%02d-%02dT03:00:00Z', i / 28 + 2, i % 28 + 1), "
          "printf('2026-%02d-%02dT03:30:00Z', i / 28 + 2, i % 28 + 1), 'done' "
          "FROM n");
  db.exec("INSERT INTO run_articles (run_id, article_id, position, source, diagnostics, saved_at) "
          "SELECT r.id, a.id, a.id, a.source, '[]', r.started_at FROM runs r, articles a");
  db.exec("WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 9) "
          "INSERT INTO citations (run_id, article_id, position, cite_id, url, normalized_url, line, url_error) "
          "SELECT ra.run_id, ra.article_id, k.j, k.j + 1, 'http://h/' || (ra.article_id * 10 + k.j), "
          "'http://h/' || (ra.article_id * 10 + k.j), 1, '' FROM run_articles ra, k");
  db.exec("WITH RECURSIVE v(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM v WHERE n < " + std::to_string(kRuns / 10) +
          ") INSERT INTO pages (content_hash, stored_at, text) SELECT c.normalized_url || '#' || v.n, "
          "'2026-02-01T00:00:00Z', hex(randomblob(300)) FROM citations c, v WHERE c.run_id = 1");
  db.exec("INSERT INTO fetches (run_id, url, final_url, link_status, http_status, error, content_type, "
          "content_language, etag, last_modified, truncated, elapsed_ms, bytes, fetched_at, content_hash) "
          "SELECT run_id, normalized_url, normalized_url, s, CASE s WHEN 'ok' THEN 200 ELSE 404 END, '', "
          "'text/html', '', '', '', 0, 1, 100, '2026-02-01T00:00:00Z', "
          "CASE s WHEN 'ok' THEN normalized_url || '#' || (run_id / 10) END FROM "
          "(SELECT run_id, normalized_url, CASE WHEN (article_id * 10 + position + run_id / 7) % 5 = 0 "
          "THEN 'broken' ELSE 'ok' END AS s FROM citations)");
  transaction.commit();
}

TEST(PruneCliTest, APruneKilledHalfWayIsFinishedByTheNext) {
  TempDir dir;
  const std::string db = dir.File("citecheck.db");
  const std::string reference = dir.File("reference.db");
  ASSERT_EQ(RunCitecheck({"list", "--db", db}).exit_code, 0);  // creates the schema
  FillLargeHistory(db);
  {
    SQLite::Database copy(db, SQLite::OPEN_READONLY);
    copy.exec("VACUUM INTO '" + reference + "'");
  }
  const int64_t article_runs = Count(db, "SELECT count(*) FROM run_articles");
  ASSERT_EQ(article_runs, kArticles * kRuns);

  const pid_t child = SpawnChild(CITECHECK_BINARY, {"prune", "--keep-runs", std::to_string(kKeep), "--db", db}, {},
                                 {"/dev/null", dir.File("prune.out"), dir.File("prune.err")});
  // Killed as soon as its first transaction is committed.
  const bool started = PollUntil([&] { return Count(db, "SELECT count(*) FROM run_articles") < article_runs; },
                                 std::chrono::seconds(120), std::chrono::milliseconds(5));
  kill(child, SIGKILL);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(started) << ReadFile(dir.File("prune.err"));
  ASSERT_TRUE(WIFSIGNALED(status)) << "the prune finished before it was killed: " << ReadFile(dir.File("prune.out"));
  const int64_t left = Count(db, "SELECT count(*) FROM run_articles");
  EXPECT_GT(left, kArticles * kKeep) << "killed after it was done: not half-way";
  ExpectConsistent(db);

  RunOutput again = RunCitecheck({"prune", "--keep-runs", std::to_string(kKeep), "--db", db});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  RunOutput once = RunCitecheck({"prune", "--keep-runs", std::to_string(kKeep), "--db", reference});
  ASSERT_EQ(once.exit_code, 0) << once.err;
  ExpectConsistent(db);
  EXPECT_EQ(Count(db, "SELECT count(*) FROM run_articles"), kArticles * kKeep);
  EXPECT_EQ(Contents(db), Contents(reference));
  EXPECT_GT(Count(db, "SELECT count(*) FROM pruned_streaks"), 0);  // there were streaks to keep
}

}  // namespace
}  // namespace citecheck::testing
