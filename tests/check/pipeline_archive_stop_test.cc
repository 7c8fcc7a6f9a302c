// A run stopped while archived copies are still to be read ends
// interrupted, not done, and does not wait for them: its last batch hands
// the copy it has not started back (RunHooks::hand_back) instead of
// waiting for the archive host's next allowed start.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "check/pipeline.h"
#include "support/memento_server.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

TEST(PipelineArchiveStopTest, StopWithACopyUnreadInterruptsTheRunWithoutWaitingForIt) {
  testing::TestServer live("127.0.0.2");  // the archive is on 127.0.0.1: apart, for its own limits
  live.server().Get("/gone", [](const httplib::Request&, httplib::Response& r) { r.status = 404; });
  live.Start();
  testing::MementoServer archive;
  const std::string url = live.Url("/gone");
  testing::MementoServer::Copy copy;
  copy.body = "<p>The keeper wrote every storm into his logbook.</p>";
  archive.Add(url, copy);
  archive.Start();

  ArticleInput input;
  input.ok = true;
  input.source = input.identity = "keeper.md";
  input.bytes = "He \"wrote every storm into his logbook\" [1].\n\n## References\n\n[1] " + url + "\n";

  testing::TempDir dir;
  Config config;
  config.fetch.allow_all_private = true;
  config.fetch.retries = 0;
  config.archive.enabled = true;
  config.archive.timegate = archive.TimeGate();
  // After the lookup, the memento may start only a minute later.
  config.fetch.hosts["127.0.0.1"] = HostLimits{1, 60000};
  auto store = Store::Open(dir.File("s.db"));
  auto fetcher = MakeCurlFetcher(config.fetch);

  std::atomic<bool> stop{false};
  std::thread stopper([&] {
    while (archive.lookups(url) == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the lookup's answer is in
    stop = true;
  });
  RunControl control;
  control.stop = &stop;
  const auto started = std::chrono::steady_clock::now();
  CheckRun run = RunCheck({input}, config, *store, *fetcher, "run", nullptr, control);
  const auto took = std::chrono::steady_clock::now() - started;
  stopper.join();

  EXPECT_TRUE(run.interrupted);
  EXPECT_EQ(store->FindRun(run.run_id)->state, RunState::kInterrupted);
  EXPECT_EQ(archive.original_bytes(url), 0);      // the copy was never read
  EXPECT_LT(took, std::chrono::seconds(30));      // not held until the archive's next start
  RunRecord record = store->LoadRun(run.run_id);
  ASSERT_EQ(record.articles.size(), 1u);
  ASSERT_EQ(record.articles[0].quotes.size(), 1u);
  EXPECT_EQ(record.articles[0].quotes[0].verdict.status, QuoteStatus::kUnverifiable);  // the live verdict stands
}

}  // namespace
}  // namespace citecheck
