// Counts per article, shared by every format so they agree (docs/reports.md "Summary counts":
// the JSON summary object).
#ifndef CITECHECK_REPORT_SUMMARY_H_
#define CITECHECK_REPORT_SUMMARY_H_

#include <map>
#include <string>
#include <string_view>

#include "store/records.h"

namespace citecheck {

// Status shown for a quote whose verdict the run has not stored yet (an
// interrupted or running run). Not a QuoteStatus: it is not a verdict.
inline constexpr std::string_view kPendingStatus = "pending";

struct ArticleSummary {
  int citations = 0;
  int links_ok = 0;
  int links_broken = 0;  // every status but ok and excluded
  std::map<std::string, int> links_by_status;  // only statuses present
  int quotes = 0;        // all quotes, pending included
  int verified = 0;
  int near_match = 0;
  int not_found = 0;
  int unverifiable = 0;
  int skipped = 0;
  int uncited = 0;
  int pending = 0;  // undecided
};

ArticleSummary Summarize(const ArticleRecord& article);

// The status name of a quote as reports print it: its verdict, or "pending".
std::string_view QuoteStatusName(const QuoteRecord& quote);

// A link's HTTP status and error in one line ("HTTP 404", "HTTP 503: ...",
// "timed out after 30 s"), without repeating the status when the error
// already names it; empty when there is neither. Unescaped.
std::string LinkDetail(const CitationRecord& citation);

// Whether a quote fails the run: not_found or near_match, unless an
// accepted review holds; always when rejected (docs/review.md).
bool IsQuoteProblem(const QuoteRecord& quote);
// True when the article itself gives an archived copy of the citation
// (archive-url=) and that copy was read in the run.
bool RepairedByArticleArchive(const CitationRecord& citation);
// Whether a citation fails the run: its link is a problem (IsLinkProblem)
// not repaired by the article's own archived copy, with reviews applied as
// for quotes.
bool IsCitationProblem(const CitationRecord& citation);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_SUMMARY_H_
