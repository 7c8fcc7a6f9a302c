// The check pipeline as a library: real loopback server, real SQLite file.
#include "check/pipeline.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <sstream>

#include "support/temp_dir.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

using testing::TempDir;
using testing::TestServer;

ArticleInput Input(const std::string& name, const std::string& text) {
  ArticleInput input;
  input.ok = true;
  input.source = name;
  input.identity = "/articles/" + name;
  input.bytes = text;
  return input;
}

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get(R"(/page/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      ++requests_;
      res.set_content("<p>Page number " + req.matches[1].str() + " says the tide comes in twice a day.</p>",
                      "text/html");
    });
    server_.Start();
    config_.fetch.allow_all_private = true;
    config_.archive.enabled = false;  // dead links here must not reach the real web archive
    config_.fetch.per_host_concurrency = 4;
    config_.fetch.per_host_interval_ms = 0;
    config_.fetch.retries = 0;
    store_ = Store::Open(dir_.File("check.db"));
    fetcher_ = MakeCurlFetcher(config_.fetch);
  }

  TestServer server_;
  std::atomic<int> requests_{0};
  TempDir dir_;
  Config config_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Fetcher> fetcher_;
};

TEST_F(PipelineTest, EachDistinctUrlIsFetchedOnceAcrossArticles) {
  std::string refs;
  std::string body;
  for (int i = 1; i <= 5; ++i) {
    body += "Page " + std::to_string(i) + " says \"the tide comes in twice a day\" [" + std::to_string(i) + "].\n\n";
    refs += "[" + std::to_string(i) + "] " + server_.Url("/page/" + std::to_string(i)) + "\n";
  }
  // A second article cites the same pages, one of them spelled differently.
  std::string other = "It said \"the tide comes in twice a day\" [1].\n\n[1] " +
                      server_.Url("/page/3#section") + "\n";
  CheckRun run = RunCheck({Input("a.md", body + refs), Input("b.md", other)}, config_, *store_, *fetcher_,
                          "check");
  EXPECT_FALSE(run.input_error);
  EXPECT_EQ(requests_.load(), 5);
  RunRecord record = store_->LoadRun(run.run_id);
  ASSERT_EQ(record.articles.size(), 2u);
  EXPECT_EQ(record.state, RunState::kDone);
  for (const auto& article : record.articles) {
    for (const auto& q : article.quotes) {
      EXPECT_TRUE(q.decided);
      EXPECT_EQ(q.verdict.status, QuoteStatus::kVerified) << q.quote.text;
    }
  }
}

TEST_F(PipelineTest, EachFetchIsCommittedAsItCompletes) {
  std::string body, refs;
  for (int i = 1; i <= 6; ++i) {
    body += "Says \"the tide comes in twice a day\" [" + std::to_string(i) + "].\n\n";
    refs += "[" + std::to_string(i) + "] " + server_.Url("/page/" + std::to_string(i)) + "\n";
  }
  // A second connection, as another process would see the database.
  SQLite::Database observer(dir_.File("check.db"));
  std::vector<int> seen;
  CheckRun run = RunCheck({Input("a.md", body + refs)}, config_, *store_, *fetcher_, "check",
                          [&](const Progress& p) {
                            seen.push_back(observer.execAndGet("SELECT count(*) FROM fetches").getInt());
                            EXPECT_EQ(p.done, static_cast<int>(seen.size()));
                            EXPECT_EQ(p.total, 6);
                          });
  // Pages that finish together may share a transaction, but a page is
  // reported done only once another connection can read it.
  ASSERT_EQ(seen.size(), 6u);
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_GE(seen[i], static_cast<int>(i + 1));
  EXPECT_GT(run.run_id, 0);
}

TEST_F(PipelineTest, UnreadableArticleIsRecordedButNotChecked) {
  CheckRun run = RunCheck({Input("bad.md", "Bad \xFF byte [1].\n\n[1] " + server_.Url("/page/1") + "\n")},
                          config_, *store_, *fetcher_, "check");
  EXPECT_TRUE(run.input_error);
  EXPECT_EQ(requests_.load(), 0);
  ASSERT_FALSE(run.diagnostics.empty());
  EXPECT_EQ(run.diagnostics[0].line, 1);
  EXPECT_EQ(run.diagnostics[0].column, 5);
  RunRecord record = store_->LoadRun(run.run_id);
  ASSERT_EQ(record.articles.size(), 1u);
  EXPECT_FALSE(record.articles[0].diagnostics.empty());
}

