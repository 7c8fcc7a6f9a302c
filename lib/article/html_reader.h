// Reads an HTML article into the reader's Document with gumbo-parser.
// Internal to lib/article.
#ifndef CITECHECK_ARTICLE_HTML_READER_H_
#define CITECHECK_ARTICLE_HTML_READER_H_

#include <string_view>

#include "article/document.h"

namespace citecheck {
namespace article {

// `input` is the whole (valid UTF-8) article; offsets in the result index it.
// MediaWiki output (article/mediawiki_html.h) is read from its
// mw-parser-output element, with the Cite extension's markers and references.
// Otherwise scans <article> or <main> when present, else <body> without its nav,
// header, footer and aside. Lists under a References heading (or an <ol>
// whose id or class says references) are reference entries.
Document ReadHtml(std::string_view input);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_HTML_READER_H_
