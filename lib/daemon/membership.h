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

// The job a worker runs, and which of its claims that is: the same job,
// lost and claimed again, is a new claim that nothing of the old one may stop.
struct CurrentClaim {
  int64_t job = 0;     // 0: idle
  uint64_t serial = 0;  // counts the worker's claims
  bool operator==(const CurrentClaim& o) const { return job == o.job && serial == o.serial; }
};

class Membership {
 public:
  // `current` says which job the worker runs; `on_rescued` runs when the
  // rescuer returned jobs to the queue.
  Membership(std::string db, WorkerRow self, int lease_s, std::function<CurrentClaim()> current,
             std::function<void()> on_rescued);
  // Leave()s.
  ~Membership();
  Membership(const Membership&) = delete;
  Membership& operator=(const Membership&) = delete;

  // Registers (the first heartbeat, here, so that a database error stops
  // the start) and starts beating. Throws StoreError.
  void Start();
  // Stops beating and removes the worker's row and host slots; idempotent.
  // For a stop that cannot wait for the worker thread, before it is
  // abandoned: Lost() and lease() stay usable.
  void Leave();

  JobLease lease() const { return {self_.id, lease_s_}; }
  const std::string& id() const { return self_.id; }
  // Whether a heartbeat found the job of claim `serial` taken over by
  // another worker.
  bool Lost(uint64_t serial) const { return serial != 0 && lost_claim_.load() == serial; }

 private:
  void Beat(Store& store);
  void Loop();

  const std::string db_;
  const WorkerRow self_;
  const int lease_s_;
  std::function<CurrentClaim()> current_;
  std::function<void()> on_rescued_;
  std::atomic<uint64_t> lost_claim_{0};
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_MEMBERSHIP_H_
