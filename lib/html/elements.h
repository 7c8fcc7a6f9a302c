// The HTML element tables both readers of HTML share (the article reader
// and the page extractor), so an article and a cited page are read alike.
#ifndef CITECHECK_HTML_ELEMENTS_H_
#define CITECHECK_HTML_ELEMENTS_H_

#include <gumbo.h>

namespace citecheck {

// Elements whose content a reader never sees as text (scripts, styles, the
// head, embedded media and form controls).
bool IsHiddenElement(GumboTag tag);

// Elements that start on a line of their own; everything else is inline and
// joins its neighbours without a break ("split<span>ting</span>").
bool IsBlockElement(GumboTag tag);

}  // namespace citecheck

#endif  // CITECHECK_HTML_ELEMENTS_H_
