// Caching between runs for servers that send no ETag / Last-Modified: a 200
// whose body hashes the same as the one the stored text came from reuses that
// text instead of extracting it again. Real loopback server, real SQLite file.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

#include "check/pipeline.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

using testing::TempDir;
using testing::TestServer;

constexpr const char* kTidesPage = "<html><title>Tides</title><p>The tide comes in twice a day here.</p></html>";

class PipelineBodyHashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // No validators at all: every request is a full 200.
    server_.server().Get("/plain", [this](const httplib::Request&, httplib::Response& res) {
      ++requests_;
      std::lock_guard<std::mutex> lock(mu_);
      res.set_content(body_, "text/html");
    });
    // With an ETag: the 304 of the second run carries the first body's hash.
    server_.server().Get("/tagged", [](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("If-None-Match") == "\"v1\"") {
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"v1\"");
      res.set_content(kTidesPage, "text/html");
    });
    server_.Start();
    config_.fetch.allow_all_private = true;
    config_.archive.enabled = false;  // dead links here must not reach the real web archive
    config_.fetch.retries = 0;
    config_.fetch.per_host_interval_ms = 0;
    store_ = Store::Open(db_path_);
  }

  void Serve(const std::string& body) {
    std::lock_guard<std::mutex> lock(mu_);
    body_ = body;
  }

  CheckRun Check(const std::string& path = "/plain") {
    auto fetcher = MakeCurlFetcher(config_.fetch);
    ArticleInput input;
    input.ok = true;
    input.source = "a.md";
    input.identity = "/articles/a.md";
    input.bytes = "It said \"the tide comes in twice a day\" [1].\n\n[1] " + server_.Url(path) + "\n";
    return RunCheck({input}, config_, *store_, *fetcher, "check");
  }

  QuoteStatus StatusOf(const CheckRun& run) {
    RunRecord record = store_->LoadRun(run.run_id);
    return record.articles.at(0).quotes.at(0).verdict.status;
  }

  // body_hash and text_reused of the fetch `run` made.
  std::pair<std::string, int> FetchRow(const CheckRun& run) {
    SQLite::Database db(db_path_);
    SQLite::Statement q(db, "SELECT body_hash, text_reused FROM fetches WHERE run_id = ?");
    q.bind(1, run.run_id);
    EXPECT_TRUE(q.executeStep());
    return {q.getColumn(0).getString(), q.getColumn(1).getInt()};
  }

  void Backdate(const CheckRun& run, const char* age) {
    SQLite::Database db(db_path_, SQLite::OPEN_READWRITE);
    SQLite::Statement q(db, "UPDATE fetches SET fetched_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?) WHERE run_id = ?");
    q.bind(1, age);
    q.bind(2, run.run_id);
    ASSERT_EQ(q.exec(), 1);
  }

  TestServer server_;
  std::atomic<int> requests_{0};
  std::mutex mu_;
  std::string body_ = kTidesPage;
  TempDir dir_;
  const std::string db_path_ = dir_.File("cache.db");
  Config config_;
  std::unique_ptr<Store> store_;
};

TEST_F(PipelineBodyHashTest, TheSameBodyAgainReusesTheStoredText) {
  CheckRun first = Check();
  EXPECT_EQ(first.unchanged_pages, 0);
  CheckRun second = Check();
  EXPECT_EQ(requests_.load(), 2);  // still fetched: nothing to revalidate with
  EXPECT_EQ(second.unchanged_pages, 1);
  EXPECT_EQ(StatusOf(second), QuoteStatus::kVerified);
  RunRecord record = store_->LoadRun(second.run_id);
  const CitationRecord& c = record.articles.at(0).citations.at(0);
  EXPECT_EQ(c.http_status, 200);
  EXPECT_EQ(c.title, "Tides");  // from the stored copy
  auto [first_hash, first_reused] = FetchRow(first);
  auto [second_hash, second_reused] = FetchRow(second);
  EXPECT_EQ(first_hash, ContentHash(kTidesPage));
  EXPECT_EQ(second_hash, first_hash);
  EXPECT_EQ(first_reused, 0);
  EXPECT_EQ(second_reused, 1);
}

TEST_F(PipelineBodyHashTest, AChangedBodyIsExtractedAgain) {
  EXPECT_EQ(StatusOf(Check()), QuoteStatus::kVerified);
  Serve("<html><title>Tides</title><p>The page was rewritten; nothing about the sea.</p></html>");
  CheckRun second = Check();
  EXPECT_EQ(second.unchanged_pages, 0);
  EXPECT_EQ(StatusOf(second), QuoteStatus::kNotFound);
  EXPECT_EQ(FetchRow(second).second, 0);
}

// The maximum age counts from the last extraction, not from the last reuse:
// a page reused every night is still extracted again once the age is reached.
TEST_F(PipelineBodyHashTest, TheTextIsExtractedAgainOnceTheLastExtractionIsTooOld) {
  config_.fetch.cache_max_age_s = 24 * 3600;
  CheckRun extracted = Check();
  EXPECT_EQ(Check().unchanged_pages, 1);  // reused, fetched_at now
  Backdate(extracted, "-2 days");
  CheckRun after_age = Check();
  EXPECT_EQ(after_age.unchanged_pages, 0);
  EXPECT_EQ(FetchRow(after_age).second, 0);
  EXPECT_EQ(Check().unchanged_pages, 1);  // young again
}

TEST_F(PipelineBodyHashTest, MaxAgeZeroExtractsEveryTime) {
  config_.fetch.cache_max_age_s = 0;
  Check();
  EXPECT_EQ(Check().unchanged_pages, 0);
}

// A body cut at fetch.max_body_bytes is not the whole page: its hash says
// nothing about what was cut off, so it is never taken as unchanged.
TEST_F(PipelineBodyHashTest, ATruncatedBodyIsNeverTakenAsUnchanged) {
  config_.fetch.max_body_bytes = 40;
  CheckRun first = Check();
  CheckRun second = Check();
  EXPECT_EQ(second.unchanged_pages, 0);
  EXPECT_EQ(FetchRow(second).second, 0);
  EXPECT_EQ(FetchRow(first).first, FetchRow(second).first);  // same cut, still extracted
}

TEST_F(PipelineBodyHashTest, A304KeepsTheHashOfTheBodyItStandsFor) {
  CheckRun first = Check("/tagged");
  CheckRun second = Check("/tagged");
  EXPECT_EQ(second.unchanged_pages, 1);
  EXPECT_EQ(store_->LoadRun(second.run_id).articles.at(0).citations.at(0).http_status, 304);
  EXPECT_EQ(FetchRow(second).first, ContentHash(kTidesPage));
  EXPECT_EQ(FetchRow(second).second, 1);
  EXPECT_EQ(FetchRow(first).second, 0);
}

}  // namespace
}  // namespace citecheck
