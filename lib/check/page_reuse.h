// Reusing what earlier runs stored for a URL, so that an unchanged page is
// neither extracted nor matched again: the validators of a conditional
// request, same-body detection for servers that send none, the stored text
// that a 304 or an unchanged body stands for, and the verdicts already
// decided on that text (keyed by content hash, quote, match settings and
// kMatcherVersion).
#ifndef CITECHECK_CHECK_PAGE_REUSE_H_
#define CITECHECK_CHECK_PAGE_REUSE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "check/page_done.h"
#include "check/quote_ledger.h"
#include "core/types.h"
#include "match/matcher.h"
#include "store/store.h"

namespace citecheck {

class PageReuse {
 public:
  // `max_age_s`: fetch.cache_max_age_s; 0 reuses nothing (every page is
  // fetched in full and extracted).
  PageReuse(int64_t max_age_s, const MatchOptions& match, int64_t max_body_bytes);

  // What a cached verdict depends on besides the page text and the quote.
  static std::string VerdictKey(const MatchOptions& match);
  const std::string& verdict_key() const { return verdict_key_; }

  // Before fetching, on the thread that owns `store`: the validators of the
  // stored copy of each URL young enough to be revalidated rather than
  // fetched in full. Read-only afterwards, so the methods below may be
  // called from any thread.
  void Load(Store& store, const std::vector<std::string>& urls);

  // For the fetcher (RunHooks::validators): nullopt when the stored copy has
  // neither ETag nor Last-Modified.
  std::optional<Validators> ConditionalValidators(const std::string& url) const;

  // A 304, or an ok, complete body that hashes the same as the body the
  // stored text came from. Sets fetch->body_hash of every ok body (it is
  // stored, for the next run to compare). A truncated body never counts.
  bool IsUnchanged(FetchResult* fetch) const;

  // An unchanged page made from its stored copy, read through `reader` (a
  // connection of the calling thread): the cached verdicts when every quote
  // citing it has one for the stored text, else the stored text matched
  // again. Without a stored copy the page has no text, and says why.
  PageDone Reuse(FetchResult fetch, Store& reader, const QuoteLedger& ledger) const;
  // The same page from its stored copy, unmatched: for a worker that
  // fetches another worker's URLs (check/url_task_helper.h) and only
  // commits what it fetched.
  PageDone StoredCopy(FetchResult fetch, Store& reader) const;

 private:
  PageDone Unchanged(FetchResult fetch) const;
  bool ReuseVerdicts(PageDone* done, Store& reader, const QuoteLedger& ledger) const;
  void ReuseText(PageDone* done, Store& reader) const;

  int64_t max_age_s_;
  MatchOptions match_;
  int64_t max_body_bytes_;
  std::string verdict_key_;
  std::map<std::string, Validators> validators_;
};

}  // namespace citecheck

#endif  // CITECHECK_CHECK_PAGE_REUSE_H_
