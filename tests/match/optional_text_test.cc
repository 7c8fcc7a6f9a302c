// A page's optional words (note markers, maintenance tags) may be written by
// the quote or left out, for exact and near search alike, and the evidence
// still points at the page's own text (docs/matching.md "Optional text").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/utf8.h"
#include "match/matcher.h"
#include "match/normalize.h"

namespace citecheck {
namespace {

// The spans of `text` that equal each of `parts`, in order (first match after the previous one).
std::vector<TextSpan> SpansOf(const std::string& text, const std::vector<std::string>& parts) {
  std::vector<TextSpan> spans;
  size_t from = 0;
  for (const std::string& part : parts) {
    size_t at = text.find(part, from);
    EXPECT_NE(at, std::string::npos) << part;
    spans.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size())});
    from = at + part.size();
  }
  return spans;
}

struct OptionalCase {
  const char* name;
  const char* page;
  std::vector<std::string> optional;
  const char* quote;
  QuoteStatus status;
  const char* matched;  // the page's wording of the match, for verified and near
};

class OptionalTextTest : public testing::TestWithParam<OptionalCase> {};

TEST_P(OptionalTextTest, Verdict) {
  const OptionalCase& c = GetParam();
  std::string text = c.page;
  PreparedPage page(text, "", SpansOf(text, c.optional));
  Verdict verdict = MatchQuote(c.quote, page, MatchOptions());
  ASSERT_EQ(verdict.status, c.status) << c.quote << " -> " << ToString(verdict.status) << " " << verdict.score;
  if (c.status == QuoteStatus::kVerified) {
    EXPECT_DOUBLE_EQ(verdict.score, 1.0);
  }
  if (c.status == QuoteStatus::kVerified || c.status == QuoteStatus::kNearMatch) {
    ASSERT_TRUE(verdict.evidence);
    EXPECT_EQ(verdict.evidence->matched, c.matched);
    // Offsets into the page text stay exact across the skipped words.
    size_t byte = ByteOffsetOfCodePoint(text, static_cast<size_t>(verdict.evidence->offset));
    EXPECT_EQ(text.substr(byte, verdict.evidence->matched.size()), verdict.evidence->matched);
    EXPECT_EQ(static_cast<size_t>(verdict.evidence->length), CountCodePoints(verdict.evidence->matched));
  }
}

const char kTrams[] = "The bridge opened in the spring of 1932.[4] It carried trams until 1958, when the last line "
                      "closed.[5][citation needed] Later it was widened twice. About 40 percent1 of the funds came "
                      "from the city.";
const std::vector<std::string> kTramMarkers = {"[4]", "[5][citation needed]", "1"};

const OptionalCase kOptionalCases[] = {
    {"MarkerLeftOut", kTrams, kTramMarkers, "in the spring of 1932. It carried trams", QuoteStatus::kVerified,
     "in the spring of 1932.[4] It carried trams"},
    {"MarkerWritten", kTrams, kTramMarkers, "in the spring of 1932.[4] It carried trams", QuoteStatus::kVerified,
     "in the spring of 1932.[4] It carried trams"},
    {"TwoMarkersLeftOut", kTrams, kTramMarkers, "the last line closed. Later it was widened twice.",
     QuoteStatus::kVerified, "the last line closed.[5][citation needed] Later it was widened twice"},
    {"MarkersWritten", kTrams, kTramMarkers, "the last line closed.[5][citation needed] Later it was widened twice",
     QuoteStatus::kVerified, "the last line closed.[5][citation needed] Later it was widened twice"},
    {"BareSupLeftOut", kTrams, kTramMarkers, "About 40 percent of the funds came", QuoteStatus::kVerified,
     "About 40 percent1 of the funds came"},
    {"WordChangedNextToMarker", kTrams, kTramMarkers, "the last line closed. Later it was widened thrice.",
     QuoteStatus::kNearMatch, "the last line closed.[5][citation needed] Later it was widened twice"},
    {"WordChangedNextToBareSup", kTrams, kTramMarkers, "About 40 percent of the money came from the city",
     QuoteStatus::kNearMatch, "About 40 percent1 of the funds came from the city"},
    {"WithoutSpansTheMarkerIsAWord", kTrams, {}, "About 40 percent of the funds came from the city",
     QuoteStatus::kNearMatch, "About 40 percent1 of the funds came from the city"},
    {"OptionalWordsAreNotAQuote", kTrams, kTramMarkers, "citation needed", QuoteStatus::kVerified,
     "citation needed"},
    {"DifferentNumberNotVerified", kTrams, kTramMarkers, "About 41 percent of the funds came from the city",
     QuoteStatus::kNearMatch, "About 40 percent1 of the funds came from the city"},
};

INSTANTIATE_TEST_SUITE_P(Cases, OptionalTextTest, testing::ValuesIn(kOptionalCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(OptionalWordIndexTest, SplitsWordsAtSpanEdges) {
  std::string text = "40 percent1 of";
  std::vector<bool> optional;
  WordIndex index = IndexWords(text, {{10, 11}}, &optional);
  ASSERT_EQ(index.ids.size(), 4u);
  EXPECT_EQ(optional, (std::vector<bool>{false, false, true, false}));
  EXPECT_EQ(index.offsets[1].begin, 3u);
  EXPECT_EQ(index.offsets[1].end, 10u);
  EXPECT_EQ(index.offsets[2].begin, 10u);
  EXPECT_EQ(index.ids[1], IndexWords("percent").ids[0]);
}

TEST(OptionalWordIndexTest, SpansOutOfRangeAreClamped) {
  std::vector<bool> optional;
  WordIndex index = IndexWords("a b", {{2, 99}, {1, 2}}, &optional);
  EXPECT_EQ(index.ids.size(), 2u);
  EXPECT_EQ(optional, (std::vector<bool>{false, true}));
}

TEST(OptionalTextEvidenceTest, SnippetShowsThePageAsItIs) {
  std::string text = kTrams;
  PreparedPage page(text, "", SpansOf(text, kTramMarkers));
  Verdict verdict = MatchQuote("1932. It carried", page, MatchOptions());
  ASSERT_EQ(verdict.status, QuoteStatus::kVerified);
  EXPECT_NE(verdict.evidence->snippet.find("1932.[4] It carried"), std::string::npos);
}

}  // namespace
}  // namespace citecheck
