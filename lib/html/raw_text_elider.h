// A pre-pass that hands gumbo less work (docs/matching.md "Eliding what
// cannot be seen"). On real pages most bytes are script and style bodies,
// which gumbo still tokenizes character by character although no reader ever
// sees them. The pre-pass follows the HTML5 tokenizer (tags and quoted
// attribute values, comments, the script data states with their escaped and
// double-escaped forms, RAWTEXT, RCDATA, PLAINTEXT, CDATA in svg and math)
// and removes only what cannot change the tree gumbo builds nor its text.
#ifndef CITECHECK_HTML_RAW_TEXT_ELIDER_H_
#define CITECHECK_HTML_RAW_TEXT_ELIDER_H_

#include <optional>
#include <string>
#include <string_view>

namespace citecheck {

// `html` with the bodies of HTML <script> (except JSON data blocks) and
// <style> elements removed and every comment emptied (`<!---->`, so the
// comment token, and with it the tree, stays). Their start and end tags are
// kept as they were, so element structure, attributes, titles, languages and
// visible text parse exactly as in `html`. Returns nullopt, meaning "parse
// `html` as it is", when there is nothing to remove or when the document
// takes a path the pre-pass does not model with certainty: a frameset,
// raw-text elements inside <select> or inside svg/math, HTML breaking out of
// svg/math, an end tag closing HTML from within them. Linear in html.size().
std::optional<std::string> ElideRawText(std::string_view html);

}  // namespace citecheck

#endif  // CITECHECK_HTML_RAW_TEXT_ELIDER_H_
