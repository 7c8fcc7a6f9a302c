// What Store::Prune takes and reports (docs/storage.md "Retention").
#ifndef CITECHECK_STORE_PRUNE_TYPES_H_
#define CITECHECK_STORE_PRUNE_TYPES_H_

#include <cstdint>
#include <string>

namespace citecheck {

struct PruneOptions {
  int keep_runs = 60;    // newest runs kept per article (store.keep_runs); at least 1
  bool dry_run = false;  // count what would go, change nothing
};

// Rows deleted (or, in a dry run, that would be).
struct PruneReport {
  int64_t runs = 0;             // whole runs: no article of theirs is kept
  int64_t article_runs = 0;     // an article's part of a run (run_articles rows)
  int64_t citations = 0;
  int64_t quotes = 0;
  int64_t fetches = 0;
  int64_t jobs = 0;             // finished jobs of the deleted runs
  int64_t pages = 0;            // page texts no remaining fetch references
  int64_t page_bytes = 0;       // their text, in bytes
  int64_t cached_verdicts = 0;  // verdict cache rows of those texts
  // Page texts left for a later prune because a run was in progress (it may
  // be about to reuse one of them).
  bool pages_deferred = false;
  // The one VACUUM that turned on incremental vacuum in an older database.
  bool converted_to_incremental = false;
  int64_t bytes_before = 0;  // database size (page count x page size)
  int64_t bytes_after = 0;   // after pruning and vacuuming; = bytes_before in a dry run
};

// What pruning kept of one link's "broken since" streak: as of run
// `through_run_id` (the newest of the article's pruned runs; 0 when none was
// pruned), the link had been not ok in `broken_runs` runs in a row, the first
// of them begun at `since`. broken_runs 0: it was ok (or never fetched).
struct PrunedStreak {
  int64_t through_run_id = 0;
  int broken_runs = 0;
  std::string since;
};

}  // namespace citecheck

#endif  // CITECHECK_STORE_PRUNE_TYPES_H_
