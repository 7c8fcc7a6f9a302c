// HTML articles and the diagnostics of unreadable input.
#include <gtest/gtest.h>

#include "article/reader.h"
#include "article/test_util.h"

namespace citecheck {
namespace {

using testing_article::CitationIds;
using testing_article::HasDiagnostic;
using testing_article::Read;
using testing_article::Texts;

using Ids = std::vector<std::string>;

const char kHtml[] =
    "<!DOCTYPE html>\n<html><head><title>Page title</title></head>\n<body>\n"
    "<nav><a href=\"https://nav.example/\">Home</a> \"nav one two three\"</nav>\n"
    "<article>\n<h1>Main &amp; title</h1>\n"
    "<p>He said \"one two three four\"<sup>[1]</sup>. Then <q>five six seven eight</q>"
    "<a href=\"#ref-2\">2</a>.</p>\n"
    "<blockquote cite=\"https://cite.example/src\"><p>nine ten</p><p>eleven \"twelve\"</p>"
    "</blockquote>\n"
    "<p>A <a href=\"https://inline.example/x\">link</a> with \u201Cthirteen fourteen fifteen "
    "sixteen\u201D. <a href=\"/rel\">rel</a> <a href=\"mailto:a@b.c\">m</a></p>\n"
    "<h2>References</h2>\n<ol>\n<li id=\"ref-1\">Smith <a href=\"https://one.example/\">one</a>"
    " \"not a quote either\"</li>\n<li><a href=\"#cite-2\">^</a> <a href=\"https://two.example/\">two</a></li>\n</ol>\n"
    "</article>\n<footer><a href=\"https://footer.example/\">f</a></footer>\n</body></html>\n";

TEST(HtmlTest, ReadsArticleElement) {
  Article a = Read(kHtml, "page.html");
  ASSERT_TRUE(a.title.has_value());
  EXPECT_EQ(*a.title, "Main & title");
  EXPECT_EQ(CitationIds(a), (Ids{"1", "2", "link-1", "link-2"}));
  EXPECT_EQ(a.citations[0].url, "https://one.example/");
  EXPECT_EQ(a.citations[1].url, "https://two.example/");
  EXPECT_EQ(a.citations[2].url, "https://cite.example/src");
  EXPECT_EQ(a.citations[3].url, "https://inline.example/x");
  EXPECT_EQ(Texts(a), (Ids{"one two three four", "five six seven eight", "nine ten eleven \"twelve\"",
                           "thirteen fourteen fifteen sixteen"}));
  ASSERT_EQ(a.quotes.size(), 4u);
  EXPECT_EQ(a.quotes[0].citation_ids, Ids{"1"});
  EXPECT_EQ(a.quotes[1].citation_ids, Ids{"2"});
  EXPECT_EQ(a.quotes[2].citation_ids, Ids{"link-1"});
  EXPECT_EQ(a.quotes[3].citation_ids, Ids{"link-2"});
}

TEST(HtmlTest, PositionsPointAtTheSource) {
  Article a = Read(kHtml, "page.html");
  ASSERT_EQ(a.quotes.size(), 4u);
  EXPECT_EQ(a.quotes[0].line, 7);
  EXPECT_EQ(a.quotes[0].column, 12);  // the opening "
  EXPECT_EQ(a.quotes[1].line, 7);
  EXPECT_EQ(a.quotes[1].column, 53);  // the <q> tag
  EXPECT_EQ(a.quotes[2].line, 8);
  EXPECT_EQ(a.quotes[2].column, 1);
  EXPECT_EQ(a.citations[0].line, 12);
}

TEST(HtmlTest, BodyWithoutArticleSkipsNavigation) {
  Article a = Read(
      "<html><body><nav><a href=\"https://nav.example/\">n</a></nav>"
      "<p>Text <a href=\"https://body.example/\">b</a> \"one two three four\".</p>"
      "<aside>\"aside one two three\"</aside></body></html>",
      "page");  // no extension: sniffed
  EXPECT_EQ(CitationIds(a), Ids{"link-1"});
  EXPECT_EQ(a.citations[0].url, "https://body.example/");
  EXPECT_EQ(Texts(a), Ids{"one two three four"});
}

TEST(HtmlTest, TitleFallsBackToTitleElement) {
  Article a = Read("<html><head><title> The  title </title></head><body><p>x [1]</p></body></html>",
                   "a.htm");
  ASSERT_TRUE(a.title.has_value());
  EXPECT_EQ(*a.title, "The title");
}

TEST(HtmlTest, EntitiesKeepColumns) {
  Article a = Read("<p>A &amp; B said \u201Cone two three four\u201D [1].</p>", "a.html");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].column, 19);
}

