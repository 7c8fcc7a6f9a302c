// A stored run of an article whose single citation has a given link status,
// for tests of history and of reports that attach it.
#ifndef CITECHECK_TESTS_HISTORY_ONE_LINK_RUN_H_
#define CITECHECK_TESTS_HISTORY_ONE_LINK_RUN_H_

#include <cstdint>

#include "store/store.h"

namespace citecheck::testing {

inline int64_t StoreOneLinkRun(Store& store, int64_t article, LinkStatus status) {
  const int64_t run = store.BeginRun("run");
  Article a;
  a.source = "a.md";
  Citation c;
  c.id = "1";
  c.url = c.normalized_url = "http://example.org/page";
  a.citations = {c};
  store.SaveArticle(run, article, a);
  FetchResult f;
  f.url = c.normalized_url;
  f.status = status;
  f.http_status = status == LinkStatus::kOk ? 200 : 404;
  store.SaveFetch(run, f, std::nullopt, "");
  store.FinishRun(run, RunState::kDone);
  return run;
}

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_HISTORY_ONE_LINK_RUN_H_
