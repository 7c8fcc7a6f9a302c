// A quote as the matcher searches for it: the editor's ellipses and bracketed
// insertions turned into parts and wildcards (docs/matching.md "Ellipses and brackets").
#ifndef CITECHECK_MATCH_QUOTE_PATTERN_H_
#define CITECHECK_MATCH_QUOTE_PATTERN_H_

#include <string>
#include <string_view>
#include <vector>

#include "match/normalize.h"

namespace citecheck {

// Text between ellipses. Tokens are words, wildcards ("[t]he": any one word)
// and gaps ("[the minister]": 0 to 6 words); a part never starts or ends with
// a gap. Token offsets point into `text`, the quote with the bracket syntax
// replaced by marker characters.
struct QuotePart {
  std::string text;
  std::vector<Token> tokens;

  std::string Display(const Token& token) const {
    return text.substr(token.begin, token.end - token.begin);
  }
};

struct QuotePattern {
  std::vector<QuotePart> parts;  // in order; empty parts are dropped
  size_t words = 0;              // words and wildcards over all parts
};

// Most words an editor's bracketed insertion may stand for.
inline constexpr size_t kMaxGapWords = 6;

// Splits `quote` at "...", "…", ". . .", "[...]" and "[…]"; drops "[sic]";
// turns a bracketed insertion attached to a word ("[t]he", "dis[s]") into a
// wildcard word, and any other bracketed insertion into a gap.
QuotePattern ParseQuote(std::string_view quote);

}  // namespace citecheck

#endif  // CITECHECK_MATCH_QUOTE_PATTERN_H_
