#include "extract/extractor.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace citecheck {
namespace {

struct TextCase {
  const char* name;
  const char* html;
  const char* text;
};

class ExtractTextTest : public testing::TestWithParam<TextCase> {};

TEST_P(ExtractTextTest, VisibleText) {
  ExtractResult result = ExtractHtml(GetParam().html);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.page.text, GetParam().text);
}

const TextCase kTextCases[] = {
    {"Script", "<p>before<script>var x = 'hidden';</script> after</p>", "before after"},
    {"Style", "<style>p { color: red }</style><p>shown</p>", "shown"},
    {"Comment", "<p>one <!-- secret --> two</p>", "one two"},
    {"Noscript", "<p>a</p><noscript>enable javascript</noscript><p>b</p>", "a\nb"},
    {"Template", "<p>a</p><template><p>template text</p></template>", "a"},
    {"Svg", "<p>a<svg><text>chart label</text></svg></p>", "a"},
    {"HeadHidden", "<html><head><title>T</title><meta name=x content=y></head><body>b</body></html>",
     "b"},
    {"BoldJoins", "<p>a <b>bold</b> word</p>", "a bold word"},
    {"SpanJoinsWord", "<p>split<span>ting</span></p>", "splitting"},
    {"LinkJoins", "<p>see <a href='/x'>the report</a>, page 2</p>", "see the report, page 2"},
    {"NestedInline", "<p><em>very <strong>strong</strong></em> claim</p>", "very strong claim"},
    {"Paragraphs", "<p>one</p><p>two</p>", "one\ntwo"},
    {"Br", "<p>line one<br>line two</p>", "line one\nline two"},
    {"Headings", "<h1>Title</h1><h2>Sub</h2><div>body</div>", "Title\nSub\nbody"},
    {"ListItems", "<ul><li>first</li><li>second</li></ul>", "first\nsecond"},
    {"TableCells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a\nb\nc"},
    {"Blockquote", "said:<blockquote>quoted words</blockquote>after", "said:\nquoted words\nafter"},
    {"SourceNewlinesAreSpaces", "<p>one\n   two\n\nthree</p>", "one two three"},
    {"PreKeepsLines", "<pre>line 1\nline 2</pre>", "line 1\nline 2"},
    {"WhitespaceCollapsed", "<p>  lots \t of   space  </p>", "lots of space"},
    {"Amp", "<p>Smith &amp; Jones</p>", "Smith & Jones"},
    {"Nbsp", "<p>a&nbsp;b &nbsp; c</p>", "a b c"},
    {"NumericEntity", "<p>&#8220;quoted&#8221;</p>", "\u201Cquoted\u201D"},
    {"NamedEntities", "<p>caf&eacute; &mdash; na&iuml;ve</p>", "caf\u00E9 \u2014 na\u00EFve"},
    {"Cyrillic", "<p>\u041F\u0440\u0438\u0432\u0435\u0442, <b>\u043C\u0438\u0440</b></p>",
     "\u041F\u0440\u0438\u0432\u0435\u0442, \u043C\u0438\u0440"},
    {"Empty", "", ""},
    {"Malformed", "<p>unclosed <b>bold <i>text</p><p>next", "unclosed bold text\nnext"},
};

INSTANTIATE_TEST_SUITE_P(Cases, ExtractTextTest, testing::ValuesIn(kTextCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ExtractHtmlTest, Metadata) {
  ExtractResult result = ExtractHtml(
      "<!doctype html><html lang='en-US'><head><title> The  Title </title>"
      "<link rel='stylesheet' href='/s.css'>"
      "<link rel='Canonical' href='https://example.com/a'></head>"
      "<body><h1>Heading</h1><p>text</p></body></html>");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.page.title, "The Title");
  EXPECT_EQ(result.page.language, "en");
  EXPECT_EQ(result.page.canonical_url, "https://example.com/a");
  EXPECT_EQ(result.page.text, "Heading\ntext");
}

