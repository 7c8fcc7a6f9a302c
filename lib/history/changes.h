// What changed in an article between two runs (docs/storage.md "Changes between runs": a nightly run
// says what changed since last night): links newly broken or recovered,
// quotes no longer or newly verified, page texts that changed, and how long
// each link that is not ok has been so.
#ifndef CITECHECK_HISTORY_CHANGES_H_
#define CITECHECK_HISTORY_CHANGES_H_

#include <string>
#include <vector>

#include "store/records.h"
#include "store/store.h"

namespace citecheck {

// The changes from `previous` (null: the article's first run) to `current`.
// Links are matched by normalized URL (citation id for unresolved markers),
// quotes by text. Quotes still pending (an interrupted run) and links not
// fetched are not compared. broken_links is left empty (see AttachChanges).
ArticleChanges DiffArticles(const ArticleRecord* previous, const ArticleRecord& current);

// For every article of `run`: finds its previous run (the newest older run
// that includes it), diffs, and fills broken_links with each link that is not
// ok now and since when ("broken since <date>, N consecutive runs"; runs
// that did not fetch the link neither break nor extend the streak).
void AttachChanges(Store& store, RunRecord* run);

// Each link of `article` (in run `run_id`) that is not ok, and since when:
// the broken_links of AttachChanges.
std::vector<BrokenLink> BrokenLinks(Store& store, const ArticleRecord& article, int64_t run_id);

}  // namespace citecheck

#endif  // CITECHECK_HISTORY_CHANGES_H_
