// The quote ledger without a store or a network: which quotes wait on which
// URLs, what is decided before any fetch, and when a quote is complete.
#include "check/quote_ledger.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace citecheck {
namespace {

Citation Cited(const std::string& id, const std::string& url) { return {id, url, url, 1, ""}; }
Citation Unresolved(const std::string& id) { return {id, "", "", 0, ""}; }
Citation Malformed(const std::string& id) { return {id, "http://exa mple", "", 2, "malformed URL"}; }

Quote Quoting(std::vector<std::string> ids, bool skipped = false) {
  Quote q;
  q.text = "a quotation of several words";
  q.line = 3;
  q.column = 1;
  q.citation_ids = std::move(ids);
  q.skipped = skipped;
  if (skipped) q.skip_reason = "fewer than 4 words";
  return q;
}

Verdict With(QuoteStatus status, double score = 0) {
  Verdict v;
  v.status = status;
  v.score = score;
  return v;
}

// What is decided at AddArticle, by the quote's citations.
struct BeforeFetchCase {
  const char* name;
  std::vector<Citation> citations;
  Quote quote;
  bool decided;            // before any page
  QuoteStatus status;      // when decided
  const char* reason_has;  // when decided: part of the reason
  std::vector<std::string> waits_on;
};

class LedgerBeforeFetchTest : public ::testing::TestWithParam<BeforeFetchCase> {};

TEST_P(LedgerBeforeFetchTest, DecidesWhatNeedsNoPage) {
  const BeforeFetchCase& c = GetParam();
  Article article;
  article.citations = c.citations;
  article.quotes = {c.quote};
  QuoteLedger ledger;
  std::vector<DecidedQuote> decided;
  size_t index = ledger.AddArticle(article, &decided);
  EXPECT_EQ(index, 0u);
  ASSERT_EQ(decided.size(), c.decided ? 1u : 0u);
  EXPECT_EQ(ledger.PendingCount(), c.decided ? 0u : 1u);
  if (c.decided) {
    EXPECT_EQ(decided[0].quote, 0u);
    EXPECT_EQ(decided[0].verdict.status, c.status);
    EXPECT_NE(decided[0].verdict.reason.find(c.reason_has), std::string::npos) << decided[0].verdict.reason;
  }
  std::vector<std::string> waits_on;
  for (const std::string& url : ledger.Urls()) {
    if (!ledger.Citing(url).empty()) waits_on.push_back(url);
  }
  EXPECT_EQ(waits_on, c.waits_on);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LedgerBeforeFetchTest,
    ::testing::Values(
        BeforeFetchCase{"skipped", {Cited("1", "https://a/")}, Quoting({"1"}, true), true, QuoteStatus::kSkipped,
                        "fewer than 4 words", {}},
        BeforeFetchCase{"no_ids", {Cited("1", "https://a/")}, Quoting({}), true, QuoteStatus::kUncited, "", {}},
        // An id naming no citation of the article attributes nothing.
        BeforeFetchCase{"unknown_id", {Cited("1", "https://a/")}, Quoting({"9"}), true, QuoteStatus::kUncited, "",
                        {}},
        BeforeFetchCase{"unresolved", {Unresolved("4")}, Quoting({"4"}), true, QuoteStatus::kUnverifiable,
                        "[4] has no reference entry", {}},
        BeforeFetchCase{"malformed", {Malformed("2")}, Quoting({"2"}), true, QuoteStatus::kUnverifiable,
                        "malformed URL", {}},
        BeforeFetchCase{"fetchable", {Cited("1", "https://a/")}, Quoting({"1"}), false, QuoteStatus::kNotFound, "",
                        {"https://a/"}},
        // One fetchable citation keeps the quote waiting; the other is decided.
        BeforeFetchCase{"mixed", {Unresolved("4"), Cited("1", "https://a/")}, Quoting({"4", "1"}), false,
                        QuoteStatus::kNotFound, "", {"https://a/"}}),
    [](const ::testing::TestParamInfo<BeforeFetchCase>& info) { return std::string(info.param.name); });

TEST(QuoteLedgerTest, QuoteCompletesWhenEveryCitationHasAVerdict) {
  Article article;
  article.citations = {Cited("1", "https://a/"), Cited("2", "https://b/")};
  article.quotes = {Quoting({"1", "2"})};
  QuoteLedger ledger;
  std::vector<DecidedQuote> decided;
  ledger.AddArticle(article, &decided);
  ASSERT_TRUE(decided.empty());
  ASSERT_EQ(ledger.Citing("https://a/").size(), 1u);
  ASSERT_EQ(ledger.Citing("https://b/").size(), 1u);
  EXPECT_FALSE(ledger.Record(ledger.Citing("https://a/")[0], With(QuoteStatus::kNotFound)));
  EXPECT_EQ(ledger.PendingCount(), 1u);
  std::optional<DecidedQuote> done = ledger.Record(ledger.Citing("https://b/")[0], With(QuoteStatus::kVerified, 1));
  ASSERT_TRUE(done);
  EXPECT_EQ(done->verdict.status, QuoteStatus::kVerified);  // the best of both
  EXPECT_EQ(ledger.PendingCount(), 0u);
  // A late or repeated verdict changes nothing.
  EXPECT_FALSE(ledger.Record(ledger.Citing("https://a/")[0], With(QuoteStatus::kVerified, 1)));
}

TEST(QuoteLedgerTest, BestVerdictWinsAndTheFirstCitationBreaksTies) {
  Article article;
  article.citations = {Cited("1", "https://a/"), Cited("2", "https://b/"), Unresolved("3")};
  article.quotes = {Quoting({"3", "1", "2"})};
  QuoteLedger ledger;
  std::vector<DecidedQuote> decided;
  ledger.AddArticle(article, &decided);
  Verdict near_a = With(QuoteStatus::kNearMatch, 0.8);
  near_a.reason = "a";
  Verdict near_b = With(QuoteStatus::kNearMatch, 0.8);
  near_b.reason = "b";
  EXPECT_FALSE(ledger.Record(ledger.Citing("https://b/")[0], near_b));
  std::optional<DecidedQuote> done = ledger.Record(ledger.Citing("https://a/")[0], near_a);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->verdict.status, QuoteStatus::kNearMatch);  // beats the unresolved one's unverifiable
  EXPECT_EQ(done->verdict.reason, "a");                      // citation 1 comes first in the article
}

