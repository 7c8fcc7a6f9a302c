// Politeness (docs/fetching.md "Politeness"): decides when a queued request may start, so
// that at most `total` run at once, at most `per_host` per host, and starts
// to one host are at least `interval` apart. A host that is busy or waiting
// holds back only its own queue. Every decision is taken at the time of its
// Clock, so tests assert it with a fake one. The queues are the scheduler's
// own; each host's state (last start, running count, pause) lives in a
// HostTable that may be shared with other schedulers (host_table.h), so
// limits hold across them. Not thread-safe itself: owned by the fetch loop.
#ifndef CITECHECK_FETCH_HOST_SCHEDULER_H_
#define CITECHECK_FETCH_HOST_SCHEDULER_H_

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "fetch/host_table.h"

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
  // `clock` must outlive the scheduler. `table` holds the hosts' state;
  // null: a table of its own. `total` counts this scheduler's transfers only.
  HostScheduler(const Clock& clock, int total, int per_host, std::chrono::milliseconds interval,
                std::shared_ptr<HostTable> table = nullptr);

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
  // transfers to finish; with a shared table, maybe another scheduler's).
  // Never earlier than now.
  std::optional<SteadyClock::time_point> NextWakeup() const;

  // Removes every queued job (when the loop must give up), in no particular order.
  std::vector<FetchJob> TakeAllQueued();
  // Removes the queued jobs `take` says yes to, in no particular order.
  std::vector<FetchJob> TakeQueuedIf(const std::function<bool(const FetchJob&)>& take);

  bool HasQueued() const { return queued_ > 0; }
  int queued() const { return queued_; }
  int running() const { return running_; }

 private:
  struct Limits {
    int per_host = 1;
    std::chrono::milliseconds interval{0};
  };
  struct Host {
    Limits limits;
    std::deque<FetchJob> queue;
    int running = 0;  // of this scheduler's jobs
  };

  // The entry for `name`, created with its limits (override or default).
  Host& HostEntry(const std::string& name);

  const Clock& clock_;
  std::shared_ptr<HostTable> table_;
  int total_;
  Limits default_limits_;
  std::map<std::string, Limits> overrides_;
  std::map<std::string, Host> hosts_;
  int running_ = 0;
  int queued_ = 0;
};

}  // namespace citecheck

#endif  // CITECHECK_FETCH_HOST_SCHEDULER_H_
