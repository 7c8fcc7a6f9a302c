// Fetching cited URLs (docs/fetching.md) with the libcurl multi interface: one
// event loop, many transfers at once.
#ifndef CITECHECK_FETCH_FETCHER_H_
#define CITECHECK_FETCH_FETCHER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/types.h"

namespace citecheck {

// Per-host politeness limits (fetch.hosts overrides the defaults by host name).
struct HostLimits {
  int concurrency = 2;    // transfers at once to the host
  int interval_ms = 100;  // minimum time between request starts to the host
};

struct FetchOptions {
  int concurrency = 32;            // fetch.concurrency: transfers at once
  int per_host_concurrency = 2;    // fetch.per_host_concurrency
  int per_host_interval_ms = 100;  // fetch.per_host_interval_ms: between request starts
  int connect_timeout_s = 10;      // fetch.connect_timeout_s
  int timeout_s = 30;              // fetch.timeout_s: whole transfer
  int max_redirects = 10;          // fetch.max_redirects
  int64_t max_body_bytes = 10 * 1024 * 1024;  // fetch.max_body_bytes, on decoded bytes
  // fetch.max_document_bytes: the cap for a PDF body instead of max_body_bytes
  int64_t max_document_bytes = 50 * 1024 * 1024;
  int retries = 2;                 // fetch.retries: on timeouts, connection errors, 429, 5xx
  int retry_after_cap_s = 60;      // fetch.retry_after_cap_s
  // Backoff before retry n (0-based) is retry_base_ms * 2^n plus up to 50%
  // jitter, or Retry-After when longer. Not a config key; tests shorten it.
  int retry_base_ms = 500;
  std::string user_agent;          // fetch.user_agent; empty: "citecheck/<version>"
  std::string proxy;               // fetch.proxy; empty: no proxy (environment ignored)
  // fetch.allow_private_networks: false refuses loopback/private/link-local/
  // unique-local/multicast/unspecified addresses; true allows all; a non-empty
  // list (addresses or CIDR ranges) allows only those.
  bool allow_all_private = false;
  std::vector<std::string> allowed_private_ranges;
  std::vector<std::string> exclude;  // fetch.exclude: URL regexes -> link status excluded
  bool verbose = false;              // log each request to stderr
  // fetch.hosts: per-host overrides of per_host_concurrency and
  // per_host_interval_ms, keyed by lower-case host name.
  std::map<std::string, HostLimits> hosts;
  // fetch.cache_max_age_s: a page whose last full fetch is older than this
  // is fetched in full again instead of with a conditional request; 0 never
  // sends conditional requests. (Used by the check pipeline.)
  int64_t cache_max_age_s = 7 * 24 * 3600;
};

// How one URL is requested beyond the defaults (RunHooks::request).
struct RequestOptions {
  std::vector<std::string> headers;  // "Name: value" lines; any with CR or LF is dropped
  // False: a redirect is not followed; the result has http_status 3xx and
  // FetchResult::location set to the resolved target.
  bool follow_redirects = true;
};

// What one run tells the fetcher beyond the options. Every hook is optional
// and called on the fetch loop's thread.
struct RunHooks {
  // Conditional requests (caching between runs): called with each URL as
  // passed to FetchAll before each request to it (retries included); return
  // the stored copy's validators, or nullopt to fetch unconditionally. A 304
  // answer then gives status ok with FetchResult::not_modified true and an
  // empty body (the caller reuses its stored text); a 200 is an ordinary full
  // fetch. Not set: no conditional requests. Values with CR or LF are ignored;
  // Validators::body_hash is not sent.
  std::function<std::optional<Validators>(const std::string& url)> validators;
  // Admission gate, asked before new transfers start: false defers starting
  // more (running transfers go on, so the loop never stalls). Lets a consumer
  // that parses slower than the network delivers bound the results waiting
  // for it, and so the memory.
  std::function<bool()> may_start;
  // Asked on every turn of the loop (at least every 50 ms): once true,
  // FetchAll returns at once, abandoning running transfers and leaving the
  // URLs not yet finished unreported. For a run that failed (its results can
  // no longer be stored), so that it does not fetch every remaining URL.
  std::function<bool()> abandon;
  // Per-URL request options (archive lookups: Accept-Datetime, no redirect
  // following); nullopt or unset: the defaults.
  std::function<std::optional<RequestOptions>(const std::string& url)> request;
  // URLs that become known while FetchAll runs (an archived copy wanted
  // after a live page failed): asked on every turn of the loop, the URLs it
  // appends are fetched by the same loop under the same politeness and
  // reported through the same on_done. While it returns true, more may
  // come: FetchAll does not return even when all else is done. The caller
  // dedupes these (they are not checked against the batch's URLs).
  std::function<bool(std::vector<std::string>* more)> follow_ups;
  // Once follow_ups says no more will come and every URL FetchAll was given
  // is done, the follow-ups not started yet (first tries only) are taken
  // out of the loop and handed here, so that FetchAll returns as soon as the
  // ones running end instead of waiting for their host's politeness. The
  // caller hands them to a later FetchAll's follow_ups: a batch of live URLs
  // never waits for the archive host (a run in batches, check/pipeline.cc).
  // After a hand-back that FetchAll asks follow_ups for nothing more. Unset:
  // FetchAll fetches them before it returns.
  std::function<void(std::vector<std::string> urls)> hand_back;
};

// Abstract so the pipeline can be driven by a fake in unit tests; the real
// implementation is CurlFetcher.
class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Fetches every URL (already normalized, duplicates fetched once) and calls
  // on_done once per distinct URL as each completes, from the fetch loop's
  // thread; on_done must be quick (hand the result to another thread). Returns
  // when all are done. Never throws for network outcomes: they are statuses.
  virtual void FetchAll(const std::vector<std::string>& urls,
                        const std::function<void(FetchResult)>& on_done) = 0;

  // Sets the hooks of the following FetchAll calls (the check pipeline knows
  // them only per run: what the store holds, how far its parsers lag, whether
  // the run failed). Not while a FetchAll runs; empty hooks undo them.
  virtual void SetRunHooks(RunHooks hooks) = 0;
};

class HostTable;  // fetch/host_table.h

// `clock` times politeness intervals, Retry-After pauses and backoff; it
// must outlive the fetcher (tests pass a fake one). `hosts` holds each host's
// politeness state, shared by every FetchAll of this fetcher and by other
// fetchers given the same table (the daemon's jobs); null: a table of the
// fetcher's own, still shared by its FetchAll calls.
std::unique_ptr<Fetcher> MakeCurlFetcher(const FetchOptions& options, Clock& clock = RealClock(),
                                         std::shared_ptr<HostTable> hosts = nullptr);

}  // namespace citecheck

#endif  // CITECHECK_FETCH_FETCHER_H_
