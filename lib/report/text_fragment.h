// Links that open a source page at the quoted words: URL text fragments
// (`#:~:text=[prefix-,]start[,end][,-suffix]`, the WICG Text Fragments
// syntax) that browsers scroll to and highlight (docs/review.md "Open the
// source at the quote").
#ifndef CITECHECK_REPORT_TEXT_FRAGMENT_H_
#define CITECHECK_REPORT_TEXT_FRAGMENT_H_

#include <string>
#include <string_view>

#include "core/types.h"

namespace citecheck {

// The terms of one text directive; start is required, the others may be
// empty. Terms are plain text (not encoded).
struct TextDirective {
  std::string prefix;
  std::string start;
  std::string end;
  std::string suffix;
};

// One term percent-encoded as the syntax requires: ASCII letters, digits and
// ! $ ' ( ) * + . / : ; = ? @ _ ~ stay as they are; every other byte
// (space, '-', ',', '&', '#', '%', the UTF-8 bytes of non-ASCII text) is
// %XX with upper-case hex.
std::string EncodeTextDirectiveTerm(std::string_view term);

// "text=" and the encoded terms: [prefix-,]start[,end][,-suffix]. Empty when
// start is empty.
std::string TextDirectiveString(const TextDirective& directive);

// The directive for an evidence's match: its matched words (start, or the
// first and last words of a long match as start and end) with up to three
// words of the snippet's context on each side (prefix and suffix, from the
// same line of page text, since a browser matches them next to the quote).
// start is empty when the evidence has no matched text.
TextDirective DirectiveForEvidence(const Evidence& evidence);

// `url` without its fragment, then "#:~:text=..." for `directive`; `url`
// unchanged when the directive has no start.
std::string UrlWithTextFragment(const std::string& url, const TextDirective& directive);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_TEXT_FRAGMENT_H_
