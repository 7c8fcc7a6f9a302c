// What several daemons on one database rely on, on every backend: job
// leases (only the holder finishes; lapsed ones return to the queue), the
// workers' heartbeats, the schedule firing once, and each host's
// politeness held across connections (docs/scale-out.md).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "store/store.h"
#include "support/test_database.h"

namespace citecheck {
namespace {

using testing::BackendTest;

class JobLeaseTest : public BackendTest {};
class WorkerRegistryTest : public BackendTest {};
class HostGateTest : public BackendTest {};

// A lease of 0 s has lapsed a millisecond after it was taken.
void LetLapse() { std::this_thread::sleep_for(std::chrono::milliseconds(5)); }

WorkerRow Worker(const std::string& id) {
  WorkerRow row;
  row.id = id;
  row.machine = "machine-" + id;
  row.pid = 42;
  row.listen = "127.0.0.1:1";
  row.started_at = "2026-12-03T00:00:00Z";
  return row;
}

TEST_P(JobLeaseTest, OnlyTheHolderFinishesAJob) {
  auto store = OpenStore();
  const Job job = store->EnqueueAllJob();
  ASSERT_EQ(store->ClaimNextJob({"a", 60})->id, job.id);
  EXPECT_FALSE(store->FinishJob(job.id, "b", JobState::kDone, ""));
  EXPECT_EQ(store->GetJob(job.id)->state, JobState::kRunning);
  EXPECT_EQ(store->GetJob(job.id)->worker, "a");
  EXPECT_TRUE(store->FinishJob(job.id, "a", JobState::kDone, ""));
  EXPECT_EQ(store->GetJob(job.id)->state, JobState::kDone);
  EXPECT_EQ(store->GetJob(job.id)->worker, "");
}

TEST_P(JobLeaseTest, ALapsedLeaseReturnsTheJobAndInterruptsItsRun) {
  auto store = OpenStore();
  const Job lapsing = store->EnqueueArticleJob(store->RegisterArticle("/a.md", "a.md", kArticleKindFile));
  const Job renewed = store->EnqueueArticleJob(store->RegisterArticle("/b.md", "b.md", kArticleKindFile));
  ASSERT_EQ(store->ClaimNextJob({"dead", 0})->id, lapsing.id);
  ASSERT_EQ(store->ClaimNextJob({"alive", 0})->id, renewed.id);
  const int64_t run = store->BeginRun("daemon");
  store->SetJobRun(lapsing.id, run);
  LetLapse();
  // The live worker's heartbeat renews its job's lease; the dead one's lapses.
  EXPECT_EQ(store->HeartbeatWorker(Worker("alive"), 60), std::vector<int64_t>{renewed.id});
  EXPECT_EQ(store->RescueLapsedWork(), 1);
  EXPECT_EQ(store->GetJob(lapsing.id)->state, JobState::kQueued);
  EXPECT_EQ(store->GetJob(lapsing.id)->run_id, run);  // kept: the next worker resumes it
  EXPECT_EQ(store->FindRun(run)->state, RunState::kInterrupted);
  EXPECT_EQ(store->GetJob(renewed.id)->state, JobState::kRunning);
  // The dead worker, back from a pause, learns it lost the job and cannot
  // overwrite what the next worker does.
  EXPECT_TRUE(store->HeartbeatWorker(Worker("dead"), 60).empty());
  ASSERT_EQ(store->ClaimNextJob({"next", 60})->id, lapsing.id);
  EXPECT_FALSE(store->FinishJob(lapsing.id, "dead", JobState::kFailed, "stale"));
  EXPECT_TRUE(store->FinishJob(lapsing.id, "next", JobState::kDone, ""));
  EXPECT_EQ(store->RescueLapsedWork(), 0);
}

TEST_P(JobLeaseTest, TheScheduleFiresOnceAcrossWorkers) {
  {
    auto store = OpenStore();
    store->SetDaemonState("schedule.last_fired", "100");
  }
  constexpr int kWorkers = 4;
  std::atomic<int> fired{0};
  std::vector<std::string> errors(kWorkers);
  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w) {
    workers.emplace_back([&, w] {
      try {
        if (OpenStore()->FireSchedule("schedule.last_fired", "100", std::to_string(200 + w))) ++fired;
      } catch (const std::exception& e) {
        errors[w] = e.what();
      }
    });
  }
  for (auto& t : workers) t.join();
  for (const std::string& e : errors) EXPECT_EQ(e, "");
  EXPECT_EQ(fired.load(), 1);
  auto store = OpenStore();
  EXPECT_EQ(store->CountJobs(JobState::kQueued), 1);
  EXPECT_NE(store->GetDaemonState("schedule.last_fired"), "100");
  EXPECT_FALSE(store->FireSchedule("schedule.last_fired", "100", "300"));
  EXPECT_FALSE(store->FireSchedule("absent", "", "300"));
}

TEST_P(WorkerRegistryTest, LiveWorkersAreListedAndSilentOnesGo) {
  auto store = OpenStore();
  EXPECT_TRUE(store->HeartbeatWorker(Worker("a"), 60).empty());
  store->HeartbeatWorker(Worker("b"), 0);
  LetLapse();
  auto live = store->ListWorkers();
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0].id, "a");
  EXPECT_EQ(live[0].machine, "machine-a");
  EXPECT_EQ(live[0].pid, 42);
  EXPECT_GT(live[0].lease_until_ms, live[0].heartbeat_ms);
  // b comes back before the rescuer removed it: live again.
  store->HeartbeatWorker(Worker("b"), 60);
  EXPECT_EQ(store->ListWorkers().size(), 2u);
  store->RemoveWorker("a");
  store->RemoveWorker("b");
  EXPECT_TRUE(store->ListWorkers().empty());
  EXPECT_EQ(database().Rows("workers"), 0);
}

