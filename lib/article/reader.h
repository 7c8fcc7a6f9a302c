// Reading an article (docs/reading.md): finds citations (numbered
// markers with reference entries, footnotes, inline links) and quotations, and
// attributes each quotation to citations.
#ifndef CITECHECK_ARTICLE_READER_H_
#define CITECHECK_ARTICLE_READER_H_

#include <string>
#include <string_view>

#include "core/types.h"

namespace citecheck {

enum class ArticleFormat { kAuto, kMarkdown, kHtml, kWikitext };

struct ArticleOptions {
  int min_quote_words = 4;  // match.min_quote_words: shorter quotes are skipped
  // kAuto: by extension of `source` (.wiki, .wikitext, .mediawiki are
  // wikitext), else sniffing (docs/reading.md "Formats").
  ArticleFormat format = ArticleFormat::kAuto;
};

// Reads `text` (the article's bytes) named `source` (path, URL or --name; used
// for diagnostics and format detection). Never throws. Problems with the input
// are Diagnostics in the result: invalid UTF-8, an empty article (kError, with
// line and column); no citations, a malformed URL in a reference entry
// (kWarning / the citation's url_error). Thread-safe (no shared state).
Article ReadArticle(std::string_view text, const std::string& source, const ArticleOptions& options);

}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_READER_H_
