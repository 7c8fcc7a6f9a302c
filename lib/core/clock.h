// Time as an interface (ninja's and leveldb's Env): the fetch loop, the host
// scheduler and the daemon's scheduler read time and wait through a Clock,
// so that tests drive them with a fake one and assert the times they chose
// instead of sleeping.
#ifndef CITECHECK_CORE_CLOCK_H_
#define CITECHECK_CORE_CLOCK_H_

#include <chrono>
#include <ctime>
#include <functional>

namespace citecheck {

using SteadyClock = std::chrono::steady_clock;

// Thread-safe: every method may be called from any thread.
class Clock {
 public:
  virtual ~Clock() = default;

  // Monotonic time, for intervals, pauses and backoff.
  virtual SteadyClock::time_point Now() const = 0;
  // Wall-clock time in seconds since the epoch, for cron schedules and
  // HTTP dates (Retry-After).
  virtual std::time_t SystemNow() const = 0;

  // Blocks the caller until Now() >= `deadline`. A fake clock moves to the
  // deadline at once, so a loop that waits only on time runs without delay.
  virtual void SleepUntil(SteadyClock::time_point deadline) = 0;

  // Calls `on_jump` whenever the time moves other than by its own passing (a
  // fake clock advanced by a test), so that a thread waiting for a time on
  // its own condition variable looks again. `on_jump` must be quick and
  // must not call back into the clock. The real clock never calls it. Each
  // Subscribe must be matched by an Unsubscribe(id) before `on_jump` dies;
  // after Unsubscribe returns, `on_jump` is not running and never runs again.
  virtual int Subscribe(std::function<void()> on_jump) = 0;
  virtual void Unsubscribe(int id) = 0;
};

// The process's real clock (std::chrono::steady_clock and std::time); lives
// for the whole program.
Clock& RealClock();

}  // namespace citecheck

#endif  // CITECHECK_CORE_CLOCK_H_
