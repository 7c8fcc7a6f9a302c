// Quotation delimiters, nesting, flanking, code and URLs, word counts.
#include <gtest/gtest.h>

#include "article/reader.h"
#include "article/test_util.h"

namespace citecheck {
namespace {

using testing_article::Read;
using testing_article::Texts;

struct QuoteCase {
  const char* name;
  const char* text;
  std::vector<std::string> quotes;  // texts of the reported quotes, in order
};

class QuoteTextTest : public ::testing::TestWithParam<QuoteCase> {};

TEST_P(QuoteTextTest, ReportsOutermostQuotes) {
  Article a = Read(std::string(GetParam().text) + " [1]\n");
  EXPECT_EQ(Texts(a), GetParam().quotes) << GetParam().text;
}

const QuoteCase kQuoteCases[] = {
    {"straight", "He said \"one two three four\".", {"one two three four"}},
    {"curly", "He said \u201Cone two three four\u201D.", {"one two three four"}},
    {"german_low_high", "Er sagte \u201Eeins zwei drei vier\u201C.", {"eins zwei drei vier"}},
    {"german_low_right", "Er sagte \u201Eeins zwei drei vier\u201D.", {"eins zwei drei vier"}},
    {"guillemets", "Il a dit \u00ABun deux trois quatre\u00BB.", {"un deux trois quatre"}},
    {"french_spaced", "Il a dit \u00AB un deux trois quatre \u00BB.", {"un deux trois quatre"}},
    {"reversed_guillemets", "Er sagte \u00BBeins zwei drei vier\u00AB.", {"eins zwei drei vier"}},
    {"single_curly", "He said \u2018one two three four\u2019.", {"one two three four"}},
    {"apostrophes_only", "Russia\u2019s planet\u2019s generations\u2019 access it\u2019s.", {}},
    {"straight_apostrophe", "Russia's and the '90s are not quotes.", {}},
    {"nested_same", "He said \"a \"b c\" d e\" ok.", {"a \"b c\" d e"}},
    {"nested_mixed", "He said \u201Ca \u2018b c\u2019 d e\u201D ok.", {"a \u2018b c\u2019 d e"}},
    {"apostrophe_inside_single", "She said \u2018Russia\u2019s own words here\u2019 ok.",
     {"Russia\u2019s own words here"}},
    {"two_quotes", "\"one two three four\" and \"five six seven eight\".",
     {"one two three four", "five six seven eight"}},
    {"after_paren", "(\"one two three four\")", {"one two three four"}},
    {"after_nbsp", "said\u00A0\"one two three four\".", {"one two three four"}},
    {"not_opening_midword", "a\"b c d e\"f", {}},
    {"space_after_mark", "a \" b c d e \" f", {}},
    {"inch_mark", "a 12\" pipe and more words", {}},
    {"code_span", "Run `say \"one two three four\"` now.", {}},
    {"quote_around_code", "\"use `x \"y\"` in code\" ok.", {"use x \"y\" in code"}},
    {"url", "See https://example.com/?q=\"a+b+c+d\" now.", {}},
    {"link_url", "See [the page](https://example.com/\"x\") now.", {}},
    {"html_attribute", "A <span title=\"one two three four\">word</span> here.", {}},
    {"escaped", "He said \\\"one two three four\\\".", {}},
};

INSTANTIATE_TEST_SUITE_P(Delimiters, QuoteTextTest, ::testing::ValuesIn(kQuoteCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(QuoteTest, UnclosedQuoteIsSkippedAtParagraphEnd) {
  Article a = Read("He said \"one two three four and never closed [1].\n\nNext paragraph here.\n");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_TRUE(a.quotes[0].skipped);
  EXPECT_EQ(a.quotes[0].skip_reason, "no closing quotation mark");
  EXPECT_EQ(a.quotes[0].text, "one two three four and never closed .");
}

TEST(QuoteTest, UnpairedOpeningSingleCurlyIsIgnored) {
  Article a = Read("The \u201890s were \"one two three four\" years [1].\n");
  EXPECT_EQ(Texts(a), std::vector<std::string>{"one two three four"});
}

TEST(QuoteTest, MinQuoteWordsBoundary) {
  const std::string text = "He said \"one two three\" and \"one two three four\" [1].\n";
  Article a = Read(text);
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_TRUE(a.quotes[0].skipped);
  EXPECT_EQ(a.quotes[0].skip_reason, "fewer than 4 words");
  EXPECT_FALSE(a.quotes[1].skipped);
  Article five = Read(text, "a.md", 5);
  EXPECT_TRUE(five.quotes[1].skipped);
  EXPECT_EQ(five.quotes[1].skip_reason, "fewer than 5 words");
  Article three = Read(text, "a.md", 3);
  EXPECT_FALSE(three.quotes[0].skipped);
}

TEST(QuoteTest, WordsKeepInnerApostrophesAndHyphens) {
  Article a = Read("He said \"Russia's well-known state\u2019s\" and \"a b, c-d e\" [1].\n");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_TRUE(a.quotes[0].skipped);   // three words
  EXPECT_FALSE(a.quotes[1].skipped);  // a b c-d e: four words
}

TEST(QuoteTest, MultiLineQuoteIsJoinedWithSpaces) {
  Article a = Read("Intro.\n\nHe said \"one two\n  three four\" [1].\n\nMore.\n");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].text, "one two three four");
  EXPECT_EQ(a.quotes[0].line, 3);
  EXPECT_EQ(a.quotes[0].column, 9);
}

TEST(QuoteTest, ColumnsCountCodePointsAndTabs) {
  Article a = Read("\u00C9t\u00E9\t\u201Cone two three four\u201D [1]\n");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].line, 1);
  EXPECT_EQ(a.quotes[0].column, 5);  // \u00C9 t \u00E9 tab
}

