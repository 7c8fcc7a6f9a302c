// `report --changes` over every registered article: the latest run of each
// with what changed since the run before it, at ten thousand articles in
// about the time it takes to read their rows once (docs/storage.md
// "Changes between runs").
#ifndef CITECHECK_REPORT_LATEST_CHANGES_H_
#define CITECHECK_REPORT_LATEST_CHANGES_H_

#include "store/records.h"
#include "store/store.h"

namespace citecheck {

// One ArticleRecord per registered article that has been checked, in id
// order, each with its source, title, checked_at and changes (stale reviews
// included) as AttachChanges and ApplyReviews give them. To stay small at
// scale a record keeps only the citations and quotes that fail the run
// (IsCitationProblem / IsQuoteProblem), so ExitCodeFor the result is the
// exit code of every article's latest run. Throws StoreError.
RunRecord LatestWithChanges(Store& store);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_LATEST_CHANGES_H_
