// Which quotes of a run wait on which URLs, and when each is decided. No I/O:
// the pipeline adds the articles it read, reports a verdict per quote and
// citation as pages are matched, and saves whatever the ledger hands back as
// decided. The ledger is the one place that decides the quotes that need no
// page at all (skipped, uncited, cited only by links that cannot be fetched).
#ifndef CITECHECK_CHECK_QUOTE_LEDGER_H_
#define CITECHECK_CHECK_QUOTE_LEDGER_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/types.h"

namespace citecheck {

// A quote of one article that cites a URL: indexes into the ledger's articles.
struct QuoteRef {
  size_t article;
  size_t quote;
  size_t citation;  // index into the article's citations
};

// A quote whose verdict is final.
struct DecidedQuote {
  size_t article;  // the ledger's index (AddArticle's result)
  size_t quote;    // index into the article's quotes
  Verdict verdict;
};

// True when the citation names a URL that can be requested.
bool IsFetchable(const Citation& citation);

// Not thread-safe for writes; once every article is added, the const
// accessors may be used from any thread while one thread calls Record.
class QuoteLedger {
 public:
  // Adds a readable article and returns its index. The quotes decided
  // without any page are appended to `decided`: skipped ones (the reader's
  // reason), uncited ones (no citation id names a citation of the article),
  // and those whose every citation cannot be fetched (unverifiable, why).
  size_t AddArticle(Article article, std::vector<DecidedQuote>* decided);

  const Article& article(size_t index) const { return articles_[index]; }
  size_t ArticleCount() const { return articles_.size(); }
  const std::string& QuoteText(const QuoteRef& ref) const;
  const Citation& CitationOf(const QuoteRef& ref) const;

  // Every distinct fetchable URL of the added articles, sorted.
  std::vector<std::string> Urls() const;
  // The quote-citation pairs a page of `url` decides (empty when none).
  const std::vector<QuoteRef>& Citing(const std::string& url) const;

  // The verdict of a quote against one of its citations. Returns the quote
  // once all its citations have one (the best of them, CombineVerdicts).
  // A slot already filled, or a quote already decided, is left as it is.
  std::optional<DecidedQuote> Record(const QuoteRef& ref, Verdict verdict);

  // Quotes still waiting for at least one page.
  size_t PendingCount() const { return pending_.size(); }

 private:
  // The verdicts still missing for one quote, by citation index.
  struct PendingQuote {
    std::map<size_t, std::optional<Verdict>> by_citation;
    size_t missing = 0;
  };

  std::optional<DecidedQuote> TakeIfComplete(size_t article, size_t quote);

  std::vector<Article> articles_;
  std::map<std::string, std::vector<QuoteRef>> by_url_;
  std::map<std::pair<size_t, size_t>, PendingQuote> pending_;
};

}  // namespace citecheck

#endif  // CITECHECK_CHECK_QUOTE_LEDGER_H_