TEST(ExtractHtmlTest, TitleFallsBackToFirstH1) {
  ExtractResult result = ExtractHtml("<html lang=RU><body><h1>\u0417\u0430\u0433\u043E\u043B\u043E\u0432\u043E\u043A</h1><h1>second</h1></body></html>");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.page.title, "\u0417\u0430\u0433\u043E\u043B\u043E\u0432\u043E\u043A");
  EXPECT_EQ(result.page.language, "ru");
  EXPECT_EQ(result.page.canonical_url, "");
}

TEST(ExtractHtmlTest, HeadingTitleLeavesOutScriptAndStyle) {
  ExtractResult result = ExtractHtml(
      "<body><h1>Harbour <style>h1{color:red}</style>news<script>var x=1</script></h1></body>");
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(result.page.title, "Harbour news");
}

TEST(ExtractHtmlTest, DeeplyNestedRefusedQuickly) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "deep";
  auto start = std::chrono::steady_clock::now();
  ExtractResult result = ExtractHtml(html);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.error, "too deeply nested");
  EXPECT_LT(elapsed, std::chrono::seconds(1));
}

TEST(ExtractHtmlTest, ManySiblingsAreNotNesting) {
  std::string html;
  for (int i = 0; i < 3000; ++i) html += "<div>x</div><p>y<li>z<br><img src=a>";
  ExtractResult result = ExtractHtml(html);
  EXPECT_TRUE(result.ok) << result.error;
}

TEST(ExtractHtmlTest, NestingJustUnderTheLimitIsParsed) {
  std::string html;
  for (int i = 0; i < 900; ++i) html += "<span>";
  html += "deep text";
  ExtractResult result = ExtractHtml(html);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.page.text, "deep text");
}

TEST(ExtractHtmlTest, TagsInsideScriptDoNotCount) {
  std::string html = "<script>";
  for (int i = 0; i < 3000; ++i) html += "<div>";
  html += "</script><p>fine</p>";
  ExtractResult result = ExtractHtml(html);
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.page.text, "fine");
}

TEST(ExtractHtmlTest, InvalidUtf8DoesNotCrash) {
  ExtractResult result = ExtractHtml("<p>bad \xFF\xFE bytes</p>");
  EXPECT_TRUE(result.ok);
}

struct BodyCase {
  const char* name;
  const char* body;
  const char* content_type;
  bool ok;
  const char* text_or_error;
};

class ExtractBodyTest : public testing::TestWithParam<BodyCase> {};

TEST_P(ExtractBodyTest, ByContentType) {
  const BodyCase& c = GetParam();
  ExtractResult result = ExtractBody(c.body, c.content_type);
  EXPECT_EQ(result.ok, c.ok);
  EXPECT_EQ(c.ok ? result.page.text : result.error, c.text_or_error);
}

const BodyCase kBodyCases[] = {
    {"Html", "<p>a</p><p>b</p>", "text/html", true, "a\nb"},
    {"HtmlWithCharset", "<p>a</p>", "text/html; charset=utf-8", true, "a"},
    {"Xhtml", "<html><body><p>x</p></body></html>", "application/xhtml+xml", true, "x"},
    {"Plain", "  one   two \r\n\n\tthree  \n", "text/plain", true, "one two\nthree"},
    {"PlainKeepsMarkup", "<p>not parsed</p>", "text/plain", true, "<p>not parsed</p>"},
    {"SniffHtml", "<!DOCTYPE html><title>t</title><p>hi</p>", "", true, "hi"},
    {"SniffPlain", "just words  here", "", true, "just words here"},
    {"Pdf", "%PDF-1.4 ...", "application/pdf", false, "unreadable PDF"},  // read by poppler (pdf_extractor_test)
    {"Image", "\x89PNG", "image/png", false, "no text: image/png"},
};

INSTANTIATE_TEST_SUITE_P(Cases, ExtractBodyTest, testing::ValuesIn(kBodyCases),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace citecheck
