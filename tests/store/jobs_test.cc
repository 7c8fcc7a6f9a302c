// The job queue and the registry, on every store backend: reuse of queued jobs, claim
// order, requeue at restart, registered articles, resumable runs.
#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

#include "store/store.h"
#include "support/test_database.h"

namespace citecheck {
namespace {

using testing::BackendTest;

const JobLease kLease{"test-worker", 60};

class JobQueueTest : public BackendTest {};
class RegistryStoreTest : public BackendTest {};
class ResumableRunTest : public BackendTest {};

TEST_P(JobQueueTest, QueuedJobOfAnArticleIsReused) {
  auto store = OpenStore();
  const int64_t a = store->RegisterArticle("/a.md", "a.md", kArticleKindFile);
  const int64_t b = store->RegisterArticle("b", "b", kArticleKindText, "text", "text/markdown");
  Job first = store->EnqueueArticleJob(a);
  EXPECT_EQ(first.state, JobState::kQueued);
  EXPECT_EQ(store->EnqueueArticleJob(a).id, first.id);
  Job other = store->EnqueueArticleJob(b);
  EXPECT_NE(other.id, first.id);
  Job all = store->EnqueueAllJob();
  EXPECT_EQ(store->EnqueueAllJob().id, all.id);
  EXPECT_EQ(store->CountJobs(JobState::kQueued), 3);

  auto claimed = store->ClaimNextJob(kLease);
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, first.id);  // oldest first
  EXPECT_EQ(claimed->state, JobState::kRunning);
  // While it runs, a new post queues a new job (one job at a time per article).
  Job again = store->EnqueueArticleJob(a);
  EXPECT_NE(again.id, first.id);
  const int64_t run = store->BeginRun("daemon");
  store->SetJobRun(first.id, run);
  EXPECT_EQ(store->RequeueRunningJobs(), 1);
  auto requeued = store->GetJob(first.id);
  ASSERT_TRUE(requeued);
  EXPECT_EQ(requeued->state, JobState::kQueued);
  EXPECT_EQ(requeued->run_id, run);  // kept: its run resumes
  // Requeueing took the lease: finishing now would overwrite the next worker's.
  EXPECT_FALSE(store->FinishJob(first.id, kLease.owner, JobState::kDone, ""));
  EXPECT_EQ(store->GetJob(first.id)->state, JobState::kQueued);
  ASSERT_EQ(store->ClaimNextJob(kLease)->id, first.id);
  EXPECT_TRUE(store->FinishJob(first.id, kLease.owner, JobState::kDone, ""));
  EXPECT_EQ(store->GetJob(first.id)->state, JobState::kDone);
  EXPECT_FALSE(store->GetJob(first.id)->finished_at.empty());
  EXPECT_FALSE(store->GetJob(999));
}

// Workers claiming from one queue at once (several daemons on one
// PostgreSQL): every job is claimed exactly once; and enqueuers racing for
// one article queue one job.
TEST_P(JobQueueTest, ConcurrentClaimersTakeEachJobOnce) {
  constexpr int kJobs = 60;
  constexpr int kWorkers = 4;
  {
    auto store = OpenStore();
    for (int i = 0; i < kJobs; ++i) {
      store->EnqueueArticleJob(store->RegisterArticle("/a" + std::to_string(i), "a", kArticleKindFile));
    }
  }
  std::vector<std::vector<int64_t>> claimed(kWorkers);
  std::vector<std::string> errors(kWorkers);
  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w) {
    workers.emplace_back([&, w] {
      try {
        auto store = OpenStore();
        int idle = 0;
        while (idle < 3) {  // a claim may find nothing while others hold the last rows
          const JobLease lease{"worker-" + std::to_string(w), 60};
          std::optional<Job> job = store->ClaimNextJob(lease);
          if (!job) {
            ++idle;
            continue;
          }
          idle = 0;
          claimed[w].push_back(job->id);
          if (!store->FinishJob(job->id, lease.owner, JobState::kDone, "")) errors[w] = "lost a job's lease";
        }
      } catch (const std::exception& e) {
        errors[w] = e.what();
      }
    });
  }
  for (auto& t : workers) t.join();
  std::set<int64_t> all;
  size_t total = 0;
  for (int w = 0; w < kWorkers; ++w) {
    EXPECT_EQ(errors[w], "");
    all.insert(claimed[w].begin(), claimed[w].end());
    total += claimed[w].size();
  }
  EXPECT_EQ(total, static_cast<size_t>(kJobs));  // none twice
  EXPECT_EQ(all.size(), static_cast<size_t>(kJobs));  // none missed
  auto store = OpenStore();
  EXPECT_EQ(store->CountJobs(JobState::kDone), kJobs);

