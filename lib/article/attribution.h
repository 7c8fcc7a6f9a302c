// Which citations a quotation is attributed to (docs/reading.md "Attribution").
// Internal to lib/article.
#ifndef CITECHECK_ARTICLE_ATTRIBUTION_H_
#define CITECHECK_ARTICLE_ATTRIBUTION_H_

#include <string>
#include <vector>

#include "article/document.h"
#include "article/quote_scanner.h"

namespace citecheck {
namespace article {

// The citation ids of the anchors in the quote's sentence; else of the first
// marker after the quote in its block; else of the last one before it; else
// none. Markers standing together ("[1][2]", "[1, 2]") count as one. Anchors
// must already carry their ids. `sentence_starts` is SplitSentences' result.
std::vector<std::string> Attribute(const Block& block, const std::vector<size_t>& sentence_starts,
                                   const FoundQuote& quote);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_ATTRIBUTION_H_
