// Finding a quote's words, in order and without changes, among a page's words.
#ifndef CITECHECK_MATCH_EXACT_SEARCH_H_
#define CITECHECK_MATCH_EXACT_SEARCH_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "match/quote_pattern.h"

namespace citecheck {

// Page words [begin, end) that matched.
struct WordSpan {
  size_t begin = 0;
  size_t end = 0;
};

// Earliest occurrence of `part` among page word ids [from, to). Plain word
// sequences are searched with Boyer-Moore-Horspool over the ids; wildcards and
// gaps are then checked around each hit of the part's first run of words.
std::optional<WordSpan> FindPart(const std::vector<uint64_t>& page, const QuotePart& part,
                                 size_t from, size_t to);

// Earliest occurrence of the whole pattern: every part in order, all within
// `window` page words counted from the start of the first part.
std::optional<WordSpan> FindPattern(const std::vector<uint64_t>& page,
                                    const QuotePattern& pattern, size_t window);

}  // namespace citecheck

#endif  // CITECHECK_MATCH_EXACT_SEARCH_H_
