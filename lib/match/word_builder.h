// The second half of tokenizing (normalize.h): words made of the stream of
// normalized characters that char_normalizer.h produces. Internal to match/:
// normalize.cc is the one user.
#ifndef CITECHECK_MATCH_WORD_BUILDER_H_
#define CITECHECK_MATCH_WORD_BUILDER_H_

#include <utf8proc.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "match/char_normalizer.h"
#include "match/normalize.h"

namespace citecheck {
namespace normalize_detail {

inline bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return kAscii.word[cp];
  if (cp == kWildcardMark) return true;
  utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;  // L*, M*, N*
}

inline bool IsDigit(char32_t cp) {
  return (cp >= '0' && cp <= '9') ||
         (cp >= 0x80 && utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ND);
}

// FNV-1a, fed a byte at a time so that words can be hashed as they grow.
inline constexpr uint64_t kHashSeed = 1469598103934665603ull;

inline uint64_t HashByte(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ull; }

inline uint64_t HashWord(std::string_view s) {
  uint64_t h = kHashSeed;
  for (unsigned char c : s) h = HashByte(h, c);
  return h;
}

inline uint8_t CombiningClass(char32_t cp) {
  if (cp < 0x300) return 0;
  return static_cast<uint8_t>(
      utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class);
}

// Canonical ordering of combining marks, so that "e + U+0301 + U+0323" and
// "e + U+0323 + U+0301" are the same word, as NFKC would have it.
void OrderMarks(std::u32string* word);

// Builds words from the normalized characters, given one at a time; one
// instance per text. A character's fate can depend on the one before it and
// the one after it, so each is decided when the next arrives. Words are
// handed to `Sink` (Word(kind, norm, id, begin, end) and Gap(begin, end)).
//
// A word is kept as its normalized UTF-8. The general path reorders every
// word's combining marks through code points; the shortcut (`fast`) only
// words where two marks stand out of order, and takes runs of ASCII letters
// and digits in one call (PushAsciiWord).
template <class Sink>
class TokenBuilder {
 public:
  TokenBuilder(bool fast, Sink* sink) : fast_(fast), sink_(sink) {}

  void Push(const NormChar& c) {
    if (has_current_) previous_is_word_ = Step(current_, c.cp);
    current_ = c;
    has_current_ = true;
  }

  // Same as Push for each byte of `run` (ASCII letters and digits, at byte
  // offset `begin` of the text) in turn.
  void PushAsciiWord(std::string_view run, uint32_t begin) {
    auto norm = [](char byte) { return kAscii.norm[static_cast<unsigned char>(byte)]; };
    if (has_current_) Step(current_, norm(run[0]));
    has_current_ = false;
    if (!in_word_) begin_ = begin;
    in_word_ = true;
    end_ = begin + static_cast<uint32_t>(run.size());
    last_ = norm(run.back());
    last_ccc_ = 0;
    size_t old_size = bytes_.size();
    bytes_.append(run);
    uint64_t hash = hash_;
    for (auto it = bytes_.begin() + static_cast<std::ptrdiff_t>(old_size); it != bytes_.end(); ++it) {
      *it = static_cast<char>(norm(*it));
      hash = HashByte(hash, static_cast<unsigned char>(*it));
    }
    hash_ = hash;
    previous_is_word_ = true;
  }

  void End() {
    if (has_current_) Step(current_, 0);
    has_current_ = false;
    Finish();
  }

 private:
  // Decides character `c`, followed by `next` (0 at the end); true when `c`
  // is a word character.
  bool Step(const NormChar& c, char32_t next) {
    char32_t cp = c.cp;
    if (IsWordChar(cp)) {
      Add(c);
      return true;
    }
    if ((cp == '.' || cp == ',') && in_word_ && IsDigit(last_) && IsDigit(next)) {
      Add(c);
      return false;
    }
    if (cp == '%' && in_word_ && IsDigit(last_)) {
      Add(c);
      Finish();
      return false;
    }
    if ((cp == '-' || cp == '+') && !in_word_ && !previous_is_word_ && IsDigit(next)) {
      Add(c);
      return false;
    }
    Finish();
    if (cp == kGapMark) sink_->Gap(c.begin, c.end);
    return false;
  }

  void Add(const NormChar& c) {
    if (!in_word_) begin_ = c.begin;
    in_word_ = true;
    end_ = c.end;
    last_ = c.cp;
    if (c.cp < 0x80) {
      bytes_.push_back(static_cast<char>(c.cp));
      hash_ = HashByte(hash_, static_cast<unsigned char>(c.cp));
      last_ccc_ = 0;
      return;
    }
    if (c.cp == kWildcardMark) wildcard_ = true;
    uint8_t ccc = CombiningClass(c.cp);
    if (ccc != 0 && ccc < last_ccc_) marks_out_of_order_ = true;
    last_ccc_ = ccc;
    size_t old_size = bytes_.size();
    AppendUtf8(c.cp, &bytes_);
    for (size_t i = old_size; i < bytes_.size(); ++i) {
      hash_ = HashByte(hash_, static_cast<unsigned char>(bytes_[i]));
    }
  }

  void Finish() {
    if (!in_word_) return;
    if (!fast_ || marks_out_of_order_) ReorderMarks();
    Token::Kind kind = wildcard_ ? Token::Kind::kWildcard : Token::Kind::kWord;
    sink_->Word(kind, bytes_, hash_, begin_, end_);
    bytes_.clear();
    hash_ = kHashSeed;
    in_word_ = false;
    wildcard_ = false;
    marks_out_of_order_ = false;
    last_ccc_ = 0;
  }

  // bytes_ holds UTF-8 that AppendUtf8 wrote, so it decodes back exactly.
  void ReorderMarks() {
    wide_.clear();
    for (size_t pos = 0; pos < bytes_.size();) wide_.push_back(DecodeUtf8(bytes_, &pos));
    OrderMarks(&wide_);
    bytes_.clear();
    for (char32_t cp : wide_) AppendUtf8(cp, &bytes_);
    hash_ = HashWord(bytes_);
  }

  const bool fast_;
  Sink* sink_;
  NormChar current_{};
  bool has_current_ = false;
  bool previous_is_word_ = false;  // the character before current_
  bool in_word_ = false;
  bool wildcard_ = false;            // the word holds kWildcardMark
  bool marks_out_of_order_ = false;  // two adjacent marks need reordering
  char32_t last_ = 0;                // the word's last character
  uint8_t last_ccc_ = 0;             // and its combining class
  uint32_t begin_ = 0;
  uint32_t end_ = 0;
  std::string bytes_;  // the word's normalized UTF-8
  uint64_t hash_ = kHashSeed;  // HashWord(bytes_)
  std::u32string wide_;
};

}  // namespace normalize_detail
}  // namespace citecheck

#endif  // CITECHECK_MATCH_WORD_BUILDER_H_
