// Sentence boundaries inside a block, for attribution. Internal to lib/article.
#ifndef CITECHECK_ARTICLE_SENTENCES_H_
#define CITECHECK_ARTICLE_SENTENCES_H_

#include <cstddef>
#include <vector>

#include "article/document.h"
#include "article/quote_scanner.h"

namespace citecheck {
namespace article {

// Offsets where sentences start: the first is 0; a sentence runs to the next
// start (the last to the end of the text). A full stop inside a quotation, an
// abbreviation ("Dr.", "e.g.") or an initial ("J. Smith") does not end a
// sentence; a quotation that ends with one does, after its closing mark.
std::vector<size_t> SplitSentences(const Block& block, const std::vector<FoundQuote>& quotes);

// Index of the sentence an anchor belongs to. A marker standing right after
// a sentence's end (only white space between) belongs to that sentence.
size_t SentenceOfAnchor(const Block& block, const std::vector<size_t>& starts,
                        const Anchor& anchor);

// Index of the sentence containing `offset`.
size_t SentenceAt(const std::vector<size_t>& starts, size_t offset);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_SENTENCES_H_
