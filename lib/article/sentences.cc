#include "article/sentences.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "article/text_util.h"
#include "core/ascii.h"

namespace citecheck {
namespace article {
namespace {

// Words that end in a full stop without ending the sentence (lower-case).
constexpr std::string_view kAbbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "cf", "inc",
    "ltd", "co", "corp", "gen", "gov", "sen", "rep", "no", "fig", "vol", "pp", "p", "ed", "eds",
    "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "a.m", "p.m", "al", "ca", "est", "dept", "univ", "mt", "ft", "lt", "col",
};

bool IsTerminal(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002;
}

bool IsClosing(char32_t cp) {
  return cp == '"' || cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == 0xAB || cp == 0x201C ||
         cp == ')' || cp == ']' || cp == '\'';
}

// The word before the full stop at `dot`, e.g. "Dr" or "e.g".
bool IsAbbreviation(std::string_view text, size_t dot) {
  // No abbreviation is longer than this: a 5 MB "a.a.a.a..." must not be
  // walked back from each of its dots.
  constexpr size_t kLongest = 8;
  size_t start = dot;
  while (start > 0) {
    if (dot - start > kLongest) return false;
    size_t prev = 0;
    char32_t cp = CodePointBefore(text, start, &prev);
    if (!IsWordChar(cp) && cp != '.') break;
    start = prev;
  }
  std::string word(text.substr(start, dot - start));
  if (word.empty()) return false;
  if (CountWords(word) == 1 && CodePointAt(word, 0) < 0x80 && word.size() == 1 &&
      std::isupper(static_cast<unsigned char>(word[0]))) {
    return true;  // an initial
  }
  word = AsciiLower(word);
  return std::find(std::begin(kAbbreviations), std::end(kAbbreviations), word) !=
         std::end(kAbbreviations);
}

// If a sentence may end at `pos` (just past its punctuation and closing
// marks), returns where the next one starts; otherwise npos.
size_t NextStart(std::string_view text, size_t pos) {
  while (pos < text.size() && IsClosing(CodePointAt(text, pos))) {
    pos += SequenceLength(static_cast<unsigned char>(text[pos]));
  }
  if (pos < text.size() && !IsSpace(CodePointAt(text, pos))) return std::string_view::npos;
  size_t next = pos;
  while (next < text.size() && IsSpace(CodePointAt(text, next))) {
    next += SequenceLength(static_cast<unsigned char>(text[next]));
  }
  if (next < text.size() && IsLowercase(CodePointAt(text, next))) return std::string_view::npos;
  return pos;
}

}  // namespace

std::vector<size_t> SplitSentences(const Block& block, const std::vector<FoundQuote>& quotes) {
  std::string_view text = block.text;
  std::vector<size_t> starts = {0};
  size_t qi = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    while (qi < quotes.size() && quotes[qi].close_end <= pos) ++qi;
    if (qi < quotes.size() && pos >= quotes[qi].open) {
      // Inside a quotation: only its end can end the sentence.
      const FoundQuote& q = quotes[qi];
      pos = q.close_end;
      std::string_view inside = Trim(text.substr(q.begin, q.end - q.begin));
      char32_t last = CodePointBefore(inside, inside.size());
      if (q.closed && IsTerminal(last)) {
        size_t start = NextStart(text, pos);
        if (start != std::string_view::npos && start < text.size()) starts.push_back(start);
      }
      continue;
    }
    char32_t cp = CodePointAt(text, pos);
    size_t len = SequenceLength(static_cast<unsigned char>(text[pos]));
    if (!block.opaque[pos] && IsTerminal(cp) && !(cp == '.' && IsAbbreviation(text, pos))) {
      size_t after = pos + len;
      while (after < text.size() && IsTerminal(CodePointAt(text, after))) {
        after += SequenceLength(static_cast<unsigned char>(text[after]));
      }
      size_t start = NextStart(text, after);
      if (start != std::string_view::npos && start < text.size() && start > starts.back()) {
        starts.push_back(start);
      }
      // The rest of the run ("!!!") would find the same start again: skipping
      // it keeps a run of a million '!' linear.
      pos = after;
      continue;
    }
    pos += len;
  }
  return starts;
}

size_t SentenceAt(const std::vector<size_t>& starts, size_t offset) {
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  return static_cast<size_t>(it - starts.begin()) - 1;
}

size_t SentenceOfAnchor(const Block& block, const std::vector<size_t>& starts,
                        const Anchor& anchor) {
  size_t s = SentenceAt(starts, anchor.offset);
  if (anchor.kind == Anchor::Kind::kMarker && s > 0 &&
      IsBlank(std::string_view(block.text).substr(starts[s], anchor.offset - starts[s]))) {
    return s - 1;
  }
  return s;
}

}  // namespace article
}  // namespace citecheck
