// Whitespace rules shared by HTML and plain-text extraction, so that both
// kinds of page give the matcher text of the same shape.
#ifndef CITECHECK_EXTRACT_TEXT_LINES_H_
#define CITECHECK_EXTRACT_TEXT_LINES_H_

#include <string>
#include <string_view>

namespace citecheck {

// `raw` split at '\n' (a "\r\n" counts as one break); in each line every run
// of whitespace (ASCII blanks and NBSP) becomes one space, the line is
// trimmed, and empty lines are dropped. Lines are joined with '\n'.
std::string CollapseLines(std::string_view raw);

// One line: whitespace runs (newlines included) collapsed, trimmed.
std::string CollapseSpaces(std::string_view raw);

}  // namespace citecheck

#endif  // CITECHECK_EXTRACT_TEXT_LINES_H_
