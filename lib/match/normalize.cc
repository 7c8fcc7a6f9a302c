#include "match/normalize.h"

#include <utf8proc.h>

#include <string>
#include <utility>

#include "core/utf8.h"

namespace citecheck {
namespace {

// One code point of the normalized stream, with the byte range of the
// original code point it came from.
struct NormChar {
  char32_t cp;
  uint32_t begin;
  uint32_t end;
};

bool IsZeroWidth(char32_t cp) {
  return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
         cp == 0x180E;
}

bool IsApostrophe(char32_t cp) {
  switch (cp) {
    case U'\'': case U'`': case 0x00B4: case 0x02BC: case 0x02B9: case 0x2018:
    case 0x2019: case 0x201B: case 0x2032: case 0xFF07:
      return true;
    default:
      return false;
  }
}

bool IsQuoteMark(char32_t cp, utf8proc_category_t cat) {
  return cp == U'"' || cp == 0x00AB || cp == 0x00BB || cp == 0x2033 || cp == 0x301D ||
         cp == 0x301E || cp == 0xFF02 || cat == UTF8PROC_CATEGORY_PI ||
         cat == UTF8PROC_CATEGORY_PF;
}

// The minus sign is a math symbol (Sm), not a dash, but reads as one: "−5"
// must equal "-5".
bool IsDash(char32_t cp, utf8proc_category_t cat) {
  return cat == UTF8PROC_CATEGORY_PD || cp == 0x2212 || cp == 0x2043 || cp == 0xFE63 ||
         cp == 0xFF0D;
}

bool IsSpace(char32_t cp, utf8proc_category_t cat) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cat == UTF8PROC_CATEGORY_ZS ||
         cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

// Unifies the characters whose compatibility decomposition would not (or
// would wrongly: U+00B4 decomposes to a space and a combining accent) make
// them equal. Returns 0 for characters to drop.
char32_t UnifyPunctuation(char32_t cp) {
  if (cp < 0x80 && cp != '\'' && cp != '`' && cp != '"' && cp != ' ' && !(cp >= 0x09 && cp <= 0x0D)) {
    return cp;  // the common case, cheap
  }
  if (IsZeroWidth(cp)) return 0;
  if (IsApostrophe(cp)) return U'\'';
  utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  if (IsQuoteMark(cp, cat)) return U'"';
  if (IsDash(cp, cat)) return U'-';
  if (IsSpace(cp, cat)) return U' ';
  return cp;
}

// Feeds the normalized form of code point `cp` (bytes [begin, end) of the
// text) to `out`: zero, one or several characters.
template <class Out>
void AppendNormalized(char32_t cp, uint32_t begin, uint32_t end, Out* out) {
  char32_t unified = UnifyPunctuation(cp);
  if (unified == 0) return;
  if (unified != cp || cp < 0x80 || cp == kWildcardMark || cp == kGapMark) {
    char32_t lower = unified;
    if (lower >= 'A' && lower <= 'Z') lower += 'a' - 'A';
    out->Push({lower, begin, end});
    return;
  }
  utf8proc_int32_t buf[32];
  int boundclass = UTF8PROC_BOUNDCLASS_START;
  utf8proc_ssize_t n = utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(cp), buf, 32,
      static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                     UTF8PROC_IGNORE),
      &boundclass);
  if (n < 0 || n > 32) {  // unassigned or too long: keep the character itself
    out->Push({cp, begin, end});
    return;
  }
  for (utf8proc_ssize_t i = 0; i < n; ++i) {
    char32_t part = UnifyPunctuation(static_cast<char32_t>(buf[i]));
    if (part != 0) out->Push({part, begin, end});
  }
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

constexpr AsciiTable kAscii = MakeAsciiTable();

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return kAscii.word[cp];
  if (cp == kWildcardMark) return true;
  utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;  // L*, M*, N*
}

bool IsDigit(char32_t cp) {
  return (cp >= '0' && cp <= '9') ||
         (cp >= 0x80 && utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ND);
}

