// The text report: aligned, coloured only on request, safe for a terminal.
#include "report/text_formatter.h"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <vector>

#include "report/sample_run.h"
#include "report/terminal_text.h"

namespace citecheck {
namespace {

using testing::SampleRun;

std::string Render(const RunRecord& run, bool color = false) {
  ReportOptions options;
  options.color = color;
  return MakeFormatter("text", options)->Render(run);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Byte offset of the first occurrence of any of `words` in `line`, as a
// column (the sample text before it is ASCII).
size_t ColumnOfAny(const std::string& line, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    size_t at = line.find(" " + w + " ");
    if (at != std::string::npos) return at + 1;
  }
  return std::string::npos;
}

TEST(TextFormatterTest, CitationColumnsAreAligned) {
  const std::vector<std::string> lines = Lines(Render(SampleRun()));
  std::vector<size_t> status_columns, url_columns;
  for (const std::string& line : lines) {
    if (!std::regex_search(line, std::regex(R"(^    \[\d+\])"))) continue;
    status_columns.push_back(ColumnOfAny(line, {"ok", "broken", "timeout", "excluded", "unresolved"}));
    size_t url = line.find("https://");
    if (url == std::string::npos) url = line.find("(no reference entry)");
    url_columns.push_back(url);
  }
  ASSERT_EQ(status_columns.size(), 6u);
  for (size_t i = 0; i < status_columns.size(); ++i) {
    EXPECT_NE(status_columns[i], std::string::npos);
    EXPECT_EQ(status_columns[i], status_columns[0]) << "row " << i;
    EXPECT_EQ(url_columns[i], url_columns[0]) << "row " << i;
  }
}

TEST(TextFormatterTest, QuoteStatusesAreAlignedAndDetailed) {
  const std::string text = Render(SampleRun());
  const std::vector<std::string> lines = Lines(text);
  std::vector<size_t> text_columns;
  for (const std::string& line : lines) {
    size_t open = line.find("“");
    if (open != std::string::npos && line.find("14:73") != std::string::npos) text_columns.push_back(open);
  }
  ASSERT_EQ(text_columns.size(), 7u);
  for (size_t column : text_columns) EXPECT_EQ(column, text_columns[0]);

  EXPECT_NE(text.find("verified      14:73  “the quick brown fox jumps” [1]"), std::string::npos) << text;
  EXPECT_NE(text.find("score 0.83"), std::string::npos);
  EXPECT_NE(text.find("misquoted → mis-quoted, text → texts"), std::string::npos);
  // The matched words with their context, not the whole snippet.
  EXPECT_NE(text.find("evidence [1]: …see: the quick brown fox jumps over…\n"), std::string::npos) << text;
  EXPECT_NE(text.find("reason: link broken: HTTP 404"), std::string::npos);
  EXPECT_NE(text.find("reason: fewer than 4 words"), std::string::npos);
  EXPECT_NE(text.find("pending       14:73"), std::string::npos);
}

TEST(TextFormatterTest, HeaderDiagnosticsFirstAndSummary) {
  const std::string text = Render(SampleRun());
  EXPECT_EQ(text.rfind("articles/seed.md\n  title: The seed article\n  checked at 2026-11-26T03:00:00Z\n", 0), 0u)
      << text;
  const size_t warning = text.find("warning: articles/seed.md:12:4: reference [9] is never cited");
  ASSERT_NE(warning, std::string::npos);
  EXPECT_LT(warning, text.find("Citations"));
  EXPECT_NE(text.find("Summary: 6 citations, 2 ok, 3 not ok (1 broken, 1 timeout, 1 unresolved), "
                      "1 excluded; 7 quotes: 1 verified, 1 near_match, 1 not_found, 1 unverifiable, "
                      "1 skipped, 1 uncited, 1 pending"),
            std::string::npos)
      << text;
  // The second article has nothing to list, and says so.
  EXPECT_NE(text.find("https://news.example/story\n  checked at"), std::string::npos);
  EXPECT_NE(text.find("Citations\n    none\n"), std::string::npos);
}

TEST(TextFormatterTest, ColorOnlyWhenAsked) {
  EXPECT_EQ(Render(SampleRun(), false).find('\x1b'), std::string::npos);
  const std::string colored = Render(SampleRun(), true);
  EXPECT_NE(colored.find("\x1b[32mok"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[31mbroken"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[33mnear_match"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[31mnot_found"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[2mskipped"), std::string::npos);
}

TEST(TextFormatterTest, UntrustedTextCannotInjectEscapes) {
  RunRecord run = SampleRun();
  ArticleRecord& a = run.articles[0];
  const std::string evil = "\x1b]0;owned\x07\x1b[2J\xc2\x9b" "31m\r\nFAKE LINE\xe2\x80\xae";
  a.title = evil;
  a.source = evil;
  a.citations[0].citation.url = evil;
  a.citations[0].citation.id = evil;
  a.citations[1].error = evil;
  a.citations[1].final_url = evil;
  a.quotes[0].quote.text = evil;
  a.quotes[0].verdict.evidence->snippet = evil;
  a.quotes[1].verdict.evidence->differences[0] = {evil, evil};
  a.quotes[3].verdict.reason = evil;
  a.diagnostics[0].message = evil;
  a.diagnostics[0].file = evil;

  const std::string plain = Render(run, false);
  EXPECT_EQ(plain.find('\x1b'), std::string::npos);
  EXPECT_EQ(plain.find('\x07'), std::string::npos);
  EXPECT_EQ(plain.find('\r'), std::string::npos);
  EXPECT_EQ(plain.find("\xc2\x9b"), std::string::npos);
  EXPECT_EQ(plain.find("\xe2\x80\xae"), std::string::npos);
  EXPECT_EQ(plain.find("\nFAKE LINE"), std::string::npos);

  // With colour on, the only escapes are our own SGR codes.
  std::string colored = Render(run, true);
  colored = std::regex_replace(colored, std::regex("\x1b\\[(0|1|2|31|32|33)m"), "");
  EXPECT_EQ(colored.find('\x1b'), std::string::npos);
}

TEST(TextFormatterTest, LongQuotesAndSnippetsAreShortenedInTheMiddle) {
  RunRecord run = SampleRun();
  std::string long_quote = "Beginning words";
  for (int i = 0; i < 40; ++i) long_quote += " filler";
  long_quote += " closing words";
  run.articles[0].quotes[2].quote.text = long_quote;
  run.articles[0].quotes[0].verdict.evidence->snippet = std::string(300, 's') + "END";
  const std::string text = Render(run);
  std::smatch m;
  const std::string pattern = "“(Beginning words[^”]*…[^”]*closing words)”";
  ASSERT_TRUE(std::regex_search(text, m, std::regex(pattern))) << text;
  EXPECT_EQ(DisplayWidth(m[1].str()), TextFormatter::kMaxQuoteWidth);
  EXPECT_EQ(text.find(long_quote), std::string::npos);
  ASSERT_TRUE(std::regex_search(text, m, std::regex("“(s+…s+END)”")));
  EXPECT_EQ(DisplayWidth(m[1].str()), TextFormatter::kMaxSnippetWidth);
}

TEST(TextFormatterTest, EmptyRun) { EXPECT_EQ(Render(RunRecord{}), "No articles in this run.\n"); }

}  // namespace
}  // namespace citecheck

namespace citecheck {
namespace {

TEST(TextFormatterTest, EvidenceKeepsTheMatchedWordsOfALongSnippet) {
  RunRecord run = SampleRun();
  Evidence& e = *run.articles[0].quotes[0].verdict.evidence;
  e.matched = "the quick brown fox jumps";
  e.snippet = std::string(80, 'a') + " " + e.matched + " " + std::string(80, 'b');
  const std::string text = Render(run);
  const std::string expected = "evidence [1]: …" + std::string(29, 'a') + " the quick brown fox jumps " +
                               std::string(29, 'b') + "…\n";
  EXPECT_NE(text.find(expected), std::string::npos) << text;
}

}  // namespace
}  // namespace citecheck
