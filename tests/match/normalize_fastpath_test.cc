// The ASCII shortcut of Tokenize and IndexWords (bytes below 0x80 read
// through a table, ASCII words kept as bytes) must give exactly what the
// general path gives (every code point decoded and passed through utf8proc):
// same tokens, kinds, ids and offsets, on ASCII, non-ASCII and mixed text.
#include "match/normalize.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace citecheck {
namespace {

void ExpectSameAsGeneral(const std::string& text) {
  std::vector<Token> general = TokenizeGeneral(text);
  std::vector<Token> fast = Tokenize(text);
  WordIndex index = IndexWords(text);
  ASSERT_EQ(fast.size(), general.size()) << text;
  ASSERT_EQ(index.ids.size(), general.size()) << text;
  ASSERT_EQ(index.offsets.size(), general.size()) << text;
  for (size_t i = 0; i < general.size(); ++i) {
    SCOPED_TRACE("token " + std::to_string(i) + " of \"" + text + "\"");
    EXPECT_EQ(fast[i].kind, general[i].kind);
    EXPECT_EQ(fast[i].id, general[i].id);
    EXPECT_EQ(fast[i].norm, general[i].norm);
    EXPECT_EQ(fast[i].begin, general[i].begin);
    EXPECT_EQ(fast[i].end, general[i].end);
    EXPECT_EQ(index.ids[i], general[i].id);
    EXPECT_EQ(index.offsets[i].begin, general[i].begin);
    EXPECT_EQ(index.offsets[i].end, general[i].end);
  }
}

class FastPathTest : public testing::TestWithParam<const char*> {};

TEST_P(FastPathTest, SameTokensAsGeneralPath) { ExpectSameAsGeneral(GetParam()); }

const char* const kCases[] = {
    "",
    "The quick brown fox, said Mr. O'Brien, \"jumped\" over 1,000.5 dogs (12%).",
    "UPPER lower MiXeD 123abc abc123",
    "state-of-the-art Russia's `quoted' -5 +7 a-5 x,5 5,x 1.2.3 50%off",
    "tab\tnew\nline\rcr\fform\vvertical",
    "caf\u00E9 na\u00EFve \u00C9COLE Stra\u00DFe \u1E9E",                 // Latin-1 and beyond
    "cafe\u0301 e\u0301\u0323 e\u0323\u0301 \u0301lone",                   // combining marks
    "\u041F\u0440\u0438\u0432\u0435\u0442 \u043C\u0438\u0440 abc\u044B",  // Cyrillic next to ASCII
    "\u201CCurly\u201D \u2018single\u2019 it\u2019s \u00ABguillemets\u00BB",
    "\u221210% \u2013 5 \u2014dash 10\u201320 co\u00ADop zero\u200Bwidth",
    "\uFB01ne \uFF21\uFF22\uFF23 \u2160 x\u00B2 \uFF11\uFF10\uFF05",     // compatibility forms
    "12\u0663,5 \u0661\u0662.\u0663 5\u00A0000 a\u00A0b",                // other digits, NBSP
    "[t]he \uE000he t\uE000 \uE001 a \uE001 b",                           // wildcard and gap marks
    "x\xFFy \xC3 \xE2\x80 end",                                           // invalid UTF-8
    "\x01\x02 ctrl\x7F del",
    "\u4E2D\u6587abc \u3072\u3089\u304C\u306A\U0001F600emoji",
    "don\u00B4t rock\u02BCn\u02BCroll",
};

INSTANTIATE_TEST_SUITE_P(Cases, FastPathTest, testing::ValuesIn(kCases));

TEST(FastPathTest, NulIsDroppedInsideAWord) {
  ExpectSameAsGeneral(std::string("ab\0cd 1\0.5", 10));
}

TEST(FastPathTest, EveryAsciiByteBetweenWords) {
  for (int byte = 0; byte < 0x80; ++byte) {
    std::string c(1, static_cast<char>(byte));
    ExpectSameAsGeneral("ab" + c + "cd 12" + c + "5 " + c + "9 \u00E9" + c + "\u00E9");
  }
}

// Random strings from pieces that meet at every kind of boundary: ASCII
// letters, digits and punctuation beside accented letters, marks, dashes,
// quote marks, dropped characters and invalid bytes.
TEST(FastPathTest, RandomMixedText) {
  const std::vector<std::string> pieces = {
      "a", "Z", "0", "9", ".", ",", "-", "+", "%", "'", "`", "\"", " ", "\t", "\n",
      std::string(1, '\0'), "\x01", "\u00E9", "e\u0301", "\u0301", "\u0323", "\u044B",
      "\u2019", "\u201C", "\u2212", "\u2014", "\u00AD", "\u200B", "\uFB01", "\uE000",
      "\uE001", "\xFF", "\xC3", "\u0663", "\u00A0", "\u00B4", "\uFF05", "\u00B2",
      "\u4E2D", "\U0001F600", "\uFF11", "\u1E9E"};
  std::mt19937 rng(20261126);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 12);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int i = length(rng); i > 0; --i) text += pieces[pick(rng)];
    ExpectSameAsGeneral(text);
    if (testing::Test::HasFailure()) return;
  }
}

}  // namespace
}  // namespace citecheck
