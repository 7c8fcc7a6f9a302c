#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

// The ASCII fast path reads eight bytes at a time; a byte-by-byte decoder
// is the reference. Invalid and multi-byte sequences land at every offset
// of the eight-byte blocks, and at the very end.
size_t ReferenceCount(std::string_view text) {
  size_t count = 0;
  for (size_t pos = 0; pos < text.size(); ++count) DecodeUtf8(text, &pos);
  return count;
}

TEST(Utf8Test, FastPathsAgreeWithAByteByByteDecodeAtEveryOffset) {
  const std::vector<std::string> pieces = {"\xFF", "\xD0\x9F", "\xE2\x80\x9C", "\xF0\x9F\x98\x80",
                                           "\xE2\x80", "\xC0\xAF"};
  for (const std::string& piece : pieces) {
    for (size_t before = 0; before < 20; ++before) {
      std::string text = std::string(before, 'a') + piece + std::string(before % 11, 'b');
      size_t bad = 0;
      bool valid = IsValidUtf8(text, &bad);
      std::string repaired = RepairUtf8(text);
      EXPECT_TRUE(IsValidUtf8(repaired));
      EXPECT_EQ(valid, repaired == text) << before;
      if (!valid) {
        EXPECT_EQ(bad, before) << before;
      }
      size_t count = ReferenceCount(text);
      EXPECT_EQ(CountCodePoints(text), count) << before;
      // Walking code point by code point lands where ByteOffsetOfCodePoint says.
      size_t pos = 0;
      for (size_t i = 0; i <= count; ++i) {
        EXPECT_EQ(ByteOffsetOfCodePoint(text, i), pos) << before << " " << i;
        if (pos < text.size()) DecodeUtf8(text, &pos);
      }
      EXPECT_EQ(ByteOffsetOfCodePoint(text, count + 5), text.size());
    }
  }
}

}  // namespace
}  // namespace citecheck
