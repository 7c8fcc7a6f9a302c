// Regression sweep (issue 12): cited pages a server controls, extracted
// (gumbo + ExtractHtml) in time linear in their size or refused with a clear
// error. Sized so that quadratic work would run past the test timeout.
#include <gtest/gtest.h>

#include <string>

#include "extract/extractor.h"
#include "hostile/repeat.h"

namespace citecheck {
namespace {

using testing::Repeat;

TEST(PageSweepTest, ElementWithTwoHundredThousandAttributesIsRefused) {
  // gumbo compares every attribute with the earlier ones: this page took
  // 108 s to check before the guard.
  std::string tag = "<div";
  for (int i = 0; i < 200000; ++i) tag += " a" + std::to_string(i) + "=x";
  ExtractResult r = ExtractHtml("<html><body>" + tag + "><p>The lamp was lit.</p></div></body></html>");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "too many attributes on one element (more than 1000)");
}

TEST(PageSweepTest, ManyElementsWithFewAttributesAreRead) {
  std::string body = Repeat("<span class=\"a\" id=\"b\" title=\"c\">lamp</span> ", 200000);
  ExtractResult r = ExtractHtml("<html><body><p>" + body + "</p></body></html>");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.page.text.size(), 200000u * 5 - 1);
}

TEST(PageSweepTest, OneFiveMegabyteWord) {
  const std::string word(5 << 20, 'x');
  ExtractResult r = ExtractHtml("<html><body><p>" + word + "</p></body></html>");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.page.text, word);
  ExtractResult plain = ExtractBody(word, "text/plain");
  ASSERT_TRUE(plain.ok);
  EXPECT_EQ(plain.page.text.size(), word.size());
}

TEST(PageSweepTest, DeepNestingIsRefused) {
  ExtractResult r = ExtractHtml("<html><body>" + Repeat("<div>", 200000) + "x</body></html>");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "too deeply nested");
}

TEST(PageSweepTest, FourMebibytesOfScriptPairs) {
  ExtractResult r = ExtractHtml("<html><body><p>lamp</p>" + Repeat("<script></script>", (4 << 20) / 17) +
                                "</body></html>");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.page.text, "lamp");
}

}  // namespace
}  // namespace citecheck
