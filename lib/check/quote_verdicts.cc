#include "check/quote_verdicts.h"

#include <algorithm>

#include "extract/pdf_lines.h"

namespace citecheck {
namespace {

Verdict Unverifiable(std::string reason) {
  Verdict v;
  v.status = QuoteStatus::kUnverifiable;
  v.reason = std::move(reason);
  return v;
}

std::string Describe(const PageOutcome& outcome) {
  std::string text(ToString(outcome.link_status));
  if (!outcome.link_error.empty()) text += " (" + outcome.link_error + ")";
  return text;
}

// A PDF's text marks its pages (extract/pdf_lines.h): the evidence names the
// page of the match, and its snippet shows page ends as line breaks.
void NotePdfPage(const std::string& text, Evidence* evidence) {
  evidence->page = PdfPageAt(text, evidence->offset);
  if (evidence->page == 0) return;
  std::replace(evidence->snippet.begin(), evidence->snippet.end(), kPdfPageEnd, '\n');
  std::replace(evidence->matched.begin(), evidence->matched.end(), kPdfPageEnd, '\n');
}

}  // namespace

std::string HumanBytes(int64_t bytes) {
  if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (1 << 10) && bytes % (1 << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

Verdict VerdictForCitation(const std::string& quote, const Citation& citation,
                           const PageOutcome* outcome, const MatchOptions& options) {
  const std::string label = "[" + citation.id + "]";
  if (outcome == nullptr) {
    // A book, {{sfn}} or plain-text reference (docs/statuses.md no_url).
    if (citation.no_url) return Unverifiable("no online source");
    if (citation.url_error_status == LinkStatus::kBlocked) {
      return Unverifiable("link " + label + " is blocked (" + citation.url_error + ")");
    }
    if (!citation.url_error.empty()) return Unverifiable("citation " + label + ": " + citation.url_error);
    return Unverifiable("citation " + label + " has no reference entry");
  }
  if (outcome->link_status != LinkStatus::kOk) {
    return Unverifiable("link " + label + " is " + Describe(*outcome));
  }
  if (!outcome->page) return Unverifiable(outcome->no_text_reason);
  Verdict verdict = MatchQuote(quote, *outcome->page, options);
  if (verdict.evidence) {
    verdict.evidence->citation_id = citation.id;
    NotePdfPage(outcome->page->text(), &*verdict.evidence);
  }
  // A quote missing from a cut-off page may be in the part we did not read.
  if (verdict.status == QuoteStatus::kNotFound && outcome->truncated) {
    return Unverifiable("page truncated at " + HumanBytes(outcome->max_body_bytes));
  }
  // Only the teaser of a paywalled page is public: not finding the quote
  // there accuses the article of nothing.
  if (verdict.status == QuoteStatus::kNotFound && outcome->paywalled) {
    return Unverifiable(std::string(kPaywalledReason));
  }
  return verdict;
}

Verdict CombineVerdicts(const std::vector<Verdict>& verdicts) {
  const Verdict* best = &verdicts.front();
  for (const Verdict& v : verdicts) {
    bool better = VerdictRank(v.status) > VerdictRank(best->status) ||
                  (v.status == best->status && v.score > best->score);
    if (better) best = &v;
  }
  return *best;
}

}  // namespace citecheck
