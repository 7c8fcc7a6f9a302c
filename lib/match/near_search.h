// Approximate search: the page window closest to a quote in word edit
// distance (insert, delete, substitute one word), for probable misquotes.
#ifndef CITECHECK_MATCH_NEAR_SEARCH_H_
#define CITECHECK_MATCH_NEAR_SEARCH_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace citecheck {

// One step of the alignment between quote and page words. kNone on a side
// means the word exists only on the other side.
struct AlignStep {
  static constexpr size_t kNone = static_cast<size_t>(-1);
  size_t quote = kNone;  // index into the quote's words
  size_t page = kNone;   // index into the page's words
  bool equal = false;
};

struct NearMatch {
  size_t distance = 0;
  size_t page_begin = 0;  // page words [page_begin, page_end)
  size_t page_end = 0;
  std::vector<AlignStep> steps;  // in reading order
};

// Quote word ids; kAnyWord matches every page word at no cost.
inline constexpr uint64_t kAnyWord = 0;

// Best window of `page` within edit distance `max_distance` of `quote`
// (Sellers' semi-global algorithm with Ukkonen's cut-off: about
// O(page words × max_distance) time, O(quote words) memory), with the
// alignment recovered from a second pass over the window only. Ties go to the
// earliest window. nullopt when no window is close enough.
std::optional<NearMatch> FindNear(const std::vector<uint64_t>& page,
                                  const std::vector<uint64_t>& quote, size_t max_distance);

}  // namespace citecheck

#endif  // CITECHECK_MATCH_NEAR_SEARCH_H_
