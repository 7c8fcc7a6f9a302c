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

// The one place the page reads articles from the store.
std::vector<ArticleRow> LoadArticleRows(Store& store);

// filter: "" (all), "problems" or "stale". `notice` is shown on top (escaped).
std::string ArticlesPage(const std::vector<ArticleRow>& rows, const std::string& filter, const std::string& notice,
                         const WebSession& session);

}  // namespace citecheck

#endif  // CITECHECK_WEB_ARTICLES_PAGE_H_
