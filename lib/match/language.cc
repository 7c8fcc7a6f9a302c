#include "match/language.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "core/utf8.h"

namespace citecheck {
namespace {

// Enough text for a confident guess; the rest of a long page adds nothing.
constexpr size_t kSampleBytes = 64 * 1024;
constexpr size_t kSampleWords = 5000;
constexpr size_t kMinLetters = 8;
constexpr int kMinStopwordHits = 3;

enum Script { kLatin, kCyrillic, kGreek, kKana, kHan, kHangul, kArabic, kHebrew, kDevanagari,
              kThai, kScriptCount };

int ScriptOf(char32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
      (cp >= 0x1E00 && cp <= 0x1EFF)) return kLatin;
  if (cp >= 0x400 && cp <= 0x52F) return kCyrillic;
  if ((cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x1F00 && cp <= 0x1FFF)) return kGreek;
  if (cp >= 0x3040 && cp <= 0x30FF) return kKana;
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) return kHan;
  if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF)) return kHangul;
  if (cp >= 0x600 && cp <= 0x6FF) return kArabic;
  if (cp >= 0x590 && cp <= 0x5FF) return kHebrew;
  if (cp >= 0x900 && cp <= 0x97F) return kDevanagari;
  if (cp >= 0xE00 && cp <= 0xE7F) return kThai;
  return -1;
}

struct ScriptCounts {
  std::array<size_t, kScriptCount> letters{};
  size_t total = 0;
  size_t ukrainian = 0;  // і ї є ґ: letters Russian does not have
  size_t russian = 0;    // ы э ё: letters Bulgarian does not have
  size_t hard_sign = 0;  // ъ: frequent in Bulgarian, rare in Russian
};

ScriptCounts CountScripts(std::string_view text) {
  ScriptCounts counts;
  size_t pos = 0;
  while (pos < text.size()) {
    auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {  // ASCII: a Latin letter or no letter, no decoding needed
      ++pos;
      if ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') {
        ++counts.letters[kLatin];
        ++counts.total;
      }
      continue;
    }
    char32_t cp = DecodeUtf8(text, &pos);
    int script = ScriptOf(cp);
    if (script < 0) continue;
    ++counts.letters[script];
    ++counts.total;
    if (script != kCyrillic) continue;
    if (cp == 0x456 || cp == 0x457 || cp == 0x454 || cp == 0x491 || cp == 0x406 || cp == 0x407 ||
        cp == 0x404 || cp == 0x490) ++counts.ukrainian;
    if (cp == 0x44B || cp == 0x44D || cp == 0x451 || cp == 0x42B || cp == 0x42D || cp == 0x401) ++counts.russian;
    if (cp == 0x44A) ++counts.hard_sign;
  }
  return counts;
}

std::string CyrillicLanguage(const ScriptCounts& counts) {
  size_t cyrillic = counts.letters[kCyrillic];
  if (counts.ukrainian * 100 >= cyrillic) return "uk";
  if (counts.russian == 0 && counts.hard_sign * 100 >= cyrillic) return "bg";
  return "ru";
}

struct StopwordList {
  const char* language;
  const char* words;  // space-separated
};

// The commonest function words; words shared by several languages count for
// each of them, so the distinctive ones decide.
constexpr StopwordList kStopwords[] = {
    {"en", "the and of to is that was for with are this be by not have from it he she they we "
           "which were has had but will would an at or his her their been said there what who "
           "our you its been these those than"},
    {"de", "der die das und ist nicht ein eine zu mit den von sich auf dem des auch es im für "
           "wir ich sie wird werden wurde sind hat haben aus bei nach oder aber wie noch nur "
           "einen einer zum zur über dass"},
    {"fr", "le la les et des est un une du que qui dans pour pas sur ce il au avec sont nous "
           "elle ils mais ou cette ont été aux par plus ne se leur je vous de"},
    {"es", "el los las y que en es un una por con para no se del al lo como más pero su sus "
           "está son fue ha muy también hay este esta ya la de"},
    {"it", "il di che e la per non un una sono della del con si anche gli le alla nel più è "
           "ha ma questo come"},
    {"pt", "o os as e de que em um uma não para com por do da dos das no na se mais é foi ao "
           "seu sua também"},
    {"nl", "de het een en van is niet dat die op te zijn met voor er maar ook als bij door "
           "wordt werd hij zij wij naar dan nog"},
};
constexpr size_t kLanguages = sizeof(kStopwords) / sizeof(kStopwords[0]);

