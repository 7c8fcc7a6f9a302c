#include "match/quote_pattern.h"

#include <gtest/gtest.h>

#include <string>

namespace citecheck {
namespace {

// Renders a pattern as "part | part", wildcards as "*", gaps as "_".
std::string Render(const QuotePattern& pattern) {
  std::string out;
  for (const QuotePart& part : pattern.parts) {
    if (!out.empty()) out += " | ";
    std::string words;
    for (const Token& token : part.tokens) {
      if (!words.empty()) words += ' ';
      if (token.kind == Token::Kind::kGap) {
        words += '_';
      } else if (token.kind == Token::Kind::kWildcard) {
        words += '*';
      } else {
        words += token.norm;
      }
    }
    out += words;
  }
  return out;
}

struct PatternCase {
  const char* quote;
  const char* rendered;
  size_t words;
};

class ParseQuoteTest : public testing::TestWithParam<PatternCase> {};

TEST_P(ParseQuoteTest, Parts) {
  QuotePattern pattern = ParseQuote(GetParam().quote);
  EXPECT_EQ(Render(pattern), GetParam().rendered) << GetParam().quote;
  EXPECT_EQ(pattern.words, GetParam().words) << GetParam().quote;
}

const PatternCase kCases[] = {
    {"plain words", "plain words", 2},
    {"one ... two", "one | two", 2},
    {"one\u2026two", "one | two", 2},
    {"one [...] two", "one | two", 2},
    {"one [\u2026] two", "one | two", 2},
    {"one . . . two", "one | two", 2},
    {"... leading and trailing ...", "leading and trailing", 3},
    {"end of sentence. Next", "end of sentence next", 4},
    {"[t]he cat", "* cat", 2},
    {"dis[s]ent here", "* here", 2},
    {"word [sic] here", "word here", 2},
    {"word [SIC] here", "word here", 2},
    {"he said [the minister] yes", "he said _ yes", 3},
    {"[The minister] said yes", "said yes", 2},
    {"said yes [today]", "said yes", 2},
    {"unclosed [bracket here", "unclosed bracket here", 3},
    {"", "", 0},
};

INSTANTIATE_TEST_SUITE_P(Cases, ParseQuoteTest, testing::ValuesIn(kCases));

TEST(ParseQuoteDisplayTest, KeepsTheQuoteWording) {
  QuotePattern pattern = ParseQuote("The \u201CRu\u00ADssia\u201D army");
  ASSERT_EQ(pattern.parts.size(), 1u);
  const QuotePart& part = pattern.parts[0];
  ASSERT_EQ(part.tokens.size(), 3u);
  EXPECT_EQ(part.Display(part.tokens[1]), "Ru\u00ADssia");
}

}  // namespace
}  // namespace citecheck
