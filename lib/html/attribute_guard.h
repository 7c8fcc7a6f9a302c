// A bound checked before gumbo sees HTML: gumbo compares each attribute of
// an element with every earlier one (to drop duplicates), so an element with
// 200,000 attributes costs it minutes. Pages and HTML articles with more than
// kMaxAttributesPerElement on one element are refused instead, in linear time.
#ifndef CITECHECK_HTML_ATTRIBUTE_GUARD_H_
#define CITECHECK_HTML_ATTRIBUTE_GUARD_H_

#include <cstddef>
#include <string_view>

namespace citecheck {

// Far above any real element (a few dozen), far below gumbo's trouble
// (1,000 attributes cost it about a millisecond).
constexpr size_t kMaxAttributesPerElement = 1000;

// The most attributes on one start tag of `html`, counting stops once past
// `limit`. Comments and the content of raw-text elements (script, style,
// textarea, title, xmp) are not tags. Linear in html.size().
size_t MaxAttributesPerElement(std::string_view html, size_t limit = kMaxAttributesPerElement);

}  // namespace citecheck

#endif  // CITECHECK_HTML_ATTRIBUTE_GUARD_H_
