// Resuming an interrupted run: the fetches it already committed stand for
// their URLs, which are not fetched again (their stored text decides the
// quotes).
#ifndef CITECHECK_CHECK_RESUME_H_
#define CITECHECK_CHECK_RESUME_H_

#include <cstdint>
#include <string>
#include <vector>

#include "store/registry_types.h"
#include "store/store.h"

namespace citecheck {

// The fetches `run_id` committed for URLs in `urls` (sorted, distinct), each
// with its url set to the form the article cites, and those URLs taken out
// of `urls`. The store keeps URLs without credentials: a cited URL with
// them is found by its stored form, unless two cited URLs share that form
// (then it is fetched again).
std::vector<StoredFetch> TakeCommittedFetches(Store& store, int64_t run_id, std::vector<std::string>* urls);

}  // namespace citecheck

#endif  // CITECHECK_CHECK_RESUME_H_
