// Failed sign-ins per client address (docs/web.md "Sign-in and sessions"): after
// kMaxFailures failures within kWindowSeconds, every sign-in from that
// address is answered 429 until the window of the oldest failure passes,
// so the token cannot be guessed at network speed.
#ifndef CITECHECK_WEB_SIGN_IN_LIMITER_H_
#define CITECHECK_WEB_SIGN_IN_LIMITER_H_

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace citecheck {

class SignInLimiter {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr int64_t kWindowSeconds = 600;

  // 0 when `address` may try now; else the seconds until it may.
  int64_t RetryAfter(const std::string& address, int64_t now);
  void RecordFailure(const std::string& address, int64_t now);

 private:
  void Expire(int64_t now);

  std::mutex mu_;
  std::map<std::string, std::deque<int64_t>> failures_;  // times, oldest first
};

}  // namespace citecheck

#endif  // CITECHECK_WEB_SIGN_IN_LIMITER_H_
