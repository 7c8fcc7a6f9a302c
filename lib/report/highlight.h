// Locating what a report highlights: the matched part of an evidence
// snippet, and the differing words of a near_match on either side. Pure
// string work on the stored records, shared by every format so they mark the
// same words.
#ifndef CITECHECK_REPORT_HIGHLIGHT_H_
#define CITECHECK_REPORT_HIGHLIGHT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace citecheck {

// A snippet cut around its match. `found` is false when the snippet does
// not contain the matched wording (then all of it is in `before`).
struct SnippetParts {
  std::string_view before;
  std::string_view matched;
  std::string_view after;
  bool found = false;
};
SnippetParts SplitSnippet(const Evidence& evidence);

// A piece of text, marked when it is one of the words looked for.
struct Segment {
  std::string_view text;
  bool marked = false;
};

// `text` cut into segments so that every whole-word occurrence of one of
// `words` is its own marked segment (a word is bounded by start/end or by a
// character that is not a letter or digit). Empty words are ignored. The
// segments concatenate to `text`.
std::vector<Segment> MarkWords(std::string_view text, const std::vector<std::string>& words);

// The article-side and page-side words of a near_match's differences
// (pairs with an empty side contribute nothing to that side).
std::vector<std::string> ArticleDifferenceWords(const Evidence& evidence);
std::vector<std::string> PageDifferenceWords(const Evidence& evidence);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_HIGHLIGHT_H_
