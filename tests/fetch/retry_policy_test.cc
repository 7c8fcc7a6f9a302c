// Retry-After parsing and backoff (lib/fetch/retry_policy).
#include "fetch/retry_policy.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

// 2015-10-21 07:28:00 UTC
constexpr std::time_t kNow = 1445412480;

struct RetryAfterCase {
  const char* value;
  std::optional<int64_t> seconds;
};

class ParseRetryAfterTest : public ::testing::TestWithParam<RetryAfterCase> {};

TEST_P(ParseRetryAfterTest, Parses) {
  EXPECT_EQ(ParseRetryAfter(GetParam().value, kNow), GetParam().seconds) << GetParam().value;
}

INSTANTIATE_TEST_SUITE_P(
    Table, ParseRetryAfterTest,
    ::testing::Values(RetryAfterCase{"120", 120}, RetryAfterCase{" 0 ", 0},
                      RetryAfterCase{"1", 1},
                      RetryAfterCase{"Wed, 21 Oct 2015 07:28:30 GMT", 30},  // IMF-fixdate
                      RetryAfterCase{"Wednesday, 21-Oct-15 07:29:00 GMT", 60},  // RFC 850
                      RetryAfterCase{"Wed Oct 21 07:28:10 2015", 10},           // asctime
                      RetryAfterCase{"Tue, 20 Oct 2015 07:28:00 GMT", 0},       // past
                      RetryAfterCase{"", std::nullopt}, RetryAfterCase{"-5", std::nullopt},
                      RetryAfterCase{"1.5", std::nullopt},
                      RetryAfterCase{"soon", std::nullopt},
                      RetryAfterCase{"99999999999999999999", std::nullopt}));

TEST(IsRetryableHttpStatusTest, OnlyTooManyRequestsAndServerErrors) {
  EXPECT_TRUE(IsRetryableHttpStatus(429));
  EXPECT_TRUE(IsRetryableHttpStatus(500));
  EXPECT_TRUE(IsRetryableHttpStatus(503));
  EXPECT_FALSE(IsRetryableHttpStatus(404));
  EXPECT_FALSE(IsRetryableHttpStatus(200));
  EXPECT_FALSE(IsRetryableHttpStatus(301));
}

TEST(RetryDelayTest, ExponentialWithBoundedJitter) {
  std::mt19937 random(42);
  for (int attempt = 0; attempt < 5; ++attempt) {
    for (int i = 0; i < 50; ++i) {
      int64_t ms = RetryDelay(attempt, 500, std::nullopt, 60, random).count();
      int64_t base = 500LL << attempt;
      EXPECT_GE(ms, base);
      EXPECT_LE(ms, base + base / 2);
    }
  }
}

TEST(RetryDelayTest, RetryAfterWinsWhenLongerAndIsCapped) {
  std::mt19937 random(1);
  EXPECT_GE(RetryDelay(0, 10, 5, 60, random).count(), 5000);
  EXPECT_LE(RetryDelay(0, 10, 5, 60, random).count(), 5015);
  EXPECT_LE(RetryDelay(0, 10, 3600, 60, random).count(), 60000);
  EXPECT_GE(RetryDelay(0, 10, 3600, 60, random).count(), 60000);
  EXPECT_LT(RetryDelay(0, 10, 0, 60, random).count(), 20);  // backoff still applies
}

TEST(RetryDelayTest, BackoffCappedSoRetriesAreBoundedInTime) {
  std::mt19937 random(3);
  EXPECT_EQ(RetryDelay(10, 500, std::nullopt, 60, random).count(), 60000);
  EXPECT_EQ(RetryDelay(3, 10000, std::nullopt, 1, random).count(), 1000);
}

TEST(RetryDelayTest, HugeAttemptDoesNotOverflow) {
  std::mt19937 random(7);
  EXPECT_GT(RetryDelay(1000, 500, std::nullopt, 60, random).count(), 0);
}

}  // namespace
}  // namespace citecheck
