// Stopping and resuming a run: an interrupted run resumes without fetching
// again what it committed, and ends with exactly one result per URL.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>

#include "check/pipeline.h"
#include "support/temp_dir.h"
#include "support/test_server.h"

namespace citecheck {
namespace {

using testing::TempDir;
using testing::TestServer;

// Stops a run of 40 citations after 7 pages, resumes it, and checks that
// every URL was fetched once and every quote verified. A non-empty
// `password` goes into every cited URL ("reader:PASSWORD@"): the store keeps
// URLs without credentials, and resuming must still recognise what it
// committed.
void StopThenResume(const std::string& password) {
  const std::string userinfo = password.empty() ? "" : "reader:" + password + "@";
  TestServer server;
  std::mutex mu;
  std::map<std::string, int> hits;
  server.server().Get(R"(/p/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard<std::mutex> lock(mu);
      ++hits[req.path];
    }
    res.set_content("<p>Page " + req.matches[1].str() + " says the tide comes in twice a day.</p>", "text/html");
  });
  server.Start();
  const int kPages = 40;
  std::string body = "# Tides\n\n";
  std::string refs = "\n## References\n\n";
  for (int i = 1; i <= kPages; ++i) {
    body += "Page " + std::to_string(i) + " says \"the tide comes in twice a day\" [" + std::to_string(i) + "].\n\n";
    std::string url = server.Url("/p/" + std::to_string(i));
    url.insert(url.find("://") + 3, userinfo);
    refs += "[" + std::to_string(i) + "] " + url + "\n";
  }
  ArticleInput input;
  input.ok = true;
  input.source = input.identity = "tides.md";
  input.bytes = body + refs;

  TempDir dir;
  Config config;
  config.fetch.allow_all_private = true;
  config.archive.enabled = false;  // dead links here must not reach the real web archive
  config.fetch.per_host_concurrency = 2;
  config.fetch.per_host_interval_ms = 0;
  config.fetch.retries = 0;
  auto store = Store::Open(dir.File("r.db"));
  auto fetcher = MakeCurlFetcher(config.fetch);

  std::atomic<bool> stop{false};
  RunControl control;
  control.stop = &stop;
  control.batch_size = 5;
  int64_t started = 0;
  control.on_run_started = [&](int64_t id) { started = id; };
  CheckRun first = RunCheck({input}, config, *store, *fetcher, "run",
                            [&](const Progress& p) {
                              if (p.done >= 7) stop = true;
                            },
                            control);
  EXPECT_EQ(started, first.run_id);
  ASSERT_TRUE(first.interrupted);
  EXPECT_EQ(store->FindRun(first.run_id)->state, RunState::kInterrupted);
  const size_t committed = store->CommittedFetches(first.run_id).size();
  EXPECT_GE(committed, 7u);
  EXPECT_LT(committed, static_cast<size_t>(kPages));

  RunControl resume;
  resume.resume_run_id = first.run_id;
  CheckRun second = RunCheck({input}, config, *store, *fetcher, "run", nullptr, resume);
  EXPECT_EQ(second.run_id, first.run_id);
  EXPECT_FALSE(second.interrupted);
  EXPECT_EQ(second.reused_fetches, static_cast<int>(committed));
  EXPECT_EQ(store->FindRun(first.run_id)->state, RunState::kDone);
  EXPECT_EQ(store->CommittedFetches(first.run_id).size(), static_cast<size_t>(kPages));
  for (int i = 1; i <= kPages; ++i) EXPECT_EQ(hits["/p/" + std::to_string(i)], 1) << i;
  RunRecord record = store->LoadRun(first.run_id);
  ASSERT_EQ(record.articles.size(), 1u);
  for (const QuoteRecord& q : record.articles[0].quotes) {
    EXPECT_TRUE(q.decided);
    EXPECT_EQ(q.verdict.status, QuoteStatus::kVerified) << q.quote.text;
  }
  if (!password.empty()) {
    SQLite::Database db(dir.File("r.db"));
    SQLite::Statement leaks(db,
                            "SELECT (SELECT count(*) FROM citations WHERE instr(url, ?1) OR "
                            "instr(normalized_url, ?1)) + (SELECT count(*) FROM fetches WHERE instr(url, ?1))");
    leaks.bind(1, password);
    ASSERT_TRUE(leaks.executeStep());
    EXPECT_EQ(leaks.getColumn(0).getInt(), 0);
  }
}

TEST(PipelineResumeTest, StopThenResumeFetchesEachUrlOnce) { StopThenResume(""); }

TEST(PipelineResumeTest, ResumingRecognisesCommittedUrlsThatHadCredentials) {
  StopThenResume("s3cret");
}

}  // namespace
}  // namespace citecheck
