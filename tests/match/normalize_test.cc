#include "match/normalize.h"

#include <gtest/gtest.h>

#include <string>

namespace citecheck {
namespace {

struct SameCase {
  const char* name;
  const char* a;
  const char* b;
};

class NormalizeSameTest : public testing::TestWithParam<SameCase> {};

TEST_P(NormalizeSameTest, BothSidesNormalizeAlike) {
  EXPECT_EQ(NormalizeForMatch(GetParam().a), NormalizeForMatch(GetParam().b));
  EXPECT_FALSE(NormalizeForMatch(GetParam().a).empty());
}

const SameCase kSameCases[] = {
    {"CurlyDoubleQuotes", "\u201Cword\u201D here", "\"word\" here"},
    {"GuillemetsAndLowQuotes", "\u00ABWort\u00BB \u201Ehier\u201C", "\"Wort\" \"hier\""},
    {"CurlyApostrophe", "Russia\u2019s army", "Russia's army"},
    {"ModifierApostrophe", "Russia\u02BCs army", "Russia`s army"},
    {"PrimeApostrophe", "Russia\u2032s army", "Russia's army"},
    {"AcuteApostrophe", "Russia\u00B4s army", "Russia's army"},
    {"SpacedApostrophe", "Boeing 's jets", "Boeing\u2019s jets"},
    {"AsciiCase", "The Quick FOX", "the quick fox"},
    {"CyrillicCase", "\u041F\u0440\u0438\u0432\u0435\u0442", "\u041F\u0420\u0418\u0412\u0415\u0422"},
    {"GreekFinalSigma", "\u039F\u0394\u039F\u03A3", "\u03BF\u03B4\u03BF\u03C2"},
    {"GermanSharpS", "Stra\u00DFe", "STRASSE"},
    {"ExtraWhitespace", "  many   spaces\t\nhere ", "many spaces here"},
    {"Nbsp", "non\u00A0breaking space", "non breaking space"},
    {"NarrowNbsp", "ten\u202Fthousand", "ten thousand"},
    {"SoftHyphen", "Wiki\u00ADpedia article", "Wikipedia article"},
    {"ZeroWidthSpace", "zero\u200Bwidth", "zerowidth"},
    {"ZeroWidthJoinerAndBom", "\uFEFFjo\u200Din\u2060ed", "joined"},
    {"EnDash", "1990\u20131995 war", "1990-1995 war"},
    {"EmDash", "yes\u2014no", "yes - no"},
    {"HyphenSplitsWords", "state-of-the-art", "state of the art"},
    {"LigatureFi", "\uFB01nal o\uFB03ce", "final office"},
    {"AccentComposedVsCombining", "caf\u00E9 na\u00EFve", "cafe\u0301 nai\u0308ve"},
    {"CombiningMarkOrder", "a\u0301\u0323", "a\u0323\u0301"},
    {"FullwidthLetters", "\uFF21\uFF22\uFF23 123", "abc \uFF11\uFF12\uFF13"},
    {"PunctuationSeparates", "Hello, world! (yes)", "hello world yes"},
    {"MinusSignIsHyphen", "\u22125 degrees", "-5 degrees"},
    {"EnDashMinus", "\u20135 degrees", "-5 degrees"},
    {"FullwidthPercent", "20\uFF05", "20%"},
};

INSTANTIATE_TEST_SUITE_P(Cases, NormalizeSameTest, testing::ValuesIn(kSameCases),
                         [](const auto& info) { return std::string(info.param.name); });

class NormalizeDifferentTest : public testing::TestWithParam<SameCase> {};

TEST_P(NormalizeDifferentTest, StayDifferent) {
  EXPECT_NE(NormalizeForMatch(GetParam().a), NormalizeForMatch(GetParam().b));
}

const SameCase kDifferentCases[] = {
    {"DecimalComma", "1,5 million", "1.5 million"},
    {"NegativeNumber", "\u22125", "5"},
    {"PlusSign", "+5", "5"},
    {"Percent", "20%", "20"},
    {"Thousands", "1,000", "1000"},
    {"AccentMatters", "r\u00E9sum\u00E9", "resume"},
    {"ChangedNumber", "20%", "25%"},
    {"ContractionIsNotAWord", "it's", "its"},
    {"ContractionWeLlIsNotWell", "we'll", "well"},
};

INSTANTIATE_TEST_SUITE_P(Cases, NormalizeDifferentTest, testing::ValuesIn(kDifferentCases),
                         [](const auto& info) { return std::string(info.param.name); });

struct TokenCase {
  const char* text;
  const char* normalized;
};

class TokenizeTest : public testing::TestWithParam<TokenCase> {};

TEST_P(TokenizeTest, Words) {
  EXPECT_EQ(NormalizeForMatch(GetParam().text), GetParam().normalized);
}

const TokenCase kTokenCases[] = {
    {"", ""},
    {"   ", ""},
    {"Russia's", "russia s"},
    {"don\u2019t", "don t"},
    {"'quoted'", "quoted"},
    {"rock 'n' roll", "rock n roll"},
    {"1,000 people", "1,000 people"},
    {"1.5%, then", "1.5% then"},
    {"prices rose 20%.", "prices rose 20%"},
    {"(-5) and +3", "-5 and +3"},
    {"pages 10-20", "pages 10 20"},
    {"covid-19", "covid 19"},
    {"end. 5", "end 5"},
    {"x\xFFy", "x y"},
};

INSTANTIATE_TEST_SUITE_P(Cases, TokenizeTest, testing::ValuesIn(kTokenCases));

TEST(TokenizeOffsetsTest, PointIntoTheOriginalText) {
  std::string text = "\u00AB\u041F\u0440\u0438\u0432\u0435\u0442\u00BB, \uFB01ne \u221210%";
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin),
            "\u041F\u0440\u0438\u0432\u0435\u0442");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "\uFB01ne");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "\u221210%");
  EXPECT_EQ(tokens[2].norm, "-10%");
}

TEST(TokenizeOffsetsTest, EqualWordsHaveEqualIds) {
  std::vector<Token> tokens = Tokenize("Word WORD w\u00F6rd");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].id, tokens[1].id);
  EXPECT_NE(tokens[0].id, tokens[2].id);
}

}  // namespace
}  // namespace citecheck