TEST(QuoteLedgerTest, OneUrlServesEveryQuoteAndArticleCitingIt) {
  Article first;
  first.citations = {Cited("1", "https://shared/")};
  first.quotes = {Quoting({"1"}), Quoting({"1", "1"})};  // the second cites [1] twice: one slot
  Article second;
  second.citations = {Cited("7", "https://shared/"), Cited("8", "https://other/")};
  second.quotes = {Quoting({"7"})};
  QuoteLedger ledger;
  std::vector<DecidedQuote> decided;
  EXPECT_EQ(ledger.AddArticle(first, &decided), 0u);
  EXPECT_EQ(ledger.AddArticle(second, &decided), 1u);
  EXPECT_EQ(ledger.Urls(), (std::vector<std::string>{"https://other/", "https://shared/"}));
  const std::vector<QuoteRef>& citing = ledger.Citing("https://shared/");
  ASSERT_EQ(citing.size(), 3u);
  EXPECT_TRUE(ledger.Citing("https://other/").empty());  // cited, but by no quote
  EXPECT_TRUE(ledger.Citing("https://never/").empty());
  int completed = 0;
  for (const QuoteRef& ref : std::vector<QuoteRef>(citing)) {
    EXPECT_EQ(ledger.CitationOf(ref).normalized_url, "https://shared/");
    if (ledger.Record(ref, With(QuoteStatus::kVerified, 1))) ++completed;
  }
  EXPECT_EQ(completed, 3);
  EXPECT_EQ(ledger.PendingCount(), 0u);
}

}  // namespace
}  // namespace citecheck
