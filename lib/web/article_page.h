// One article's page (docs/web.md "Pages"): the HTML report's sections
// for its latest run, with a review form (note, accept / reject / clear)
// after every quote and citation, and a "check this article now" button.
#ifndef CITECHECK_WEB_ARTICLE_PAGE_H_
#define CITECHECK_WEB_ARTICLE_PAGE_H_

#include <string>

#include "store/registry_types.h"
#include "store/store.h"

namespace citecheck {

// `notice` (escaped) is shown on top, as an error when `error`.
std::string ArticlePage(Store& store, const ArticleEntry& article, const std::string& notice, bool error,
                        const WebSession& session);

}  // namespace citecheck

#endif  // CITECHECK_WEB_ARTICLE_PAGE_H_
