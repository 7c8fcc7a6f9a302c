// Normalization and tokenization shared by quotes and pages, so that both
// sides of a comparison are reduced the same way (docs/matching.md "Normalization").
#ifndef CITECHECK_MATCH_NORMALIZE_H_
#define CITECHECK_MATCH_NORMALIZE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace citecheck {

// Private-use code points a quote parser puts in place of bracket syntax
// before tokenizing: kWildcardMark inside a word makes that word match any
// one word ("[t]he"); kGapMark stands alone for "0 to 6 words".
inline constexpr char32_t kWildcardMark = 0xE000;
inline constexpr char32_t kGapMark = 0xE001;

struct Token {
  enum class Kind { kWord, kWildcard, kGap };
  Kind kind = Kind::kWord;
  uint64_t id = 0;    // hash of `norm`; equal words have equal ids
  std::string norm;   // normalized form (NFKD + case fold, so NFKC-equivalent)
  size_t begin = 0;   // byte offsets of the word in the text given
  size_t end = 0;
};

// Words of `text`: runs of letters, marks and digits after Unicode
// compatibility decomposition and case folding (utf8proc), with quote marks,
// apostrophes and dashes unified, soft hyphens and zero-width characters
// removed. Punctuation separates words, except that numbers keep a leading
// sign ("-5"), separators between digits ("1,000", "1.5") and a trailing "%".
// Hyphens and apostrophes split words ("state-of-the-art" is four words,
// "Russia's" is "russia s"), so a quote that writes "Boeing 's" matches a page
// that writes "Boeing's": punctuation does not decide a match. Invalid UTF-8 is
// read as U+FFFD. Offsets point into `text`, so callers can show the
// original wording.
std::vector<Token> Tokenize(std::string_view text);

// Byte offsets of one word in the text given.
struct WordOffsets {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A text's words as a search needs them: the ids and offsets of Tokenize's
// tokens, in the same order, without their normalized text (gaps have id 0,
// as in Tokenize). For pages, which are long and matched by id only; the
// words' wording is read back from the text through the offsets. Texts of
// 4 GB and more are not supported (offsets are 32-bit).
struct WordIndex {
  std::vector<uint64_t> ids;
  std::vector<WordOffsets> offsets;
};
WordIndex IndexWords(std::string_view text);

// The same, with words also split at the edges of `optional` (sorted,
// disjoint byte spans of `text`: "percent<sup>1</sup>" reads "percent1"
// but is two words), and with is_optional[i] set for word i when it lies
// inside a span.
WordIndex IndexWords(std::string_view text, const std::vector<TextSpan>& optional,
                     std::vector<bool>* is_optional);

// Tokenize without the ASCII shortcut: every code point goes through UTF-8
// decoding and utf8proc. Same result as Tokenize by contract; the
// equivalence test holds the shortcut to it.
std::vector<Token> TokenizeGeneral(std::string_view text);

// The normalized words of `text` joined by single spaces (for tests and
// diagnostics).
std::string NormalizeForMatch(std::string_view text);

}  // namespace citecheck

#endif  // CITECHECK_MATCH_NORMALIZE_H_
