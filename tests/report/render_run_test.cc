// RenderStoredRun: the one call that loads a stored run, attaches its
// history and renders it, on a real database with two runs of an article.
#include "report/render_run.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/summary_json.h"
#include "history/one_link_run.h"
#include "support/temp_dir.h"

namespace citecheck {
namespace {

using ::citecheck::testing::TempDir;

class RenderRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = Store::Open(dir_.File("r.db"));
    article_ = store_->RegisterArticle("/a.md", "a.md", kArticleKindFile);
    first_ = testing::StoreOneLinkRun(*store_, article_, LinkStatus::kOk);
    second_ = testing::StoreOneLinkRun(*store_, article_, LinkStatus::kBroken);
  }

  RenderedRun Render(const std::string& format, int64_t run_id, int64_t article_id, bool changes_only = false) {
    RenderRequest request;
    request.format = format;
    request.run_id = run_id;
    request.article_id = article_id;
    request.changes_only = changes_only;
    return RenderStoredRun(*store_, request);
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  int64_t article_ = 0, first_ = 0, second_ = 0;
};

TEST_F(RenderRunTest, TheLatestRunOfAnArticleComesWithItsChanges) {
  RenderedRun report = Render("json", 0, article_);
  ASSERT_EQ(report.outcome, RenderedRun::Outcome::kOk) << report.error;
  EXPECT_EQ(report.run.run_id, second_);
  EXPECT_EQ(report.exit_code, 1);  // the link is broken now
  const auto json = nlohmann::json::parse(report.text);
  EXPECT_EQ(json["articles"][0]["changes"]["previous_run"], first_);
  EXPECT_EQ(json["articles"][0]["changes"]["links_newly_broken"][0]["after"], "broken");

  for (const char* format : {"text", "markdown", "junit", "html"}) {
    RenderedRun other = Render(format, second_, 0);
    ASSERT_EQ(other.outcome, RenderedRun::Outcome::kOk) << format;
    EXPECT_NE(other.text.find("newly broken"), std::string::npos) << format << "\n" << other.text;
  }
}

TEST_F(RenderRunTest, AFirstRunHasNothingToCompare) {
  RenderedRun report = Render("text", first_, 0);
  ASSERT_EQ(report.outcome, RenderedRun::Outcome::kOk);
  EXPECT_EQ(report.exit_code, 0);
  EXPECT_EQ(report.text.find("Changes since the previous run"), std::string::npos) << report.text;
  ASSERT_TRUE(report.run.articles.at(0).changes);
  EXPECT_EQ(report.run.articles[0].changes->previous_run_id, 0);
}

TEST_F(RenderRunTest, ChangesOnlyForTheLatestRunsOfAll) {
  RenderedRun report = Render("json", 0, 0, /*changes_only=*/true);
  ASSERT_EQ(report.outcome, RenderedRun::Outcome::kOk) << report.error;
  const auto json = nlohmann::json::parse(report.text);
  EXPECT_EQ(json["schema"], "citecheck.changes/1");
  EXPECT_EQ(json["articles"][0]["changes"]["previous_run"], first_);
  EXPECT_EQ(Render("html", 0, 0, true).outcome, RenderedRun::Outcome::kUnknownFormat);
}

TEST_F(RenderRunTest, UnknownFormatsAndMissingRunsAreErrors) {
  RenderedRun unknown = Render("pdf", second_, 0);
  EXPECT_EQ(unknown.outcome, RenderedRun::Outcome::kUnknownFormat);
  EXPECT_NE(unknown.error.find("\"pdf\""), std::string::npos) << unknown.error;
  const int64_t unchecked = store_->RegisterArticle("/b.md", "b.md", kArticleKindFile);
  RenderedRun none = Render("text", 0, unchecked);
  EXPECT_EQ(none.outcome, RenderedRun::Outcome::kNoRun);
  EXPECT_NE(none.error.find("has not been checked yet"), std::string::npos) << none.error;

  TempDir empty_dir;
  auto empty = Store::Open(empty_dir.File("e.db"));
  RenderRequest latest;
  EXPECT_EQ(RenderStoredRun(*empty, latest).outcome, RenderedRun::Outcome::kNoRun);
}

TEST(ReportContentTypeTest, EachFormatHasItsType) {
  EXPECT_STREQ(ReportContentType("json"), "application/json");
  EXPECT_STREQ(ReportContentType("junit"), "application/xml");
  EXPECT_STREQ(ReportContentType("markdown"), "text/markdown; charset=utf-8");
  EXPECT_STREQ(ReportContentType("html"), "text/html; charset=utf-8");
  EXPECT_STREQ(ReportContentType("text"), "text/plain; charset=utf-8");
}

TEST(SummaryJsonTest, TheReportAndTheApiShareEveryField) {
  ArticleRecord article;
  article.quotes.resize(1);
  const nlohmann::ordered_json json = SummaryJson(Summarize(article));
  for (const char* field : {"citations", "links_ok", "links_broken", "links_by_status", "quotes", "verified",
                            "near_match", "not_found", "unverifiable", "skipped", "uncited", "pending"}) {
    EXPECT_TRUE(json.contains(field)) << field;
  }
  EXPECT_EQ(json["pending"], 1);
}

}  // namespace
}  // namespace citecheck
