// Politeness across schedulers (lib/fetch/host_table): two schedulers that
// share a HostTable, as the batches of a run and the jobs of a daemon do,
// never break a host's interval, concurrency or pause between them. On a
// fake clock, so every start time is exact.
#include "fetch/host_table.h"

#include <gtest/gtest.h>

#include "fetch/host_scheduler.h"
#include "support/manual_clock.h"

namespace citecheck {
namespace {

using std::chrono::milliseconds;
using testing::ManualClock;

FetchJob Job(const std::string& host, int n) { return FetchJob{"http://" + host + "/" + std::to_string(n), host, 0, {}}; }

TEST(HostTableTest, ANewSchedulerKeepsTheIntervalOfTheLastOne) {
  ManualClock clock;
  auto table = std::make_shared<HostTable>();
  {
    HostScheduler first(clock, 10, 2, milliseconds(100), table);
    first.Add(Job("a", 0));
    ASSERT_EQ(first.TakeReady().size(), 1u);
    first.Finished("a");
  }
  clock.Advance(milliseconds(40));
  HostScheduler second(clock, 10, 2, milliseconds(100), table);
  second.Add(Job("a", 1));
  second.Add(Job("b", 0));
  std::vector<FetchJob> ready = second.TakeReady();
  ASSERT_EQ(ready.size(), 1u);  // b never started; a started 40 ms ago
  EXPECT_EQ(ready[0].host, "b");
  ASSERT_TRUE(second.NextWakeup().has_value());
  EXPECT_EQ(*second.NextWakeup() - clock.Now(), milliseconds(60));
  clock.Advance(milliseconds(60));
  EXPECT_EQ(second.TakeReady().size(), 1u);
}

TEST(HostTableTest, WithoutASharedTableTheIntervalStartsAfresh) {
  ManualClock clock;
  HostScheduler first(clock, 10, 2, milliseconds(100));
  first.Add(Job("a", 0));
  ASSERT_EQ(first.TakeReady().size(), 1u);
  HostScheduler second(clock, 10, 2, milliseconds(100));
  second.Add(Job("a", 1));
  EXPECT_EQ(second.TakeReady().size(), 1u);  // what sharing prevents
}

TEST(HostTableTest, ConcurrencyCountsTheRequestsOfEveryScheduler) {
  ManualClock clock;
  auto table = std::make_shared<HostTable>();
  HostScheduler first(clock, 10, 2, milliseconds(0), table);
  HostScheduler second(clock, 10, 2, milliseconds(0), table);
  first.Add(Job("a", 0));
  second.Add(Job("a", 1));
  second.Add(Job("a", 2));
  EXPECT_EQ(first.TakeReady().size(), 1u);
  EXPECT_EQ(second.TakeReady().size(), 1u);  // 2 at once in all
  first.Finished("a");
  EXPECT_EQ(second.TakeReady().size(), 1u);
  EXPECT_EQ(table->Look("a", milliseconds(0)).running, 2);
}

TEST(HostTableTest, APauseHoldsForEveryScheduler) {
  ManualClock clock;
  auto table = std::make_shared<HostTable>();
  HostScheduler first(clock, 10, 2, milliseconds(0), table);
  first.PauseHost("a", clock.Now() + milliseconds(500));
  HostScheduler second(clock, 10, 2, milliseconds(0), table);
  second.Add(Job("a", 0));
  EXPECT_TRUE(second.TakeReady().empty());
  clock.Advance(milliseconds(500));
  EXPECT_EQ(second.TakeReady().size(), 1u);
}

}  // namespace
}  // namespace citecheck
