#include "report/terminal_text.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(SanitizeForTerminalTest, NeutralizesControlsAndKeepsText) {
  struct Case {
    std::string in;
    std::string out;
  } cases[] = {
      {"plain ünïcode “quotes”", "plain ünïcode “quotes”"},
      {"a\tb\nc\r\nd", "a b c  d"},
      {"\x1b[2Jclear", kFffd + "[2Jclear"},
      {"\x1b]0;title\x07", kFffd + "]0;title" + kFffd},
      {"c1 csi \xc2\x9b" "31m", "c1 csi " + kFffd + "31m"},
      {"del\x7f", "del" + kFffd},
      {std::string("nul\0x", 5), "nul" + kFffd + "x"},
      {"bidi \xe2\x80\xae" "evil", "bidi " + kFffd + "evil"},
      {"isolate \xe2\x81\xa6x", "isolate " + kFffd + "x"},
      {"bad \xff byte", "bad " + kFffd + " byte"},
      {"line\xe2\x80\xa8sep", "line sep"},
  };
  for (const Case& c : cases) EXPECT_EQ(SanitizeForTerminal(c.in), c.out) << c.in;
}

TEST(ShortenMiddleTest, KeepsBothEndsAroundAnEllipsis) {
  EXPECT_EQ(ShortenMiddle("short", 10), "short");
  EXPECT_EQ(ShortenMiddle("exactly10!", 10), "exactly10!");
  EXPECT_EQ(ShortenMiddle("abcdefghijkl", 5), "ab…kl");
  EXPECT_EQ(ShortenMiddle("abcdefghijkl", 6), "abc…kl");
  EXPECT_EQ(DisplayWidth(ShortenMiddle("äöüäöüäöüäöü", 7)), 7u);
  EXPECT_EQ(ShortenMiddle("äöüäöüäöüäöü", 7), "äöü…äöü");
  EXPECT_EQ(ShortenMiddle("abc", 1), "…");
  EXPECT_EQ(ShortenMiddle("abc", 0), "");
}

TEST(PadRightTest, PadsByCodePoints) {
  EXPECT_EQ(PadRight("ok", 5), "ok   ");
  EXPECT_EQ(PadRight("ü", 3), "ü  ");
  EXPECT_EQ(PadRight("toolong", 3), "toolong");
}

TEST(StyledTest, OnlyWhenEnabled) {
  EXPECT_EQ(Styled("x", Style::kRed, false), "x");
  EXPECT_EQ(Styled("x", Style::kRed, true), "\x1b[31mx\x1b[0m");
  EXPECT_EQ(Styled("x", Style::kNone, true), "x");
}

}  // namespace
}  // namespace citecheck

namespace citecheck {
namespace {

TEST(ShortenKeepingTest, KeepsTheMarkedRangeVisible) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "word" + std::to_string(i) + " ";
  text += "MISQUOTED";
  for (int i = 20; i < 40; ++i) text += " word" + std::to_string(i);
  const size_t begin = text.find("MISQUOTED");
  const std::string shown = ShortenKeeping(text, 60, begin, begin + 9);
  EXPECT_EQ(DisplayWidth(shown), 60u) << shown;
  EXPECT_NE(shown.find("MISQUOTED"), std::string::npos) << shown;
  EXPECT_EQ(shown.rfind("word0 ", 0), 0u) << shown;               // still starts at the start
  EXPECT_EQ(shown.substr(shown.size() - 6), "word39") << shown;  // and ends at the end
  EXPECT_EQ(ShortenMiddle(text, 60).find("MISQUOTED"), std::string::npos);
}

TEST(ShortenKeepingTest, ShortTextAndRangesNearTheEndsAreAsShortenMiddle) {
  EXPECT_EQ(ShortenKeeping("short text", 60, 0, 5), "short text");
  const std::string text(200, 'x');
  EXPECT_EQ(ShortenKeeping(text, 60, 1, 3), ShortenMiddle(text, 60));
  EXPECT_EQ(ShortenKeeping(text, 60, 195, 199), ShortenMiddle(text, 60));
}

}  // namespace
}  // namespace citecheck
