// The check pipeline driven by a scripted fetcher (tests/support): page reuse
// between runs, the matcher version in the verdict cache, and failures on
// any of the run's threads. A real SQLite file throughout; the real fetcher
// is covered by pipeline_test.cc and tests/fetch.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "check/page_reuse.h"
#include "check/pipeline.h"
#include "support/fake_fetcher.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

using testing::FakeFetcher;
using testing::ScriptedPage;

constexpr const char* kPageText = "<p>The harbour reopened in the spring after the long repairs.</p>";

ArticleInput Input(const std::string& text) {
  ArticleInput input;
  input.ok = true;
  input.source = "a.md";
  input.identity = "/articles/a.md";
  input.bytes = text;
  return input;
}

// An article quoting each of `count` pages once.
std::string ArticleCiting(int count, const std::string& quote = "the harbour reopened in the spring") {
  std::string body, refs;
  for (int i = 1; i <= count; ++i) {
    body += "Page " + std::to_string(i) + " said \"" + quote + "\" [" + std::to_string(i) + "].\n\n";
    refs += "[" + std::to_string(i) + "] https://news.example/" + std::to_string(i) + "\n";
  }
  return body + refs;
}

std::map<std::string, ScriptedPage> Pages(int count, const std::string& etag = "\"v1\"") {
  std::map<std::string, ScriptedPage> pages;
  for (int i = 1; i <= count; ++i) {
    ScriptedPage page;
    page.body = kPageText;
    page.etag = etag;
    pages["https://news.example/" + std::to_string(i)] = page;
  }
  return pages;
}

class PipelineFakeFetcherTest : public ::testing::Test {
 protected:
  PipelineFakeFetcherTest() : path_(dir_.File("check.db")), store_(Store::Open(path_)) {}

  std::vector<QuoteStatus> Verdicts(const CheckRun& run) {
    std::vector<QuoteStatus> statuses;
    for (const auto& article : store_->LoadRun(run.run_id).articles) {
      for (const auto& q : article.quotes) statuses.push_back(q.verdict.status);
    }
    return statuses;
  }

  testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
  Config config_;
};

TEST_F(PipelineFakeFetcherTest, NotModifiedPagesReuseTextAndVerdicts) {
  FakeFetcher first(Pages(3));
  CheckRun cold = RunCheck({Input(ArticleCiting(3))}, config_, *store_, first, "check");
  EXPECT_EQ(cold.unchanged_pages, 0);
  EXPECT_EQ(Verdicts(cold), std::vector<QuoteStatus>(3, QuoteStatus::kVerified));

  FakeFetcher second(Pages(3));
  CheckRun warm = RunCheck({Input(ArticleCiting(3))}, config_, *store_, second, "check");
  EXPECT_EQ(second.not_modified_count(), 3);
  EXPECT_EQ(warm.unchanged_pages, 3);
  EXPECT_EQ(Verdicts(warm), std::vector<QuoteStatus>(3, QuoteStatus::kVerified));
  // The stored text is the page's, so the report reads as before.
  const RunRecord record = store_->LoadRun(warm.run_id);
  for (const auto& c : record.articles.at(0).citations) {
    EXPECT_EQ(c.link_status, LinkStatus::kOk);
  }
}

TEST_F(PipelineFakeFetcherTest, SameBodyWithoutValidatorsIsReused) {
  FakeFetcher first(Pages(2, /*etag=*/""));
  RunCheck({Input(ArticleCiting(2))}, config_, *store_, first, "check");
  FakeFetcher second(Pages(2, ""));
  CheckRun warm = RunCheck({Input(ArticleCiting(2))}, config_, *store_, second, "check");
  EXPECT_EQ(second.not_modified_count(), 0);
  EXPECT_EQ(warm.unchanged_pages, 2);
  EXPECT_EQ(Verdicts(warm), std::vector<QuoteStatus>(2, QuoteStatus::kVerified));
}

// A verdict cached under another matcher version (or other settings) is never
// served: the stored text is matched again with today's rules.
TEST_F(PipelineFakeFetcherTest, VerdictCachedByAnotherMatcherVersionIsNotServed) {
  FakeFetcher first(Pages(1));
  CheckRun cold = RunCheck({Input(ArticleCiting(1))}, config_, *store_, first, "check");
  ASSERT_EQ(Verdicts(cold), std::vector<QuoteStatus>{QuoteStatus::kVerified});
  {
    // Forge what an older binary would have cached: the same page text and
    // quote decided differently, under a key without today's version.
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    SQLite::Statement forge(db, "UPDATE verdict_cache SET status = 'not_found', score = 0, evidence = NULL, "
                                "options = ?1");
    forge.bind(1, "near_threshold=" + std::to_string(config_.match.near_threshold));
    ASSERT_GT(forge.exec(), 0);
  }
  FakeFetcher second(Pages(1));
  CheckRun warm = RunCheck({Input(ArticleCiting(1))}, config_, *store_, second, "check");
  EXPECT_EQ(second.not_modified_count(), 1);
  EXPECT_EQ(Verdicts(warm), std::vector<QuoteStatus>{QuoteStatus::kVerified});
  EXPECT_NE(PageReuse::VerdictKey(config_.match).find("matcher=" + std::to_string(kMatcherVersion)),
            std::string::npos);
}

