#include "report/report.h"

#include <gtest/gtest.h>

#include "report/sample_run.h"

namespace citecheck {
namespace {

using testing::MakeCitation;
using testing::MakeQuote;

TEST(MakeFormatterTest, KnowsTheSpecFormatsOnly) {
  for (const char* name : {"text", "json", "markdown", "html", "junit"}) {
    EXPECT_NE(MakeFormatter(name, {}), nullptr) << name;
  }
  for (const char* name : {"", "JSON", "HTML", "md", "xml"}) {
    EXPECT_EQ(MakeFormatter(name, {}), nullptr) << name;
  }
}

struct ExitCase {
  const char* name;
  std::vector<LinkStatus> links;
  std::vector<QuoteStatus> quotes;
  bool pending;
  int expected;
};

class ExitCodeTest : public ::testing::TestWithParam<ExitCase> {};

TEST_P(ExitCodeTest, FollowsTheSpec) {
  const ExitCase& c = GetParam();
  ArticleRecord a;
  for (LinkStatus s : c.links) a.citations.push_back(MakeCitation("1", "https://e.org/", s, 0));
  for (QuoteStatus s : c.quotes) a.quotes.push_back(MakeQuote("four words long here", s));
  if (c.pending) {
    a.quotes.push_back(MakeQuote("four words long here", QuoteStatus::kNotFound));
    a.quotes.back().decided = false;
  }
  RunRecord run;
  run.articles = {ArticleRecord{}, a};
  EXPECT_EQ(ExitCodeFor(run), c.expected) << c.name;
}

using L = LinkStatus;
using Q = QuoteStatus;
INSTANTIATE_TEST_SUITE_P(
    Table, ExitCodeTest,
    ::testing::Values(
        ExitCase{"empty", {}, {}, false, 0},
        ExitCase{"all ok", {L::kOk, L::kOk}, {Q::kVerified}, false, 0},
        ExitCase{"excluded is fine", {L::kOk, L::kExcluded}, {}, false, 0},
        ExitCase{"broken", {L::kOk, L::kBroken}, {}, false, 1},
        ExitCase{"timeout", {L::kTimeout}, {}, false, 1},
        ExitCase{"blocked", {L::kBlocked}, {}, false, 1},
        ExitCase{"error", {L::kError}, {}, false, 1},
        ExitCase{"unresolved", {L::kUnresolved}, {}, false, 1},
        ExitCase{"not_found", {L::kOk}, {Q::kVerified, Q::kNotFound}, false, 1},
        ExitCase{"near_match", {L::kOk}, {Q::kNearMatch}, false, 1},
        ExitCase{"harmless quote verdicts", {L::kOk},
                 {Q::kVerified, Q::kSkipped, Q::kUncited, Q::kUnverifiable}, false, 0},
        ExitCase{"pending alone does not fail", {L::kOk}, {}, true, 0}),
    [](const ::testing::TestParamInfo<ExitCase>& info) {
      std::string name = info.param.name;
      for (char& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return name;
    });

}  // namespace
}  // namespace citecheck
