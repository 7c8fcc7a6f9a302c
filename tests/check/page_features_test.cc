// The table of issue 13, from HTML to verdict: hidden text never verifies a
// quote, note markers never turn a faithful quote into a near match, and a
// quote missing from a paywalled page is unverifiable.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "check/quote_verdicts.h"
#include "extract/extractor.h"

namespace citecheck {
namespace {

struct RowCase {
  const char* name;
  const char* html;
  const char* quote;
  QuoteStatus status;
};

Verdict Check(const std::string& html, const std::string& quote) {
  ExtractResult extracted = ExtractHtml("<html><body><p>" + html + "</p></body></html>");
  EXPECT_TRUE(extracted.ok) << extracted.error;
  PageOutcome outcome;
  outcome.link_status = LinkStatus::kOk;
  outcome.paywalled = extracted.page.paywalled;
  outcome.page = std::make_shared<PreparedPage>(extracted.page.text, "en", extracted.page.optional_spans);
  Citation citation;
  citation.id = "1";
  citation.url = citation.normalized_url = "https://example.org/";
  return VerdictForCitation(quote, citation, &outcome, MatchOptions());
}

class PageFeaturesTest : public testing::TestWithParam<RowCase> {};

TEST_P(PageFeaturesTest, Verdict) {
  Verdict v = Check(GetParam().html, GetParam().quote);
  EXPECT_EQ(v.status, GetParam().status) << ToString(v.status) << " " << v.score << " " << v.reason;
  if (GetParam().status == QuoteStatus::kVerified) {
    EXPECT_DOUBLE_EQ(v.score, 1.0);
  }
}

const char kBudget[] = "Officials warned that the budget would <span style=\"display:none\">never</span> balance "
                       "before the election.";
const char kWidening[] = "The mayor described the widening as <span hidden>secretly</span> \"a necessary step for "
                         "the growing town\" in his address.";
const char kSpring[] = "The bridge opened in the spring of 1932.<sup class=\"reference\"><a href=\"#cite_note-4\">"
                       "[4]</a></sup> It carried trams across the river.";
const char kClosed[] = "It carried trams until 1958, when the last line closed.[5][citation needed] Later it was "
                       "widened twice.";
const char kPercent[] = "The report found that 40 percent<sup>1</sup> of the funds went to repairs.";
const char kGuide[] = "More is in the guide<span class=\"visually-hidden\"> (opens in a new tab)</span> about the "
                      "walkway and its history.";

const RowCase kRows[] = {
    {"DisplayNoneWordNotVerified", kBudget, "the budget would never balance before the election",
     QuoteStatus::kNearMatch},
    {"WithoutHiddenWordVerified", kBudget, "the budget would balance before the election", QuoteStatus::kVerified},
    {"HiddenAttributeWordNotVerified", kWidening, "the widening as secretly a necessary step for the growing town",
     QuoteStatus::kNearMatch},
    {"WithoutHiddenAttributeWordVerified", kWidening, "the widening as a necessary step for the growing town",
     QuoteStatus::kVerified},
    {"WikipediaMarkerVerified", kSpring, "in the spring of 1932. It carried trams across the river",
     QuoteStatus::kVerified},
    {"MarkerAndCitationNeededVerified", kClosed, "the last line closed. Later it was widened twice.",
     QuoteStatus::kVerified},
    {"BareSupVerified", kPercent, "40 percent of the funds went to repairs", QuoteStatus::kVerified},
    {"VisuallyHiddenSuffixVerified", kGuide, "in the guide about the walkway and its history",
     QuoteStatus::kVerified},
    {"VisuallyHiddenTextNotVerified", kGuide, "the guide (opens in a new tab) about the walkway",
     QuoteStatus::kNotFound},
};

INSTANTIATE_TEST_SUITE_P(Issue13Table, PageFeaturesTest, testing::ValuesIn(kRows),
                         [](const auto& info) { return std::string(info.param.name); });

const char kPaywalled[] =
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":false}</script>"
    "The council voted on Tuesday to close the old harbour road.";

TEST(PaywalledPageTest, QuoteNotFoundIsUnverifiable) {
  Verdict v = Check(kPaywalled, "the harbour will reopen to lorries next spring");
  EXPECT_EQ(v.status, QuoteStatus::kUnverifiable);
  EXPECT_EQ(v.reason, "paywalled page: only part of its text is public");
}

TEST(PaywalledPageTest, QuoteInTheTeaserIsStillVerifiedOrNear) {
  EXPECT_EQ(Check(kPaywalled, "voted on Tuesday to close the old harbour road").status, QuoteStatus::kVerified);
  EXPECT_EQ(Check(kPaywalled, "voted on Monday to close the old harbour road").status, QuoteStatus::kNearMatch);
}

TEST(PaywalledPageTest, FreePageStillSaysNotFound) {
  Verdict v = Check("The council voted on Tuesday to close the old harbour road.",
                    "the harbour will reopen to lorries next spring");
  EXPECT_EQ(v.status, QuoteStatus::kNotFound);
}

}  // namespace
}  // namespace citecheck
