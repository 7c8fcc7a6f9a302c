// The daemon's scheduler (lib/daemon/scheduler) on a fake clock: which job
// is queued at which time, over a real SQLite database, without waiting for
// the wall clock.
#include "daemon/scheduler.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "support/manual_clock.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::ManualClock;
using testing::TempDir;

constexpr std::time_t kMidnight = 1700006400;  // 2023-11-15T00:00:00Z, a minute boundary
constexpr int kDay = 24 * 3600;

// A Scheduler on its own thread over a fresh database; counts the jobs it
// queued and lets the test wait for the next one.
class SchedulerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Cron times are local time: make them UTC for exact expectations.
    const char* tz = std::getenv("TZ");
    had_tz_ = tz != nullptr;
    saved_tz_ = tz ? tz : "";
    setenv("TZ", "UTC", 1);
    tzset();
  }
  void TearDown() override {
    Stop();
    if (had_tz_) setenv("TZ", saved_tz_.c_str(), 1); else unsetenv("TZ");
    tzset();
  }

  // The fake clock stands at wall-clock `now`.
  ManualClock& Start(std::time_t now, const std::string& schedule) {
    clock_ = std::make_unique<ManualClock>(now);
    Config config;
    config.db = dir_.File("citecheck.db");
    config.daemon.schedule = schedule;
    config_ = std::make_unique<SharedConfig>(config);
    store_ = Store::Open(config.db);
    scheduler_ = std::make_unique<Scheduler>(*config_, stop_, *clock_, [this] {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        ++queued_;
      }
      changed_.notify_all();
    });
    scheduler_->RecordFirstStart(*store_);
    thread_ = std::thread([this] { scheduler_->Run(); });
    return *clock_;
  }

  void Stop() {
    if (!thread_.joinable()) return;
    stop_ = true;
    scheduler_->Wake();
    thread_.join();
  }

  // Waits (generously) until the scheduler has queued `count` jobs in all.
  bool WaitForQueued(int count) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, seconds(30), [&] { return queued_ >= count; });
  }
  int queued() {
    std::lock_guard<std::mutex> lock(mutex_);
    return queued_;
  }

  std::time_t LastFired() { return std::stoll(store_->GetDaemonState("schedule.last_fired").value_or("0")); }

  TempDir dir_;
  std::unique_ptr<ManualClock> clock_;  // outlives the scheduler
  std::unique_ptr<SharedConfig> config_;
  std::unique_ptr<Store> store_;
  std::atomic<bool> stop_{false};
  std::unique_ptr<Scheduler> scheduler_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  int queued_ = 0;
  bool had_tz_ = false;
  std::string saved_tz_;
};

TEST_F(SchedulerTest, AFirstStartRecordsNowAndFiresNothing) {
  Start(kMidnight - 2, "0 3 * * *");
  EXPECT_EQ(LastFired(), kMidnight - 2);
  Stop();
  EXPECT_EQ(queued(), 0);
  EXPECT_EQ(store_->CountJobs(JobState::kQueued), 0);
}

TEST_F(SchedulerTest, FiresAtEachMatchingMinute) {
  ManualClock& clock = Start(kMidnight - 2, "* * * * *");
  clock.Advance(milliseconds(2000));
  ASSERT_TRUE(WaitForQueued(1));
  EXPECT_EQ(LastFired(), kMidnight);
  std::optional<Job> job = store_->GetJob(1);
  ASSERT_TRUE(job.has_value());
  EXPECT_EQ(job->kind, "all");
  EXPECT_EQ(job->state, JobState::kQueued);

  clock.Advance(milliseconds(59000));
  clock.Advance(milliseconds(1000));
  ASSERT_TRUE(WaitForQueued(2));
  EXPECT_EQ(LastFired(), kMidnight + 60);
  Stop();
  EXPECT_EQ(queued(), 2);
  // The second firing found the first job still queued (no worker here)
  // and reused it.
  EXPECT_EQ(store_->CountJobs(JobState::kQueued), 1);
}

TEST_F(SchedulerTest, AScheduleMissedWhileDownFiresOnceThenKeepsItsTimes) {
  {
    auto store = Store::Open(dir_.File("citecheck.db"));
    // Last fired three nights ago: three nightly runs were missed while down.
    store->SetDaemonState("schedule.last_fired", std::to_string(kMidnight + 3 * 3600 - 3 * kDay));
  }
  ManualClock& clock = Start(kMidnight + 12 * 3600, "0 3 * * *");
  ASSERT_TRUE(WaitForQueued(1));
  EXPECT_EQ(LastFired(), kMidnight + 12 * 3600);
  // The next firing is tomorrow at 03:00, once.
  clock.Advance(seconds(15 * 3600));
  ASSERT_TRUE(WaitForQueued(2));
  EXPECT_EQ(LastFired(), kMidnight + kDay + 3 * 3600);
  Stop();
  EXPECT_EQ(queued(), 2);
}

TEST_F(SchedulerTest, AReloadedScheduleIsUsedFromTheNextFiring) {
  ManualClock& clock = Start(kMidnight, "0 3 * * *");
  Config next = *config_->Get();
  next.daemon.schedule = "30 0 * * *";
  config_->Set(next);
  scheduler_->Wake();
  clock.Advance(seconds(30 * 60));
  ASSERT_TRUE(WaitForQueued(1));
  EXPECT_EQ(LastFired(), kMidnight + 30 * 60);
}

}  // namespace
}  // namespace citecheck
