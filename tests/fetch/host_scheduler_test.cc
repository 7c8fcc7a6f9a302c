// Politeness scheduling without a network (lib/fetch/host_scheduler).
#include "fetch/host_scheduler.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

using std::chrono::milliseconds;

FetchJob Job(const std::string& host, int n, SteadyClock::time_point not_before = {}) {
  return FetchJob{"http://" + host + "/" + std::to_string(n), host, 0, not_before};
}

TEST(HostSchedulerTest, PerHostAndTotalLimits) {
  HostScheduler scheduler(3, 2, milliseconds(0));
  for (int i = 0; i < 4; ++i) scheduler.Add(Job("a", i));
  for (int i = 0; i < 4; ++i) scheduler.Add(Job("b", i));
  SteadyClock::time_point now = SteadyClock::now();
  std::vector<FetchJob> first = scheduler.TakeReady(now);
  EXPECT_EQ(first.size(), 3u);  // total cap
  EXPECT_EQ(scheduler.running(), 3);
  EXPECT_TRUE(scheduler.TakeReady(now).empty());
  scheduler.Finished(first[0].host);
  std::vector<FetchJob> next = scheduler.TakeReady(now);
  ASSERT_EQ(next.size(), 1u);
  EXPECT_FALSE(scheduler.NextWakeup(now).has_value());  // full: waits for a finish
}

TEST(HostSchedulerTest, IntervalBetweenStarts) {
  HostScheduler scheduler(10, 5, milliseconds(100));
  scheduler.Add(Job("a", 0));
  scheduler.Add(Job("a", 1));
  scheduler.Add(Job("b", 0));
  SteadyClock::time_point now = SteadyClock::now();
  EXPECT_EQ(scheduler.TakeReady(now).size(), 2u);  // one per host
  EXPECT_TRUE(scheduler.TakeReady(now + milliseconds(99)).empty());
  ASSERT_TRUE(scheduler.NextWakeup(now).has_value());
  EXPECT_EQ(*scheduler.NextWakeup(now), now + milliseconds(100));
  EXPECT_EQ(scheduler.TakeReady(now + milliseconds(100)).size(), 1u);
  EXPECT_FALSE(scheduler.HasQueued());
}

TEST(HostSchedulerTest, RetryWaitsForNotBeforeWithoutBlockingItsHost) {
  HostScheduler scheduler(10, 2, milliseconds(0));
  SteadyClock::time_point now = SteadyClock::now();
  scheduler.Add(Job("a", 0, now + milliseconds(500)));
  scheduler.Add(Job("a", 1));
  std::vector<FetchJob> ready = scheduler.TakeReady(now);
  ASSERT_EQ(ready.size(), 1u);
  EXPECT_EQ(ready[0].url, "http://a/1");
  EXPECT_EQ(*scheduler.NextWakeup(now), now + milliseconds(500));
  EXPECT_EQ(scheduler.TakeReady(now + milliseconds(500)).size(), 1u);
}

}  // namespace
}  // namespace citecheck
