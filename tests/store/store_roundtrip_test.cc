// Everything a run saves comes back from LoadRun, and is committed (visible
// to another connection) as soon as each Save* returns; on every backend.
#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "core/url.h"
#include "store/store.h"
#include "support/test_database.h"

namespace citecheck {
namespace {

using testing::BackendTest;

Article SampleArticle() {
  Article a;
  a.source = "articles/seed.md";
  a.title = "Seed \"article\" – ünïcode";
  a.citations = {
      {"1", "https://Example.org/a#frag", "https://example.org/a", 20, ""},
      {"2", "https://example.org/b", "https://example.org/b", 21, ""},
      {"3", "", "", 0, ""},                                                // unresolved
      {"4", "htp:/broken", "", 22, "malformed URL: unknown scheme htp"},  // malformed
      {"^n", "https://example.org/never", "https://example.org/never", 23, ""},
  };
  a.quotes = {
      {"the quick brown fox jumps", 3, 5, {"1"}, false, ""},
      {"a slightly misquoted line of text", 4, 1, {"2", "1"}, false, ""},
      {"scare", 5, 9, {"1"}, true, "fewer than 4 words"},
      {"nobody cited this one at all", 6, 2, {}, false, ""},
      {"still waiting for its verdict here", 7, 3, {"^n"}, false, ""},
  };
  a.diagnostics = {{Diagnostic::Severity::kWarning, "articles/seed.md", 12, 4, "reference [7] is never cited"},
                   {Diagnostic::Severity::kError, "articles/seed.md", 0, 0, "something bad"}};
  return a;
}

FetchResult Fetched(const std::string& url, LinkStatus status, long http) {
  FetchResult r;
  r.url = url;
  r.final_url = url + "/final";
  r.status = status;
  r.http_status = http;
  r.content_type = "text/html";
  r.content_language = "en-GB";
  r.etag = "\"abc\"";
  r.last_modified = "Wed, 21 Oct 2015 07:28:00 GMT";
  r.elapsed_s = 0.25;
  r.bytes = 1234;
  return r;
}

PageText Page(const std::string& title, const std::string& language) {
  return {"The quick brown fox jumps over the lazy dog.\nSecond block.", title, language,
          "https://example.org/canonical"};
}

Verdict Verified() {
  Verdict v;
  v.status = QuoteStatus::kVerified;
  v.score = 1.0;
  v.evidence = Evidence{"1", "The quick brown fox jumps over", 4, 25, "quick brown fox jumps", {}};
  return v;
}

Verdict NearMatch() {
  Verdict v;
  v.status = QuoteStatus::kNearMatch;
  v.score = 0.8333;
  v.evidence = Evidence{"2", "…a slightly misquoted line…", 1234, 30, "a slightly mis-quoted line of texts",
                        {{"misquoted", "mis-quoted"}, {"text", "texts"}, {"", "added"}}};
  return v;
}

class StoreRoundTripTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    store_ = OpenStore();
    reader_ = database().Connect();
    path_ = RedactUrlCredentials(db());  // as errors name it
  }

  int64_t Count(const std::string& table) {
    return reader_->QueryInt64("SELECT count(*) FROM " + table);  // test-only table names
  }

  std::string path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<sql::Connection> reader_;  // a second connection: sees only committed data
};

TEST_P(StoreRoundTripTest, UpsertArticleIsStableByIdentity) {
  int64_t a = store_->UpsertArticle("/abs/a.md", "a.md");
  int64_t b = store_->UpsertArticle("https://news.example/x", "https://news.example/x");
  EXPECT_NE(a, b);
  EXPECT_EQ(store_->UpsertArticle("/abs/a.md", "./a.md"), a);
  EXPECT_EQ(Count("articles"), 2);
}