TEST_F(PipelineTest, QuoteWithTwoCitationsTakesTheBestVerdict) {
  server_.server().Get("/other", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<p>Nothing relevant here at all.</p>", "text/html");
  });
  std::string article = "It said \"the tide comes in twice a day\" [1][2].\n\n[1] " + server_.Url("/other") +
                        "\n[2] " + server_.Url("/page/9") + "\n";
  CheckRun run = RunCheck({Input("a.md", article)}, config_, *store_, *fetcher_, "check");
  RunRecord record = store_->LoadRun(run.run_id);
  ASSERT_EQ(record.articles[0].quotes.size(), 1u);
  const Verdict& v = record.articles[0].quotes[0].verdict;
  EXPECT_EQ(v.status, QuoteStatus::kVerified);
  ASSERT_TRUE(v.evidence.has_value());
  EXPECT_EQ(v.evidence->citation_id, "2");
}

}  // namespace
}  // namespace citecheck

namespace citecheck {
namespace {

// Caching between runs: the second run revalidates with the stored ETag and,
// on 304, decides the quote from the stored text without extracting again.
class PipelineCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.server().Get("/cached", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.get_header_value("If-None-Match") == "\"v1\"") {
        ++not_modified_;
        res.status = 304;
        return;
      }
      ++full_;
      res.set_header("ETag", "\"v1\"");
      res.set_content("<html><title>Tides</title><p>The tide comes in twice a day here.</p></html>",
                      "text/html");
    });
    server_.Start();
    config_.fetch.allow_all_private = true;
    config_.archive.enabled = false;  // dead links here must not reach the real web archive
    config_.fetch.retries = 0;
    config_.fetch.per_host_interval_ms = 0;
  }

  CheckRun Check(Store& store, const std::string& quote = "the tide comes in twice a day") {
    auto fetcher = MakeCurlFetcher(config_.fetch);
    std::string article = "It said \"" + quote + "\" [1].\n\n[1] " + server_.Url("/cached") + "\n";
    return RunCheck({Input("a.md", article)}, config_, store, *fetcher, "check");
  }

  TestServer server_;
  std::atomic<int> full_{0};
  std::atomic<int> not_modified_{0};
  TempDir dir_;
  Config config_;
};

TEST_F(PipelineCacheTest, SecondRunRevalidatesAndReusesTheStoredText) {
  auto store = Store::Open(dir_.File("cache.db"));
  CheckRun first = Check(*store);
  CheckRun second = Check(*store);
  EXPECT_EQ(full_.load(), 1);
  EXPECT_EQ(not_modified_.load(), 1);
  RunRecord record = store->LoadRun(second.run_id);
  ASSERT_EQ(record.articles.size(), 1u);
  const CitationRecord& c = record.articles[0].citations[0];
  EXPECT_EQ(c.link_status, LinkStatus::kOk);
  EXPECT_EQ(c.http_status, 304);
  EXPECT_EQ(c.title, "Tides");  // from the stored copy
  ASSERT_EQ(record.articles[0].quotes.size(), 1u);
  EXPECT_EQ(record.articles[0].quotes[0].verdict.status, QuoteStatus::kVerified);
  ASSERT_TRUE(record.articles[0].quotes[0].verdict.evidence.has_value());
  // A third run after a 304 still revalidates (the 304 row carries the text).
  Check(*store);
  EXPECT_EQ(not_modified_.load(), 2);
  EXPECT_NE(first.run_id, second.run_id);
}

TEST_F(PipelineCacheTest, VerdictsAreReusedAndANewQuoteIsMatchedOnTheStoredText) {
  auto store = Store::Open(dir_.File("cache.db"));
  Check(*store);
  {
    SQLite::Database db(dir_.File("cache.db"));
    EXPECT_EQ(db.execAndGet("SELECT count(*) FROM verdict_cache").getInt(), 1);
  }
  // Same quote: the cached verdict, with its evidence naming this citation.
  CheckRun same = Check(*store);
  const RunRecord same_run = store->LoadRun(same.run_id);
  const Verdict& reused = same_run.articles[0].quotes[0].verdict;
  EXPECT_EQ(reused.status, QuoteStatus::kVerified);
  ASSERT_TRUE(reused.evidence.has_value());
  EXPECT_EQ(reused.evidence->citation_id, "1");
  // A quote never matched on this text: the stored text is matched (still a 304).
  CheckRun changed = Check(*store, "the tide comes in twice a week");
  EXPECT_EQ(store->LoadRun(changed.run_id).articles[0].quotes[0].verdict.status, QuoteStatus::kNearMatch);
  EXPECT_EQ(full_.load(), 1);
  EXPECT_EQ(not_modified_.load(), 2);
}

TEST_F(PipelineCacheTest, MaxAgeZeroAlwaysFetchesInFull) {
  config_.fetch.cache_max_age_s = 0;
  auto store = Store::Open(dir_.File("cache.db"));
  Check(*store);
  Check(*store);
  EXPECT_EQ(full_.load(), 2);
  EXPECT_EQ(not_modified_.load(), 0);
}

}  // namespace
}  // namespace citecheck
