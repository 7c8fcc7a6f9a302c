// Reads Markdown and plain text into the reader's Document: blocks
// (paragraphs, headings, list items, '>' blockquotes), reference entries and
// the title. Internal to lib/article.
#ifndef CITECHECK_ARTICLE_MARKDOWN_READER_H_
#define CITECHECK_ARTICLE_MARKDOWN_READER_H_

#include <string_view>

#include "article/document.h"

namespace citecheck {
namespace article {

// `input` is the whole (valid UTF-8) article; reading starts at `start`
// (past a byte order mark). Offsets in the result index `input`.
Document ReadMarkdown(std::string_view input, size_t start);

// Parses a reference entry's URL from line[from, ...): the first http(s)
// URL or URL of another scheme (FindOtherSchemeUrl, reported blocked),
// whichever comes first. A URL broken by one space before its host is complete
// ("https://exa mple.com") is taken whole, so it is reported as malformed
// rather than silently shortened. Sets *url and *offset (into `line`).
bool FindEntryUrl(std::string_view line, size_t from, std::string* url, size_t* offset);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_MARKDOWN_READER_H_
