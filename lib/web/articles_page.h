// The articles page (docs/web.md "Pages"): every registered article with
// its last run, status counts, what changed since the run before, and
// filters for articles with problems and with stale reviews.
#ifndef CITECHECK_WEB_ARTICLES_PAGE_H_
#define CITECHECK_WEB_ARTICLES_PAGE_H_

#include <optional>
#include <string>
#include <vector>

#include "registry/registry.h"
#include "store/records.h"
#include "store/store.h"

namespace citecheck {

struct ArticleRow {
  ArticleOverview overview;
  std::optional<ArticleRecord> latest;  // the last run's record, changes and reviews attached
  bool problems = false;                // its exit code is not 0
  size_t stale_reviews = 0;
};

// Which page of the list: the articles with ids after `after`, at most
// `limit` of them (docs/web.md "Pages": like GET /v1/articles, 100 by
// default, at most 1000). Each row costs a stored-run render, so a page, not
// every article, is what a view reads.
struct ArticlesPaging {
  int64_t after = 0;
  int limit = 100;
};
// `?after=&limit=`; missing or malformed values fall back to the defaults,
// a limit above 1000 to 1000.
ArticlesPaging ParseArticlesPaging(const std::string& after, const std::string& limit);

// The one place the page reads articles from the store.
std::vector<ArticleRow> LoadArticleRows(Store& store, const ArticlesPaging& paging);

// filter: "" (all), "problems" or "stale", applied to the rows of this page.
// `notice` is shown on top (escaped). A full page links to the next one.
std::string ArticlesPage(const std::vector<ArticleRow>& rows, const ArticlesPaging& paging, const std::string& filter,
                         const std::string& notice, const WebSession& session);

}  // namespace citecheck

#endif  // CITECHECK_WEB_ARTICLES_PAGE_H_
