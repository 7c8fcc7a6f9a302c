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

#include "core/clock.h"
#include "daemon/shared_state.h"

namespace citecheck {

// daemon_state key: the id of the job the schedule queued last. The worker
// prunes the database after that job (docs/storage.md "Retention").
inline constexpr const char* kScheduledJobKey = "schedule.last_job";

class Scheduler {
 public:
  // Schedules by `clock`'s wall-clock time (tests pass a fake one and
  // advance it); `on_queued` is called, on the scheduler's thread, after a
  // job was queued. `clock` must outlive the scheduler.
  Scheduler(SharedConfig& config, const std::atomic<bool>& stop, Clock& clock,
            std::function<void()> on_queued);
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Before the daemon is ready: a first start ever records now as the last
  // firing (nothing was missed), so that a daemon stopped at once still
  // remembers it ran.
  void RecordFirstStart(Store& store);
  void Run();   // until stop; on its own thread
  void Wake();  // stop, reload or a clock that jumped: look again now

  std::time_t Now() const { return clock_.SystemNow(); }

 private:
  // Queues the job of every article unless another worker sharing the
  // database fired this occurrence first (the last firing is still `last`).
  void Fire(Store& store, const std::string& last, std::time_t now, bool missed);
  void SleepUntil(std::time_t when);

  SharedConfig& config_;
  const std::atomic<bool>& stop_;
  Clock& clock_;
  std::function<void()> on_queued_;
  int clock_subscription_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  bool woken_ = false;
};

}  // namespace citecheck

#endif  // CITECHECK_DAEMON_SCHEDULER_H_
