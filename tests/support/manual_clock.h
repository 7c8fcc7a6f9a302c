// A fake Clock for tests: time stands still until the test advances it, or
// until the code under test sleeps (SleepUntil moves the clock to the
// deadline at once). Monotonic and wall-clock time move together.
#ifndef CITECHECK_TESTS_SUPPORT_MANUAL_CLOCK_H_
#define CITECHECK_TESTS_SUPPORT_MANUAL_CLOCK_H_

#include <map>
#include <mutex>

#include "core/clock.h"

namespace citecheck::testing {

class ManualClock : public Clock {
 public:
  // Starts at an arbitrary monotonic time and at wall-clock `system_start`.
  explicit ManualClock(std::time_t system_start = 1700000000);

  SteadyClock::time_point Now() const override;
  std::time_t SystemNow() const override;  // whole seconds, rounded down
  void SleepUntil(SteadyClock::time_point deadline) override;
  int Subscribe(std::function<void()> on_jump) override;
  void Unsubscribe(int id) override;

  // Moves both clocks forward by `by` and tells the subscribers.
  void Advance(std::chrono::milliseconds by);
  // Time since the clock was made.
  std::chrono::milliseconds Elapsed() const;
  // The monotonic time at which the clock was made.
  SteadyClock::time_point start() const { return start_; }

 private:
  void MoveTo(SteadyClock::time_point when);

  const SteadyClock::time_point start_;
  const std::time_t system_start_;
  mutable std::mutex mutex_;
  SteadyClock::time_point now_;
  std::map<int, std::function<void()>> subscribers_;
  int next_id_ = 1;
};

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_MANUAL_CLOCK_H_
