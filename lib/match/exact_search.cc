#include "match/exact_search.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace citecheck {
namespace {

using Ids = std::vector<uint64_t>;

// Bounds the ellipsis search on pages where the first part is very common.
constexpr size_t kMaxFirstPartCandidates = 200000;

// The first maximal run of plain words in the part: [begin, end) of tokens.
struct Anchor {
  size_t begin = 0;
  size_t end = 0;
  size_t min_prefix = 0;  // page words the tokens before the anchor take
  size_t max_prefix = 0;
};

Anchor FindAnchor(const QuotePart& part) {
  Anchor anchor;
  const auto& tokens = part.tokens;
  while (anchor.begin < tokens.size() && tokens[anchor.begin].kind != Token::Kind::kWord) {
    bool gap = tokens[anchor.begin].kind == Token::Kind::kGap;
    anchor.min_prefix += gap ? 0 : 1;
    anchor.max_prefix += gap ? kMaxGapWords : 1;
    ++anchor.begin;
  }
  anchor.end = anchor.begin;
  while (anchor.end < tokens.size() && tokens[anchor.end].kind == Token::Kind::kWord) ++anchor.end;
  return anchor;
}

// Smallest end of a match of `part` starting exactly at `start`, tracking
// the set of page positions each token can reach (gaps fan out by 0..6).
std::optional<size_t> MatchAt(const Ids& page, const QuotePart& part, size_t start, size_t to) {
  std::vector<size_t> reach{start};
  std::vector<size_t> next;
  for (const Token& token : part.tokens) {
    next.clear();
    for (size_t q : reach) {
      if (token.kind == Token::Kind::kGap) {
        for (size_t g = 0; g <= kMaxGapWords && q + g <= to; ++g) next.push_back(q + g);
      } else if (q < to && (token.kind == Token::Kind::kWildcard || page[q] == token.id)) {
        next.push_back(q + 1);
      }
    }
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());
    if (next.empty()) return std::nullopt;
    reach.swap(next);
  }
  return reach.front();
}

// Boyer-Moore-Horspool over word ids. The shift table is indexed by the low
// bits of an id (ids are hashes); words sharing a slot keep the smallest
// shift, which is always safe. std::boyer_moore_horspool_searcher would key
// an unordered_map by id instead: a hash lookup per step, and an allocation
// per search.
class IdSearcher {
 public:
  explicit IdSearcher(const Ids& needle) : needle_(needle) {
    const size_t m = needle_.size();
    std::fill(std::begin(shift_), std::end(shift_), static_cast<uint32_t>(m));
    for (size_t i = 0; i + 1 < m; ++i) shift_[Slot(needle_[i])] = static_cast<uint32_t>(m - 1 - i);
  }

  // First position >= from where the needle starts and ends before `to`, or `to`.
  size_t Find(const Ids& page, size_t from, size_t to) const {
    const size_t m = needle_.size();
    const uint64_t last = needle_[m - 1];
    for (size_t pos = from; pos + m <= to;) {
      uint64_t tail = page[pos + m - 1];
      if (tail == last && std::equal(needle_.begin(), needle_.end() - 1,
                                     page.begin() + static_cast<std::ptrdiff_t>(pos))) {
        return pos;
      }
      pos += shift_[Slot(tail)];
    }
    return to;
  }

 private:
  static constexpr size_t kSlots = 4096;
  static size_t Slot(uint64_t id) { return static_cast<size_t>(id ^ (id >> 29)) & (kSlots - 1); }

  const Ids& needle_;
  uint32_t shift_[kSlots];
};

}  // namespace

std::optional<WordSpan> FindPart(const Ids& page, const QuotePart& part, size_t from, size_t to) {
  to = std::min(to, page.size());
  if (from >= to) return std::nullopt;
  Anchor anchor = FindAnchor(part);
  if (anchor.begin == anchor.end) return std::nullopt;  // wildcards only: matches nothing
  Ids needle;
  for (size_t i = anchor.begin; i < anchor.end; ++i) needle.push_back(part.tokens[i].id);
  IdSearcher searcher(needle);
  size_t pos = std::min(to, from + anchor.min_prefix);
  while (true) {
    size_t hit = searcher.Find(page, pos, to);
    if (hit == to) return std::nullopt;
    size_t lowest = hit >= from + anchor.max_prefix ? hit - anchor.max_prefix : from;
    for (size_t start = lowest; start + anchor.min_prefix <= hit; ++start) {
      if (auto end = MatchAt(page, part, start, to)) return WordSpan{start, *end};
    }
    pos = hit + 1;
  }
}

std::optional<WordSpan> FindPattern(const Ids& page, const QuotePattern& pattern, size_t window) {
  if (pattern.parts.empty()) return std::nullopt;
  size_t from = 0;
  for (size_t tries = 0; tries < kMaxFirstPartCandidates; ++tries) {
    auto first = FindPart(page, pattern.parts[0], from, page.size());
    if (!first) return std::nullopt;
    size_t limit = first->begin + window;
    WordSpan span = *first;
    bool complete = true;
    for (size_t i = 1; i < pattern.parts.size() && complete; ++i) {
      auto next = FindPart(page, pattern.parts[i], span.end, limit);
      if (next) span.end = next->end;
      complete = next.has_value();
    }
    if (complete && (pattern.parts.size() == 1 || span.end - span.begin <= window)) return span;
    from = first->begin + 1;
  }
  return std::nullopt;
}

}  // namespace citecheck
