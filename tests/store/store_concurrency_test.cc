// Several connections on one database, as when the daemon runs a job while
// the CLI writes another run (or several workers share PostgreSQL): writers
// wait for each other instead of failing with "database is locked"; on every
// backend.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"
#include "support/test_database.h"

namespace citecheck {
namespace {

using testing::BackendTest;

class StoreConcurrencyTest : public BackendTest {};

constexpr int kRowsPerWriter = 200;

// Writes a run of kRowsPerWriter fetch results (each its own transaction) and
// records the first error, if any.
void WriteRun(const std::string& path, const std::string& name, std::string* error) {
  try {
    auto store = Store::Open(path);
    int64_t article = store->UpsertArticle(name, name);
    int64_t run = store->BeginRun(name);
    Article a;
    a.source = name;
    store->SaveArticle(run, article, a);
    for (int i = 0; i < kRowsPerWriter; ++i) {
      FetchResult r;
      r.url = "https://example.org/" + name + "/" + std::to_string(i);
      r.status = LinkStatus::kOk;
      r.http_status = 200;
      // Half the pages share text across writers, to contend on pages too.
      PageText page{i % 2 == 0 ? "shared text " + std::to_string(i) : name + std::to_string(i), "", "", ""};
      store->SaveFetch(run, r, page, "en");
    }
    store->FinishRun(run, RunState::kDone);
  } catch (const std::exception& e) {
    *error = e.what();
  }
}

TEST_P(StoreConcurrencyTest, TwoWritersOnOneFileBothSucceed) {
  const std::string path = db();
  std::string error_a, error_b;
  std::thread a(WriteRun, path, "a", &error_a);
  std::thread b(WriteRun, path, "b", &error_b);
  a.join();
  b.join();
  EXPECT_EQ(error_a, "");
  EXPECT_EQ(error_b, "");

  auto check = database().Connect();
  EXPECT_EQ(check->QueryInt64("SELECT count(*) FROM fetches"), 2 * kRowsPerWriter);
  EXPECT_EQ(check->QueryInt64("SELECT count(*) FROM runs WHERE state = 'done'"), 2);
  // kRowsPerWriter/2 shared texts plus kRowsPerWriter/2 own texts per writer.
  EXPECT_EQ(check->QueryInt64("SELECT count(*) FROM pages"), kRowsPerWriter / 2 * 3);
}

TEST_P(StoreConcurrencyTest, ConcurrentOpenersOfAFreshFileMigrateOnce) {
  const std::string path = db();
  std::vector<std::string> errors(12);
  std::vector<std::thread> threads;
  for (auto& error : errors) {
    threads.emplace_back([&path, &error] {
      try {
        Store::Open(path)->BeginRun("x");
      } catch (const std::exception& e) {
        error = e.what();
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& error : errors) EXPECT_EQ(error, "");
  EXPECT_EQ(database().Rows("runs"), 12);
}

TEST_P(StoreConcurrencyTest, ReaderSeesConsistentRunWhileAWriterWrites) {
  const std::string path = db();
  auto writer = Store::Open(path);
  int64_t article = writer->UpsertArticle("a", "a");
  int64_t run = writer->BeginRun("check");
  Article a;
  a.source = "a";
  for (int i = 0; i < 50; ++i) {
    std::string url = "https://e.org/" + std::to_string(i);
    a.citations.push_back({std::to_string(i + 1), url, url, i + 1, ""});
  }
  writer->SaveArticle(run, article, a);

  std::atomic<bool> done{false};
  std::string reader_error;
  std::thread reader([&] {
    try {
      auto store = Store::Open(path);
      while (!done) {
        RunRecord record = store->LoadRun(run);
        if (record.articles.size() != 1 || record.articles[0].citations.size() != 50) {
          reader_error = "inconsistent snapshot";
          return;
        }
      }
    } catch (const std::exception& e) {
      reader_error = e.what();
    }
  });
  for (int i = 0; i < 50; ++i) {
    FetchResult r;
    r.url = a.citations[i].normalized_url;
    r.status = LinkStatus::kOk;
    writer->SaveFetch(run, r, std::nullopt, "");
  }
  done = true;
  reader.join();
  EXPECT_EQ(reader_error, "");
  RunRecord record = writer->LoadRun(run);
  for (const auto& c : record.articles[0].citations) EXPECT_EQ(c.link_status, LinkStatus::kOk);
}

CITECHECK_ON_EVERY_BACKEND(StoreConcurrencyTest);

}  // namespace
}  // namespace citecheck
