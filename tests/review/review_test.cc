// lib/review against a real SQLite file: keys, the stored history of
// decisions, and what ApplyReviews makes of them (docs/review.md).
#include "review/review.h"

#include <gtest/gtest.h>

#include "report/report.h"
#include "review/keys.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

// One article with one quote cited to one page; `page_text` decides the
// page's content hash, `status` the quote's verdict.
int64_t StoreRun(Store& store, int64_t article, const std::string& quote_text, const std::string& page_text,
                 QuoteStatus status) {
  const int64_t run = store.BeginRun("check");
  Article a;
  a.source = "a.md";
  Citation c;
  c.id = "1";
  c.url = c.normalized_url = "http://example.org/page";
  a.citations = {c};
  Quote q;
  q.text = quote_text;
  q.line = 3;
  q.citation_ids = {"1"};
  a.quotes = {q};
  store.SaveArticle(run, article, a);
  FetchResult f;
  f.url = c.normalized_url;
  f.status = LinkStatus::kOk;
  f.http_status = 200;
  PageText page;
  page.text = page_text;
  store.SaveFetch(run, f, page, "en");
  Verdict v;
  v.status = status;
  store.SaveVerdict(run, article, 0, v);
  store.FinishRun(run, RunState::kDone);
  return run;
}

class ReviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = Store::Open(dir_.File("c.db"));
    article_ = store_->UpsertArticle("/news/a.md", "a.md");
  }
  RunRecord Applied(int64_t run) {
    RunRecord record = store_->LoadRun(run);
    ApplyReviews(*store_, &record);
    return record;
  }
  ReviewOutcome Decide(const std::string& key, ReviewState state) {
    ReviewRequest r;
    r.key = key;
    r.state = state;
    r.by = "alice";
    r.note = "checked";
    return RecordReview(*store_, r);
  }

  ::citecheck::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  int64_t article_ = 0;
};

TEST(ReviewKeys, DependOnArticleQuoteWordsAndUrlsOnly) {
  CitationRecord c;
  c.citation.id = "1";
  c.citation.normalized_url = "http://example.org/page";
  Quote q;
  q.text = "The harbour was quiet";
  q.citation_ids = {"1"};
  const std::string key = QuoteKey("/a.md", q, {c});
  EXPECT_TRUE(LooksLikeKey(key)) << key;
  EXPECT_EQ(key[0], 'q');
  Quote moved = q;
  moved.line = 40;
  moved.text = "the  harbour WAS quiet";  // case and spacing
  EXPECT_EQ(QuoteKey("/a.md", moved, {c}), key);
  CitationRecord renumbered = c;
  renumbered.citation.id = "7";
  moved.citation_ids = {"7"};
  EXPECT_EQ(QuoteKey("/a.md", moved, {renumbered}), key);  // same URL, new number
  EXPECT_NE(QuoteKey("/b.md", q, {c}), key);
  Quote other = q;
  other.text = "The harbour was busy";
  EXPECT_NE(QuoteKey("/a.md", other, {c}), key);
  CitationRecord elsewhere = c;
  elsewhere.citation.normalized_url = "http://example.org/other";
  EXPECT_NE(QuoteKey("/a.md", q, {elsewhere}), key);
  EXPECT_EQ(CitationKey("/a.md", c.citation), CitationKey("/a.md", renumbered.citation));
  EXPECT_EQ(CitationKey("/a.md", c.citation)[0], 'c');
  EXPECT_FALSE(LooksLikeKey("q12"));
  EXPECT_FALSE(LooksLikeKey("x0123456789ab"));
}

