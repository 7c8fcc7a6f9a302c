#include "match/word_builder.h"

namespace citecheck {
namespace normalize_detail {

// Each run of marks sorted stably by combining class (insertion sort: runs
// are short).
void OrderMarks(std::u32string* word) {
  size_t i = 0;
  while (i < word->size()) {
    if (CombiningClass((*word)[i]) == 0) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < word->size() && CombiningClass((*word)[j]) != 0) ++j;
    for (size_t k = i + 1; k < j; ++k) {
      char32_t mark = (*word)[k];
      uint8_t ccc = CombiningClass(mark);
      size_t at = k;
      for (; at > i && CombiningClass((*word)[at - 1]) > ccc; --at) (*word)[at] = (*word)[at - 1];
      (*word)[at] = mark;
    }
    i = j;
  }
}

}  // namespace normalize_detail
}  // namespace citecheck
