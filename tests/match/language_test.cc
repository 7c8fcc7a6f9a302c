#include "match/language.h"
#include "match/matcher.h"

#include <gtest/gtest.h>

#include <string>

namespace citecheck {
namespace {

struct LanguageCase {
  const char* text;
  const char* language;
};

class DetectLanguageTest : public testing::TestWithParam<LanguageCase> {};

TEST_P(DetectLanguageTest, ByStatistics) {
  EXPECT_EQ(DetectLanguage(GetParam().text), GetParam().language) << GetParam().text;
}

const LanguageCase kCases[] = {
    {"The government said that it would not raise taxes this year.", "en"},
    {"Die Regierung hat gesagt, dass sie die Steuern in diesem Jahr nicht erh\u00F6hen wird.", "de"},
    {"Le gouvernement a dit qu'il ne va pas augmenter les imp\u00F4ts cette ann\u00E9e pour nous.",
     "fr"},
    {"El gobierno dijo que no va a subir los impuestos este a\u00F1o, pero las cosas cambian.",
     "es"},
    {"Il governo ha detto che non aumenter\u00E0 le tasse per questo anno, anche se \u00E8 difficile.",
     "it"},
    {"De regering heeft gezegd dat zij de belastingen niet zal verhogen, maar het is ook duur.",
     "nl"},
    {"\u041F\u0440\u0430\u0432\u0438\u0442\u0435\u043B\u044C\u0441\u0442\u0432\u043E \u043D\u0435 "
     "\u0431\u0443\u0434\u0435\u0442 \u043F\u043E\u0432\u044B\u0448\u0430\u0442\u044C \u043D\u0430\u043B\u043E\u0433\u0438.",
     "ru"},
    {"\u0423\u0440\u044F\u0434 \u043D\u0435 \u0431\u0443\u0434\u0435 \u043F\u0456\u0434\u0432\u0438\u0449\u0443\u0432\u0430\u0442\u0438 "
     "\u043F\u043E\u0434\u0430\u0442\u043A\u0438 \u0446\u044C\u043E\u0433\u043E \u0440\u043E\u043A\u0443.",
     "uk"},
    {"\u0397 \u03BA\u03C5\u03B2\u03AD\u03C1\u03BD\u03B7\u03C3\u03B7 \u03B4\u03B5\u03BD \u03B8\u03B1 "
     "\u03B1\u03C5\u03BE\u03AE\u03C3\u03B5\u03B9 \u03C4\u03BF\u03C5\u03C2 \u03C6\u03CC\u03C1\u03BF\u03C5\u03C2.",
     "el"},
    {"\u653F\u5E9C\u8868\u793A\u4ECA\u5E74\u4E0D\u4F1A\u63D0\u9AD8\u7A0E\u6536\u3002", "zh"},
    {"\u653F\u5E9C\u306F\u4ECA\u5E74\u3001\u7A0E\u91D1\u3092\u4E0A\u3052\u306A\u3044\u3068\u8FF0\u3079\u305F\u3002",
     "ja"},
    // Unsure: too short, no function words, or no letters at all.
    {"", ""},
    {"Hello", ""},
    {"Maria Schmidt Berlin Tuesday", ""},
    {"12345 67890 !!! ???", ""},
};

INSTANTIATE_TEST_SUITE_P(Cases, DetectLanguageTest, testing::ValuesIn(kCases));

TEST(PreparedPageLanguageTest, DetectedOnceFromText) {
  PreparedPage page("Die Regierung hat gesagt, dass sie die Steuern nicht erh\u00F6hen wird.", "en");
  EXPECT_EQ(page.detected_language(), "de");  // statistics, not the hint
  PreparedPage unsure("Berlin", "de");
  EXPECT_EQ(unsure.detected_language(), "");
}

}  // namespace
}  // namespace citecheck

namespace citecheck {
namespace {

TEST(WrittenInDifferentScriptsTest, Table) {
  struct Case {
    const char* a;
    const char* b;
    bool differ;
  } cases[] = {
      {"the main enemy led the campaign", "главный противник возглавил кампанию", true},
      {"главный противник", "главный противник возглавил кампанию", false},
      {"the main enemy led the campaign", "der Hauptfeind führte die Kampagne", false},
      {"ο κύριος εχθρός οδήγησε", "the main enemy led the campaign", true},
      {"ok", "главный противник возглавил кампанию", false},  // too few letters to judge
  };
  for (const auto& c : cases) EXPECT_EQ(WrittenInDifferentScripts(c.a, c.b), c.differ) << c.a << " / " << c.b;
}

}  // namespace
}  // namespace citecheck
