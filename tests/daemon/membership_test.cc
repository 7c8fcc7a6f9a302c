// The daemon's membership among the workers of a database
// (docs/scale-out.md "Leases"): a heartbeat that finds the worker's job
// taken over reports that claim lost, and only that claim: the same job
// claimed again by the same worker is not stopped by the old loss.
#include "daemon/membership.h"

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "support/poll_until.h"
#include "support/test_database.h"

namespace citecheck {
namespace {

using testing::BackendTest;

class MembershipTest : public BackendTest {};

TEST_P(MembershipTest, ALossIsOfOneClaimNotOfTheJob) {
  auto store = OpenStore();
  const Job job = store->EnqueueAllJob();
  std::mutex mu;
  CurrentClaim current;
  WorkerRow self = DescribeThisWorker("127.0.0.1:1");
  // The first claim's lease lapses at once, and the rescuer takes the job.
  ASSERT_EQ(store->ClaimNextJob({self.id, 0})->id, job.id);
  {
    std::lock_guard<std::mutex> lock(mu);
    current = {job.id, 1};
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(store->RescueLapsedWork(), 1);

  Membership membership(db(), self, 2, [&] {
    std::lock_guard<std::mutex> lock(mu);
    return current;
  }, nullptr);
  membership.Start();  // its first heartbeat, here: the job is not held
  EXPECT_TRUE(membership.Lost(1));

  // Claimed again by the same worker: a new claim, which beats keep.
  ASSERT_EQ(store->ClaimNextJob(membership.lease())->id, job.id);
  {
    std::lock_guard<std::mutex> lock(mu);
    current = {job.id, 2};
  }
  // Two beats (every 667 ms at a 2 s lease) renew it and do not call it lost.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_FALSE(membership.Lost(2));
  EXPECT_EQ(store->GetJob(job.id)->state, JobState::kRunning);
  EXPECT_EQ(store->GetJob(job.id)->worker, self.id);
  EXPECT_TRUE(store->FinishJob(job.id, self.id, JobState::kDone, ""));
}

TEST_P(MembershipTest, LeavingRemovesTheRowAndItsSlotsAtOnce) {
  auto store = OpenStore();
  WorkerRow self = DescribeThisWorker("127.0.0.1:1");
  Membership membership(db(), self, 60, [] { return CurrentClaim{}; }, nullptr);
  membership.Start();
  ASSERT_EQ(store->ListWorkers().size(), 1u);
  ASSERT_TRUE(store->TryStartHost("h.example", 1, 0, membership.lease()).started);
  membership.Leave();
  EXPECT_TRUE(store->ListWorkers().empty());
  EXPECT_TRUE(store->TryStartHost("h.example", 1, 0, {"other", 60}).started);
  membership.Leave();  // again: nothing to do
}

CITECHECK_ON_EVERY_BACKEND(MembershipTest);

}  // namespace
}  // namespace citecheck