TEST_F(PipelineFakeFetcherTest, UnchangedPageWithoutStoredCopyDecidesItsQuotes) {
  // A 304 for a page this database never stored (validators from elsewhere).
  FakeFetcher fetcher([](const std::string& url, const std::optional<Validators>&) {
    FetchResult r;
    r.url = url;
    r.final_url = url;
    r.status = LinkStatus::kOk;
    r.http_status = 304;
    r.not_modified = true;
    return r;
  });
  CheckRun run = RunCheck({Input(ArticleCiting(1))}, config_, *store_, fetcher, "check");
  RunRecord record = store_->LoadRun(run.run_id);
  ASSERT_EQ(record.articles.at(0).quotes.size(), 1u);
  const auto& quote = record.articles[0].quotes[0];
  EXPECT_TRUE(quote.decided);
  EXPECT_EQ(quote.verdict.status, QuoteStatus::kUnverifiable);
  EXPECT_NE(quote.verdict.reason.find("no stored copy"), std::string::npos) << quote.verdict.reason;
}

TEST_F(PipelineFakeFetcherTest, ExceptionOnTheFetchThreadFailsTheRun) {
  FakeFetcher fetcher([](const std::string& url, const std::optional<Validators>&) -> FetchResult {
    throw std::runtime_error("fetcher broke on " + url);
  });
  try {
    RunCheck({Input(ArticleCiting(3))}, config_, *store_, fetcher, "check");
    FAIL() << "RunCheck returned";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("fetcher broke on https://news.example/1"), std::string::npos);
  }
}

// A failure on the saving thread stops the fetcher at once (RunHooks::abandon)
// instead of letting it fetch every remaining URL.
TEST_F(PipelineFakeFetcherTest, FailureWhileSavingStopsFetching) {
  std::map<std::string, ScriptedPage> pages = Pages(200);
  FakeFetcher* self = nullptr;
  FakeFetcher fetcher([&](const std::string& url, const std::optional<Validators>& sent) {
    // One page is held back until the run has given up: had the
    // failure not reached the fetcher, this would wait out the deadline.
    if (url == "https://news.example/105") {
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
      while (!self->hooks().abandon() && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
    }
    return FakeFetcher::Answer(url, pages.at(url), sent);
  });
  self = &fetcher;
  auto fail_on_first_progress = [](const Progress&) { throw std::runtime_error("cannot save progress"); };
  EXPECT_THROW(RunCheck({Input(ArticleCiting(200))}, config_, *store_, fetcher, "check", fail_on_first_progress),
               std::runtime_error);
  // URLs are fetched in sorted order (.../1, .../10, .../100, ...): .../105
  // is the 8th, and nothing after it was asked for.
  ASSERT_EQ(fetcher.requested().size(), 8u);
  EXPECT_EQ(fetcher.requested().back(), "https://news.example/105");
}

// A real store failure (the database changed under the run) ends the run
// with the store's error, and the fetcher is abandoned.
TEST_F(PipelineFakeFetcherTest, StoreFailureEndsTheRunWithItsError) {
  std::map<std::string, ScriptedPage> pages = Pages(200);
  std::atomic<bool> broken{false};
  FakeFetcher fetcher([&](const std::string& url, const std::optional<Validators>& sent) {
    // The later pages come once the database is broken, so saving them fails.
    if (url == "https://news.example/105") {
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
      while (!broken && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
    }
    return FakeFetcher::Answer(url, pages.at(url), sent);
  });
  auto break_the_database = [&](const Progress&) {
    if (broken) return;
    SQLite::Database db(path_, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE verdict_cache");
    broken = true;
  };
  EXPECT_THROW(RunCheck({Input(ArticleCiting(200))}, config_, *store_, fetcher, "check", break_the_database),
               StoreError);
  EXPECT_TRUE(broken);
  EXPECT_LT(fetcher.requested().size(), 200u);
}

}  // namespace
}  // namespace citecheck
