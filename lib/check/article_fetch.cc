// FetchArticleInputs (declared in sources.h): published articles given by
// URL come through the same fetcher as cited pages, so the same politeness
// and private-network rules apply to them.
#include <map>

#include "check/sources.h"
#include "core/url.h"

namespace citecheck {

std::vector<ArticleInput> FetchArticleInputs(const std::vector<std::string>& urls, Fetcher& fetcher) {
  std::vector<std::string> normalized(urls.size());
  std::vector<std::string> to_fetch;
  std::vector<ArticleInput> inputs(urls.size());
  for (size_t i = 0; i < urls.size(); ++i) {
    inputs[i].source = urls[i];
    std::string error;
    auto n = NormalizeUrl(urls[i], &error);
    if (!n) {
      inputs[i].error = urls[i] + ": " + error;
      continue;
    }
    normalized[i] = *n;
    to_fetch.push_back(*n);
  }
  std::map<std::string, FetchResult> results;
  fetcher.FetchAll(to_fetch, [&](FetchResult r) { results[r.url] = std::move(r); });
  for (size_t i = 0; i < urls.size(); ++i) {
    if (normalized[i].empty()) continue;
    auto it = results.find(normalized[i]);
    if (it == results.end()) {
      inputs[i].error = urls[i] + ": not fetched";
      continue;
    }
    const FetchResult& r = it->second;
    if (r.status != LinkStatus::kOk) {
      inputs[i].error = urls[i] + ": cannot fetch the article: " + std::string(ToString(r.status)) +
                        (r.error.empty() ? "" : " (" + r.error + ")");
      continue;
    }
    inputs[i].ok = true;
    inputs[i].identity = normalized[i];
    inputs[i].bytes = r.body;
    inputs[i].media_type = r.content_type;
  }
  return inputs;
}

}  // namespace citecheck
