// The first half of tokenizing (normalize.h): a text becomes a stream of
// normalized code points, each with the byte range of the original code point
// it came from. word_builder.h makes words of that stream. Internal to
// match/: normalize.cc is the one user.
#ifndef CITECHECK_MATCH_CHAR_NORMALIZER_H_
#define CITECHECK_MATCH_CHAR_NORMALIZER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"

namespace citecheck {
namespace normalize_detail {

// One code point of the normalized stream, with the byte range of the
// original code point it came from.
struct NormChar {
  char32_t cp;
  uint32_t begin;
  uint32_t end;
};

// Enough for any code point's compatibility decomposition.
inline constexpr size_t kMaxNormalizedParts = 32;

// Writes the normalized form of code point `cp` to `parts` and returns how
// many characters it has (0 for characters to drop, such as soft hyphens):
// compatibility decomposition and case folding (utf8proc), with quote marks,
// apostrophes, dashes and spaces unified.
size_t NormalizeCodePoint(char32_t cp, char32_t parts[kMaxNormalizedParts]);

// Feeds the normalized form of code point `cp` (bytes [begin, end) of the
// text) to `out`: zero, one or several characters.
template <class Out>
void AppendNormalized(char32_t cp, uint32_t begin, uint32_t end, Out* out) {
  char32_t parts[kMaxNormalizedParts];
  size_t count = NormalizeCodePoint(cp, parts);
  for (size_t i = 0; i < count; ++i) out->Push({parts[i], begin, end});
}

// What AppendNormalized makes of each ASCII byte: exactly one character
// (apostrophes and white space unified, letters lower-cased), except for NUL,
// which it drops and Normalize skips; so an ASCII byte needs neither decoding
// nor utf8proc.
struct AsciiTable {
  char32_t norm[128];
  bool word[128];  // a letter or digit after normalization
};

constexpr AsciiTable MakeAsciiTable() {
  AsciiTable table{};
  for (char32_t b = 0; b < 128; ++b) {
    char32_t c = b;
    if (b == '\'' || b == '`') c = '\'';
    if (b == ' ' || (b >= 0x09 && b <= 0x0D)) c = ' ';
    if (b >= 'A' && b <= 'Z') c = b + ('a' - 'A');
    table.norm[b] = c;
    table.word[b] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
  return table;
}

inline constexpr AsciiTable kAscii = MakeAsciiTable();

// AppendNormalized for non-ASCII code points, remembered: a page repeats a
// small alphabet, and utf8proc's decomposition costs far more than a lookup.
// Direct-mapped; one instance per text.
class NormalizeCache {
 public:
  template <class Builder>
  void Append(char32_t cp, uint32_t begin, uint32_t end, Builder* builder) {
    Entry& entry = slots_[cp & (kSlots - 1)];
    if (entry.cp != cp) Fill(cp, &entry);
    if (entry.count > kMaxParts) return AppendNormalized(cp, begin, end, builder);
    for (uint32_t i = 0; i < entry.count; ++i) builder->Push({entry.parts[i], begin, end});
  }

 private:
  static constexpr size_t kSlots = 256;
  static constexpr uint32_t kMaxParts = 3;

  struct Entry {
    char32_t cp = 0xFFFFFFFF;  // no code point
    uint32_t count = 0;        // parts; more than kMaxParts: not kept
    char32_t parts[kMaxParts] = {};
  };

  void Fill(char32_t cp, Entry* entry) {
    char32_t parts[kMaxNormalizedParts];
    entry->cp = cp;
    entry->count = static_cast<uint32_t>(NormalizeCodePoint(cp, parts));
    for (uint32_t i = 0; i < entry->count && i < kMaxParts; ++i) entry->parts[i] = parts[i];
  }

  Entry slots_[kSlots];
};

// Normalizes `text` into `builder`. With `ascii_shortcut`, ASCII bytes are
// read through kAscii (the same result, see AsciiTable) and other code points
// through a NormalizeCache.
template <class Builder>
void Normalize(std::string_view text, bool ascii_shortcut, Builder* builder) {
  size_t pos = 0;
  const size_t size = text.size();
  NormalizeCache cache;
  auto is_ascii_word = [](unsigned char byte) { return byte < 0x80 && kAscii.word[byte]; };
  while (pos < size) {
    auto byte = static_cast<unsigned char>(text[pos]);
    auto begin = static_cast<uint32_t>(pos);
    if (ascii_shortcut && is_ascii_word(byte)) {
      do {
        ++pos;
      } while (pos < size && is_ascii_word(static_cast<unsigned char>(text[pos])));
      builder->PushAsciiWord(text.substr(begin, pos - begin), begin);
      continue;
    }
    if (ascii_shortcut && byte < 0x80) {
      // NUL is the one ASCII character normalization drops.
      if (byte != 0) builder->Push({kAscii.norm[byte], begin, begin + 1});
      ++pos;
      continue;
    }
    char32_t cp = DecodeUtf8(text, &pos);
    if (ascii_shortcut) {
      cache.Append(cp, begin, static_cast<uint32_t>(pos), builder);
    } else {
      AppendNormalized(cp, begin, static_cast<uint32_t>(pos), builder);
    }
  }
  builder->End();
}

}  // namespace normalize_detail
}  // namespace citecheck

#endif  // CITECHECK_MATCH_CHAR_NORMALIZER_H_
