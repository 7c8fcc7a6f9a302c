#include "report/summary.h"

#include "review/review.h"

namespace citecheck {

bool IsQuoteProblem(const QuoteRecord& quote) {
  const bool verdict = quote.decided && (quote.verdict.status == QuoteStatus::kNotFound ||
                                         quote.verdict.status == QuoteStatus::kNearMatch);
  return ProblemUnderReview(verdict, quote.review);
}

bool RepairedByArticleArchive(const CitationRecord& citation) {
  const std::optional<CitationArchive>& archive = citation.archive;
  return archive && archive->url && archive->from == "article" && archive->link_status == LinkStatus::kOk;
}

bool IsCitationProblem(const CitationRecord& citation) {
  // SPEC "Archived copies": a working copy the article gives repairs the
  // citation; a copy found by lookup is only a suggestion.
  const bool problem = IsLinkProblem(citation.link_status) && !RepairedByArticleArchive(citation);
  return ProblemUnderReview(problem, citation.review);
}

std::string LinkDetail(const CitationRecord& c) {
  const std::string http = c.http_status > 0 ? "HTTP " + std::to_string(c.http_status) : "";
  if (http.empty() || c.error.rfind(http, 0) == 0) return c.error;
  return c.error.empty() ? http : http + ": " + c.error;
}

std::string_view QuoteStatusName(const QuoteRecord& quote) {
  return quote.decided ? ToString(quote.verdict.status) : kPendingStatus;
}

ArticleSummary Summarize(const ArticleRecord& article) {
  ArticleSummary s;
  for (const CitationRecord& c : article.citations) {
    ++s.citations;
    ++s.links_by_status[std::string(ToString(c.link_status))];
    if (c.link_status == LinkStatus::kOk) ++s.links_ok;
    if (IsLinkProblem(c.link_status)) ++s.links_broken;
  }
  for (const QuoteRecord& q : article.quotes) {
    ++s.quotes;
    if (!q.decided) {
      ++s.pending;
      continue;
    }
    switch (q.verdict.status) {
      case QuoteStatus::kVerified: ++s.verified; break;
      case QuoteStatus::kNearMatch: ++s.near_match; break;
      case QuoteStatus::kNotFound: ++s.not_found; break;
      case QuoteStatus::kUnverifiable: ++s.unverifiable; break;
      case QuoteStatus::kSkipped: ++s.skipped; break;
      case QuoteStatus::kUncited: ++s.uncited; break;
    }
  }
  return s;
}

}  // namespace citecheck
