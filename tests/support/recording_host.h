// A loopback host for pacing tests: a real HTTP server that records when
// each request reached it, on which connection, and the most requests it
// was serving at once. Pages are /p/N ("Page N of the archive.").
#ifndef CITECHECK_TESTS_SUPPORT_RECORDING_HOST_H_
#define CITECHECK_TESTS_SUPPORT_RECORDING_HOST_H_

#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "support/test_server.h"

namespace citecheck::testing {

// When a request reached the server, for which page, and whether it was
// the first on its connection (a new connection arrives later after its
// start: the connect and the accept come first).
struct Arrival {
  std::chrono::steady_clock::time_point at;
  bool new_connection = false;
  int page = 0;
  bool operator<(const Arrival& other) const { return at < other.at; }
};

class RecordingHost {
 public:
  // `address` is a loopback address (127.x.y.z); the port is free.
  explicit RecordingHost(const std::string& address);
  std::string Url(int page) const;
  // The page's visible sentence, as an article would quote it.
  static std::string Sentence(int page);
  // Every arrival so far, by time.
  std::vector<Arrival> Starts();
  int max_in_flight();

 private:
  TestServer server_;
  std::mutex mu_;
  std::vector<Arrival> starts_;
  std::set<int> ports_;  // the client ports seen: one a connection
  int in_flight_ = 0;
  int max_in_flight_ = 0;
};

// The first pair of arrivals in `starts` (by time) that breaks the
// interval: within any window of up to `window` consecutive requests, k
// requests apart must be at least k intervals less `jitter_ms` apart.
// Windows that begin at a new connection are skipped (see Arrival). Empty
// when none does; else names the requests and their span.
std::string FirstIntervalBreak(const std::vector<Arrival>& starts, int interval_ms, int jitter_ms, size_t window);

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_RECORDING_HOST_H_
