#include "fetch/url_filter.h"

#include <strings.h>

namespace citecheck {

bool CompileExcludePatterns(const std::vector<std::string>& texts,
                            std::vector<ExcludePattern>* patterns, std::string* error) {
  patterns->clear();
  for (const std::string& text : texts) {
    try {
      patterns->push_back({text, std::regex(text, std::regex::ECMAScript)});
    } catch (const std::regex_error& e) {
      *error = "fetch.exclude: bad regular expression \"" + text + "\": " + e.what();
      return false;
    }
  }
  return true;
}

const ExcludePattern* FindExcludePattern(const std::vector<ExcludePattern>& patterns,
                                         const std::string& url) {
  for (const ExcludePattern& pattern : patterns) {
    if (std::regex_search(url, pattern.regex)) return &pattern;
  }
  return nullptr;
}

bool HasFetchableScheme(const std::string& url) {
  return strncasecmp(url.c_str(), "http://", 7) == 0 || strncasecmp(url.c_str(), "https://", 8) == 0;
}

}  // namespace citecheck
