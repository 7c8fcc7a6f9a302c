// One fetched URL as a parse worker leaves it for the saving thread: the
// extracted text (or why there is none) and the verdicts of the quotes that
// cite it. Split from the pipeline so that the CPU-heavy part reads alone.
#ifndef CITECHECK_CHECK_PAGE_DONE_H_
#define CITECHECK_CHECK_PAGE_DONE_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "check/quote_ledger.h"
#include "check/quote_verdicts.h"
#include "core/types.h"
#include "fetch/fetcher.h"
#include "match/matcher.h"
#include "store/registry_types.h"

namespace citecheck {

// A fetched URL after the parse worker is done with it.
struct PageDone {
  FetchResult fetch;
  std::optional<PageText> page;
  std::string detected_language;
  bool stored = false;  // already committed (a resumed run): not saved again
  // Committed in this run by another worker (docs/scale-out.md "Shared
  // runs"): stored, but fetched now, so it counts as progress.
  bool by_peer = false;
  // A request of the archive seeker (check/archive_seeker.h), not a cited
  // page: it goes to the seeker, never into the run's fetches.
  bool archive = false;
  // A 304, or a body identical to the one the stored text came from: the
  // stored copy stands for the page, which is not extracted again.
  bool text_unchanged = false;
  std::string known_content_hash;  // the stored text this page reuses, if any
  bool verdicts_from_cache = false;
  PageOutcome outcome;
  // Verdicts of the quotes citing this page, computed by the worker.
  std::vector<std::pair<QuoteRef, Verdict>> verdicts;
};

// The cap `fetch`'s body was fetched under: fetch.max_document_bytes for a
// PDF, else fetch.max_body_bytes (named when a quote is not found in a cut body).
int64_t BodyCapOf(const FetchResult& fetch, const FetchOptions& options);

// Extraction and preparation of one page: the CPU-heavy part, on a worker.
// The raw body is dropped once its text is extracted.
PageDone ParsePage(FetchResult fetch, int64_t max_body_bytes);

// A committed fetch of an interrupted run, turned back into what the parse
// worker would have produced, without fetching or extracting again.
PageDone FromStored(StoredFetch stored, int64_t max_body_bytes);

// On a worker: the verdict of every quote citing this page, appended to
// done->verdicts. Reads only the ledger's articles (immutable while pages are
// matched).
void MatchCitingQuotes(PageDone* done, const QuoteLedger& ledger, const MatchOptions& options);

}  // namespace citecheck

#endif  // CITECHECK_CHECK_PAGE_DONE_H_
