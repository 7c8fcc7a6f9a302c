// Politeness scheduling without a network (lib/fetch/host_scheduler), on a
// fake clock: each test asserts which job may start at which time.
#include "fetch/host_scheduler.h"

#include <gtest/gtest.h>

#include <map>

#include "support/manual_clock.h"

namespace citecheck {
namespace {

using std::chrono::milliseconds;
using testing::ManualClock;

FetchJob Job(const std::string& host, int n, SteadyClock::time_point not_before = {}) {
  return FetchJob{"http://" + host + "/" + std::to_string(n), host, 0, not_before};
}

TEST(HostSchedulerTest, PerHostAndTotalLimits) {
  ManualClock clock;
  HostScheduler scheduler(clock, 3, 2, milliseconds(0));
  for (int i = 0; i < 4; ++i) scheduler.Add(Job("a", i));
  for (int i = 0; i < 4; ++i) scheduler.Add(Job("b", i));
  std::vector<FetchJob> first = scheduler.TakeReady();
  EXPECT_EQ(first.size(), 3u);  // total cap
  EXPECT_EQ(scheduler.running(), 3);
  EXPECT_TRUE(scheduler.TakeReady().empty());
  scheduler.Finished(first[0].host);
  std::vector<FetchJob> next = scheduler.TakeReady();
  ASSERT_EQ(next.size(), 1u);
  EXPECT_FALSE(scheduler.NextWakeup().has_value());  // full: waits for a finish
}

TEST(HostSchedulerTest, PerHostConcurrencyHoldsTheRestUntilAFinish) {
  ManualClock clock;
  HostScheduler scheduler(clock, 10, 2, milliseconds(0));
  for (int i = 0; i < 5; ++i) scheduler.Add(Job("a", i));
  EXPECT_EQ(scheduler.TakeReady().size(), 2u);
  clock.Advance(milliseconds(60000));  // time alone frees nothing
  EXPECT_TRUE(scheduler.TakeReady().empty());
  EXPECT_FALSE(scheduler.NextWakeup().has_value());
  scheduler.Finished("a");
  std::vector<FetchJob> next = scheduler.TakeReady();
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].url, "http://a/2");  // in the order added
  EXPECT_EQ(scheduler.running(), 2);
}

TEST(HostSchedulerTest, IntervalBetweenStarts) {
  ManualClock clock;
  HostScheduler scheduler(clock, 10, 5, milliseconds(100));
  scheduler.Add(Job("a", 0));
  scheduler.Add(Job("a", 1));
  scheduler.Add(Job("b", 0));
  const SteadyClock::time_point start = clock.Now();
  EXPECT_EQ(scheduler.TakeReady().size(), 2u);  // one per host
  ASSERT_TRUE(scheduler.NextWakeup().has_value());
  EXPECT_EQ(*scheduler.NextWakeup(), start + milliseconds(100));
  clock.Advance(milliseconds(99));
  EXPECT_TRUE(scheduler.TakeReady().empty());
  clock.Advance(milliseconds(1));
  EXPECT_EQ(scheduler.TakeReady().size(), 1u);
  EXPECT_FALSE(scheduler.HasQueued());
}

TEST(HostSchedulerTest, IntervalCountsFromTheLastStartNotTheLastFinish) {
  ManualClock clock;
  HostScheduler scheduler(clock, 10, 1, milliseconds(100));
  scheduler.Add(Job("a", 0));
  scheduler.Add(Job("a", 1));
  const SteadyClock::time_point start = clock.Now();
  ASSERT_EQ(scheduler.TakeReady().size(), 1u);
  clock.Advance(milliseconds(70));
  scheduler.Finished("a");
  EXPECT_TRUE(scheduler.TakeReady().empty());
  EXPECT_EQ(*scheduler.NextWakeup(), start + milliseconds(100));
  clock.Advance(milliseconds(30));
  EXPECT_EQ(scheduler.TakeReady().size(), 1u);
}

