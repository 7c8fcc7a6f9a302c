// Politeness across schedulers (lib/fetch/host_table): two schedulers that
// share a HostTable, as the batches of a run and the jobs of a daemon do,
// never break a host's interval, concurrency or pause between them. On a
// fake clock, so every start time is exact.
#include "fetch/host_table.h"

#include <gtest/gtest.h>

#include <deque>
#include <vector>

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

// A gate (the other workers' politeness, host_gate.h) that answers from a
// script and records what it is told.
class ScriptedGate : public HostGate {
 public:
  std::deque<Decision> answers;
  std::vector<std::string> asked;
  std::vector<int64_t> finished;
  std::vector<std::pair<std::string, milliseconds>> paused;

  Decision TryStart(const std::string& host, int, milliseconds) override {
    asked.push_back(host);
    Decision d = answers.front();
    answers.pop_front();
    return d;
  }
  void Finished(int64_t slot) override { finished.push_back(slot); }
  void Pause(const std::string& host, milliseconds duration) override { paused.emplace_back(host, duration); }
};

TEST(HostTableTest, AGateIsAskedAfterTheLocalLimitsAndItsWaitIsKept) {
  ManualClock clock;
  auto gate = std::make_shared<ScriptedGate>();
  gate->answers = {{false, 0, milliseconds(300)}, {true, 7, milliseconds(0)}};
  auto table = std::make_shared<HostTable>(gate);
  HostScheduler scheduler(clock, 10, 1, milliseconds(0), table);
  scheduler.Add(Job("a", 0));
  scheduler.Add(Job("a", 1));
  EXPECT_TRUE(scheduler.TakeReady().empty());  // another worker's start
  ASSERT_EQ(gate->asked.size(), 1u);
  ASSERT_TRUE(scheduler.NextWakeup());
  EXPECT_EQ(*scheduler.NextWakeup(), clock.Now() + milliseconds(300));  // not asked again before
  EXPECT_TRUE(scheduler.TakeReady().empty());
  EXPECT_EQ(gate->asked.size(), 1u);
  clock.Advance(milliseconds(300));
  EXPECT_EQ(scheduler.TakeReady().size(), 1u);
  // The local limit (1 at once) holds without asking the gate.
  EXPECT_TRUE(scheduler.TakeReady().empty());
  EXPECT_EQ(gate->asked.size(), 2u);
  scheduler.Finished("a");
  EXPECT_EQ(gate->finished, std::vector<int64_t>{7});
  scheduler.PauseHost("a", clock.Now() + milliseconds(500));
  ASSERT_EQ(gate->paused.size(), 1u);
  EXPECT_EQ(gate->paused[0].second, milliseconds(500));
}

}  // namespace
}  // namespace citecheck
