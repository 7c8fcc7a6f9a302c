// A run's URLs as tasks shared by workers, on every backend
// (docs/scale-out.md "Shared runs"): claimed in order and in batches, never
// by two claimers at once, finished only by their holder, lapsed ones taken
// over, others' fetches read back once, and nothing left once the run ends.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"
#include "support/fetch_results.h"
#include "support/test_database.h"

namespace citecheck {
namespace {

using testing::BackendTest;
using testing::OkFetch;

class UrlTaskTest : public BackendTest {};

std::vector<std::string> Urls(int n) {
  std::vector<std::string> urls;
  for (int i = 0; i < n; ++i) urls.push_back("https://h" + std::to_string(i % 3) + ".example/" + std::to_string(i));
  return urls;
}

void LetLapse() { std::this_thread::sleep_for(std::chrono::milliseconds(5)); }

PageText Text(const std::string& text) {
  PageText page;
  page.text = text;
  page.title = "t";
  page.language = "en";
  return page;
}

TEST_P(UrlTaskTest, ClaimsComeInTheQueuedOrderAndEachTaskOnce) {
  auto store = OpenStore();
  const int64_t run = store->BeginRun("daemon");
  const std::vector<std::string> urls = Urls(10);
  store->QueueUrlTasks(run, urls);
  const UrlTaskBatch first = store->ClaimUrlTasks(run, 4, {"a", 60});
  EXPECT_EQ(first.run_id, run);
  EXPECT_EQ(first.urls, std::vector<std::string>(urls.begin(), urls.begin() + 4));
  const UrlTaskBatch second = store->ClaimUrlTasks(run, 100, {"b", 60});
  EXPECT_EQ(second.urls, std::vector<std::string>(urls.begin() + 4, urls.end()));
  EXPECT_TRUE(store->ClaimUrlTasks(run, 100, {"c", 60}).urls.empty());
  EXPECT_EQ(store->CountPendingUrlTasks(run), 10);
}

TEST_P(UrlTaskTest, OnlyTheHolderFinishesATaskAndALapsedOneIsTakenOver) {
  auto store = OpenStore();
  const int64_t run = store->BeginRun("daemon");
  const std::vector<std::string> urls = Urls(2);
  store->QueueUrlTasks(run, urls);
  ASSERT_EQ(store->ClaimUrlTasks(run, 1, {"slow", 0}).urls, std::vector<std::string>{urls[0]});
  EXPECT_FALSE(store->FinishUrlTask(run, urls[0], "other"));
  LetLapse();
  // The lapsed task goes to another worker's next claim, before the queued one.
  ASSERT_EQ(OpenStore()->ClaimUrlTasks(run, 1, {"next", 60}).urls, std::vector<std::string>{urls[0]});
  EXPECT_FALSE(store->FinishUrlTask(run, urls[0], "slow"));
  EXPECT_TRUE(store->FinishUrlTask(run, urls[0], "next"));
  EXPECT_FALSE(store->FinishUrlTask(run, urls[0], "next"));  // done once
  EXPECT_EQ(store->CountPendingUrlTasks(run), 1);
  // A heartbeat renews a task's lease: a 0 s claim renewed for 60 s stays.
  ASSERT_EQ(store->ClaimUrlTasks(run, 1, {"beating", 0}).urls, std::vector<std::string>{urls[1]});
  store->HeartbeatWorker(WorkerRow{"beating", "m", 1, "127.0.0.1:1", "2026-12-03T00:00:00Z", 0, 0}, 60);
  LetLapse();
  EXPECT_TRUE(store->ClaimUrlTasks(run, 1, {"thief", 60}).urls.empty());
  // A worker that leaves hands its tasks back at once.
  store->RemoveWorker("beating");
  EXPECT_EQ(store->ClaimUrlTasks(run, 1, {"heir", 60}).urls, std::vector<std::string>{urls[1]});
}

TEST_P(UrlTaskTest, OthersFetchesAreReadBackOnceAndTheRunsEndDropsItsTasks) {
  auto store = OpenStore();
  const int64_t run = store->BeginRun("daemon");
  const std::vector<std::string> urls = Urls(3);
  store->QueueUrlTasks(run, urls);
  ASSERT_EQ(store->ClaimUrlTasks(run, 1, {"coordinator", 60}).urls.size(), 1u);
  ASSERT_EQ(store->ClaimUrlTasks(run, 2, {"helper", 60}).urls.size(), 2u);
  {
    Store::WriteBatch batch(*store);
    ASSERT_TRUE(store->FinishUrlTask(run, urls[0], "coordinator"));
    store->SaveFetch(run, OkFetch(urls[0]), Text("own page"), "en", "");
    for (int i = 1; i < 3; ++i) {
      ASSERT_TRUE(store->FinishUrlTask(run, urls[i], "helper"));
      store->SaveFetch(run, OkFetch(urls[i]), Text("helped page " + std::to_string(i)), "en", "");
    }
    batch.Commit();
  }
  std::vector<std::string> taken = store->TakeFinishedUrlTasks(run, "coordinator");
  std::sort(taken.begin(), taken.end());
  EXPECT_EQ(taken, std::vector<std::string>(urls.begin() + 1, urls.end()));
  EXPECT_TRUE(store->TakeFinishedUrlTasks(run, "coordinator").empty());
  std::optional<StoredFetch> read = store->CommittedFetch(run, urls[2]);
  ASSERT_TRUE(read && read->page);
  EXPECT_EQ(read->page->text, "helped page 2");
  EXPECT_FALSE(store->CommittedFetch(run, "https://never.example/").has_value());
  EXPECT_EQ(store->CountPendingUrlTasks(run), 0);
  EXPECT_EQ(database().Rows("url_tasks"), 3);
  store->FinishRun(run, RunState::kDone);
  EXPECT_EQ(database().Rows("url_tasks"), 0);
}

TEST_P(UrlTaskTest, HelpersClaimOnlyFromRunningRunsAndARequeueKeepsLiveLeases) {
  auto store = OpenStore();
  const int64_t interrupted = store->BeginRun("daemon");
  store->QueueUrlTasks(interrupted, Urls(2));
  store->FinishRun(interrupted, RunState::kInterrupted);
  EXPECT_TRUE(store->ClaimUrlTasks(0, 10, {"helper", 60}).urls.empty());
  const int64_t running = store->BeginRun("daemon");
  const std::vector<std::string> urls = Urls(4);
  store->QueueUrlTasks(running, urls);
  const UrlTaskBatch helped = store->ClaimUrlTasks(0, 1, {"helper", 60});
  EXPECT_EQ(helped.run_id, running);
  ASSERT_EQ(helped.urls, std::vector<std::string>{urls[0]});
  // Queued again (a resumed run): the helper's live claim stays its own,
  // the other tasks are replaced by the new list.
  store->QueueUrlTasks(running, {urls[0], urls[3]});
  EXPECT_EQ(store->CountPendingUrlTasks(running), 2);
  EXPECT_EQ(store->ClaimUrlTasks(running, 10, {"coordinator", 60}).urls, std::vector<std::string>{urls[3]});
  EXPECT_TRUE(store->FinishUrlTask(running, urls[0], "helper"));
  store->ReleaseUrlTasks(running, "coordinator");
  EXPECT_EQ(store->ClaimUrlTasks(running, 10, {"other", 60}).urls, std::vector<std::string>{urls[3]});
}

TEST_P(UrlTaskTest, AClaimGoesOnAfterTheLastOneAndComesBackForLapsedTasks) {
  auto store = OpenStore();
  const int64_t run = store->BeginRun("daemon");
  const std::vector<std::string> urls = Urls(6);
  store->QueueUrlTasks(run, urls);
  ASSERT_EQ(store->ClaimUrlTasks(run, 2, {"a", 0}).urls, std::vector<std::string>(urls.begin(), urls.begin() + 2));
  LetLapse();
  // Onward first: the lapsed two wait until nothing is left after them.
  EXPECT_EQ(store->ClaimUrlTasks(run, 4, {"a", 60}).urls, std::vector<std::string>(urls.begin() + 2, urls.end()));
  EXPECT_EQ(store->ClaimUrlTasks(run, 4, {"a", 60}).urls, std::vector<std::string>(urls.begin(), urls.begin() + 2));
  EXPECT_TRUE(store->ClaimUrlTasks(run, 4, {"a", 60}).urls.empty());
}

TEST_P(UrlTaskTest, ConcurrentClaimersNeverShareATask) {
  constexpr int kClaimers = 4;
  constexpr int kTasks = 400;
  int64_t run = 0;
  {
    auto store = OpenStore();
    run = store->BeginRun("daemon");
    store->QueueUrlTasks(run, Urls(kTasks));
  }
  std::vector<std::vector<std::string>> claimed(kClaimers);
  std::vector<std::string> errors(kClaimers);
  std::vector<std::thread> claimers;
  for (int c = 0; c < kClaimers; ++c) {
    claimers.emplace_back([&, c] {
      try {
        auto store = OpenStore();
        const std::string owner = "w" + std::to_string(c);
        for (;;) {
          UrlTaskBatch batch = store->ClaimUrlTasks(run, 7, {owner, 60});
          if (batch.urls.empty()) break;
          for (const std::string& url : batch.urls) {
            if (!store->FinishUrlTask(run, url, owner)) errors[c] = "could not finish " + url;
            claimed[c].push_back(url);
          }
        }
      } catch (const std::exception& e) {
        errors[c] = e.what();
      }
    });
  }
  for (auto& t : claimers) t.join();
  std::multiset<std::string> all;
  for (int c = 0; c < kClaimers; ++c) {
    EXPECT_EQ(errors[c], "");
    all.insert(claimed[c].begin(), claimed[c].end());
  }
  EXPECT_EQ(all.size(), static_cast<size_t>(kTasks));
  EXPECT_EQ(std::set<std::string>(all.begin(), all.end()).size(), static_cast<size_t>(kTasks));
  EXPECT_EQ(OpenStore()->CountPendingUrlTasks(run), 0);
}

CITECHECK_ON_EVERY_BACKEND(UrlTaskTest);

}  // namespace
}  // namespace citecheck
