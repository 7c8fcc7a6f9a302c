// Reviewers' decisions on quotes and citations (docs/review.md): recording
// one, and what it does to a stored run's report and exit code.
//
// How callers use it (the CLI `citecheck review`, POST /v1/reviews, the web
// interface's accept / reject / clear buttons):
//   ReviewRequest r;
//   r.key = "q1a2b3c4d5e6f";            // the item's key, as every report shows it
//   r.state = ReviewState::kAccepted;   // kAccepted, kRejected or kCleared
//   r.note = "translation, checked";  r.by = "alice";
//   r.article_id = 7;                    // optional: where to look (faster); 0: every article
//   ReviewOutcome o = RecordReview(store, r);
//   if (o.status == ReviewOutcome::Status::kUnknownKey) ... 404 / exit 2, o.error names the key
//   if (o.status == ReviewOutcome::Status::kInvalid) ...    400 / exit 2, o.error says why
// Reports need nothing more: RenderStoredRun calls ApplyReviews, so keys and
// reviews appear in every format (HTML: data-key on each item).
#ifndef CITECHECK_REVIEW_REVIEW_H_
#define CITECHECK_REVIEW_REVIEW_H_

#include <cstdint>
#include <string>
#include <vector>

#include "store/records.h"
#include "store/store.h"

namespace citecheck {

struct ReviewRequest {
  std::string key;
  ReviewState state = ReviewState::kAccepted;  // kAccepted, kRejected or kCleared
  std::string note;    // at most kMaxReviewNoteBytes, UTF-8
  std::string by;      // who decided; at most kMaxReviewerBytes, UTF-8, not empty
  int64_t article_id = 0;  // 0: look for the key in every checked article
};

inline constexpr size_t kMaxReviewNoteBytes = 4000;
inline constexpr size_t kMaxReviewerBytes = 200;

struct ReviewOutcome {
  enum class Status { kRecorded, kUnknownKey, kInvalid };
  Status status = Status::kRecorded;
  std::string error;    // for kUnknownKey and kInvalid, a message naming the problem
  ReviewRow row;        // as stored, for kRecorded
  std::string subject;  // the quote's text or the citation's URL
};

// Finds the item with `request.key` in the latest run of its article and
// records the decision on what that run holds (its quote text, its page
// text hashes). A key no latest run has is kUnknownKey, except that a review
// still in force on it may be cleared. Throws StoreError.
ReviewOutcome RecordReview(Store& store, const ReviewRequest& request);

// Sets the key of every quote and citation of `run`, and the review in force
// on each: accepted while the quote as written and the page text hashes are
// those it was decided on, else stale (also listed in the article's
// changes, which it creates when absent); rejected always. Throws StoreError.
void ApplyReviews(Store& store, RunRecord* run);

// A review in force, with what it says now about the latest run.
struct ReviewListing {
  ReviewRow row;              // the decision (accepted or rejected)
  std::string article_source;
  ReviewState effective = ReviewState::kAccepted;  // accepted, rejected or stale
  std::string subject;        // quote text or URL; empty when the item is gone
};

// The reviews in force for one article (0: every article), by article then key.
std::vector<ReviewListing> ListReviews(Store& store, int64_t article_id);

// Whether a review makes an item count as a problem, given whether its
// verdict alone would: rejected always, accepted never, stale (or none) as
// the verdict says.
bool ProblemUnderReview(bool verdict_problem, const std::optional<ReviewMark>& review);

}  // namespace citecheck

#endif  // CITECHECK_REVIEW_REVIEW_H_