TEST_F(ReviewTest, AcceptedHoldsUntilThePageChanges) {
  const std::string quote = "the harbour master counted forty ships";
  int64_t run = StoreRun(*store_, article_, quote, "page one", QuoteStatus::kNearMatch);
  RunRecord before = Applied(run);
  EXPECT_EQ(ExitCodeFor(before), 1);
  const std::string key = before.articles[0].quotes[0].key;
  ReviewOutcome accepted = Decide(key, ReviewState::kAccepted);
  ASSERT_EQ(accepted.status, ReviewOutcome::Status::kRecorded) << accepted.error;
  EXPECT_EQ(accepted.row.kind, kReviewKindQuote);
  EXPECT_EQ(accepted.row.run_id, run);
  EXPECT_EQ(ExitCodeFor(Applied(run)), 0);

  int64_t same = StoreRun(*store_, article_, quote, "page one", QuoteStatus::kNearMatch);
  RunRecord same_page = Applied(same);
  ASSERT_TRUE(same_page.articles[0].quotes[0].review);
  EXPECT_EQ(same_page.articles[0].quotes[0].review->state, ReviewState::kAccepted);
  EXPECT_EQ(ExitCodeFor(same_page), 0);

  int64_t changed = StoreRun(*store_, article_, quote, "page two", QuoteStatus::kNearMatch);
  RunRecord stale = Applied(changed);
  EXPECT_EQ(stale.articles[0].quotes[0].review->state, ReviewState::kStale);
  EXPECT_EQ(ExitCodeFor(stale), 1);
  ASSERT_TRUE(stale.articles[0].changes);
  ASSERT_EQ(stale.articles[0].changes->stale_reviews.size(), 1u);
  EXPECT_EQ(stale.articles[0].changes->stale_reviews[0].reason, "the page has changed since");
  EXPECT_EQ(stale.articles[0].changes->stale_reviews[0].by, "alice");
}

TEST_F(ReviewTest, AChangedQuoteWordingMakesItStale) {
  int64_t run = StoreRun(*store_, article_, "the harbour master counted forty ships", "p", QuoteStatus::kNotFound);
  ASSERT_EQ(Decide(Applied(run).articles[0].quotes[0].key, ReviewState::kAccepted).status,
            ReviewOutcome::Status::kRecorded);
  // Same words (same key), other punctuation: the decision was on other text.
  int64_t edited = StoreRun(*store_, article_, "the harbour master counted forty ships!", "p", QuoteStatus::kNotFound);
  RunRecord record = Applied(edited);
  EXPECT_EQ(record.articles[0].quotes[0].review->state, ReviewState::kStale);
  EXPECT_EQ(record.articles[0].changes->stale_reviews[0].reason, "the quote has changed since");
}

TEST_F(ReviewTest, RejectedFailsVerifiedAndClearKeepsTheHistory) {
  int64_t run = StoreRun(*store_, article_, "the harbour master counted forty ships", "p", QuoteStatus::kVerified);
  const std::string key = Applied(run).articles[0].quotes[0].key;
  EXPECT_EQ(ExitCodeFor(Applied(run)), 0);
  ASSERT_EQ(Decide(key, ReviewState::kRejected).status, ReviewOutcome::Status::kRecorded);
  EXPECT_EQ(ExitCodeFor(Applied(run)), 1);
  ASSERT_EQ(Decide(key, ReviewState::kCleared).status, ReviewOutcome::Status::kRecorded);
  EXPECT_FALSE(Applied(run).articles[0].quotes[0].review);
  EXPECT_EQ(ExitCodeFor(Applied(run)), 0);
  std::vector<ReviewRow> history = store_->ReviewHistory(key);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].state, ReviewState::kRejected);
  EXPECT_EQ(history[1].state, ReviewState::kCleared);
  EXPECT_TRUE(store_->CurrentReviews(article_).empty());
}

TEST_F(ReviewTest, CitationsAreReviewedByTheirKey) {
  int64_t run = StoreRun(*store_, article_, "the harbour master counted forty ships", "p", QuoteStatus::kVerified);
  const std::string key = Applied(run).articles[0].citations[0].key;
  ASSERT_EQ(Decide(key, ReviewState::kRejected).row.kind, kReviewKindCitation);
  EXPECT_EQ(ExitCodeFor(Applied(run)), 1);
  std::vector<ReviewListing> list = ListReviews(*store_, 0);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].effective, ReviewState::kRejected);
  EXPECT_EQ(list[0].subject, "http://example.org/page");
}

