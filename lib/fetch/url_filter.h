// Which URLs are not fetched at all: fetch.exclude patterns (link status
// excluded) and schemes other than http/https (link status blocked).
#ifndef CITECHECK_FETCH_URL_FILTER_H_
#define CITECHECK_FETCH_URL_FILTER_H_

#include <regex>
#include <string>
#include <vector>

namespace citecheck {

struct ExcludePattern {
  std::string text;
  std::regex regex;
};

// Compiles fetch.exclude (ECMAScript regexes, matched anywhere in the URL).
// For the config layer and the fetcher: on a bad pattern returns false and
// *error names it.
bool CompileExcludePatterns(const std::vector<std::string>& texts,
                            std::vector<ExcludePattern>* patterns, std::string* error);

// The first pattern matching `url`, or nullptr.
const ExcludePattern* FindExcludePattern(const std::vector<ExcludePattern>& patterns,
                                         const std::string& url);

// True for http:// and https:// URLs (case-insensitive scheme).
bool HasFetchableScheme(const std::string& url);

}  // namespace citecheck

#endif  // CITECHECK_FETCH_URL_FILTER_H_
