// A cheap check run before gumbo sees a document. gumbo 0.10 has no depth
// limit and frees its tree recursively, so a small page of nested elements can
// take gigabytes and overflow the stack (docs/matching.md "Visible text of a page").
#ifndef CITECHECK_HTML_NESTING_GUARD_H_
#define CITECHECK_HTML_NESTING_GUARD_H_

#include <cstddef>
#include <string_view>

namespace citecheck {

// Most elements a page may hold open at once before it is refused.
inline constexpr size_t kMaxOpenElements = 1000;

// Largest number of simultaneously open elements, estimated from the tags
// alone: start tags count up, end tags count down. Void elements, self-closing
// tags and elements whose end tag is optional (p, li, td, ...) never nest, so
// they do not count. Comments and the content of script, style, textarea and
// title are skipped. Stops counting early once `limit` is exceeded. Linear in
// the size of `html`.
size_t MaxOpenElements(std::string_view html, size_t limit = kMaxOpenElements);

}  // namespace citecheck

#endif  // CITECHECK_HTML_NESTING_GUARD_H_
