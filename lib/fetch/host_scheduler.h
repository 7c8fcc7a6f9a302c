// Politeness (docs/fetching.md "Politeness"): decides when a queued request may start, so
// that at most `total` run at once, at most `per_host` per host, and starts
// to one host are at least `interval` apart. A host that is busy or waiting
// holds back only its own queue. Every decision is taken at the time of its
// Clock, so tests assert it with a fake one. Not thread-safe: owned by the
// fetch loop.
#ifndef CITECHECK_FETCH_HOST_SCHEDULER_H_
#define CITECHECK_FETCH_HOST_SCHEDULER_H_

#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

namespace citecheck {

// One request to make: a URL and how many times it was already tried.
struct FetchJob {
  std::string url;
  std::string host;
  int attempt = 0;                  // 0 for the first try
  SteadyClock::time_point not_before;  // retries wait for their backoff
};

class HostScheduler {
 public:
  // `clock` must outlive the scheduler.
  HostScheduler(const Clock& clock, int total, int per_host, std::chrono::milliseconds interval);

  // Overrides the per-host limits for `host` (fetch.hosts); call before
  // adding its jobs. `host` is compared as given (FetchJob::host is lower-case).
  void SetHostLimits(const std::string& host, int per_host, std::chrono::milliseconds interval);

  // The host asked us to wait (429, or 503 with Retry-After): none of its
  // queued jobs starts before `until`. Other hosts are not affected; running
  // transfers go on. A later pause only ever extends an earlier one.
  void PauseHost(const std::string& host, SteadyClock::time_point until);

  void Add(FetchJob job);

  // Removes and returns the jobs that may start now, counting them as
  // running. Each must later be reported with Finished().
  std::vector<FetchJob> TakeReady();

  // A job taken from TakeReady() is over (its host may start another).
  void Finished(const std::string& host);

  // The earliest time a queued job could become ready by the clock alone, or
  // nullopt when none waits on time (nothing queued, or all wait for running
  // transfers to finish).
  // Never earlier than now.
  std::optional<SteadyClock::time_point> NextWakeup() const;

  // Removes every queued job (when the loop must give up), in no particular order.
  std::vector<FetchJob> TakeAllQueued();

  bool HasQueued() const { return queued_ > 0; }
  int running() const { return running_; }

 private:
  struct Limits {
    int per_host = 1;
    std::chrono::milliseconds interval{0};
  };
  struct Host {
    Limits limits;
    std::deque<FetchJob> queue;
    int running = 0;
    std::optional<SteadyClock::time_point> last_start;
    SteadyClock::time_point paused_until = SteadyClock::time_point::min();
  };

  // The entry for `name`, created with its limits (override or default).
  Host& HostEntry(const std::string& name);
  // When `host` allows another start by its interval and pause alone.
  SteadyClock::time_point IntervalReady(const Host& host) const;

  const Clock& clock_;
  int total_;
  Limits default_limits_;
  std::map<std::string, Limits> overrides_;
  std::map<std::string, Host> hosts_;
  int running_ = 0;
  int queued_ = 0;
};

}  // namespace citecheck

#endif  // CITECHECK_FETCH_HOST_SCHEDULER_H_
