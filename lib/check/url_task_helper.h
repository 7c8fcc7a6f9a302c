// A worker with no job of its own fetching part of another worker's run
// (docs/scale-out.md "Shared runs"): one batch of the run's URL tasks
// claimed, fetched (with the page cache's conditional requests, under the
// politeness every worker shares), extracted on every core, and each fetch
// committed with its task's end. The quotes are not decided here: the run's
// own worker holds the articles, and reads these fetches back.
#ifndef CITECHECK_CHECK_URL_TASK_HELPER_H_
#define CITECHECK_CHECK_URL_TASK_HELPER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

#include "config/config.h"
#include "fetch/fetcher.h"
#include "store/store.h"

namespace citecheck {

struct HelpedBatch {
  int64_t run_id = 0;  // 0: no running run had a task to claim
  int committed = 0;   // fetches committed with their tasks
  int taken_over = 0;  // fetched, but the task was another worker's by then: not committed
};

// Claims up to 4 x fetch.concurrency (at least 64) tasks of the oldest
// running run that has some, under `lease`, and fetches them. `stop` set:
// the transfers are abandoned, and the tasks left go back to the queue when
// the worker leaves (or when their lease lapses). Throws StoreError.
// `make_fetcher` is called only when there is something to fetch.
HelpedBatch HelpWithSharedRun(Store& store, const Config& config,
                              const std::function<std::unique_ptr<Fetcher>()>& make_fetcher, const JobLease& lease,
                              const std::atomic<bool>& stop);

}  // namespace citecheck

#endif  // CITECHECK_CHECK_URL_TASK_HELPER_H_
