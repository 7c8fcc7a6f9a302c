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

// How much later than its start a request may reach the server: starts are
// timed by the client's scheduler (or, across workers, on the database's
// clock); the server sees them after the client's next turn, the send and
// the server's parse, which on a loaded machine (2 cores, eight agents,
// load 20) vary by up to ~60 ms. So k consecutive requests to a host must
// span at least k intervals less this much. (The exact schedule, across
// loops, is asserted on a fake clock in tests/fetch/host_scheduler_test.cc.)
#if defined(__SANITIZE_ADDRESS__)
// Under ASan the daemon's own CPU work keeps its loop from its next turn
// for longer (its pace is 2.4x slower).
inline constexpr int kArrivalJitterMs = 150;
#else
inline constexpr int kArrivalJitterMs = 75;
#endif
// Windows of up to this many consecutive requests are checked: a schedule
// that breaks the interval a little at every job boundary adds up.
inline constexpr size_t kIntervalWindow = 20;

// The first pair of arrivals in `starts` (by time) that breaks the
// interval: within any window of up to `window` consecutive requests, k
// requests apart must be at least k intervals less `jitter_ms` apart.
// Windows that begin at a new connection are skipped: its request reaches
// the server only after the connect and the accept, so it can arrive later
// still (windows that end at one are checked). Empty when none breaks it;
// else names the requests and their span.
std::string FirstIntervalBreak(const std::vector<Arrival>& starts, int interval_ms,
                               int jitter_ms = kArrivalJitterMs, size_t window = kIntervalWindow);

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_RECORDING_HOST_H_
