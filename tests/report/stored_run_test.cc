// Reports are rendered from what the store holds (STYLE.md): an interrupted
// run, saved and loaded back through a real database, renders and exits as
// docs/reports.md and docs/exit-codes.md say.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/report.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

TEST(StoredRunReportTest, InterruptedRunRendersFromTheStore) {
  ::citecheck::testing::TempDir dir;
  auto store = Store::Open(dir.File("c.db"));
  int64_t article_id = store->UpsertArticle("/abs/a.md", "a.md");
  int64_t run_id = store->BeginRun("run");
  Article article;
  article.source = "a.md";
  article.citations = {{"1", "https://e.org/a", "https://e.org/a", 9, ""},
                       {"2", "https://e.org/b", "https://e.org/b", 10, ""}};
  article.quotes = {{"four words quoted here", 3, 7, {"1"}, false, ""},
                    {"never got a verdict at all", 4, 1, {"2"}, false, ""},
                    {"short", 5, 1, {"1"}, true, "fewer than 4 words"}};
  store->SaveArticle(run_id, article_id, article);
  FetchResult fetched;
  fetched.url = "https://e.org/a";
  fetched.final_url = "https://e.org/a";
  fetched.status = LinkStatus::kOk;
  fetched.http_status = 200;
  fetched.content_type = "text/html";
  store->SaveFetch(run_id, fetched, PageText{"x four words quoted here y", "A", "en", ""}, "en");
  Verdict verdict;
  verdict.status = QuoteStatus::kVerified;
  verdict.score = 1;
  verdict.evidence = Evidence{"1", "x four words quoted here y", 2, 22, "four words quoted here", {}};
  store->SaveVerdict(run_id, article_id, 0, verdict);
  Verdict skipped;  // decided by the pipeline before any fetch
  skipped.status = QuoteStatus::kSkipped;
  skipped.reason = "fewer than 4 words";
  store->SaveVerdict(run_id, article_id, 2, skipped);
  store->FinishRun(run_id, RunState::kInterrupted);

  const RunRecord run = store->LoadRun(run_id);
  const auto report = nlohmann::json::parse(MakeFormatter("json", {})->Render(run));
  const auto& a = report["articles"][0];
  EXPECT_EQ(a["checked_at"], run.finished_at);
  EXPECT_EQ(a["citations"][0]["link_status"], "ok");
  EXPECT_EQ(a["citations"][0]["title"], "A");
  EXPECT_EQ(a["citations"][1]["link_status"], "error");
  EXPECT_EQ(a["citations"][1]["error"], "not fetched (run interrupted)");
  EXPECT_EQ(a["quotes"][0]["status"], "verified");
  EXPECT_EQ(a["quotes"][0]["evidence"]["offset"], 2);
  EXPECT_EQ(a["quotes"][1]["status"], "pending");
  EXPECT_EQ(a["quotes"][2]["status"], "skipped");
  EXPECT_EQ(a["quotes"][2]["reason"], "fewer than 4 words");
  EXPECT_EQ(a["summary"]["links_by_status"], nlohmann::json({{"ok", 1}, {"error", 1}}));
  EXPECT_EQ(ExitCodeFor(run), 1);  // the unfetched link was not shown to be ok

  const std::string text = MakeFormatter("text", {})->Render(run);
  EXPECT_NE(text.find("not fetched (run interrupted)"), std::string::npos) << text;
}

}  // namespace
}  // namespace citecheck
