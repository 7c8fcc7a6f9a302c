// Politeness (SPEC "Fetching"): decides when a queued request may start, so
// that at most `total` run at once, at most `per_host` per host, and starts
// to one host are at least `interval` apart. A host that is busy or waiting
// holds back only its own queue. Not thread-safe: owned by the fetch loop.
#ifndef CITECHECK_FETCH_HOST_SCHEDULER_H_
#define CITECHECK_FETCH_HOST_SCHEDULER_H_

#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace citecheck {

using SteadyClock = std::chrono::steady_clock;

// One request to make: a URL and how many times it was already tried.
struct FetchJob {
  std::string url;
  std::string host;
  int attempt = 0;                  // 0 for the first try
  SteadyClock::time_point not_before;  // retries wait for their backoff
};

class HostScheduler {
 public:
  HostScheduler(int total, int per_host, std::chrono::milliseconds interval);

  void Add(FetchJob job);

  // Removes and returns the jobs that may start at `now`, counting them as
  // running. Each must later be reported with Finished().
  std::vector<FetchJob> TakeReady(SteadyClock::time_point now);

  // A job taken from TakeReady() is over (its host may start another).
  void Finished(const std::string& host);

  // The earliest time a queued job could become ready by the clock alone, or
  // nullopt when none waits on time (nothing queued, or all wait for running
  // transfers to finish).
  std::optional<SteadyClock::time_point> NextWakeup(SteadyClock::time_point now) const;

  // Removes every queued job (when the loop must give up), in no particular order.
  std::vector<FetchJob> TakeAllQueued();

  bool HasQueued() const { return queued_ > 0; }
  int running() const { return running_; }

 private:
  struct Host {
    std::deque<FetchJob> queue;
    int running = 0;
    std::optional<SteadyClock::time_point> last_start;
  };

  // When `host` allows another start by its interval alone.
  SteadyClock::time_point IntervalReady(const Host& host) const;

  int total_;
  int per_host_;
  std::chrono::milliseconds interval_;
  std::map<std::string, Host> hosts_;
  int running_ = 0;
  int queued_ = 0;
};

}  // namespace citecheck

#endif  // CITECHECK_FETCH_HOST_SCHEDULER_H_