TEST(QuoteTest, FencedAndIndentedCodeBlocksAreIgnored) {
  Article a = Read(
      "Text [1].\n\n```\nx = \"one two three four\"\n```\n\n    y = \"five six seven eight\"\n\n"
      "After \"nine ten eleven twelve\".\n");
  EXPECT_EQ(Texts(a), std::vector<std::string>{"nine ten eleven twelve"});
}

TEST(QuoteTest, MarkdownBlockquoteIsOneQuote) {
  Article a = Read("Smith wrote [2]:\n\n> one two \"three\"\n> four five six.\n\nAfter.\n");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].text, "one two \"three\" four five six.");
  EXPECT_EQ(a.quotes[0].line, 3);
  EXPECT_EQ(a.quotes[0].column, 1);
  EXPECT_FALSE(a.quotes[0].skipped);
}

TEST(QuoteTest, BlockquoteWithItsOwnMarker) {
  Article a = Read("Intro [1].\n\n> one two three four five [2]\n\nAfter.\n");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].text, "one two three four five");
  EXPECT_EQ(a.quotes[0].citation_ids, std::vector<std::string>{"2"});
}

TEST(QuoteTest, QuotesInHeadingsAreSkippedAsTheArticlesOwnEmphasis) {
  Article a = Read("# The \"one two three four\" affair\n\nBody [1].\n\n## A \u201cfive six seven eight\u201d\n");
  ASSERT_EQ(a.quotes.size(), 2u);
  for (const Quote& q : a.quotes) {
    EXPECT_TRUE(q.skipped) << q.text;
    EXPECT_EQ(q.skip_reason, "in a heading");
  }
  EXPECT_EQ(a.quotes[0].text, "one two three four");
  EXPECT_EQ(a.quotes[0].line, 1);
  EXPECT_EQ(a.quotes[1].line, 5);
}

}  // namespace
}  // namespace citecheck

namespace citecheck {
namespace {

TEST(QuoteTest, RepeatedQuoteIsCheckedAgainstEveryCitationOfIt) {
  Article a = Read(
      "First, she said \"we will build the bridge next year\" [1].\n\n"
      "Later the paper repeated that \"we will  build the bridge next year\" [2].\n\n"
      "Another \"quite different words are here\" [2].\n\n"
      "[1] https://one.example/a\n[2] https://two.example/b\n");
  ASSERT_EQ(a.quotes.size(), 3u);
  const std::vector<std::string> both = {"1", "2"};
  EXPECT_EQ(a.quotes[0].citation_ids, both);
  EXPECT_EQ(a.quotes[1].citation_ids, both);
  EXPECT_EQ(a.quotes[2].citation_ids, std::vector<std::string>{"2"});
}

}  // namespace
}  // namespace citecheck
