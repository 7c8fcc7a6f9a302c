// Every format renders what changed since the previous run itself (issue
// 12): the same history shows in text, JSON, Markdown, HTML and JUnit, and a
// run without history (or a first run) shows no changes section.
#include <gtest/gtest.h>

#include "report/report.h"
#include "report/sample_run.h"

namespace citecheck {
namespace {

struct ChangesCase {
  const char* format;
  const char* heading;      // the section's heading
  const char* newly_broken;  // the newly broken link, escaped as the format escapes
  bool markup;               // page text must be escaped
};

RunRecord RunWithHistory() {
  RunRecord run = testing::SampleRun();
  ArticleChanges changes;
  changes.previous_run_id = 6;
  changes.previous_checked_at = "2026-11-25T03:00:00Z";
  changes.links_newly_broken = {{"2", "https://example.org/b", LinkStatus::kOk, LinkStatus::kBroken, "<b>404</b>"}};
  changes.quotes_newly_verified = {{"a quote now found", 7, QuoteStatus::kNotFound, QuoteStatus::kVerified, ""}};
  QuoteChange moved{"a quote only archived now", 9, QuoteStatus::kVerified, QuoteStatus::kVerified,
                    "the page changed since 2019-05-03"};
  moved.archive_datetime = "2019-05-03T12:00:00Z";
  changes.quotes_moved_to_archive = {moved};
  changes.broken_links = {{"2", "https://example.org/b", LinkStatus::kBroken, "2026-11-25T03:00:00Z", 2}};
  run.articles[0].changes = changes;
  return run;
}

class ChangesInEveryFormat : public ::testing::TestWithParam<ChangesCase> {};

TEST_P(ChangesInEveryFormat, ShowsTheChangesWhenHistoryIsAttached) {
  const ChangesCase& c = GetParam();
  const std::string out = MakeFormatter(c.format, {})->Render(RunWithHistory());
  EXPECT_NE(out.find(c.heading), std::string::npos) << out;
  EXPECT_NE(out.find(c.newly_broken), std::string::npos) << out;
  EXPECT_NE(out.find("a quote now found"), std::string::npos) << out;
  EXPECT_NE(out.find("a quote only archived now"), std::string::npos) << out;
  EXPECT_NE(out.find("2019-05-03"), std::string::npos) << out;
  if (c.markup) {
    EXPECT_EQ(out.find("<b>404</b>"), std::string::npos) << "unescaped page text in " << c.format;
  }
}

TEST_P(ChangesInEveryFormat, ShowsNoChangesSectionWithoutHistory) {
  const ChangesCase& c = GetParam();
  RunRecord first = RunWithHistory();
  first.articles[0].changes->previous_run_id = 0;  // a first run: nothing to compare
  const std::string without = MakeFormatter(c.format, {})->Render(testing::SampleRun());
  EXPECT_EQ(without.find("a quote now found"), std::string::npos) << without;
  EXPECT_EQ(without.find(c.heading), std::string::npos) << without;
  // The JSON report carries the changes object whenever history is attached
  // (previous_run null); the others show nothing for a first run.
  if (std::string(c.format) == "json") return;
  const std::string out = MakeFormatter(c.format, {})->Render(first);
  EXPECT_EQ(out.find("a quote now found"), std::string::npos) << out;
  EXPECT_EQ(out.find(c.heading), std::string::npos) << out;
}

INSTANTIATE_TEST_SUITE_P(
    Formats, ChangesInEveryFormat,
    ::testing::Values(
        ChangesCase{"text", "Changes since the previous run", "newly broken  [2] https://example.org/b (ok → broken", false},
        ChangesCase{"json", "\"previous_run\": 6", "\"error\": \"<b>404</b>\"", false},
        ChangesCase{"markdown", "**Since the previous run** (2026-11-25T03:00:00Z)",
                    "- newly broken: \\[2\\] [https://example.org/b](https://example.org/b) (ok → broken: "
                    "&lt;b&gt;404&lt;/b&gt;)", true},
        ChangesCase{"html", "Since the previous run (2026-11-25T03:00:00Z)", "ok → broken — &lt;b&gt;404&lt;/b&gt;", true},
        ChangesCase{"junit", "<system-out>Since the previous run (2026-11-25T03:00:00Z):",
                    "newly broken  [2] https://example.org/b (ok → broken: &lt;b&gt;404&lt;/b&gt;)", true}),
    [](const ::testing::TestParamInfo<ChangesCase>& info) { return std::string(info.param.format); });

}  // namespace
}  // namespace citecheck
