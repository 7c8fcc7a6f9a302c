// How every report format shows a review next to a verdict (docs/review.md
// "In reports"): one wording, so text, Markdown, HTML, JUnit and the
// changes section agree. Every function returns unescaped text.
#ifndef CITECHECK_REPORT_REVIEW_LABEL_H_
#define CITECHECK_REPORT_REVIEW_LABEL_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "store/records.h"

namespace citecheck {

// "accepted by alice on 2026-12-01: known translation",
// "rejected by bob on 2026-12-01", "stale: accepted on 2026-12-01 by alice,
// the page has changed since"; "" without a review.
std::string ReviewLabel(const std::optional<ReviewMark>& review);

// The changes line of a stale review: "accepted on DATE by NAME, REASON".
std::string StaleReviewText(const StaleReview& stale);

// JSON "review": null or {"state", "note", "by", "at"} (note null when empty).
nlohmann::ordered_json ReviewJson(const std::optional<ReviewMark>& review);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_REVIEW_LABEL_H_