TEST_P(StoreRoundTripTest, FullRunRoundTripsAndEachSaveIsCommitted) {
  const Article article = SampleArticle();
  int64_t article_id = store_->UpsertArticle("/abs/articles/seed.md", article.source);
  int64_t run_id = store_->BeginRun("check");
  EXPECT_EQ(Count("runs"), 1);
  EXPECT_EQ(store_->LatestRun(), run_id);

  store_->SaveArticle(run_id, article_id, article);
  EXPECT_EQ(Count("citations"), 5);
  EXPECT_EQ(Count("quotes"), 5);

  store_->SaveFetch(run_id, Fetched("https://example.org/a", LinkStatus::kOk, 200), Page("Page A", "en"), "en");
  EXPECT_EQ(Count("fetches"), 1);
  EXPECT_EQ(Count("pages"), 1);
  FetchResult gone = Fetched("https://example.org/b", LinkStatus::kBroken, 404);
  gone.error = "HTTP 404 Not Found";
  gone.permanent_redirect = "https://example.org/b2";
  // Same text as page A: stored once.
  store_->SaveFetch(run_id, gone, Page("Page B", ""), "de");
  EXPECT_EQ(Count("fetches"), 2);
  EXPECT_EQ(Count("pages"), 1);

  {
    // The store decides nothing itself: every quote waits for SaveVerdict.
    sql::Statement q(*reader_, "SELECT count(*) FROM quotes WHERE status IS NOT NULL");
    q.executeStep();
    EXPECT_EQ(q.getColumn(0).getInt(), 0);
  }
  store_->SaveVerdict(run_id, article_id, 0, Verified());
  store_->SaveVerdict(run_id, article_id, 1, NearMatch());
  Verdict skipped;
  skipped.status = QuoteStatus::kSkipped;
  skipped.reason = "fewer than 4 words";
  store_->SaveVerdict(run_id, article_id, 2, skipped);
  Verdict uncited;
  uncited.status = QuoteStatus::kUncited;
  store_->SaveVerdict(run_id, article_id, 3, uncited);
  {
    sql::Statement q(*reader_, "SELECT count(*) FROM quotes WHERE status IS NOT NULL");
    q.executeStep();
    EXPECT_EQ(q.getColumn(0).getInt(), 4);  // two verdicts + skipped + uncited
  }

  // Before the run ends, checked_at falls back to the last fetch time.
  RunRecord running = store_->LoadRun(run_id);
  EXPECT_EQ(running.state, RunState::kRunning);
  EXPECT_TRUE(running.finished_at.empty());
  EXPECT_FALSE(running.articles.at(0).checked_at.empty());
  EXPECT_EQ(running.articles[0].citations[4].error, "not fetched yet (run in progress)");

  store_->FinishRun(run_id, RunState::kDone);
  RunRecord run = store_->LoadRun(run_id);
  EXPECT_EQ(run.run_id, run_id);
  EXPECT_EQ(run.trigger, "check");
  EXPECT_EQ(run.state, RunState::kDone);
  EXPECT_EQ(run.started_at.size(), 20u);
  EXPECT_EQ(run.finished_at.size(), 20u);
  EXPECT_EQ(run.finished_at.back(), 'Z');
  ASSERT_EQ(run.articles.size(), 1u);

  const ArticleRecord& got = run.articles[0];
  EXPECT_EQ(got.article_id, article_id);
  EXPECT_EQ(got.source, article.source);
  EXPECT_EQ(got.title, article.title);
  EXPECT_EQ(got.checked_at, run.finished_at);
  ASSERT_EQ(got.diagnostics.size(), 2u);
  EXPECT_EQ(got.diagnostics[0].severity, Diagnostic::Severity::kWarning);
  EXPECT_EQ(got.diagnostics[0].file, "articles/seed.md");
  EXPECT_EQ(got.diagnostics[0].line, 12);
  EXPECT_EQ(got.diagnostics[0].column, 4);
  EXPECT_EQ(got.diagnostics[0].message, "reference [7] is never cited");
  EXPECT_EQ(got.diagnostics[1].severity, Diagnostic::Severity::kError);

  ASSERT_EQ(got.citations.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(got.citations[i].citation.id, article.citations[i].id);
    EXPECT_EQ(got.citations[i].citation.url, article.citations[i].url);
    EXPECT_EQ(got.citations[i].citation.normalized_url, article.citations[i].normalized_url);
    EXPECT_EQ(got.citations[i].citation.line, article.citations[i].line);
    EXPECT_EQ(got.citations[i].citation.url_error, article.citations[i].url_error);
  }
  const CitationRecord& ok = got.citations[0];
  EXPECT_EQ(ok.link_status, LinkStatus::kOk);
  EXPECT_EQ(ok.http_status, 200);
  EXPECT_EQ(ok.final_url, "https://example.org/a/final");
  EXPECT_EQ(ok.content_type, "text/html");
  EXPECT_EQ(ok.language, "en");  // declared
  EXPECT_EQ(ok.title, "Page A");
  EXPECT_EQ(ok.error, "");
  const CitationRecord& broken = got.citations[1];
  EXPECT_EQ(broken.link_status, LinkStatus::kBroken);
  EXPECT_EQ(broken.http_status, 404);
  EXPECT_EQ(broken.error, "HTTP 404 Not Found");
  EXPECT_EQ(broken.language, "en-GB");  // no <html lang>: the Content-Language header
  EXPECT_EQ(broken.title, "Page B");
  EXPECT_EQ(got.citations[2].link_status, LinkStatus::kUnresolved);
  EXPECT_EQ(got.citations[2].error, "");
  EXPECT_EQ(got.citations[3].link_status, LinkStatus::kError);
  EXPECT_EQ(got.citations[3].error, "malformed URL: unknown scheme htp");
  EXPECT_EQ(got.citations[4].link_status, LinkStatus::kError);
  EXPECT_EQ(got.citations[4].error, "not fetched (run interrupted)");
  EXPECT_EQ(got.citations[4].http_status, 0);

  ASSERT_EQ(got.quotes.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(got.quotes[i].quote.text, article.quotes[i].text);
    EXPECT_EQ(got.quotes[i].quote.line, article.quotes[i].line);
    EXPECT_EQ(got.quotes[i].quote.column, article.quotes[i].column);
    EXPECT_EQ(got.quotes[i].quote.citation_ids, article.quotes[i].citation_ids);
    EXPECT_EQ(got.quotes[i].quote.skipped, article.quotes[i].skipped);
    EXPECT_EQ(got.quotes[i].quote.skip_reason, article.quotes[i].skip_reason);
  }
  const QuoteRecord& verified = got.quotes[0];
  EXPECT_TRUE(verified.decided);
  EXPECT_EQ(verified.verdict.status, QuoteStatus::kVerified);
  EXPECT_DOUBLE_EQ(verified.verdict.score, 1.0);
  ASSERT_TRUE(verified.verdict.evidence);
  EXPECT_EQ(verified.verdict.evidence->citation_id, "1");
  EXPECT_EQ(verified.verdict.evidence->snippet, "The quick brown fox jumps over");
  EXPECT_EQ(verified.verdict.evidence->offset, 4);
  EXPECT_EQ(verified.verdict.evidence->length, 25);
  EXPECT_EQ(verified.verdict.evidence->matched, "quick brown fox jumps");
  EXPECT_TRUE(verified.verdict.evidence->differences.empty());

  const QuoteRecord& near = got.quotes[1];
  EXPECT_EQ(near.verdict.status, QuoteStatus::kNearMatch);
  EXPECT_DOUBLE_EQ(near.verdict.score, 0.8333);
  ASSERT_TRUE(near.verdict.evidence);
  EXPECT_EQ(near.verdict.evidence->citation_id, "2");
  EXPECT_EQ(near.verdict.evidence->offset, 1234);
  EXPECT_EQ(near.verdict.evidence->differences, NearMatch().evidence->differences);

  EXPECT_TRUE(got.quotes[2].decided);
  EXPECT_EQ(got.quotes[2].verdict.status, QuoteStatus::kSkipped);
  EXPECT_EQ(got.quotes[2].verdict.reason, "fewer than 4 words");
  EXPECT_TRUE(got.quotes[3].decided);
  EXPECT_EQ(got.quotes[3].verdict.status, QuoteStatus::kUncited);
  EXPECT_FALSE(got.quotes[4].decided);
  EXPECT_FALSE(got.quotes[4].verdict.evidence);
}

