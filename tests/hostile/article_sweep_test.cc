// Regression sweep (issue 12): articles a user controls, each large enough
// that a reader quadratic in its input would run far past the test timeout
// (300 s), finish with the expected reading or a clear error. Timings are in
// bench/hostile, not here.
#include <gtest/gtest.h>

#include <string>

#include "article/reader.h"
#include "hostile/repeat.h"

namespace citecheck {
namespace {

using testing::Repeat;

Article Read(const std::string& text, const std::string& name) { return ReadArticle(text, name, {}); }

bool HasError(const Article& a, const std::string& message) {
  for (const Diagnostic& d : a.diagnostics) {
    if (d.severity == Diagnostic::Severity::kError && d.message.find(message) != std::string::npos) return true;
  }
  return false;
}

size_t Errors(const Article& a) {
  size_t n = 0;
  for (const Diagnostic& d : a.diagnostics) n += d.severity == Diagnostic::Severity::kError;
  return n;
}

TEST(ArticleSweepTest, FourMebibytesOfScriptPairs) {
  // 340 KB of these took 5 s before the prescan stopped copying the rest of
  // the input for every <script>; 4 MiB took minutes.
  std::string html = "<html><body><p>The keeper said \"the lamp was lit at dusk\".</p>" +
                     Repeat("<script></script>", (4 << 20) / 17) + Repeat("<style></style>", 10000) +
                     "</body></html>";
  Article a = Read(html, "scripts.html");
  EXPECT_EQ(Errors(a), 0u);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].text, "the lamp was lit at dusk");
}

TEST(ArticleSweepTest, DeeplyNestedMarkdownBlockquote) {
  Article a = Read(Repeat(">", 100000) + " \"the lamp was lit at dusk\" [1]\n\n[1] https://example.com/\n", "deep.md");
  EXPECT_EQ(Errors(a), 0u);
  ASSERT_EQ(a.quotes.size(), 1u);
  ASSERT_EQ(a.citations.size(), 1u);
}

TEST(ArticleSweepTest, HundredThousandMarkersOnOneLine) {
  std::string line = "The keeper said \"the lamp was lit at dusk\"";
  for (int i = 1; i <= 100000; ++i) line += "[" + std::to_string(i) + "]";
  Article a = Read(line + ".\n", "markers.md");
  ASSERT_EQ(a.citations.size(), 100000u);
  ASSERT_EQ(a.quotes.size(), 1u);
  // The first kMaxCitationsPerQuote (100) of them are checked.
  ASSERT_EQ(a.quotes[0].citation_ids.size(), 100u);
  EXPECT_EQ(a.quotes[0].citation_ids.back(), "100");
}

TEST(ArticleSweepTest, SixteenMebibyteOneLineArticle) {
  std::string text = Repeat("lamp ", (8 << 20) / 5) + "\"the lamp was lit at dusk\" [1] " +
                     Repeat("dusk ", (8 << 20) / 5) + "\n\n[1] https://example.com/\n";
  Article a = Read(text, "line.md");
  EXPECT_EQ(Errors(a), 0u);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].line, 1);
  EXPECT_EQ(a.quotes[0].column, static_cast<int>((8 << 20) / 5 * 5) + 1);
  EXPECT_EQ(a.quotes[0].citation_ids, std::vector<std::string>{"1"});
}

TEST(ArticleSweepTest, HundredThousandLinks) {
  std::string text = "# Links\n\n";
  for (int i = 0; i < 100000; ++i) text += "See [page " + std::to_string(i) + "](https://example.com/" + std::to_string(i) + ").\n";
  Article a = Read(text, "links.md");
  EXPECT_EQ(a.citations.size(), 100000u);
}

TEST(ArticleSweepTest, HundredThousandLinksInHtml) {
  std::string html = "<html><body><p>";
  for (int i = 0; i < 100000; ++i) html += "<a href=\"https://example.com/" + std::to_string(i) + "\">p</a> ";
  Article a = Read(html + "</p></body></html>", "links.html");
  EXPECT_EQ(a.citations.size(), 100000u);
}

TEST(ArticleSweepTest, HundredThousandQuotesInOneParagraph) {
  std::string text;
  for (int i = 1; i <= 100000; ++i) {
    text += "He said \"lamp " + std::to_string(i) + " was lit at dusk\" [" + std::to_string(i) + "]. ";
  }
  Article a = Read(text + "\n", "quotes.md");
  ASSERT_EQ(a.quotes.size(), 100000u);
  EXPECT_EQ(a.quotes[99999].citation_ids, std::vector<std::string>{"100000"});
  EXPECT_EQ(a.quotes[0].citation_ids, std::vector<std::string>{"1"});
}