TEST(HtmlTest, CodeIsNotScanned) {
  Article a = Read("<p>Run <code>say \"one two three four\"</code> now [1].</p>", "a.html");
  EXPECT_TRUE(a.quotes.empty());
}

TEST(HtmlTest, TooDeeplyNestedIsRefused) {
  std::string html = "<html><body>";
  for (int i = 0; i < 1500; ++i) html += "<div>";
  html += "\"one two three four\"";
  Article a = Read(html, "deep.html");
  EXPECT_TRUE(HasDiagnostic(a, Diagnostic::Severity::kError, "too deeply nested"));
  EXPECT_TRUE(a.quotes.empty());
  std::string paragraphs = "<html><body>";
  for (int i = 0; i < 1500; ++i) paragraphs += "<p>x [1]";
  Article flat = Read(paragraphs, "flat.html");
  EXPECT_FALSE(HasDiagnostic(flat, Diagnostic::Severity::kError, "nested"));
}

TEST(DiagnosticsTest, InvalidUtf8NamesLineAndColumn) {
  Article a = Read("first line\nab\u00E9c\xFF rest [1]\n");
  ASSERT_EQ(a.diagnostics.size(), 1u);
  EXPECT_EQ(a.diagnostics[0].severity, Diagnostic::Severity::kError);
  EXPECT_EQ(a.diagnostics[0].line, 2);
  EXPECT_EQ(a.diagnostics[0].column, 5);
  EXPECT_EQ(a.diagnostics[0].message, "invalid UTF-8 at line 2, column 5");
  EXPECT_TRUE(a.citations.empty());
}

TEST(DiagnosticsTest, BinaryEmptyAndNoCitations) {
  Article binary = Read(std::string("PK\x03\x04\0\0data", 10));
  EXPECT_TRUE(HasDiagnostic(binary, Diagnostic::Severity::kError, "binary file (not text)"));
  for (const char* empty : {"", "  \n\t\n", "\xEF\xBB\xBF\n", "\u00A0\n"}) {
    Article a = Read(empty);
    EXPECT_TRUE(HasDiagnostic(a, Diagnostic::Severity::kError, "article is empty")) << empty;
  }
  Article none = Read("Just \"one two three four\" here.\n");
  EXPECT_TRUE(HasDiagnostic(none, Diagnostic::Severity::kWarning, "no citations found"));
  EXPECT_EQ(none.quotes.size(), 1u);
  Article some = Read("Cited [1].\n");
  EXPECT_FALSE(HasDiagnostic(some, Diagnostic::Severity::kWarning, "no citations"));
}

TEST(TitleTest, TitleRules) {
  struct Case {
    std::string text;
    std::optional<std::string> title;
  };
  const Case cases[] = {
      {"# Heading one\n\nBody [1].\n", "Heading one"},
      {"Setext title\n============\n\nBody [1].\n", "Setext title"},
      {"Short plain title\nBody [1].\n", "Short plain title"},
      {"This first line ends with a full stop.\nBody [1].\n", std::nullopt},
      {std::string(200, 'x') + "\nBody [1].\n", std::nullopt},
      {"Intro line\n\n## Later heading\n\nBody [1].\n", "Later heading"},
  };
  for (const Case& c : cases) {
    Article a = Read(c.text);
    EXPECT_EQ(a.title, c.title) << c.text;
  }
}

TEST(RobustnessTest, NeverCrashesOnOddInput) {
  const char* inputs[] = {
      "[", "[^", "[1", "](", "\"", "\u201C", "> ", "```", "<", "<a href=", "[x](", "![", "`",
      "[1]: http://", "\"\"\"\"", "\u00AB\u00BB\u00AB\u00BB", "1. https://", "# ", "\\",
      "<html><q><q><blockquote>\"x", "[^a]: ", "http://[::1", "a\r\nb\r\n",
  };
  for (const char* input : inputs) {
    Article md = Read(input);
    Article html = Read(input, "x.html");
    (void)md;
    (void)html;
  }
  std::string many(100000, '"');
  Article a = Read(many);
  EXPECT_LE(a.quotes.size(), 1u);
}

}  // namespace
}  // namespace citecheck