TEST(HostSchedulerTest, RetryWaitsForNotBeforeWithoutBlockingItsHost) {
  ManualClock clock;
  HostScheduler scheduler(clock, 10, 2, milliseconds(0));
  const SteadyClock::time_point start = clock.Now();
  scheduler.Add(Job("a", 0, start + milliseconds(500)));
  scheduler.Add(Job("a", 1));
  std::vector<FetchJob> ready = scheduler.TakeReady();
  ASSERT_EQ(ready.size(), 1u);
  EXPECT_EQ(ready[0].url, "http://a/1");
  EXPECT_EQ(*scheduler.NextWakeup(), start + milliseconds(500));
  clock.Advance(milliseconds(499));
  EXPECT_TRUE(scheduler.TakeReady().empty());
  clock.Advance(milliseconds(1));
  EXPECT_EQ(scheduler.TakeReady().size(), 1u);
}

TEST(HostSchedulerTest, PerHostOverrideRaisesAndLowersLimits) {
  ManualClock clock;
  HostScheduler scheduler(clock, 10, 1, milliseconds(0));
  scheduler.SetHostLimits("many", 3, milliseconds(0));
  scheduler.SetHostLimits("slow", 1, milliseconds(250));
  for (int i = 0; i < 4; ++i) scheduler.Add(Job("many", i));
  for (int i = 0; i < 4; ++i) scheduler.Add(Job("few", i));
  for (int i = 0; i < 2; ++i) scheduler.Add(Job("slow", i));
  std::map<std::string, int> started;
  for (const FetchJob& job : scheduler.TakeReady()) ++started[job.host];
  EXPECT_EQ(started["many"], 3);
  EXPECT_EQ(started["few"], 1);
  EXPECT_EQ(started["slow"], 1);
  scheduler.Finished("slow");
  clock.Advance(milliseconds(249));
  EXPECT_TRUE(scheduler.TakeReady().empty());
  clock.Advance(milliseconds(1));
  std::vector<FetchJob> later = scheduler.TakeReady();
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].host, "slow");
}

TEST(HostSchedulerTest, PausedHostWaitsOthersDoNot) {
  ManualClock clock;
  HostScheduler scheduler(clock, 10, 2, milliseconds(0));
  const SteadyClock::time_point start = clock.Now();
  scheduler.Add(Job("limited", 0));
  scheduler.Add(Job("other", 0));
  scheduler.PauseHost("limited", start + milliseconds(1000));
  scheduler.PauseHost("limited", start + milliseconds(10));  // never shortens a pause
  std::vector<FetchJob> ready = scheduler.TakeReady();
  ASSERT_EQ(ready.size(), 1u);
  EXPECT_EQ(ready[0].host, "other");
  EXPECT_EQ(*scheduler.NextWakeup(), start + milliseconds(1000));
  clock.Advance(milliseconds(999));
  EXPECT_TRUE(scheduler.TakeReady().empty());
  clock.Advance(milliseconds(1));
  EXPECT_EQ(scheduler.TakeReady().size(), 1u);
}

TEST(HostSchedulerTest, APauseOutlivesTheHostsLastTransfer) {
  // A host with no interval is forgotten when idle, but not while paused:
  // a job added after its last transfer still waits for the pause.
  ManualClock clock;
  HostScheduler scheduler(clock, 10, 1, milliseconds(0));
  const SteadyClock::time_point start = clock.Now();
  scheduler.Add(Job("a", 0));
  ASSERT_EQ(scheduler.TakeReady().size(), 1u);
  scheduler.PauseHost("a", start + milliseconds(2000));
  scheduler.Finished("a");
  scheduler.Add(Job("a", 1));
  EXPECT_TRUE(scheduler.TakeReady().empty());
  EXPECT_EQ(*scheduler.NextWakeup(), start + milliseconds(2000));
  clock.Advance(milliseconds(2000));
  EXPECT_EQ(scheduler.TakeReady().size(), 1u);
}

}  // namespace
}  // namespace citecheck
