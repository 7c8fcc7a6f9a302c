// Which elements a reader of the rendered page never sees (docs/matching.md
// "Visible text of a page"), decided from the element alone: no style sheets
// are read, so only what the markup itself says counts.
#ifndef CITECHECK_EXTRACT_VISIBILITY_H_
#define CITECHECK_EXTRACT_VISIBILITY_H_

#include <gumbo.h>

#include <string_view>

namespace citecheck {

// True for an element with the `hidden` attribute (except
// hidden="until-found", whose text find-in-page reveals), an inline style
// with display:none or visibility:hidden/collapse, a visually-hidden class
// (sr-only, visually-hidden, visuallyhidden, screen-reader-text and the
// spellings listed in visibility.cc), or a MediaWiki edit-section link.
bool IsInvisibleElement(const GumboNode* element);

// Whether an inline style attribute's declarations hide the element.
bool StyleHides(std::string_view style);

// Whether a class attribute holds a class that hides the element.
bool ClassHides(std::string_view classes);

}  // namespace citecheck

#endif  // CITECHECK_EXTRACT_VISIBILITY_H_
