#include "support/manual_clock.h"

namespace citecheck::testing {

ManualClock::ManualClock(std::time_t system_start)
    : start_(SteadyClock::time_point() + std::chrono::hours(1000)),
      system_start_(system_start),
      now_(start_) {}

SteadyClock::time_point ManualClock::Now() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return now_;
}

std::time_t ManualClock::SystemNow() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return system_start_ + std::chrono::duration_cast<std::chrono::seconds>(now_ - start_).count();
}

void ManualClock::SleepUntil(SteadyClock::time_point deadline) { MoveTo(deadline); }

void ManualClock::Advance(std::chrono::milliseconds by) {
  SteadyClock::time_point target;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    target = now_ + by;
  }
  MoveTo(target);
}

void ManualClock::MoveTo(SteadyClock::time_point when) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (when <= now_) return;
  now_ = when;
  // Under the lock, so that Unsubscribe is a barrier (see Clock).
  for (auto& [id, on_jump] : subscribers_) on_jump();
}

std::chrono::milliseconds ManualClock::Elapsed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return std::chrono::duration_cast<std::chrono::milliseconds>(now_ - start_);
}

int ManualClock::Subscribe(std::function<void()> on_jump) {
  std::lock_guard<std::mutex> lock(mutex_);
  subscribers_.emplace(next_id_, std::move(on_jump));
  return next_id_++;
}

void ManualClock::Unsubscribe(int id) {
  std::lock_guard<std::mutex> lock(mutex_);
  subscribers_.erase(id);
}

}  // namespace citecheck::testing
