// Counting in test output (logs, rendered reports).
#ifndef CITECHECK_TESTS_SUPPORT_TEXT_COUNT_H_
#define CITECHECK_TESTS_SUPPORT_TEXT_COUNT_H_

#include <cstddef>
#include <string>

namespace citecheck::testing {

// How many times `needle` (not empty) starts in `text`, overlaps included.
inline size_t CountOccurrences(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_SUPPORT_TEXT_COUNT_H_
