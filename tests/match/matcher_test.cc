#include "match/matcher.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "core/utf8.h"

namespace citecheck {
namespace {

const char kPage[] =
    "Annual report\n"
    "The minister said on Tuesday that the government would not raise taxes this year, "
    "despite a deficit of 20% in the first quarter.\n"
    "Officials expect growth of 1,5 percent and temperatures of \u22125 degrees in "
    "January. \u201CWe are not going to abandon our plan,\u201D Maria Schmidt told reporters "
    "in Berlin.\nThe state-of-the-art facility opened in 2019.";

struct VerdictCase {
  const char* name;
  const char* quote;
  QuoteStatus status;
};

class MatchVerdictTest : public testing::TestWithParam<VerdictCase> {};

TEST_P(MatchVerdictTest, Verdict) {
  PreparedPage page(kPage);
  Verdict verdict = MatchQuote(GetParam().quote, page, MatchOptions());
  EXPECT_EQ(verdict.status, GetParam().status)
      << GetParam().quote << " -> " << ToString(verdict.status);
  if (verdict.status == QuoteStatus::kVerified) {
    EXPECT_DOUBLE_EQ(verdict.score, 1.0);
    ASSERT_TRUE(verdict.evidence.has_value());
    EXPECT_TRUE(verdict.evidence->differences.empty());
  }
}

constexpr QuoteStatus kVerified = QuoteStatus::kVerified;
constexpr QuoteStatus kNear = QuoteStatus::kNearMatch;
constexpr QuoteStatus kNotFound = QuoteStatus::kNotFound;

const VerdictCase kVerdictCases[] = {
    {"Exact", "the government would not raise taxes this year", kVerified},
    {"UpperCase", "THE GOVERNMENT WOULD NOT RAISE TAXES THIS YEAR", kVerified},
    {"StraightQuotes", "\"We are not going to abandon our plan,\" Maria Schmidt told", kVerified},
    {"NoPunctuation", "We are not going to abandon our plan Maria Schmidt told reporters", kVerified},
    {"Nbsp", "would\u00A0not raise\u00A0taxes this year", kVerified},
    {"SoftHyphenInQuote", "the govern\u00ADment would not raise taxes", kVerified},
    {"ZeroWidthInQuote", "the govern\u200Bment would not raise taxes", kVerified},
    {"ExtraSpaces", "  the   government would\tnot raise taxes ", kVerified},
    {"AcrossLineBreak", "in the first quarter. Officials expect growth", kVerified},
    {"HyphenVariant", "the state\u2013of\u2013the\u2013art facility opened", kVerified},
    {"HyphenAsSpaces", "the state of the art facility opened", kVerified},
    {"MinusAsHyphen", "temperatures of -5 degrees in January", kVerified},
    {"DecimalCommaSame", "expect growth of 1,5 percent", kVerified},
    {"EllipsisInOrder", "The minister said ... would not raise taxes \u2026 despite a deficit",
     kVerified},
    {"BracketedEllipsis", "The minister said [...] despite a deficit of 20%", kVerified},
    {"SpacedEllipsis", "The minister said . . . despite a deficit of 20%", kVerified},
    {"EllipsisOutOfOrder", "despite a deficit of 20% ... The minister said on Tuesday",
     kNotFound},
    {"BracketedLetter", "[t]he government would not raise taxes this year", kVerified},
    {"BracketedCapital", "the minister said on Tuesday that [T]he government would not", kVerified},
    {"Sic", "the government would [sic] not raise taxes this year", kVerified},
    {"Insertion", "[The minister] said on Tuesday that the government would not raise taxes",
     kVerified},
    {"InsertionInside", "The minister said [on Tuesday] that the government would not raise",
     kVerified},
    {"InsertionForSeveralWords", "the government [of Germany] would not raise taxes this year",
     kVerified},
    {"OneWordChanged", "the government would not raise prices this year", kNear},
    {"NumberChanged", "despite a deficit of 25% in the first quarter", kNear},
    {"NegationAdded", "We are going to abandon our plan, Maria Schmidt told reporters", kNear},
    {"NegationRemovedFromPage", "the government would definitely not raise taxes this year", kNear},
    {"NameChanged", "our plan, Maria Mueller told reporters in Berlin", kNear},
    {"DecimalPointDiffers", "Officials expect growth of 1.5 percent and temperatures", kNear},
    {"MinusDropped", "and temperatures of 5 degrees in January", kNear},
    {"Fabricated", "Aliens have landed on the roof of the parliament building today", kNotFound},
    {"Empty", "", kNotFound},
    {"OnlyPunctuation", "... !!! ,,,", kNotFound},
    {"ShortExact", "Maria Schmidt", kVerified},
};

INSTANTIATE_TEST_SUITE_P(Cases, MatchVerdictTest, testing::ValuesIn(kVerdictCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(MatchQuoteTest, EllipsisPartsTooFarApartAreNotVerified) {
  std::string text = "alpha beta gamma.";
  for (int i = 0; i < 100; ++i) text += " filler";
  text += " delta epsilon zeta.";
  PreparedPage page(text);
  Verdict far = MatchQuote("alpha beta gamma ... delta epsilon zeta", page, MatchOptions());
  EXPECT_NE(far.status, QuoteStatus::kVerified);
  PreparedPage close("alpha beta gamma. filler filler filler delta epsilon zeta.");
  Verdict near = MatchQuote("alpha beta gamma ... delta epsilon zeta", close, MatchOptions());
  EXPECT_EQ(near.status, QuoteStatus::kVerified);
}

TEST(MatchQuoteTest, InsertionCoversAtMostSixWords) {
  PreparedPage page("he said one two three four five six seven that it was over");
  EXPECT_NE(MatchQuote("he said [something] that it was over", page, MatchOptions()).status,
            QuoteStatus::kVerified);
  PreparedPage six("he said one two three four five six that it was over");
  EXPECT_EQ(MatchQuote("he said [something] that it was over", six, MatchOptions()).status,
            QuoteStatus::kVerified);
}

TEST(MatchQuoteTest, NearMatchReportsDifferingWords) {
  PreparedPage page(kPage);
  Verdict verdict =
      MatchQuote("the government would not raise prices this year", page, MatchOptions());
  ASSERT_EQ(verdict.status, QuoteStatus::kNearMatch);
  ASSERT_TRUE(verdict.evidence.has_value());
  EXPECT_NEAR(verdict.score, 1.0 - 1.0 / 8.0, 1e-9);
  ASSERT_EQ(verdict.evidence->differences.size(), 1u);
  EXPECT_EQ(verdict.evidence->differences[0].first, "prices");
  EXPECT_EQ(verdict.evidence->differences[0].second, "taxes");
  EXPECT_EQ(verdict.evidence->matched, "the government would not raise taxes this year");
}

TEST(MatchQuoteTest, NearMatchNumberAndNegationDifferences) {
  PreparedPage page(kPage);
  Verdict number = MatchQuote("despite a deficit of 25% in the first quarter", page, MatchOptions());
  ASSERT_TRUE(number.evidence.has_value());
  ASSERT_EQ(number.evidence->differences.size(), 1u);
  EXPECT_EQ(number.evidence->differences[0], std::make_pair(std::string("25%"), std::string("20%")));

  Verdict negation = MatchQuote("We are going to abandon our plan, Maria Schmidt told reporters",
                                page, MatchOptions());
  ASSERT_TRUE(negation.evidence.has_value());
  ASSERT_EQ(negation.evidence->differences.size(), 1u);
  EXPECT_EQ(negation.evidence->differences[0], std::make_pair(std::string(), std::string("not")));

  Verdict added = MatchQuote("the government would definitely not raise taxes this year", page,
                             MatchOptions());
  ASSERT_TRUE(added.evidence.has_value());
  ASSERT_EQ(added.evidence->differences.size(), 1u);
  EXPECT_EQ(added.evidence->differences[0],
            std::make_pair(std::string("definitely"), std::string()));
}

TEST(MatchQuoteTest, ThresholdLimitsTheDistance) {
  PreparedPage page(kPage);
  const char* quote = "the parliament would not lower taxes next year";  // 3 of 8 changed
  EXPECT_EQ(MatchQuote(quote, page, MatchOptions()).status, QuoteStatus::kNotFound);
  MatchOptions loose;
  loose.near_threshold = 0.4;
  EXPECT_EQ(MatchQuote(quote, page, loose).status, QuoteStatus::kNearMatch);
}

TEST(MatchQuoteTest, EvidenceOffsetInCodePoints) {
  std::string text =
      "\u041F\u0440\u0435\u0434\u0438\u0441\u043B\u043E\u0432\u0438\u0435 \u2014 \u00AB\u00E9\u00E9\u00BB "
      "\U0001F600\n\u201CThe quick brown fox jumps over the lazy dog,\u201D she wrote.";
  PreparedPage page(text);
  Verdict verdict = MatchQuote("the quick brown fox jumps over", page, MatchOptions());
  ASSERT_EQ(verdict.status, QuoteStatus::kVerified);
  const Evidence& evidence = *verdict.evidence;
  EXPECT_EQ(evidence.matched, "The quick brown fox jumps over");
  EXPECT_EQ(evidence.length, 30);
  size_t begin = ByteOffsetOfCodePoint(text, static_cast<size_t>(evidence.offset));
  size_t end = ByteOffsetOfCodePoint(text, static_cast<size_t>(evidence.offset + evidence.length));
  EXPECT_EQ(text.substr(begin, end - begin), evidence.matched);
  EXPECT_EQ(evidence.offset, 22);
  EXPECT_EQ(evidence.snippet, text);  // the page is shorter than the context
  EXPECT_TRUE(evidence.citation_id.empty());
}

TEST(MatchQuoteTest, SnippetHasEightyCodePointsOfContext) {
  std::string before(200, 'a');
  std::string text = before + " \u00E9\u00E9 target words here \u00E9\u00E9 " + std::string(200, 'b');
  PreparedPage page(text);
  Verdict verdict = MatchQuote("target words here", page, MatchOptions());
  ASSERT_EQ(verdict.status, QuoteStatus::kVerified);
  EXPECT_EQ(CountCodePoints(verdict.evidence->snippet), 80u + 17u + 80u);
  EXPECT_EQ(verdict.evidence->offset, 204);
}

TEST(MatchQuoteTest, EnglishQuoteAgainstRussianPageIsUnverifiable) {
  PreparedPage page(
      "\u041C\u0438\u043D\u0438\u0441\u0442\u0440 \u0437\u0430\u044F\u0432\u0438\u043B, "
      "\u0447\u0442\u043E \u043F\u0440\u0430\u0432\u0438\u0442\u0435\u043B\u044C\u0441\u0442\u0432\u043E "
      "\u043D\u0435 \u0431\u0443\u0434\u0435\u0442 \u043F\u043E\u0432\u044B\u0448\u0430\u0442\u044C "
      "\u043D\u0430\u043B\u043E\u0433\u0438 \u0432 \u044D\u0442\u043E\u043C \u0433\u043E\u0434\u0443.");
  EXPECT_EQ(page.detected_language(), "ru");
  Verdict verdict =
      MatchQuote("The minister said that the government will not raise taxes this year", page,
                 MatchOptions());
  EXPECT_EQ(verdict.status, QuoteStatus::kUnverifiable);
  EXPECT_EQ(verdict.reason, "source is in ru; the quote may be a translation");
}

TEST(MatchQuoteTest, SameLanguageFabricationIsNotFound) {
  PreparedPage page(kPage);
  Verdict verdict = MatchQuote("the prime minister was not aware of the plan and the budget", page,
                               MatchOptions());
  EXPECT_EQ(verdict.status, QuoteStatus::kNotFound);
  EXPECT_TRUE(verdict.reason.empty());
}

TEST(MatchQuoteTest, NonEnglishQuotes) {
  PreparedPage page(
      "\u00AB\u041C\u044B \u043D\u0435 \u0431\u0443\u0434\u0435\u043C \u043F\u043E\u0432\u044B\u0448\u0430\u0442\u044C "
      "\u043D\u0430\u043B\u043E\u0433\u0438\u00BB, \u2014 \u0441\u043A\u0430\u0437\u0430\u043B "
      "\u043C\u0438\u043D\u0438\u0441\u0442\u0440. Die Stra\u00DFe ist gesperrt. "
      "\u039F \u03B4\u03C1\u03CC\u03BC\u03BF\u03C2 \u03B5\u03AF\u03BD\u03B1\u03B9 \u03BA\u03BB\u03B5\u03B9\u03C3\u03C4\u03CC\u03C2.");
  MatchOptions options;
  EXPECT_EQ(MatchQuote("\u041C\u042B \u041D\u0415 \u0411\u0423\u0414\u0415\u041C \u041F\u041E\u0412\u042B\u0428\u0410\u0422\u042C "
                       "\u041D\u0410\u041B\u041E\u0413\u0418",
                       page, options).status,
            QuoteStatus::kVerified);
  EXPECT_EQ(MatchQuote("die STRASSE ist gesperrt", page, options).status, QuoteStatus::kVerified);
  EXPECT_EQ(MatchQuote("\u039F \u0394\u03A1\u038C\u039C\u039F\u03A3 \u0395\u038A\u039D\u0391\u0399", page,
                       options).status,
            QuoteStatus::kVerified);
  EXPECT_EQ(MatchQuote("\u041C\u044B \u0431\u0443\u0434\u0435\u043C \u043F\u043E\u0432\u044B\u0448\u0430\u0442\u044C "
                       "\u043D\u0430\u043B\u043E\u0433\u0438, \u0441\u043A\u0430\u0437\u0430\u043B",
                       page, options).status,
            QuoteStatus::kNearMatch);
}

TEST(MatchQuoteTest, EmptyAndInvalidInput) {
  PreparedPage empty("");
  EXPECT_EQ(MatchQuote("some words here", empty, MatchOptions()).status, QuoteStatus::kNotFound);
  PreparedPage bad("bad \xFF\xFE bytes \xC3 and more words \xE2\x82");
  // The stray byte reads as U+FFFD, a symbol, which separates words.
  EXPECT_EQ(MatchQuote("bytes and more words", bad, MatchOptions()).status,
            QuoteStatus::kVerified);
  EXPECT_EQ(MatchQuote("and more words", bad, MatchOptions()).status, QuoteStatus::kVerified);
  EXPECT_EQ(MatchQuote("\xFF\xFF", bad, MatchOptions()).status, QuoteStatus::kNotFound);
}

TEST(MatchQuoteTest, HugePageIsBounded) {
  std::string text;
  const char* words[] = {"alpha", "beta", "gamma", "delta", "epsilon", "the", "of", "and"};
  for (size_t i = 0; text.size() < 1000000; ++i) {
    text += words[(i * 7 + i / 3) % 8];
    text += (i % 17 == 16) ? ".\n" : " ";
  }
  text += "needle in the haystack at the very end";
  auto start = std::chrono::steady_clock::now();
  PreparedPage page(text);
  MatchOptions options;
  EXPECT_EQ(MatchQuote("needle in the haystack at the very end", page, options).status,
            QuoteStatus::kVerified);
  EXPECT_EQ(MatchQuote("needle in the haystack at the very start", page, options).status,
            QuoteStatus::kNearMatch);
  EXPECT_EQ(MatchQuote("zebra alpha beta ... omega", page, options).status, QuoteStatus::kNotFound);
  std::string long_quote;
  for (int i = 0; i < 200; ++i) long_quote += std::string(words[i % 5]) + " ";
  MatchQuote(long_quote, page, options);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(30));
}

TEST(MatchQuoteTest, SharedAcrossThreads) {
  PreparedPage page(kPage);
  std::vector<std::thread> threads;
  std::vector<QuoteStatus> results(8);
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      const char* quote = t % 2 ? "the government would not raise taxes this year"
                                : "the government would not raise prices this year";
      for (int i = 0; i < 50; ++i) results[t] = MatchQuote(quote, page, MatchOptions()).status;
    });
  }
  for (auto& thread : threads) thread.join();
  for (size_t t = 0; t < results.size(); ++t) {
    EXPECT_EQ(results[t], t % 2 ? QuoteStatus::kVerified : QuoteStatus::kNearMatch);
  }
}

}  // namespace
}  // namespace citecheck

namespace citecheck {
namespace {

TEST(MatcherLanguageTest, ShortQuoteInAnotherScriptIsAPossibleTranslation) {
  PreparedPage page(
      "Директор службы заявил, что после распада Советского Союза главный противник снова "
      "возглавил кампанию против России.");
  Verdict v = MatchQuote("the main enemy again led the campaign against Russia", page, {});
  EXPECT_EQ(v.status, QuoteStatus::kUnverifiable);
  EXPECT_EQ(v.reason, "source is in ru; the quote may be a translation");
}

}  // namespace
}  // namespace citecheck
