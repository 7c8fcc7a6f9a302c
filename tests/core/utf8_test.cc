#include "core/utf8.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

TEST(Utf8Test, ValidatesAndReportsOffset) {
  size_t bad = 99;
  EXPECT_TRUE(IsValidUtf8("plain and \xD0\x9F\xD1\x80\xD0\xB8 \xE2\x80\x9C"));
  EXPECT_FALSE(IsValidUtf8("ab\xFF" "cd", &bad));
  EXPECT_EQ(bad, 2u);
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF", &bad));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80", &bad));      // surrogate
  EXPECT_FALSE(IsValidUtf8("x\xE2\x80", &bad));          // truncated
  EXPECT_EQ(bad, 1u);
}

TEST(Utf8Test, CountsCodePointsAndRepairs) {
  EXPECT_EQ(CountCodePoints("\xD0\x9F\xD1\x80\xD0\xB8"), 3u);
  EXPECT_EQ(ByteOffsetOfCodePoint("\xD0\x9F\xD1\x80x", 2), 4u);
  EXPECT_EQ(RepairUtf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  std::string out;
  AppendUtf8(0x201C, &out);
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(out, &pos), 0x201Cu);
  EXPECT_EQ(pos, 3u);
}

}  // namespace
}  // namespace citecheck
