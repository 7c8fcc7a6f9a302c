// Optional text of a page (docs/matching.md "Optional text"): note markers
// and maintenance tags, which stay in the page text but which a quote may
// leave out. The walker brackets marker elements with kOptionalBegin /
// kOptionalEnd while it collects raw text; TakeOptionalMarks turns them into
// spans of the collapsed text.
#ifndef CITECHECK_EXTRACT_OPTIONAL_TEXT_H_
#define CITECHECK_EXTRACT_OPTIONAL_TEXT_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace citecheck {

// Control characters no page text keeps (the walker drops them from text
// nodes), used to bracket marker elements in raw text.
inline constexpr char kOptionalBegin = '\x01';
inline constexpr char kOptionalEnd = '\x02';

// A <sup> or <a> that is a note marker: its text (`text`, collapsed) is a
// bracketed number of up to 4 digits or a bracketed letter ("[4]", "[a]"),
// a bare number of up to 3 digits or a bare letter ("1", "a"), or, for a
// link to a note (#cite_note-…, #fn…, #footnote…), any text of up to 12
// bytes ("[note 1]", "*"). A bare number or letter right after a digit is
// an exponent or an ordinal ("10<sup>6</sup>", "1<sup>e</sup>"), not a
// marker: `after_digit` says so.
bool IsNoteMarker(const GumboNode* element, std::string_view text, bool after_digit);

// Removes the marker characters from `text` (CollapseLines output), keeping
// its whitespace collapsed, and returns the spans they bracketed, trimmed of
// spaces, empty ones dropped.
std::vector<TextSpan> TakeOptionalMarks(std::string* text);

// Bracketed markers written in the text itself: "[4]", "[a]", "[note 2]"
// and MediaWiki's inline maintenance tags ("[citation needed]", "[when?]",
// the list in optional_text.cc), appended to *spans.
void AddWrittenMarkers(std::string_view text, std::vector<TextSpan>* spans);

// Lines that are page furniture a reader skips over (docs/matching.md
// "Page furniture"): a whole line that is only an advertisement label
// ("Advertisement", "Sponsored"), a share widget's label ("Share",
// "Tweet", "Facebook", "Copy link") or a reading-time badge ("4 min read"),
// appended to *spans, so that a quote running across it still matches.
void AddFurnitureLines(std::string_view text, std::vector<TextSpan>* spans);

// Sorted, overlapping and touching spans merged.
void MergeSpans(std::vector<TextSpan>* spans);

}  // namespace citecheck

#endif  // CITECHECK_EXTRACT_OPTIONAL_TEXT_H_
