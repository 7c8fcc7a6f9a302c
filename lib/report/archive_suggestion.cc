#include "report/archive_suggestion.h"

#include <algorithm>

namespace citecheck {
namespace {

// Runs in a row the link has not been ok, this one included; 1 when the
// history does not say (no BrokenLink for it).
int RunsNotOk(const ArticleChanges& changes, const CitationRecord& citation) {
  for (const BrokenLink& broken : changes.broken_links) {
    if (broken.citation_id == citation.citation.id) return broken.consecutive_runs;
  }
  return 1;
}

}  // namespace

std::optional<ArchiveSuggestion> SuggestArchive(const ArticleRecord& article, const CitationRecord& citation,
                                                bool mediawiki) {
  const std::optional<CitationArchive>& archive = citation.archive;
  if (!archive || !archive->suggested || !archive->url || !IsLinkProblem(citation.link_status)) return std::nullopt;
  ArchiveSuggestion out;
  const bool history = article.changes && article.changes->previous_run_id != 0;
  if (!history) {
    out.dead = true;
    out.why = "not ok in this run; no earlier run";
  } else if (RunsNotOk(*article.changes, citation) >= 2) {
    out.dead = true;
    out.why = "not ok in this run and the previous one";
  } else {
    out.why = "not ok in this run only (ok in the previous one)";
  }
  if (mediawiki) {
    out.add = "|archive-url=" + *archive->url;
    if (!archive->datetime.empty()) out.add += " |archive-date=" + archive->datetime.substr(0, 10);
    out.add += out.dead ? " |url-status=dead" : " |url-status=live";
  } else {
    out.add = *archive->url;
  }
  int citing = 0;
  int held = 0;
  for (const QuoteRecord& q : article.quotes) {
    const auto& ids = q.quote.citation_ids;
    if (std::find(ids.begin(), ids.end(), citation.citation.id) == ids.end()) continue;
    ++citing;
    const auto& e = q.verdict.evidence;
    if (q.decided && e && e->archived && e->citation_id == citation.citation.id) ++held;
  }
  if (citing > 0) {
    out.quotes = "the copy holds " + (held == 0 ? std::string("none") : std::to_string(held)) + " of its " +
                 std::to_string(citing) + (citing == 1 ? " quote" : " quotes");
  }
  return out;
}

std::string SuggestionLine(const ArchiveSuggestion& s) {
  std::string line = "add " + s.add + " (" + (s.dead ? "dead: " : "not dead yet: ") + s.why;
  if (!s.quotes.empty()) line += "; " + s.quotes;
  return line + ")";
}

}  // namespace citecheck