  const int64_t article = store->RegisterArticle("/raced.md", "raced.md", kArticleKindFile);
  std::vector<std::thread> enqueuers;
  std::vector<int64_t> ids(kWorkers);
  for (int w = 0; w < kWorkers; ++w) {
    enqueuers.emplace_back([&, w] {
      try {
        ids[w] = OpenStore()->EnqueueArticleJob(article).id;
      } catch (const std::exception& e) {
        errors[w] = e.what();
      }
    });
  }
  for (auto& t : enqueuers) t.join();
  for (int w = 0; w < kWorkers; ++w) {
    EXPECT_EQ(errors[w], "");
    EXPECT_EQ(ids[w], ids[0]);
  }
  EXPECT_EQ(store->CountJobs(JobState::kQueued), 1);
}

TEST_P(JobQueueTest, JobsSurviveReopening) {
  int64_t id = 0;
  {
    auto store = OpenStore();
    id = store->EnqueueAllJob().id;
  }
  auto store = OpenStore();
  auto job = store->ClaimNextJob(kLease);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->id, id);
  EXPECT_FALSE(store->ClaimNextJob(kLease));
}

TEST_P(RegistryStoreTest, RegisterListFindRemove) {
  auto store = OpenStore();
  // An article only ever checked with `check` is not registered.
  store->UpsertArticle("/checked.md", "checked.md");
  const int64_t a = store->RegisterArticle("/a.md", "a.md", kArticleKindFile);
  const int64_t u = store->RegisterArticle("https://example.org/post", "https://Example.org/post", kArticleKindUrl);
  EXPECT_EQ(store->RegisterArticle("/a.md", "a.md", kArticleKindFile), a);  // same identity, same article
  auto list = store->ListRegistered();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, a);
  EXPECT_EQ(list[1].kind, kArticleKindUrl);
  EXPECT_EQ(store->FindArticleBySource("https://example.org/post")->id, u);
  EXPECT_EQ(store->FindArticleBySource("a.md")->id, a);
  store->EnqueueArticleJob(a);
  EXPECT_TRUE(store->UnregisterArticle(a));
  EXPECT_FALSE(store->UnregisterArticle(a));
  EXPECT_EQ(store->ListRegistered().size(), 1u);
  EXPECT_EQ(store->CountJobs(JobState::kQueued), 0);  // its queued job went with it
  EXPECT_TRUE(store->FindArticle(a));          // history stays
}

TEST_P(ResumableRunTest, InterruptedOrCrashedRunsOfTheTrigger) {
  auto store = OpenStore();
  const int64_t done = store->BeginRun("run");
  store->FinishRun(done, RunState::kDone);
  EXPECT_FALSE(store->FindResumableRun("run"));
  const int64_t mine = store->BeginRun("run");  // running, owned by this live process
  EXPECT_FALSE(store->FindResumableRun("run"));
  database().Connect()->exec("UPDATE runs SET pid = 999999999 WHERE id = " + std::to_string(mine));  // a crashed process
  EXPECT_EQ(store->FindResumableRun("run"), mine);
  EXPECT_FALSE(store->FindResumableRun("check"));
  const int64_t daemon = store->BeginRun("daemon");
  EXPECT_EQ(store->InterruptRunningRuns("daemon"), 1);
  EXPECT_EQ(store->FindRun(daemon)->state, RunState::kInterrupted);
  store->ReopenRun(daemon);
  EXPECT_EQ(store->FindRun(daemon)->state, RunState::kRunning);
}

CITECHECK_ON_EVERY_BACKEND(JobQueueTest);
CITECHECK_ON_EVERY_BACKEND(RegistryStoreTest);
CITECHECK_ON_EVERY_BACKEND(ResumableRunTest);

}  // namespace
}  // namespace citecheck
