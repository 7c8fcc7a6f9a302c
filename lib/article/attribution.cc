#include "article/attribution.h"

#include <algorithm>

#include "article/sentences.h"
#include "article/text_util.h"

namespace citecheck {
namespace article {
namespace {

void AddUnique(const std::string& id, std::vector<std::string>* ids) {
  if (!id.empty() && std::find(ids->begin(), ids->end(), id) == ids->end()) ids->push_back(id);
}

// Anchors [first, last) are one group when only white space separates them.
size_t GroupEnd(const Block& block, size_t first) {
  size_t last = first + 1;
  while (last < block.anchors.size() &&
         IsBlank(std::string_view(block.text)
                     .substr(block.anchors[last - 1].offset,
                             block.anchors[last].offset - block.anchors[last - 1].offset))) {
    ++last;
  }
  return last;
}

size_t GroupStart(const Block& block, size_t last) {
  size_t first = last;
  while (first > 0 &&
         IsBlank(std::string_view(block.text)
                     .substr(block.anchors[first - 1].offset,
                             block.anchors[first].offset - block.anchors[first - 1].offset))) {
    --first;
  }
  return first;
}

}  // namespace

std::vector<std::string> Attribute(const Block& block, const std::vector<size_t>& sentence_starts,
                                   const FoundQuote& quote) {
  std::vector<std::string> ids;
  size_t sentence = SentenceAt(sentence_starts, quote.open);
  for (const Anchor& a : block.anchors) {
    if (SentenceOfAnchor(block, sentence_starts, a) == sentence) AddUnique(a.id, &ids);
  }
  if (!ids.empty()) return ids;
  for (size_t i = 0; i < block.anchors.size(); ++i) {
    if (block.anchors[i].offset >= quote.close_end) {
      for (size_t j = i; j < GroupEnd(block, i); ++j) AddUnique(block.anchors[j].id, &ids);
      return ids;
    }
  }
  for (size_t i = block.anchors.size(); i > 0; --i) {
    if (block.anchors[i - 1].offset < quote.open) {
      for (size_t j = GroupStart(block, i - 1); j < i; ++j) AddUnique(block.anchors[j].id, &ids);
      return ids;
    }
  }
  return ids;
}

}  // namespace article
}  // namespace citecheck
