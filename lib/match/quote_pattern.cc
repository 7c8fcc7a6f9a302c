#include "match/quote_pattern.h"

#include <cctype>

#include "core/ascii.h"
#include "core/utf8.h"

namespace citecheck {
namespace {

// Longest bracketed insertion considered editorial; a longer one is left as
// text (its words then simply have to match).
constexpr size_t kMaxBracketBytes = 80;

bool IsEllipsisText(std::string_view s) {
  std::string compact;
  for (char c : s) {
    if (c != ' ') compact.push_back(c);
  }
  return compact == "..." || compact == "\xE2\x80\xA6" || compact == "...." ||
         compact == "..";
}

bool IsSic(std::string_view s) {
  const std::string lower = AsciiLower(s);
  return lower == "sic" || lower == "sic!" || lower == "sic.";
}

// A byte that belongs to a word next to a bracket: letters, digits, and any
// non-ASCII byte (letters of other scripts).
bool IsWordByte(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[pos]);
  return c >= 0x80 || std::isalnum(c);
}

// Number of bytes of a dotted ellipsis ("...", ". . .") starting at `pos`, 0
// when there is none.
size_t DottedEllipsisLength(std::string_view s, size_t pos) {
  size_t dots = 0;
  size_t end = pos;
  size_t i = pos;
  while (i < s.size() && s[i] == '.') {
    ++dots;
    end = ++i;
    if (i + 1 < s.size() && s[i] == ' ' && s[i + 1] == '.') ++i;
  }
  return dots >= 3 ? end - pos : 0;
}

class QuoteScanner {
 public:
  explicit QuoteScanner(std::string_view quote) : quote_(quote) {}

  std::vector<std::string> Split() {
    size_t i = 0;
    while (i < quote_.size()) {
      if (quote_[i] == '[' && Bracket(&i)) continue;
      if (quote_.compare(i, 3, "\xE2\x80\xA6") == 0) {
        NewPart();
        i += 3;
        continue;
      }
      if (size_t n = DottedEllipsisLength(quote_, i)) {
        NewPart();
        i += n;
        continue;
      }
      current_.push_back(quote_[i++]);
    }
    NewPart();
    return std::move(parts_);
  }

 private:
  // Handles the bracket at *i; false when it is not editorial syntax.
  bool Bracket(size_t* i) {
    size_t close = quote_.find(']', *i + 1);
    if (close == std::string_view::npos || close - *i > kMaxBracketBytes) return false;
    std::string_view inside = quote_.substr(*i + 1, close - *i - 1);
    if (IsEllipsisText(inside)) {
      NewPart();
    } else if (IsSic(inside)) {
      current_.push_back(' ');
    } else if ((*i > 0 && IsWordByte(quote_, *i - 1)) || IsWordByte(quote_, close + 1)) {
      AppendUtf8(kWildcardMark, &current_);
    } else {
      current_.push_back(' ');
      AppendUtf8(kGapMark, &current_);
      current_.push_back(' ');
    }
    *i = close + 1;
    return true;
  }

  void NewPart() {
    parts_.push_back(std::move(current_));
    current_.clear();
  }

  std::string_view quote_;
  std::string current_;
  std::vector<std::string> parts_;
};

}  // namespace

QuotePattern ParseQuote(std::string_view quote) {
  QuotePattern pattern;
  for (std::string& text : QuoteScanner(quote).Split()) {
    QuotePart part;
    part.text = std::move(text);
    part.tokens = Tokenize(part.text);
    while (!part.tokens.empty() && part.tokens.back().kind == Token::Kind::kGap) {
      part.tokens.pop_back();
    }
    size_t leading = 0;
    while (leading < part.tokens.size() && part.tokens[leading].kind == Token::Kind::kGap) {
      ++leading;
    }
    part.tokens.erase(part.tokens.begin(), part.tokens.begin() + static_cast<std::ptrdiff_t>(leading));
    if (part.tokens.empty()) continue;
    for (const Token& token : part.tokens) {
      if (token.kind != Token::Kind::kGap) ++pattern.words;
    }
    pattern.parts.push_back(std::move(part));
  }
  return pattern;
}

}  // namespace citecheck
