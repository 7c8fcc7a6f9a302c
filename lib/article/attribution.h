// Which citations a quotation is attributed to (docs/reading.md "Attribution").
// Internal to lib/article.
#ifndef CITECHECK_ARTICLE_ATTRIBUTION_H_
#define CITECHECK_ARTICLE_ATTRIBUTION_H_

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "article/document.h"
#include "article/quote_scanner.h"

namespace citecheck {
namespace article {

// A quote is checked against at most this many citations.
constexpr size_t kMaxCitationsPerQuote = 100;

// Attributes the quotes of one block. Built once per block (the sentence of
// each anchor and the groups of anchors are found once, not per quote, so a
// block of 100,000 quotes and 100,000 markers stays near-linear); anchors
// must already carry their ids and stand in the order of their offsets, as
// the readers add them.
class Attributor {
 public:
  // `sentence_starts` is SplitSentences' result for `block`.
  Attributor(const Block& block, const std::vector<size_t>& sentence_starts);

  // The citation ids of the anchors in the quote's sentence; else of the
  // first marker after the quote in its block; else of the last one before
  // it; else none. Markers standing together ("[1][2]", "[1, 2]") count as
  // one. Each id once, in anchor order, at most kMaxCitationsPerQuote (the
  // first ones): a sentence of 100,000 markers must not give each of its
  // quotes 100,000 citations to check.
  std::vector<std::string> For(const FoundQuote& quote);

 private:
  // The ids of anchors [first, last), computed once per range (quotes of
  // one sentence share it).
  const std::vector<std::string>& Ids(size_t first, size_t last);
  size_t SentenceOfAnchor(size_t index);

  const Block& block_;
  const std::vector<size_t>& starts_;
  std::vector<size_t> anchor_sentence_;  // by anchor index, non-decreasing
  std::vector<size_t> group_first_;      // by anchor index: first anchor of its group
  std::vector<size_t> group_last_;       // by anchor index: one past its group's last
  std::vector<size_t> first_text_;       // by sentence: first non-space offset (memo, npos unknown)
  std::map<std::pair<size_t, size_t>, std::vector<std::string>> ids_;  // Ids' memo
};

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_ATTRIBUTION_H_
