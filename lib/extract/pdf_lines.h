// Turning the lines poppler gives for each page of a PDF into the page text
// the matcher reads: whitespace collapsed, words broken by a hyphen at a line
// end put back together, pages marked (docs/matching.md "PDF sources").
#ifndef CITECHECK_EXTRACT_PDF_LINES_H_
#define CITECHECK_EXTRACT_PDF_LINES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace citecheck {

// Every page of a PDF's text ends with this character, so the text itself
// carries its page map (a stored text read back on a later run still knows
// its pages) and a text holds it only when it came from a PDF: HTML and
// plain-text extraction collapse it as whitespace.
inline constexpr char kPdfPageEnd = '\f';

// The text of a PDF from its pages' raw text (lines separated by '\n'): each
// line's whitespace collapsed, empty lines dropped, each page followed by
// kPdfPageEnd. A line ending in a letter and a hyphen (or a soft hyphen)
// followed by a line starting with a lower-case letter is a word broken at
// the line end: it is joined without the hyphen ("extra-" + "ordinary" ->
// "extraordinary"), unless the document writes that compound with its hyphen
// elsewhere and never joined ("well-" + "known" -> "well-known"). A soft
// hyphen always joins.
std::string JoinPdfPages(const std::vector<std::string>& pages);

// 1-based page of the code point at `offset` in a text made by JoinPdfPages;
// 0 when `text` holds no kPdfPageEnd (not a PDF's text).
int PdfPageAt(std::string_view text, int64_t offset);

}  // namespace citecheck

#endif  // CITECHECK_EXTRACT_PDF_LINES_H_