TEST_F(ReviewTest, UnknownKeysAndBadRequestsRecordNothing) {
  StoreRun(*store_, article_, "the harbour master counted forty ships", "p", QuoteStatus::kVerified);
  ReviewOutcome unknown = Decide("q0123456789ab", ReviewState::kAccepted);
  EXPECT_EQ(unknown.status, ReviewOutcome::Status::kUnknownKey);
  EXPECT_NE(unknown.error.find("q0123456789ab"), std::string::npos);
  ReviewRequest nobody;
  nobody.key = "q0123456789ab";
  EXPECT_EQ(RecordReview(*store_, nobody).status, ReviewOutcome::Status::kInvalid);
  ReviewRequest stale = nobody;
  stale.by = "x";
  stale.state = ReviewState::kStale;
  EXPECT_EQ(RecordReview(*store_, stale).status, ReviewOutcome::Status::kInvalid);
  ReviewRequest long_note = nobody;
  long_note.by = "x";
  long_note.note = std::string(kMaxReviewNoteBytes + 1, 'a');
  EXPECT_EQ(RecordReview(*store_, long_note).status, ReviewOutcome::Status::kInvalid);
  EXPECT_TRUE(store_->CurrentReviews(0).empty());
}

// Retention (docs/storage.md "Retention"): a decision outlives the run it
// was made on. After the reviewed run is pruned the review still holds on
// the same page, its history is whole, and a page change still makes it
// stale.
TEST_F(ReviewTest, ReviewsSurvivePruningTheReviewedRun) {
  const std::string quote = "the harbour master counted forty ships";
  const int64_t reviewed = StoreRun(*store_, article_, quote, "page one", QuoteStatus::kNearMatch);
  const std::string key = Applied(reviewed).articles[0].quotes[0].key;
  ASSERT_EQ(Decide(key, ReviewState::kAccepted).status, ReviewOutcome::Status::kRecorded);
  int64_t latest = 0;
  for (int i = 0; i < 3; ++i) latest = StoreRun(*store_, article_, quote, "page one", QuoteStatus::kNearMatch);

  PruneOptions options;
  options.keep_runs = 1;
  EXPECT_EQ(store_->Prune(options).runs, 3);
  ASSERT_FALSE(store_->FindRun(reviewed));
  RunRecord kept = Applied(latest);
  ASSERT_TRUE(kept.articles[0].quotes[0].review);
  EXPECT_EQ(kept.articles[0].quotes[0].review->state, ReviewState::kAccepted);
  EXPECT_EQ(ExitCodeFor(kept), 0);
  std::vector<ReviewRow> history = store_->ReviewHistory(key);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].run_id, reviewed);  // the run it was made on, though gone
  EXPECT_EQ(history[0].by, "alice");

  // The page changes: stale, and still stale after the next prune; clearing
  // it is one more decision in the history.
  const int64_t changed = StoreRun(*store_, article_, quote, "page two", QuoteStatus::kNearMatch);
  EXPECT_EQ(Applied(changed).articles[0].quotes[0].review->state, ReviewState::kStale);
  EXPECT_EQ(store_->Prune(options).runs, 1);
  EXPECT_EQ(Applied(changed).articles[0].quotes[0].review->state, ReviewState::kStale);
  ASSERT_EQ(Decide(key, ReviewState::kCleared).status, ReviewOutcome::Status::kRecorded);
  EXPECT_EQ(store_->ReviewHistory(key).size(), 2u);
  EXPECT_FALSE(Applied(changed).articles[0].quotes[0].review);
}

}  // namespace
}  // namespace citecheck
