#include "core/clock.h"

#include <thread>

namespace citecheck {
namespace {

class SystemClock : public Clock {
 public:
  SteadyClock::time_point Now() const override { return SteadyClock::now(); }
  std::time_t SystemNow() const override { return std::time(nullptr); }
  void SleepUntil(SteadyClock::time_point deadline) override { std::this_thread::sleep_until(deadline); }
  // Real time never jumps in a way anyone is told of; waiters bound their
  // waits themselves (the wall clock may be set).
  int Subscribe(std::function<void()>) override { return 0; }
  void Unsubscribe(int) override {}
};

}  // namespace

Clock& RealClock() {
  static SystemClock* clock = new SystemClock();  // never destroyed: used until exit
  return *clock;
}

}  // namespace citecheck
