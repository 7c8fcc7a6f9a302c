// What changed in each article since its previous run, at the scale of a
// newsroom: worked out once when a run ends and stored (StoreChangesOfRun),
// read back for `report --changes` over every registered article
// (LatestWithChanges) and for a run's own report (history AttachChanges).
// docs/storage.md "Changes between runs".
#ifndef CITECHECK_REPORT_LATEST_CHANGES_H_
#define CITECHECK_REPORT_LATEST_CHANGES_H_

#include <cstdint>

#include "store/records.h"
#include "store/store.h"

namespace citecheck {

// Works out the changes of every article of the ended run `run_id` since
// its previous run, as AttachChanges would, and stores them with each
// article's count of failing items. An article whose previous run is still
// running is left to be worked out when read. Throws StoreError.
void StoreChangesOfRun(Store& store, int64_t run_id);

struct LatestChanges {
  // One ArticleRecord per registered article that has been checked, in id
  // order: source, title, checked_at and changes (stale reviews included),
  // no citations or quotes.
  RunRecord run;
  // ExitCodeFor every article's latest run with its reviews applied.
  int exit_code = 0;
};

// Stored changes where the latest run has them, else worked out from the
// latest and the previous run read once each; articles with reviews in
// force are read in full (their keys need every item). Throws StoreError.
LatestChanges LatestWithChanges(Store& store);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_LATEST_CHANGES_H_
