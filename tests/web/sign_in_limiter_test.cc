// The sign-in limiter with explicit times (no clock): five failures from an
// address within ten minutes close it until the oldest is ten minutes old;
// other addresses are not affected.
#include "web/sign_in_limiter.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

TEST(SignInLimiterTest, FiveFailuresCloseTheAddressForTheRestOfTheWindow) {
  SignInLimiter limiter;
  for (int i = 0; i < 4; ++i) limiter.RecordFailure("10.0.0.1", 1000 + i);
  EXPECT_EQ(limiter.RetryAfter("10.0.0.1", 1004), 0);
  limiter.RecordFailure("10.0.0.1", 1004);
  EXPECT_EQ(limiter.RetryAfter("10.0.0.1", 1005), 1000 + 600 - 1005);
  EXPECT_EQ(limiter.RetryAfter("10.0.0.2", 1005), 0) << "per address";
  EXPECT_EQ(limiter.RetryAfter("10.0.0.1", 1600), 0) << "the oldest failure left the window";
}

TEST(SignInLimiterTest, OldFailuresDoNotCount) {
  SignInLimiter limiter;
  for (int i = 0; i < 4; ++i) limiter.RecordFailure("::1", 0);
  limiter.RecordFailure("::1", 700);
  EXPECT_EQ(limiter.RetryAfter("::1", 701), 0);
}

}  // namespace
}  // namespace citecheck
