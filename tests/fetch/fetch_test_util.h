// Shared helpers for the fetch tests: fast options, running a fetcher to
// completion.
#ifndef CITECHECK_TESTS_FETCH_FETCH_TEST_UTIL_H_
#define CITECHECK_TESTS_FETCH_FETCH_TEST_UTIL_H_

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "fetch/fetcher.h"

namespace citecheck::testing {

// Loopback servers are private addresses, so tests allow them unless a test
// is about the refusal. Short timeouts and backoff keep every test fast.
inline FetchOptions FastOptions() {
  FetchOptions options;
  options.allow_all_private = true;
  options.connect_timeout_s = 2;
  options.timeout_s = 2;
  options.retries = 0;
  options.retry_base_ms = 10;
  options.per_host_interval_ms = 0;
  return options;
}

// Results by requested URL, from `fetcher` as it is set up.
inline std::map<std::string, FetchResult> FetchUrls(Fetcher& fetcher, const std::vector<std::string>& urls) {
  std::map<std::string, FetchResult> results;
  fetcher.FetchAll(urls, [&](FetchResult result) {
    std::string url = result.url;
    if (!results.emplace(url, std::move(result)).second) {
      throw std::logic_error("on_done called twice for " + url);
    }
  });
  return results;
}

inline FetchResult FetchOne(Fetcher& fetcher, const std::string& url) {
  std::map<std::string, FetchResult> results = FetchUrls(fetcher, {url});
  if (results.size() != 1) throw std::logic_error("expected one result for " + url);
  return results.begin()->second;
}

// Results by requested URL, from a real fetcher with `options` and `hooks`.
inline std::map<std::string, FetchResult> FetchUrls(const FetchOptions& options,
                                                    const std::vector<std::string>& urls,
                                                    RunHooks hooks = {}) {
  std::unique_ptr<Fetcher> fetcher = MakeCurlFetcher(options);
  fetcher->SetRunHooks(std::move(hooks));
  return FetchUrls(*fetcher, urls);
}

inline FetchResult FetchOne(const FetchOptions& options, const std::string& url, RunHooks hooks = {}) {
  std::unique_ptr<Fetcher> fetcher = MakeCurlFetcher(options);
  fetcher->SetRunHooks(std::move(hooks));
  return FetchOne(*fetcher, url);
}

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_FETCH_FETCH_TEST_UTIL_H_
