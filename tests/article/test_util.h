// Helpers shared by the article tests.
#ifndef CITECHECK_TESTS_ARTICLE_TEST_UTIL_H_
#define CITECHECK_TESTS_ARTICLE_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "article/reader.h"

namespace citecheck {
namespace testing_article {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline Article Read(const std::string& text, const std::string& source = "article.md",
                    int min_words = 4) {
  ArticleOptions options;
  options.min_quote_words = min_words;
  return ReadArticle(text, source, options);
}

// The quote whose text starts with `prefix`, or nullptr.
inline const Quote* FindQuote(const Article& a, const std::string& prefix) {
  for (const Quote& q : a.quotes) {
    if (q.text.rfind(prefix, 0) == 0) return &q;
  }
  return nullptr;
}

inline std::vector<std::string> Texts(const Article& a) {
  std::vector<std::string> out;
  for (const Quote& q : a.quotes) out.push_back(q.text);
  return out;
}

inline std::vector<std::string> CitationIds(const Article& a) {
  std::vector<std::string> out;
  for (const Citation& c : a.citations) out.push_back(c.id);
  return out;
}

inline bool HasDiagnostic(const Article& a, Diagnostic::Severity severity,
                          const std::string& fragment) {
  for (const Diagnostic& d : a.diagnostics) {
    if (d.severity == severity && d.message.find(fragment) != std::string::npos) return true;
  }
  return false;
}

}  // namespace testing_article
}  // namespace citecheck

#endif  // CITECHECK_TESTS_ARTICLE_TEST_UTIL_H_
