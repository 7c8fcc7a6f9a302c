// Page text from poppler's lines: broken words, page marks, page numbers.
#include "extract/pdf_lines.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

TEST(PdfLinesTest, WordBrokenAtALineEndIsJoined) {
  EXPECT_EQ(JoinPdfPages({"an extra-\nordinary storm"}), "an extraordinary storm\f");
}

TEST(PdfLinesTest, CompoundTheDocumentWritesWithItsHyphenKeepsIt) {
  EXPECT_EQ(JoinPdfPages({"a well-known man\nthe well-\nknown account"}),
            "a well-known man\nthe well-known account\f");
  // Written joined elsewhere: joined, whatever the hyphenated count.
  EXPECT_EQ(JoinPdfPages({"well-known and wellknown\nwell-\nknown"}), "well-known and wellknown\nwellknown\f");
}

TEST(PdfLinesTest, OnlyALetterBeforeAndALowerCaseLetterAfterMakeABrokenWord) {
  EXPECT_EQ(JoinPdfPages({"Anglo-\nSaxon"}), "Anglo-\nSaxon\f");
  EXPECT_EQ(JoinPdfPages({"pages 10-\n12"}), "pages 10-\n12\f");
  EXPECT_EQ(JoinPdfPages({"a list -\nand more"}), "a list -\nand more\f");
  EXPECT_EQ(JoinPdfPages({"\xC3\xA9t\xC3\xA9-\n\xC3\xA9t\xC3\xA9"}), "\xC3\xA9t\xC3\xA9\xC3\xA9t\xC3\xA9\f");
}

TEST(PdfLinesTest, SoftAndUnicodeHyphensJoin) {
  EXPECT_EQ(JoinPdfPages({"remem\xC2\xAD\nber"}), "remember\f");
  EXPECT_EQ(JoinPdfPages({"remem\xE2\x80\x90\nber"}), "remember\f");
}

TEST(PdfLinesTest, PagesEndWithTheMarkAndWhitespaceCollapses) {
  std::string text = JoinPdfPages({"  one \f two\n\n", "", "three"});
  EXPECT_EQ(text, "one two\f\fthree\f");
  EXPECT_EQ(PdfPageAt(text, 0), 1);
  EXPECT_EQ(PdfPageAt(text, 7), 1);  // the mark itself ends page 1
  EXPECT_EQ(PdfPageAt(text, 9), 3);
}

TEST(PdfLinesTest, PageAtCountsCodePointsNotBytes) {
  std::string text = JoinPdfPages({"\xC3\xA9\xC3\xA9", "x"});  // "éé\fx\f"
  EXPECT_EQ(PdfPageAt(text, 2), 1);
  EXPECT_EQ(PdfPageAt(text, 3), 2);
}

TEST(PdfLinesTest, TextWithoutPageMarksHasNoPages) { EXPECT_EQ(PdfPageAt("plain text", 3), 0); }

}  // namespace
}  // namespace citecheck