TEST_P(StoreRoundTripTest, FetchRowKeepsEverythingTheFetcherLearned) {
  int64_t run_id = store_->BeginRun("run");
  FetchResult r = Fetched("https://example.org/x", LinkStatus::kOk, 200);
  r.truncated = true;
  r.permanent_redirect = "https://example.org/moved";
  store_->SaveFetch(run_id, r, Page("T", "fr"), "fr");
  sql::Statement q(*reader_,
                      "SELECT f.final_url, f.etag, f.last_modified, f.truncated, f.permanent_redirect, "
                      "f.elapsed_ms, f.bytes, f.canonical_url, f.detected_language, p.text "
                      "FROM fetches f JOIN pages p USING (content_hash)");
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getString(), "https://example.org/x/final");
  EXPECT_EQ(q.getColumn(1).getString(), "\"abc\"");
  EXPECT_EQ(q.getColumn(2).getString(), "Wed, 21 Oct 2015 07:28:00 GMT");
  EXPECT_EQ(q.getColumn(3).getInt(), 1);
  EXPECT_EQ(q.getColumn(4).getString(), "https://example.org/moved");
  EXPECT_EQ(q.getColumn(5).getInt(), 250);
  EXPECT_EQ(q.getColumn(6).getInt(), 1234);
  EXPECT_EQ(q.getColumn(7).getString(), "https://example.org/canonical");
  EXPECT_EQ(q.getColumn(8).getString(), "fr");
  EXPECT_EQ(q.getColumn(9).getString(), Page("", "").text);
}

