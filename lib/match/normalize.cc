#include "match/normalize.h"

#include <utf8proc.h>

#include <algorithm>

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

void AppendNormalized(char32_t cp, uint32_t begin, uint32_t end, std::vector<NormChar>* out) {
  char32_t unified = UnifyPunctuation(cp);
  if (unified == 0) return;
  if (unified != cp || cp < 0x80 || cp == kWildcardMark || cp == kGapMark) {
    char32_t lower = unified;
    if (lower >= 'A' && lower <= 'Z') lower += 'a' - 'A';
    out->push_back({lower, begin, end});
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
    out->push_back({cp, begin, end});
    return;
  }
  for (utf8proc_ssize_t i = 0; i < n; ++i) {
    char32_t part = UnifyPunctuation(static_cast<char32_t>(buf[i]));
    if (part != 0) out->push_back({part, begin, end});
  }
}

std::vector<NormChar> NormalizeStream(std::string_view text) {
  std::vector<NormChar> out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t begin = pos;
    char32_t cp = DecodeUtf8(text, &pos);
    AppendNormalized(cp, static_cast<uint32_t>(begin), static_cast<uint32_t>(pos), &out);
  }
  return out;
}

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
  if (cp == kWildcardMark) return true;
  utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;  // L*, M*, N*
}

bool IsDigit(char32_t cp) {
  return (cp >= '0' && cp <= '9') ||
         (cp >= 0x80 && utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ND);
}

uint64_t HashWord(std::string_view s) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// Builds tokens from the normalized stream; one instance per Tokenize call.
class TokenBuilder {
 public:
  explicit TokenBuilder(const std::vector<NormChar>& chars) : chars_(chars) {}

  std::vector<Token> Run() {
    for (i_ = 0; i_ < chars_.size(); ++i_) Step(chars_[i_].cp);
    Finish();
    return std::move(tokens_);
  }

 private:
  char32_t At(size_t i) const { return i < chars_.size() ? chars_[i].cp : 0; }
  bool InWord() const { return !word_.empty(); }

  void Step(char32_t cp) {
    if (IsWordChar(cp)) return Add(cp);
    char32_t next = At(i_ + 1);
    char32_t last = InWord() ? word_.back() : 0;
    if ((cp == '.' || cp == ',') && InWord() && IsDigit(last) && IsDigit(next)) return Add(cp);
    if (cp == '%' && InWord() && IsDigit(last)) {
      Add(cp);
      return Finish();
    }
    bool after_word = i_ > 0 && IsWordChar(At(i_ - 1));
    if ((cp == '-' || cp == '+') && !InWord() && !after_word && IsDigit(next)) return Add(cp);
    Finish();
    if (cp == kGapMark) {
      Token gap;
      gap.kind = Token::Kind::kGap;
      gap.begin = chars_[i_].begin;
      gap.end = chars_[i_].end;
      tokens_.push_back(gap);
    }
  }

  void Add(char32_t cp) {
    if (word_.empty()) begin_ = chars_[i_].begin;
    end_ = chars_[i_].end;
    word_.push_back(cp);
  }

  // Canonical ordering of combining marks, so that "e + U+0301 + U+0323" and
  // "e + U+0323 + U+0301" are the same word, as NFKC would have it.
  void OrderMarks() {
    auto ccc = [](char32_t cp) {
      return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class;
    };
    size_t i = 0;
    while (i < word_.size()) {
      if (word_[i] < 0x300 || ccc(word_[i]) == 0) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < word_.size() && word_[j] >= 0x300 && ccc(word_[j]) != 0) ++j;
      std::stable_sort(word_.begin() + static_cast<std::ptrdiff_t>(i),
                       word_.begin() + static_cast<std::ptrdiff_t>(j),
                       [&](char32_t a, char32_t b) { return ccc(a) < ccc(b); });
      i = j;
    }
  }

  void Finish() {
    if (word_.empty()) return;
    OrderMarks();
    Token token;
    for (char32_t cp : word_) {
      if (cp == kWildcardMark) token.kind = Token::Kind::kWildcard;
      AppendUtf8(cp, &token.norm);
    }
    token.id = HashWord(token.norm);
    token.begin = begin_;
    token.end = end_;
    tokens_.push_back(std::move(token));
    word_.clear();
  }

  const std::vector<NormChar>& chars_;
  size_t i_ = 0;
  std::u32string word_;
  size_t begin_ = 0;
  size_t end_ = 0;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<NormChar> chars = NormalizeStream(text);
  return TokenBuilder(chars).Run();
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
