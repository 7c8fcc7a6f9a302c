#include "web/sign_in_limiter.h"

namespace citecheck {

int64_t SignInLimiter::RetryAfter(const std::string& address, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = failures_.find(address);
  if (it == failures_.end()) return 0;
  std::deque<int64_t>& times = it->second;
  while (!times.empty() && times.front() + kWindowSeconds <= now) times.pop_front();
  if (static_cast<int>(times.size()) < kMaxFailures) return 0;
  return times.front() + kWindowSeconds - now;
}

void SignInLimiter::RecordFailure(const std::string& address, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  // Bounded memory against many addresses: forget the lapsed ones first.
  if (failures_.size() > 10000) Expire(now);
  std::deque<int64_t>& times = failures_[address];
  times.push_back(now);
  while (static_cast<int>(times.size()) > kMaxFailures) times.pop_front();
}

void SignInLimiter::Expire(int64_t now) {
  for (auto it = failures_.begin(); it != failures_.end();) {
    it = !it->second.empty() && it->second.back() + kWindowSeconds > now ? std::next(it) : failures_.erase(it);
  }
}

}  // namespace citecheck
