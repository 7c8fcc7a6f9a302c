// Stable keys of quotes and citations (docs/review.md "Keys"): what a
// reviewer's decision is attached to. A key is a short hash of the article's
// identity and what the item is about, never of its position, so it stays
// the same across runs and across edits of the article that leave the item
// alone (other paragraphs, renumbered citations).
#ifndef CITECHECK_REVIEW_KEYS_H_
#define CITECHECK_REVIEW_KEYS_H_

#include <string>
#include <vector>

#include "store/records.h"

namespace citecheck {

// "c" and 12 hex digits of SHA-256 over the article identity and the
// citation's normalized URL (its marker id when it has none: unresolved).
std::string CitationKey(const std::string& article_identity, const Citation& citation);

// "q" and 12 hex digits of SHA-256 over the article identity, the quote's
// normalized words (match/normalize.h Tokenize: case, Unicode form,
// punctuation and spacing do not change it) and the normalized URLs of the
// citations it is attributed to (sorted; found in `citations` by id).
std::string QuoteKey(const std::string& article_identity, const Quote& quote,
                     const std::vector<CitationRecord>& citations);

// The page text hashes a decision on the quote is made on: the content hash
// of each cited page, in the order QuoteKey sorts the URLs, joined by ','.
std::string QuotePageHashes(const Quote& quote, const std::vector<CitationRecord>& citations);

// Whether `text` has the form of a key (the CLI tells a typo from an
// unknown key).
bool LooksLikeKey(const std::string& text);

}  // namespace citecheck

#endif  // CITECHECK_REVIEW_KEYS_H_