TEST(ArticleSweepTest, ThirtyThousandQuotesAndMarkersInOneSentence) {
  std::string text;
  for (int i = 1; i <= 30000; ++i) {
    text += "he said \"lamp " + std::to_string(i) + " was lit at dusk\" [" + std::to_string(i) + "] and ";
  }
  Article a = Read(text + "so on.\n", "quotes.md");
  ASSERT_EQ(a.quotes.size(), 30000u);
  EXPECT_EQ(a.quotes[29999].citation_ids.size(), 100u);
  EXPECT_EQ(a.quotes[29999].citation_ids.front(), "1");
}

TEST(ArticleSweepTest, OneQuoteRepeatedUnderTwentyThousandCitations) {
  // A repeated quote is checked against every citation of it, up to 100.
  std::string text;
  for (int i = 1; i <= 20000; ++i) text += "He said \"the lamp was lit at dusk\" [" + std::to_string(i) + "].\n\n";
  Article a = Read(text, "repeated.md");
  ASSERT_EQ(a.quotes.size(), 20000u);
  EXPECT_EQ(a.quotes[19999].citation_ids.size(), 100u);
  EXPECT_EQ(a.quotes[19999].citation_ids.back(), "100");
}

TEST(ArticleSweepTest, OneMegabyteQuote) {
  std::string words = Repeat("lamp ", (1 << 20) / 5);
  Article a = Read("He said \"" + words + "dusk\" [1].\n\n[1] https://example.com/\n", "quote.md");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].text.size(), words.size() + 4);
}

TEST(ArticleSweepTest, HundredThousandReferenceEntries) {
  std::string text = "The keeper said \"the lamp was lit at dusk\" [99999].\n\n## References\n\n";
  for (int i = 1; i <= 100000; ++i) text += "[" + std::to_string(i) + "] https://example.com/" + std::to_string(i) + "\n";
  Article a = Read(text, "refs.md");
  ASSERT_EQ(a.citations.size(), 100000u);
  EXPECT_EQ(a.citations[0].id, "99999");
  EXPECT_EQ(a.citations[0].url, "https://example.com/99999");
}

TEST(ArticleSweepTest, DeepHtmlNestingIsRefused) {
  Article a = Read("<html><body>" + Repeat("<div>", 200000) + "x</body></html>", "deep.html");
  EXPECT_TRUE(HasError(a, "too deeply nested"));
}

TEST(ArticleSweepTest, ElementWithTwoHundredThousandAttributesIsRefused) {
  std::string tag = "<div";
  for (int i = 0; i < 200000; ++i) tag += " a" + std::to_string(i) + "=x";
  Article a = Read("<html><body>" + tag + "><p>\"the lamp was lit at dusk\"</p></div></body></html>", "attrs.html");
  EXPECT_TRUE(HasError(a, "too many attributes on one element (more than 1000)"));
}

// Runs of one character each reader once scanned forward (or back) from
// every occurrence of.
struct Run {
  const char* name;
  std::string text;
  const char* source;
};

class CharacterRunTest : public ::testing::TestWithParam<Run> {};

TEST_P(CharacterRunTest, IsReadWithoutError) {
  Article a = Read("# Runs\n\nHe said \"the lamp was lit at dusk\" " + GetParam().text + "\n", GetParam().source);
  EXPECT_EQ(Errors(a), 0u);
  ASSERT_FALSE(a.quotes.empty());
  EXPECT_EQ(a.quotes[0].text, "the lamp was lit at dusk");
}

INSTANTIATE_TEST_SUITE_P(
    Hostile, CharacterRunTest,
    ::testing::Values(
        Run{"open_brackets", Repeat("[", 2 << 20), "a.md"},
        Run{"bracket_pairs_unclosed_links", Repeat("[a](", 1 << 19), "a.md"},
        Run{"open_angles", Repeat("<a", 1 << 20), "a.md"},
        Run{"backtick_runs", Repeat("`` ```` ", 1 << 18), "a.md"},
        Run{"exclamations", Repeat("!", 2 << 20), "a.md"},
        Run{"dotted_word", Repeat("a.", 1 << 20), "a.md"},
        Run{"url_of_parens", "https://example.com/" + Repeat(")", 2 << 20), "a.md"},
        Run{"guillemets", Repeat("\xC2\xAB", 1 << 20), "a.md"},
        Run{"straight_quotes", Repeat(" \"a", 1 << 19), "a.md"},
        Run{"ampersands_html", "<p>" + Repeat("&", 2 << 20) + "</p>", "a.html"},
        Run{"brackets_html", "<p>" + Repeat("[", 2 << 20) + "</p>", "a.html"}),
    [](const ::testing::TestParamInfo<Run>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace citecheck
