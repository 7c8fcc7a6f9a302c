// Making untrusted text safe and tidy for a terminal: article and page text
// is printed by the text report, and a page must not be able to move the
// cursor, retitle the window or hide lines with escape sequences.
#ifndef CITECHECK_REPORT_TERMINAL_TEXT_H_
#define CITECHECK_REPORT_TERMINAL_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace citecheck {

// One printable line: invalid UTF-8 repaired; tab, newline and other line
// breaks become a space; every other C0 and C1 control (ESC included), DEL
// and the bidirectional overrides and isolates (which can reorder what the
// reader sees) become U+FFFD.
std::string SanitizeForTerminal(std::string_view text);

// Code points of `text` (a column count; wide characters count as one).
size_t DisplayWidth(std::string_view text);

// `text` with at most `max_width` code points: a longer one keeps its start
// and end around "…", so both the opening and the closing words of a quote
// stay visible.
std::string ShortenMiddle(std::string_view text, size_t max_width);

// As ShortenMiddle, but the code points [keep_begin, keep_end) (e.g. a
// misquoted word) stay visible: when the middle cut would remove them, the
// result is start … window around them … end. A range past max_width is
// kept only in part.
std::string ShortenKeeping(std::string_view text, size_t max_width, size_t keep_begin, size_t keep_end);

// `text` followed by spaces up to `width` columns.
std::string PadRight(std::string_view text, size_t width);

// ANSI styling, applied only when enabled.
enum class Style { kNone, kGreen, kYellow, kRed, kDim, kBold };
std::string Styled(std::string_view text, Style style, bool enabled);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_TERMINAL_TEXT_H_
