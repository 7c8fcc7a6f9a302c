// Retention and history (docs/storage.md "Retention"): after a prune, every
// kept run reports the same "broken since" streaks and the same changes as
// before it, however many runs were kept, and in however many prunes.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <optional>

#include "history/changes.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

using testing::TempDir;
using Links = std::vector<std::optional<LinkStatus>>;  // per link; nullopt: not fetched

constexpr LinkStatus kOk = LinkStatus::kOk;
constexpr LinkStatus kBroken = LinkStatus::kBroken;
constexpr LinkStatus kTimeout = LinkStatus::kTimeout;

std::string LinkUrl(size_t i) { return "http://example.org/page" + std::to_string(i); }

// One run of article `article` citing one URL per entry of `links`.
int64_t StoreRun(Store& store, SQLite::Database& raw, int64_t article, const Links& links, int day,
                 RunState state = RunState::kDone) {
  const int64_t run = store.BeginRun("run");
  Article a;
  a.source = "a.md";
  for (size_t i = 0; i < links.size(); ++i) {
    Citation c;
    c.id = std::to_string(i + 1);
    c.url = c.normalized_url = LinkUrl(i);
    a.citations.push_back(c);
  }
  store.SaveArticle(run, article, a);
  for (size_t i = 0; i < links.size(); ++i) {
    if (!links[i]) continue;
    FetchResult f;
    f.url = LinkUrl(i);
    f.status = *links[i];
    f.http_status = *links[i] == kOk ? 200 : 404;
    std::optional<PageText> page;
    if (*links[i] == kOk) {
      page.emplace();
      page->text = "text of page " + std::to_string(i) + " on day " + std::to_string(day);
    }
    store.SaveFetch(run, f, page, "");
  }
  store.FinishRun(run, state);
  // Distinct start times, so that a wrong "since" cannot pass unnoticed.
  char started[32];
  std::snprintf(started, sizeof started, "2026-%02d-%02dT03:00:00Z", 1 + day / 28, 1 + day % 28);
  SQLite::Statement update(raw, "UPDATE runs SET started_at = ?1 WHERE id = ?2");
  update.bind(1, started);
  update.bind(2, run);
  update.exec();
  return run;
}

// Three links over 24 runs: one broken since long ago with an unfetched run
// inside the streak, one that broke, recovered and broke again, one flapping;
// run 10 is interrupted (never pruned) inside the streaks.
struct History {
  std::vector<int64_t> runs;
};

History StoreHistory(Store& store, SQLite::Database& raw, int64_t article) {
  History h;
  for (int day = 0; day < 24; ++day) {
    std::optional<LinkStatus> first = day < 3 ? kOk : (day == 7 || day == 15 ? std::nullopt : std::optional(kBroken));
    std::optional<LinkStatus> second = (day >= 5 && day < 9) || day >= 18 ? kTimeout : kOk;
    std::optional<LinkStatus> third = day % 3 == 0 ? kOk : kBroken;
    const RunState state = day == 10 ? RunState::kInterrupted : RunState::kDone;
    h.runs.push_back(StoreRun(store, raw, article, {first, second, third}, day, state));
  }
  return h;
}

// What a run's report says of history: its "broken since" streaks, then
// the changes since its previous run.
std::string DescribeRun(Store& store, int64_t run_id, int64_t article, bool with_changes = true) {
  RunRecord run = store.LoadRunArticle(run_id, article);
  if (run.articles.empty()) return "(run " + std::to_string(run_id) + " gone)";
  AttachChanges(store, &run);
  const ArticleChanges& c = *run.articles.front().changes;
  std::string out = "broken:";
  for (const BrokenLink& b : c.broken_links) {
    out += " " + b.url + " " + std::string(ToString(b.status)) + " since " + b.since + " x" +
           std::to_string(b.consecutive_runs);
  }
  if (!with_changes) return out;
  return out + "; previous run " + std::to_string(c.previous_run_id) + ", newly broken " +
         std::to_string(c.links_newly_broken.size()) + ", recovered " + std::to_string(c.links_recovered.size());
}

class PruneStreaksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = Store::Open(dir_.File("citecheck.db"));
    raw_ = std::make_unique<SQLite::Database>(dir_.File("citecheck.db"), SQLite::OPEN_READWRITE);
    article_ = store_->UpsertArticle("a.md", "a.md");
    history_ = StoreHistory(*store_, *raw_, article_);
    for (int64_t run : history_.runs) before_[run] = DescribeRun(*store_, run, article_);
  }

  // Every run of the window reads as it did before any prune: the same
  // streaks, and the same changes but for the oldest, whose previous run is
  // gone. The interrupted run, kept below the window, reads what is left of
  // its own past.
  void ExpectKeptRunsUnchanged(int keep) {
    const size_t first = history_.runs.size() - keep;
    const int64_t interrupted = history_.runs[10];
    int kept = 0;
    for (size_t i = 0; i < history_.runs.size(); ++i) {
      const int64_t run = history_.runs[i];
      if (!store_->FindRun(run)) continue;
      ++kept;
      if (i < first) continue;
      EXPECT_EQ(DescribeRun(*store_, run, article_, i > first), Before(before_, run, i > first))
          << "run " << run << ", keep_runs " << keep;
    }
    EXPECT_EQ(kept, keep + (interrupted < history_.runs[first] ? 1 : 0));
  }

  static std::string Before(const std::map<int64_t, std::string>& before, int64_t run, bool with_changes) {
    const std::string& text = before.at(run);
    return with_changes ? text : text.substr(0, text.find("; previous run"));
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<SQLite::Database> raw_;
  int64_t article_ = 0;
  History history_;
  std::map<int64_t, std::string> before_;
};

