// Page reuse between runs as a unit: validators, same-body detection, the
// verdict-cache key, and reuse of a stored copy through another connection.
// A real SQLite file, no network.
#include "check/page_reuse.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/fetch_results.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

constexpr const char* kUrl = "https://news.example/harbour";
constexpr const char* kBody = "<p>The harbour reopened in the spring.</p>";
constexpr const char* kText = "The harbour reopened in the spring.";

FetchResult Fetched(const std::string& body, const std::string& etag) {
  FetchResult r = testing::OkFetch(kUrl, body);
  r.etag = etag;
  r.body_hash = ContentHash(body);
  return r;
}

class PageReuseTest : public ::testing::Test {
 protected:
  PageReuseTest() : store_(Store::Open(dir_.File("c.db"))) {
    int64_t run = store_->BeginRun("check");
    hash_ = store_->SaveFetch(run, Fetched(kBody, "\"v1\""), PageText{kText, "Harbour", "en", ""}, "en");
    store_->FinishRun(run, RunState::kDone);
    Article article;
    article.citations = {{"1", kUrl, kUrl, 3, ""}};
    Quote quote;
    quote.text = "the harbour reopened in the spring";
    quote.citation_ids = {"1"};
    article.quotes = {quote};
    std::vector<DecidedQuote> decided;
    ledger_.AddArticle(article, &decided);
  }

  PageReuse Loaded(int64_t max_age_s = 3600) {
    PageReuse reuse(max_age_s, MatchOptions{}, 1 << 20);
    reuse.Load(*store_, {kUrl, "https://never.example/"});
    return reuse;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  std::string hash_;
  QuoteLedger ledger_;
};

TEST_F(PageReuseTest, ValidatorsOfTheStoredCopyAreSent) {
  PageReuse reuse = Loaded();
  std::optional<Validators> v = reuse.ConditionalValidators(kUrl);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->etag, "\"v1\"");
  EXPECT_FALSE(reuse.ConditionalValidators("https://never.example/"));
  EXPECT_FALSE(Loaded(/*max_age_s=*/0).ConditionalValidators(kUrl));  // caching off
}

TEST_F(PageReuseTest, UnchangedMeansA304OrTheSameCompleteBody) {
  PageReuse reuse = Loaded();
  FetchResult not_modified = Fetched("", "\"v1\"");
  not_modified.not_modified = true;
  not_modified.http_status = 304;
  EXPECT_TRUE(reuse.IsUnchanged(&not_modified));
  FetchResult same = Fetched(kBody, "");
  same.body_hash.clear();
  EXPECT_TRUE(reuse.IsUnchanged(&same));
  EXPECT_EQ(same.body_hash, ContentHash(kBody));  // kept for the next run
  FetchResult changed = Fetched("<p>Closed again.</p>", "");
  EXPECT_FALSE(reuse.IsUnchanged(&changed));
  FetchResult truncated = Fetched(kBody, "");
  truncated.truncated = true;
  EXPECT_FALSE(reuse.IsUnchanged(&truncated));
  FetchResult broken = Fetched(kBody, "");
  broken.status = LinkStatus::kBroken;
  EXPECT_FALSE(reuse.IsUnchanged(&broken));
}

TEST_F(PageReuseTest, VerdictKeyNamesTheMatcherVersionAndSettings) {
  MatchOptions strict;
  strict.near_threshold = 0.05;
  EXPECT_NE(PageReuse::VerdictKey(MatchOptions{}), PageReuse::VerdictKey(strict));
  EXPECT_NE(PageReuse::VerdictKey(strict).find("matcher=" + std::to_string(kMatcherVersion)), std::string::npos);
}

// Without cached verdicts the stored text is matched again; with them (under
// this key) the text is not read and the cached verdict is served.
TEST_F(PageReuseTest, StoredTextIsMatchedAgainUnlessEveryVerdictIsCached) {
  PageReuse reuse = Loaded();
  std::unique_ptr<Store> reader = store_->OpenAnother();
  FetchResult not_modified = Fetched("", "\"v1\"");
  not_modified.not_modified = true;
  not_modified.body_hash.clear();  // a 304 has no body
  PageDone matched = reuse.Reuse(not_modified, *reader, ledger_);
  EXPECT_FALSE(matched.verdicts_from_cache);
  EXPECT_EQ(matched.known_content_hash, hash_);
  ASSERT_EQ(matched.verdicts.size(), 1u);
  EXPECT_EQ(matched.verdicts[0].second.status, QuoteStatus::kVerified);
  EXPECT_EQ(matched.fetch.body_hash, ContentHash(kBody));  // the 304 stands for that body

  Verdict cached;
  cached.status = QuoteStatus::kNearMatch;  // distinguishable from a fresh match
  cached.score = 0.5;
  store_->CacheVerdicts(hash_, reuse.verdict_key(), {{"the harbour reopened in the spring", cached}});
  PageDone from_cache = reuse.Reuse(not_modified, *reader, ledger_);
  EXPECT_TRUE(from_cache.verdicts_from_cache);
  ASSERT_EQ(from_cache.verdicts.size(), 1u);
  EXPECT_EQ(from_cache.verdicts[0].second.status, QuoteStatus::kNearMatch);

  // Cached under other settings: not served.
  PageReuse other(3600, MatchOptions{0.3}, 1 << 20);
  other.Load(*store_, {kUrl});
  EXPECT_FALSE(other.Reuse(not_modified, *reader, ledger_).verdicts_from_cache);
}

}  // namespace
}  // namespace citecheck
