// This daemon as one worker among those sharing its database
// (docs/scale-out.md "Workers"): its row and heartbeat, which renew the
// leases of the job it runs and of its host slots, and the rescuer, which
// returns work whose worker went silent. A thread of its own, so that a
// long fetch or a busy store never delays a heartbeat.
#ifndef CITECHECK_DAEMON_MEMBERSHIP_H_
#define CITECHECK_DAEMON_MEMBERSHIP_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "store/store.h"

namespace citecheck {

// "<host name>:<pid>:<8 random hex digits>": unique per process start, and
// readable in GET /v1/workers and the logs.
WorkerRow DescribeThisWorker(const std::string& listen);

class Membership {
 public:
  // `current_job` says which job the worker runs (0: none); `on_rescued`
  // runs when the rescuer returned jobs to the queue.
  Membership(std::string db, WorkerRow self, int lease_s, std::function<int64_t()> current_job,
             std::function<void()> on_rescued);
  // Stops beating and removes the worker's row and host slots.
  ~Membership();
  Membership(const Membership&) = delete;
  Membership& operator=(const Membership&) = delete;

  // Registers (the first heartbeat, here, so that a database error stops
  // the start) and starts beating. Throws StoreError.
  void Start();

  JobLease lease() const { return {self_.id, lease_s_}; }
  const std::string& id() const { return self_.id; }
  // Whether a heartbeat found `job`'s lease taken over by another worker.
  bool Lost(int64_t job) const { return job != 0 && lost_job_.load() == job; }

 private:
  void Beat(Store& store);
  void Loop();

  const std::string db_;
  const WorkerRow self_;
  const int lease_s_;
  std::function<int64_t()> current_job_;
  std::function<void()> on_rescued_;
  std::atomic<int64_t> lost_job_{0};
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_MEMBERSHIP_H_
