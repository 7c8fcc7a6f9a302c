// Shared helpers for the fetch tests: fast options, running a fetcher to
// completion, and gzip compression for serving Content-Encoding: gzip.
#ifndef CITECHECK_TESTS_FETCH_FETCH_TEST_UTIL_H_
#define CITECHECK_TESTS_FETCH_FETCH_TEST_UTIL_H_

#include <dlfcn.h>
#include <zlib.h>

#include <map>
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

// Results by requested URL.
inline std::map<std::string, FetchResult> FetchUrls(const FetchOptions& options,
                                                    const std::vector<std::string>& urls) {
  std::map<std::string, FetchResult> results;
  MakeCurlFetcher(options)->FetchAll(urls, [&](FetchResult result) {
    std::string url = result.url;
    if (!results.emplace(url, std::move(result)).second) {
      throw std::logic_error("on_done called twice for " + url);
    }
  });
  return results;
}

inline FetchResult FetchOne(const FetchOptions& options, const std::string& url) {
  std::map<std::string, FetchResult> results = FetchUrls(options, {url});
  if (results.size() != 1) throw std::logic_error("expected one result for " + url);
  return results.begin()->second;
}

// gzip-compresses `data` with the system zlib. The test binary does not link
// zlib itself (its CMake target is shared), so the library is opened at run
// time; returns "" when that is not possible.
inline std::string Gzip(const std::string& data) {
  using InitFn = int (*)(z_streamp, int, int, int, int, int, const char*, int);
  using DeflateFn = int (*)(z_streamp, int);
  using EndFn = int (*)(z_streamp);
  static void* library = dlopen("libz.so.1", RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) return "";
  auto init = reinterpret_cast<InitFn>(dlsym(library, "deflateInit2_"));
  auto deflate_fn = reinterpret_cast<DeflateFn>(dlsym(library, "deflate"));
  auto end = reinterpret_cast<EndFn>(dlsym(library, "deflateEnd"));
  if (!init || !deflate_fn || !end) return "";
  z_stream stream{};
  // windowBits 15 + 16: a gzip wrapper rather than raw zlib.
  if (init(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
           static_cast<int>(sizeof(z_stream))) != Z_OK) {
    return "";
  }
  std::string out;
  char buffer[65536];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  do {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof(buffer);
    rc = deflate_fn(&stream, Z_FINISH);
    out.append(buffer, sizeof(buffer) - stream.avail_out);
  } while (rc == Z_OK || rc == Z_BUF_ERROR);
  end(&stream);
  return rc == Z_STREAM_END ? out : "";
}

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_FETCH_FETCH_TEST_UTIL_H_
