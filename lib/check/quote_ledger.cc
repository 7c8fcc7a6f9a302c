#include "check/quote_ledger.h"

#include <algorithm>

#include "check/quote_verdicts.h"

namespace citecheck {
namespace {

std::optional<size_t> FindCitation(const Article& article, const std::string& id) {
  for (size_t i = 0; i < article.citations.size(); ++i) {
    if (article.citations[i].id == id) return i;
  }
  return std::nullopt;
}

Verdict Decided(QuoteStatus status, std::string reason) {
  Verdict verdict;
  verdict.status = status;
  verdict.reason = std::move(reason);
  return verdict;
}

}  // namespace

bool IsFetchable(const Citation& citation) {
  return !citation.no_url && !citation.normalized_url.empty() && citation.url_error.empty();
}

size_t QuoteLedger::AddArticle(Article article, std::vector<DecidedQuote>* decided) {
  const size_t a = articles_.size();
  articles_.push_back(std::move(article));
  const Article& added = articles_.back();
  for (size_t q = 0; q < added.quotes.size(); ++q) {
    const Quote& quote = added.quotes[q];
    if (quote.skipped) {
      decided->push_back({a, q, Decided(QuoteStatus::kSkipped, quote.skip_reason)});
      continue;
    }
    PendingQuote pending;
    for (const std::string& id : quote.citation_ids) {
      std::optional<size_t> index = FindCitation(added, id);
      if (!index || pending.by_citation.count(*index) > 0) continue;  // [1] cited twice: one slot
      const Citation& citation = added.citations[*index];
      if (IsFetchable(citation)) {
        pending.by_citation[*index] = std::nullopt;
        ++pending.missing;
        by_url_[citation.normalized_url].push_back({a, q, *index});
      } else {
        // An unresolved marker or an unusable URL: decided without a page.
        pending.by_citation[*index] = VerdictForCitation(quote.text, citation, nullptr, MatchOptions{});
      }
    }
    if (pending.by_citation.empty()) {
      decided->push_back({a, q, Decided(QuoteStatus::kUncited, "")});
      continue;
    }
    pending_.emplace(std::make_pair(a, q), std::move(pending));
    if (std::optional<DecidedQuote> done = TakeIfComplete(a, q)) decided->push_back(std::move(*done));
  }
  return a;
}

const std::string& QuoteLedger::QuoteText(const QuoteRef& ref) const {
  return articles_[ref.article].quotes[ref.quote].text;
}

const Citation& QuoteLedger::CitationOf(const QuoteRef& ref) const {
  return articles_[ref.article].citations[ref.citation];
}

std::vector<std::string> QuoteLedger::Urls() const {
  std::vector<std::string> urls;
  for (const Article& article : articles_) {
    for (const Citation& c : article.citations) {
      if (IsFetchable(c)) urls.push_back(c.normalized_url);
    }
  }
  std::sort(urls.begin(), urls.end());
  urls.erase(std::unique(urls.begin(), urls.end()), urls.end());
  return urls;
}

const std::vector<QuoteRef>& QuoteLedger::Citing(const std::string& url) const {
  static const std::vector<QuoteRef> kNone;
  auto it = by_url_.find(url);
  return it == by_url_.end() ? kNone : it->second;
}

std::optional<DecidedQuote> QuoteLedger::Record(const QuoteRef& ref, Verdict verdict) {
  auto it = pending_.find({ref.article, ref.quote});
  if (it == pending_.end()) return std::nullopt;
  auto slot = it->second.by_citation.find(ref.citation);
  if (slot == it->second.by_citation.end() || slot->second) return std::nullopt;
  slot->second = std::move(verdict);
  --it->second.missing;
  return TakeIfComplete(ref.article, ref.quote);
}

std::optional<DecidedQuote> QuoteLedger::TakeIfComplete(size_t article, size_t quote) {
  auto it = pending_.find({article, quote});
  if (it == pending_.end() || it->second.missing != 0) return std::nullopt;
  std::vector<Verdict> verdicts;
  for (auto& [index, verdict] : it->second.by_citation) verdicts.push_back(std::move(*verdict));
  pending_.erase(it);
  return DecidedQuote{article, quote, CombineVerdicts(verdicts)};
}

}  // namespace citecheck
