// The repair a report suggests for a dead link with an archived copy found
// by lookup (docs/reports.md "Archived copies"): what to add to the article,
// whether the link counts as dead yet, and whether the copy holds the
// article's quotes. Plain text: each formatter escapes it for its output.
#ifndef CITECHECK_REPORT_ARCHIVE_SUGGESTION_H_
#define CITECHECK_REPORT_ARCHIVE_SUGGESTION_H_

#include <optional>
#include <string>

#include "store/records.h"

namespace citecheck {

struct ArchiveSuggestion {
  // What to add: "|archive-url=U |archive-date=D |url-status=dead" for a
  // wikitext article (url-status=live while the link is not dead yet), the
  // copy's URL for any other.
  std::string add;
  bool dead = false;
  // Why it is (not yet) dead: "not ok in this run and the previous one",
  // "not ok in this run; no earlier run", "not ok in this run only (ok in the
  // previous one)".
  std::string why;
  // "the copy holds 2 of its 2 quotes", "the copy holds none of its 3
  // quotes"; "" when no quote cites it.
  std::string quotes;
};

// The suggestion for `citation` of `article`: only for a link that is not ok
// with a copy found by lookup (archive.suggested). A link is dead when it is
// not ok in this run and, when the article has an earlier run
// (article.changes), was not ok in that one either.
std::optional<ArchiveSuggestion> SuggestArchive(const ArticleRecord& article, const CitationRecord& citation,
                                                bool mediawiki);

// "add |archive-url=… (dead: not ok in this run and the previous one; the
// copy holds 1 of its 1 quotes)": the suggestion in one line.
std::string SuggestionLine(const ArchiveSuggestion& suggestion);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_ARCHIVE_SUGGESTION_H_
