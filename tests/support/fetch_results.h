// FetchResults as the fetcher reports them, for tests that store or match
// pages without fetching them.
#ifndef CITECHECK_TESTS_SUPPORT_FETCH_RESULTS_H_
#define CITECHECK_TESTS_SUPPORT_FETCH_RESULTS_H_

#include <string>

#include "core/types.h"

namespace citecheck::testing {

// A 200 text/html answer for `url` (no redirect) with `body`.
inline FetchResult OkFetch(const std::string& url, const std::string& body = "") {
  FetchResult r;
  r.url = url;
  r.final_url = url;
  r.status = LinkStatus::kOk;
  r.http_status = 200;
  r.content_type = "text/html";
  r.body = body;
  r.bytes = static_cast<int64_t>(body.size());
  return r;
}

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_FETCH_RESULTS_H_