TEST_F(PruneStreaksTest, TheHistoryIsWhatTheTestMeansItToBe) {
  // The newest run: the first link broken since day 3 (two unfetched runs
  // inside), 21 fetched runs; the second broken since day 18.
  const std::string latest = before_[history_.runs.back()];
  EXPECT_NE(latest.find("page0 broken since 2026-01-04T03:00:00Z x19"), std::string::npos) << latest;
  EXPECT_NE(latest.find("page1 timeout since 2026-01-19T03:00:00Z x6"), std::string::npos) << latest;
}

TEST_F(PruneStreaksTest, EveryWindowKeepsTheStreaks) {
  const std::string path = dir_.File("citecheck.db");
  store_.reset();
  raw_.reset();
  for (int keep : {1, 2, 3, 5, 6, 8, 13, 14, 20, 23, 24, 30}) {
    SCOPED_TRACE("keep_runs " + std::to_string(keep));
    const std::string copy = dir_.File("keep" + std::to_string(keep) + ".db");
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE);
      db.exec("VACUUM INTO '" + copy + "'");
    }
    store_ = Store::Open(copy);
    PruneOptions options;
    options.keep_runs = keep;
    PruneReport report = store_->Prune(options);
    const int64_t expected = std::max(0, 24 - keep - (keep < 14 ? 1 : 0));  // run 10 stays
    EXPECT_EQ(report.runs, expected);
    ExpectKeptRunsUnchanged(std::min(keep, 24));
    store_.reset();
  }
}

TEST_F(PruneStreaksTest, SuccessivePrunesKeepTheStreaks) {
  for (int keep : {20, 16, 12, 9, 4, 2, 1}) {
    PruneOptions options;
    options.keep_runs = keep;
    store_->Prune(options);
    ExpectKeptRunsUnchanged(keep);
  }
  // And new runs after the prunes extend the summarized streaks.
  const int64_t next = StoreRun(*store_, *raw_, article_, {kBroken, kOk, kBroken}, 40);
  const std::string latest = DescribeRun(*store_, next, article_);
  EXPECT_NE(latest.find("page0 broken since 2026-01-04T03:00:00Z x20"), std::string::npos) << latest;
  EXPECT_EQ(latest.find("page1"), std::string::npos) << latest;  // recovered
  EXPECT_NE(latest.find("page2 broken since 2026-01-23T03:00:00Z x3"), std::string::npos) << latest;
}

int64_t StreakRows(SQLite::Database& raw, int64_t article) {
  SQLite::Statement count(raw, "SELECT count(*) FROM pruned_streaks WHERE article_id = ?1");
  count.bind(1, article);
  count.executeStep();
  return count.getColumn(0).getInt64();
}

// A summary no kept run can read (the link recovered in the window, or the
// article stopped citing it) is deleted; one a kept run reads stays.
TEST(PruneStreakCleanupTest, SummariesNoKeptRunReadsAreDeleted) {
  TempDir dir;
  auto store = Store::Open(dir.File("citecheck.db"));
  SQLite::Database raw(dir.File("citecheck.db"), SQLite::OPEN_READWRITE);
  const int64_t moved_on = store->UpsertArticle("b.md", "b.md");
  const int64_t still_broken = store->UpsertArticle("c.md", "c.md");
  for (int day = 0; day < 8; ++day) {
    // page0 broken, then recovered; page1 broken, then no longer cited.
    StoreRun(*store, raw, moved_on, day < 4 ? Links{kBroken, kBroken} : Links{kOk}, day);
    StoreRun(*store, raw, still_broken, {kBroken}, day);
  }
  PruneOptions options;
  options.keep_runs = 4;
  EXPECT_EQ(store->Prune(options).runs, 8);
  EXPECT_EQ(StreakRows(raw, moved_on), 0);
  ASSERT_EQ(StreakRows(raw, still_broken), 1);
  const std::string latest = DescribeRun(*store, store->RunsOfArticle(still_broken, 1).front().run_id, still_broken);
  EXPECT_NE(latest.find("page0 broken since 2026-01-01T03:00:00Z x8"), std::string::npos) << latest;
  // And a link that breaks again after the cleanup starts a new streak.
  const int64_t again = StoreRun(*store, raw, moved_on, {kBroken, kBroken}, 9);
  const std::string now = DescribeRun(*store, again, moved_on);
  EXPECT_NE(now.find("page0 broken since 2026-01-10T03:00:00Z x1"), std::string::npos) << now;
  EXPECT_NE(now.find("page1 broken since 2026-01-10T03:00:00Z x1"), std::string::npos) << now;
}

}  // namespace
}  // namespace citecheck
