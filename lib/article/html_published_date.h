// The publication date an HTML article states in its metadata: Open Graph
// <meta property="article:published_time">, Dublin Core and the other
// <meta name=...> conventions news sites and journals use, and schema.org
// microdata (itemprop="datePublished", on <meta content> or <time datetime>).
// It dates archive lookups for citations without an access date (SPEC
// "Archived copies"). Internal to lib/article.
#ifndef CITECHECK_ARTICLE_HTML_PUBLISHED_DATE_H_
#define CITECHECK_ARTICLE_HTML_PUBLISHED_DATE_H_

#include <gumbo.h>

#include <string>

namespace citecheck {
namespace article {

// YYYY-MM-DD of the first such statement in document order; "" when there
// is none or it is not a date.
std::string HtmlPublishedDate(const GumboNode* root);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_HTML_PUBLISHED_DATE_H_
