// Scheduled runs from daemon.schedule: at each matching minute, queues a job
// that checks every registered article. The last firing is kept in the
// database, so a schedule missed while the daemon was down fires once at
// start (not once per missed minute).
#ifndef CITECHECK_DAEMON_SCHEDULER_H_
#define CITECHECK_DAEMON_SCHEDULER_H_

#include <atomic>
#include <condition_variable>
#include <ctime>
#include <functional>
#include <mutex>

#include "daemon/shared_state.h"

namespace citecheck {

class Scheduler {
 public:
  // `clock_offset_s` shifts the clock (tests reach a schedule without
  // waiting for it); `on_queued` is called after a job was queued.
  Scheduler(SharedConfig& config, const std::atomic<bool>& stop, long clock_offset_s,
            std::function<void()> on_queued)
      : config_(config), stop_(stop), clock_offset_s_(clock_offset_s), on_queued_(std::move(on_queued)) {}

  // Before the daemon is ready: a first start ever records now as the last
  // firing (nothing was missed), so that a daemon stopped at once still
  // remembers it ran.
  void RecordFirstStart(Store& store);
  void Run();   // until stop; on its own thread
  void Wake();  // stop or reload: look again now

  std::time_t Now() const { return std::time(nullptr) + clock_offset_s_; }

 private:
  void Fire(Store& store, std::time_t now, bool missed);
  void SleepUntil(std::time_t when);

  SharedConfig& config_;
  const std::atomic<bool>& stop_;
  long clock_offset_s_;
  std::function<void()> on_queued_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool woken_ = false;
};

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_SCHEDULER_H_
