// Finds the outermost quotations of a block: quotation-mark pairs (paired by
// kind and, for ambiguous marks, by flanking) and explicit quotes from markup.
// Internal to lib/article.
#ifndef CITECHECK_ARTICLE_QUOTE_SCANNER_H_
#define CITECHECK_ARTICLE_QUOTE_SCANNER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "article/document.h"

namespace citecheck {
namespace article {

struct FoundQuote {
  size_t open = 0;        // offset of the opening mark (explicit: start of its text)
  size_t begin = 0;       // [begin, end): the quotation's text, delimiters stripped
  size_t end = 0;
  size_t close_end = 0;   // offset just past the closing mark
  size_t source_offset = 0;  // input offset of the opening mark or markup
  bool closed = true;     // false: still open at the end of the block
};

// Outermost quotes in text order. Inner quotes are part of their outer
// quote's text and not reported. Opaque bytes (code, URLs) never delimit.
std::vector<FoundQuote> ScanQuotes(const Block& block);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_QUOTE_SCANNER_H_