TEST_P(StoreRoundTripTest, DetectedLanguageFillsInWhenNothingIsDeclared) {
  int64_t article_id = store_->UpsertArticle("x", "x");
  int64_t run_id = store_->BeginRun("check");
  Article a;
  a.source = "x";
  a.citations = {{"1", "https://e.org/p.pdf", "https://e.org/p.pdf", 1, ""}};
  store_->SaveArticle(run_id, article_id, a);
  FetchResult r = Fetched("https://e.org/p.pdf", LinkStatus::kOk, 200);
  r.content_type = "application/pdf";
  r.content_language = "";
  store_->SaveFetch(run_id, r, std::nullopt, "it");
  RunRecord run = store_->LoadRun(run_id);
  EXPECT_EQ(run.articles[0].citations[0].language, "it");
  EXPECT_EQ(run.articles[0].citations[0].content_type, "application/pdf");
  EXPECT_FALSE(run.articles[0].title.has_value());
  EXPECT_EQ(Count("pages"), 0);
}

TEST_P(StoreRoundTripTest, ArticlesComeBackInSavedOrderAndResavingReplaces) {
  int64_t run_id = store_->BeginRun("run");
  std::vector<int64_t> ids;
  for (const char* name : {"c", "a", "b"}) {
    ids.push_back(store_->UpsertArticle(name, name));
    Article a;
    a.source = name;
    a.quotes = {{"four words quoted here", 1, 1, {"1"}, false, ""}};
    store_->SaveArticle(run_id, ids.back(), a);
  }
  store_->SaveVerdict(run_id, ids[0], 0, Verified());
  Article again;
  again.source = "c (again)";
  store_->SaveArticle(run_id, ids[0], again);
  RunRecord run = store_->LoadRun(run_id);
  ASSERT_EQ(run.articles.size(), 3u);
  EXPECT_EQ(run.articles[0].source, "c (again)");
  EXPECT_TRUE(run.articles[0].quotes.empty());
  EXPECT_EQ(run.articles[1].source, "a");
  EXPECT_EQ(run.articles[2].source, "b");
}

TEST_P(StoreRoundTripTest, MistakesAreStoreErrorsWithContext) {
  int64_t run_id = store_->BeginRun("check");
  int64_t article_id = store_->UpsertArticle("x", "x");
  auto message = [](auto&& call) -> std::string {
    try {
      call();
    } catch (const StoreError& e) {
      return e.what();
    }
    return "";
  };
  std::string m = message([&] { store_->SaveVerdict(run_id, article_id, 3, Verified()); });
  EXPECT_NE(m.find("quote 3"), std::string::npos) << m;
  EXPECT_NE(m.find(path_), std::string::npos) << m;
  m = message([&] { store_->SaveArticle(run_id + 100, article_id, Article{}); });
  // SQLite says "FOREIGN KEY constraint failed", PostgreSQL "violates foreign key constraint".
  std::string lower = m;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_NE(lower.find("foreign key"), std::string::npos) << m;
  EXPECT_NE(m.find(path_), std::string::npos) << m;
  m = message([&] { store_->LoadRun(run_id + 100); });
  EXPECT_NE(m.find("no such run"), std::string::npos) << m;
  m = message([&] { store_->FinishRun(run_id + 100, RunState::kDone); });
  EXPECT_NE(m.find("no such run"), std::string::npos) << m;
  // The store is still usable after a failed write.
  store_->FinishRun(run_id, RunState::kDone);
  EXPECT_EQ(store_->LoadRun(run_id).state, RunState::kDone);
}

TEST_P(StoreRoundTripTest, LatestRunIsEmptyOnAFreshDatabase) {
  EXPECT_FALSE(store_->LatestRun().has_value());
  store_->BeginRun("a");
  int64_t second = store_->BeginRun("b");
  EXPECT_EQ(store_->LatestRun(), second);
}

CITECHECK_ON_EVERY_BACKEND(StoreRoundTripTest);

}  // namespace
}  // namespace citecheck