// FNV-1a, fed a byte at a time so that words can be hashed as they grow.
constexpr uint64_t kHashSeed = 1469598103934665603ull;

uint64_t HashByte(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ull; }

uint64_t HashWord(std::string_view s) {
  uint64_t h = kHashSeed;
  for (unsigned char c : s) h = HashByte(h, c);
  return h;
}

uint8_t CombiningClass(char32_t cp) {
  if (cp < 0x300) return 0;
  return static_cast<uint8_t>(
      utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class);
}

// Canonical ordering of combining marks, so that "e + U+0301 + U+0323" and
// "e + U+0323 + U+0301" are the same word, as NFKC would have it: each run
// of marks sorted stably by combining class (insertion sort: runs are short).
void OrderMarks(std::u32string* word) {
  size_t i = 0;
  while (i < word->size()) {
    if (CombiningClass((*word)[i]) == 0) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < word->size() && CombiningClass((*word)[j]) != 0) ++j;
    for (size_t k = i + 1; k < j; ++k) {
      char32_t mark = (*word)[k];
      uint8_t ccc = CombiningClass(mark);
      size_t at = k;
      for (; at > i && CombiningClass((*word)[at - 1]) > ccc; --at) (*word)[at] = (*word)[at - 1];
      (*word)[at] = mark;
    }
    i = j;
  }
}

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

  struct Collector {
    Entry* entry;
    void Push(const NormChar& c) {
      if (entry->count < kMaxParts) entry->parts[entry->count] = c.cp;
      ++entry->count;
    }
  };

  void Fill(char32_t cp, Entry* entry) {
    entry->cp = cp;
    entry->count = 0;
    Collector collector{entry};
    AppendNormalized(cp, 0, 0, &collector);
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

struct TokenSink {
  std::vector<Token> tokens;

  void Word(Token::Kind kind, std::string_view norm, uint64_t id, uint32_t begin, uint32_t end) {
    Token token;
    token.kind = kind;
    token.norm = std::string(norm);
    token.id = id;
    token.begin = begin;
    token.end = end;
    tokens.push_back(std::move(token));
  }
  void Gap(uint32_t begin, uint32_t end) {
    Token gap;
    gap.kind = Token::Kind::kGap;
    gap.begin = begin;
    gap.end = end;
    tokens.push_back(gap);
  }
};

struct WordIndexSink {
  WordIndex index;

  void Word(Token::Kind, std::string_view, uint64_t id, uint32_t begin, uint32_t end) {
    index.ids.push_back(id);
    index.offsets.push_back({begin, end});
  }
  void Gap(uint32_t begin, uint32_t end) {
    index.ids.push_back(0);
    index.offsets.push_back({begin, end});
  }
};

std::vector<Token> TokenizeWith(std::string_view text, bool ascii_shortcut) {
  TokenSink sink;
  TokenBuilder<TokenSink> builder(ascii_shortcut, &sink);
  Normalize(text, ascii_shortcut, &builder);
  return std::move(sink.tokens);
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) { return TokenizeWith(text, true); }

std::vector<Token> TokenizeGeneral(std::string_view text) { return TokenizeWith(text, false); }

WordIndex IndexWords(std::string_view text) {
  WordIndexSink sink;
  // About one word in five or six bytes of running text; growth covers the rest.
  sink.index.ids.reserve(text.size() / 5 + 1);
  sink.index.offsets.reserve(text.size() / 5 + 1);
  TokenBuilder<WordIndexSink> builder(true, &sink);
  Normalize(text, true, &builder);
  return std::move(sink.index);
}

std::string NormalizeForMatch(std::string_view text) {
  std::string out;
  for (const Token& token : Tokenize(text)) {
    if (!out.empty()) out.push_back(' ');
    out += token.kind == Token::Kind::kGap ? std::string("[gap]") : token.norm;
  }
  return out;
}

}  // namespace citecheck
