// Character classes, word counting, URL spotting and input positions shared by
// the article readers. Internal to lib/article.
#ifndef CITECHECK_ARTICLE_TEXT_UTIL_H_
#define CITECHECK_ARTICLE_TEXT_UTIL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace citecheck {
namespace article {

// Code point starting at byte `pos` (U+FFFD for invalid bytes, 0 at the end).
char32_t CodePointAt(std::string_view s, size_t pos);
// Code point ending just before byte `pos`; *start (when given) is its offset.
// Returns 0 at the start of `s`.
char32_t CodePointBefore(std::string_view s, size_t pos, size_t* start = nullptr);
// Byte length of the UTF-8 sequence starting with `lead`.
size_t SequenceLength(unsigned char lead);

bool IsSpace(char32_t cp);        // Unicode white space, NBSP included
bool IsWordChar(char32_t cp);     // letters, digits and combining marks
bool IsPunct(char32_t cp);        // punctuation or symbol
bool IsOpeningPunct(char32_t cp); // ( [ { dashes and opening quotation marks
bool IsLowercase(char32_t cp);

// Words are runs of letters and digits; an apostrophe or hyphen between two
// word characters does not split a word ("Russia's", "well-known").
int CountWords(std::string_view text);

// Offset of the next "http://" or "https://" at or after `from` that does not
// continue a word, or npos.
size_t FindUrl(std::string_view s, size_t from);
// End of the URL starting at `start`: it stops at white space or markup, and
// trailing punctuation (".", ",", an unbalanced ")", ">") is not part of it.
size_t UrlEnd(std::string_view s, size_t start);
// True for "http://..." and "https://..." (case-insensitive scheme).
bool IsAbsoluteHttpUrl(std::string_view url);
// True for a link that names a document: http(s), or any other scheme
// followed by "//" ("ftp://", "file:///", "gopher://"), which becomes a
// citation with link status blocked. Scheme-only links ("javascript:",
// "mailto:", "data:") in running text are not citations.
bool IsDocumentUrl(std::string_view url);
// Where the first URL of a scheme other than http(s) starts in `s` at or
// after `from`: "scheme://" of any scheme, or one of the schemes that take no
// "//" (javascript:, data:, mailto:, vbscript:, file:, tel:, news:, urn:); npos
// when none. For reference entries, whose URL is cited whatever its scheme.
size_t FindOtherSchemeUrl(std::string_view s, size_t from);

// True when `line` is just a reference-section name (References, Sources,
// Notes, Bibliography, Citations, Works cited, Footnotes), ignoring Markdown
// heading marks, emphasis, a final colon and case.
bool IsReferenceHeading(std::string_view line);

// Matches a numbered marker "[1]", "[1, 2]" or a footnote marker "[^id]" at
// `pos`; returns its byte length and fills *keys ("1", "2" / "^id"), or 0.
size_t MatchMarker(std::string_view s, size_t pos, std::vector<std::string>* keys);

std::string_view Trim(std::string_view s);
bool IsBlank(std::string_view s);  // empty or white space only (NBSP included)

// Turns byte offsets of the input into 1-based line and code-point column.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  int Line(size_t offset) const;
  // In code points; `text` must be valid UTF-8 up to `offset`. Costs
  // O(kBlock) whatever the line's length (a one-line article of 16 MiB with
  // many quotes must not count its line from the start for each).
  int Column(size_t offset) const;

 private:
  static constexpr size_t kBlock = 1024;
  size_t CodePointsBefore(size_t offset) const;

  std::string_view text_;
  std::vector<size_t> starts_;  // byte offset of every line start
  std::vector<size_t> block_code_points_;  // code points before byte i * kBlock
};

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_TEXT_UTIL_H_
