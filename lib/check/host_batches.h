// How a run hands its URLs to the fetcher (docs/fetching.md "Batches"): in
// batches made of whole rounds, each round one URL of every host that still
// has some. Sorted URLs cut into fixed-size batches would cluster each batch
// on a host or two, so the politeness interval of those few hosts would set
// the pace while every other host sat idle; rounds keep every host with
// pending URLs busy in every batch, and since all hosts of a batch get about
// the same number of URLs, the batch's end (the slowest host's last
// transfer) comes about when each host's interval would allow its next start
// anyway.
#ifndef CITECHECK_CHECK_HOST_BATCHES_H_
#define CITECHECK_CHECK_HOST_BATCHES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "fetch/fetcher.h"

namespace citecheck {

// `urls` (distinct) in batches of at least `min_batch` URLs (the last may be
// smaller), each a whole number of rounds over the hosts with URLs left.
// Every URL appears exactly once. Linear in the number of URLs.
std::vector<std::vector<std::string>> HostRoundBatches(const std::vector<std::string>& urls, size_t min_batch);

// URLs handed to the fetcher at once when nothing else says: 4 x
// fetch.concurrency, at least 64. Bounds how long a stop waits for the
// transfers in flight.
size_t DefaultBatchSize(const FetchOptions& options);

}  // namespace citecheck

#endif  // CITECHECK_CHECK_HOST_BATCHES_H_