TEST_P(HostGateTest, SlotsAndIntervalAndPauses) {
  auto store = OpenStore();
  const JobLease lease{"w", 60};
  const HostStart first = store->TryStartHost("a.example", 2, 0, lease);
  const HostStart second = store->TryStartHost("a.example", 2, 0, lease);
  ASSERT_TRUE(first.started);
  ASSERT_TRUE(second.started);
  EXPECT_NE(first.slot, second.slot);
  const HostStart full = store->TryStartHost("a.example", 2, 0, lease);
  EXPECT_FALSE(full.started);
  EXPECT_GT(full.wait_ms, 0);
  EXPECT_TRUE(store->TryStartHost("b.example", 2, 0, lease).started);  // other hosts go on
  store->FinishHost(first.slot);
  EXPECT_TRUE(store->TryStartHost("a.example", 2, 0, lease).started);

  ASSERT_TRUE(store->TryStartHost("slow.example", 5, 10000, lease).started);
  const HostStart early = store->TryStartHost("slow.example", 5, 10000, lease);
  EXPECT_FALSE(early.started);
  EXPECT_GT(early.wait_ms, 9000);
  EXPECT_LE(early.wait_ms, 10000);

  store->PauseHost("paused.example", 60000);
  const HostStart paused = store->TryStartHost("paused.example", 5, 0, lease);
  EXPECT_FALSE(paused.started);
  EXPECT_GT(paused.wait_ms, 50000);
  store->PauseHost("paused.example", 10);  // a shorter pause does not shorten it
  EXPECT_GT(store->TryStartHost("paused.example", 5, 0, lease).wait_ms, 50000);
}

TEST_P(HostGateTest, ADeadWorkersSlotsFreeWhenItsLeaseLapses) {
  auto store = OpenStore();
  ASSERT_TRUE(store->TryStartHost("h.example", 1, 0, {"dead", 0}).started);
  LetLapse();
  // A lapsed slot no longer counts, even before the rescuer removes it.
  EXPECT_TRUE(store->TryStartHost("h.example", 1, 0, {"alive", 60}).started);
  store->RescueLapsedWork();
  EXPECT_EQ(database().Rows("host_slots"), 1);
  // A worker leaving gives its slots back at once.
  store->RemoveWorker("alive");
  EXPECT_EQ(database().Rows("host_slots"), 0);
}

// A slot whose end was never recorded (the reply to FinishHost lost, or
// the start's reply lost after its commit) lapses with its own lease even
// while its worker keeps beating: heartbeats renew jobs, not slots.
TEST_P(HostGateTest, ASlotNeverGivenBackLapsesWhileItsWorkerLives) {
  auto store = OpenStore();
  ASSERT_TRUE(store->TryStartHost("h.example", 1, 0, {"alive", 0}).started);
  store->HeartbeatWorker(Worker("alive"), 60);
  LetLapse();
  store->HeartbeatWorker(Worker("alive"), 60);
  EXPECT_TRUE(store->TryStartHost("h.example", 1, 0, {"other", 60}).started);
}

// Workers starting requests to one host at once, each from its own
// connection: never more than its limit in flight, and the starts at
// least its interval apart (the total time bounds it from below).
TEST_P(HostGateTest, LimitsHoldAcrossConcurrentStarters) {
  constexpr int kWorkers = 4;
  constexpr int kStartsEach = 6;
  constexpr int kPerHost = 2;
  constexpr int64_t kIntervalMs = 20;
  std::atomic<int> in_flight{0};
  std::atomic<int> most{0};
  std::vector<std::string> errors(kWorkers);
  std::vector<std::thread> workers;
  const auto begin = std::chrono::steady_clock::now();
  for (int w = 0; w < kWorkers; ++w) {
    workers.emplace_back([&, w] {
      try {
        auto store = OpenStore();
        const JobLease lease{"w" + std::to_string(w), 60};
        for (int started = 0; started < kStartsEach;) {
          const HostStart start = store->TryStartHost("busy.example", kPerHost, kIntervalMs, lease);
          if (!start.started) {
            std::this_thread::sleep_for(std::chrono::milliseconds(std::min<int64_t>(start.wait_ms, 5)));
            continue;
          }
          ++started;
          const int now = ++in_flight;
          for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
          }
          std::this_thread::sleep_for(std::chrono::milliseconds(30));  // the transfer
          --in_flight;
          store->FinishHost(start.slot);
        }
      } catch (const std::exception& e) {
        errors[w] = e.what();
      }
    });
  }
  for (auto& t : workers) t.join();
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - begin);
  for (const std::string& e : errors) EXPECT_EQ(e, "");
  EXPECT_LE(most.load(), kPerHost);
  EXPECT_EQ(most.load(), kPerHost);  // the limit was reached, so it was tested
  EXPECT_GE(elapsed.count(), (kWorkers * kStartsEach - 1) * kIntervalMs);
  EXPECT_EQ(database().Rows("host_slots"), 0);
}

CITECHECK_ON_EVERY_BACKEND(JobLeaseTest);
CITECHECK_ON_EVERY_BACKEND(WorkerRegistryTest);
CITECHECK_ON_EVERY_BACKEND(HostGateTest);

}  // namespace
}  // namespace citecheck