// Word id -> bit set of languages listing it; built once, read-only after.
const std::unordered_map<uint64_t, unsigned>& StopwordTable() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<uint64_t, unsigned>();
    for (size_t lang = 0; lang < kLanguages; ++lang) {
      for (const Token& token : Tokenize(kStopwords[lang].words)) (*t)[token.id] |= 1u << lang;
    }
    return t;
  }();
  return *table;
}

std::string LatinLanguage(const std::vector<uint64_t>& word_ids) {
  const auto& table = StopwordTable();
  std::array<int, kLanguages> hits{};
  size_t limit = std::min(word_ids.size(), kSampleWords);
  for (size_t i = 0; i < limit; ++i) {
    auto it = table.find(word_ids[i]);
    if (it == table.end()) continue;
    for (size_t lang = 0; lang < kLanguages; ++lang) {
      if (it->second & (1u << lang)) ++hits[lang];
    }
  }
  size_t best = 0;
  for (size_t lang = 1; lang < kLanguages; ++lang) {
    if (hits[lang] > hits[best]) best = lang;
  }
  int runner_up = 0;
  for (size_t lang = 0; lang < kLanguages; ++lang) {
    if (lang != best) runner_up = std::max(runner_up, hits[lang]);
  }
  // A clear lead: half again as many hits as any other language.
  if (hits[best] < kMinStopwordHits || 2 * hits[best] < 3 * runner_up) return "";
  return kStopwords[best].language;
}

// The script holding at least half of the letters, or -1.
int DominantScriptOf(const ScriptCounts& counts) {
  if (counts.total < kMinLetters) return -1;
  int dominant = 0;
  for (int s = 1; s < kScriptCount; ++s) {
    if (counts.letters[s] > counts.letters[dominant]) dominant = s;
  }
  if (counts.letters[kKana] * 10 >= counts.total) return kKana;
  return counts.letters[dominant] * 2 < counts.total ? -1 : dominant;
}

}  // namespace

bool WrittenInDifferentScripts(std::string_view a, std::string_view b) {
  int script_a = DominantScriptOf(CountScripts(a.substr(0, kSampleBytes)));
  int script_b = DominantScriptOf(CountScripts(b.substr(0, kSampleBytes)));
  // Han with kana is Japanese; Han alone may be either, so never "different".
  auto family = [](int s) { return s == kKana ? kHan : s; };
  return script_a >= 0 && script_b >= 0 && family(script_a) != family(script_b);
}

std::string DetectLanguageOf(std::string_view text, const std::vector<uint64_t>& word_ids) {
  ScriptCounts counts = CountScripts(text.substr(0, kSampleBytes));
  if (counts.total < kMinLetters) return "";
  int dominant = 0;
  for (int s = 1; s < kScriptCount; ++s) {
    if (counts.letters[s] > counts.letters[dominant]) dominant = s;
  }
  // Japanese mixes kana with Han; any real share of kana means Japanese.
  if (counts.letters[kKana] * 10 >= counts.total) return "ja";
  if (counts.letters[dominant] * 2 < counts.total) return "";
  switch (dominant) {
    case kLatin: return LatinLanguage(word_ids);
    case kCyrillic: return CyrillicLanguage(counts);
    case kGreek: return "el";
    case kHan: return "zh";
    case kHangul: return "ko";
    case kArabic: return "ar";
    case kHebrew: return "he";
    case kDevanagari: return "hi";
    case kThai: return "th";
    default: return "";
  }
}

}  // namespace citecheck
