// Politeness scheduling without a network (lib/fetch/host_scheduler).
#include "fetch/host_scheduler.h"

#include <gtest/gtest.h>

#include <map>

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

TEST(HostSchedulerTest, PerHostOverrideRaisesAndLowersLimits) {
  HostScheduler scheduler(10, 1, milliseconds(0));
  scheduler.SetHostLimits("many", 3, milliseconds(0));
  scheduler.SetHostLimits("slow", 1, milliseconds(250));
  for (int i = 0; i < 4; ++i) scheduler.Add(Job("many", i));
  for (int i = 0; i < 4; ++i) scheduler.Add(Job("few", i));
  for (int i = 0; i < 2; ++i) scheduler.Add(Job("slow", i));
  SteadyClock::time_point now = SteadyClock::now();
  std::map<std::string, int> started;
  for (const FetchJob& job : scheduler.TakeReady(now)) ++started[job.host];
  EXPECT_EQ(started["many"], 3);
  EXPECT_EQ(started["few"], 1);
  EXPECT_EQ(started["slow"], 1);
  scheduler.Finished("slow");
  EXPECT_TRUE(scheduler.TakeReady(now + milliseconds(249)).empty());
  std::vector<FetchJob> later = scheduler.TakeReady(now + milliseconds(250));
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].host, "slow");
}

TEST(HostSchedulerTest, PausedHostWaitsOthersDoNot) {
  HostScheduler scheduler(10, 2, milliseconds(0));
  SteadyClock::time_point now = SteadyClock::now();
  scheduler.Add(Job("limited", 0));
  scheduler.Add(Job("other", 0));
  scheduler.PauseHost("limited", now + milliseconds(1000));
  scheduler.PauseHost("limited", now + milliseconds(10));  // never shortens a pause
  std::vector<FetchJob> ready = scheduler.TakeReady(now);
  ASSERT_EQ(ready.size(), 1u);
  EXPECT_EQ(ready[0].host, "other");
  EXPECT_EQ(*scheduler.NextWakeup(now), now + milliseconds(1000));
  EXPECT_TRUE(scheduler.TakeReady(now + milliseconds(999)).empty());
  EXPECT_EQ(scheduler.TakeReady(now + milliseconds(1000)).size(), 1u);
}

}  // namespace
}  // namespace citecheck
