// Rendering what changed since an article's previous run (ArticleRecord::
// changes, filled by lib/history): the "changes" object of the JSON report,
// a text section, and the `report --changes` output (only the changes).
#ifndef CITECHECK_REPORT_CHANGES_SECTION_H_
#define CITECHECK_REPORT_CHANGES_SECTION_H_

#include <nlohmann/json.hpp>
#include <string>

#include "store/records.h"

namespace citecheck {

// {"previous_run": ID|null, "previous_checked_at": ..., "links_newly_broken":
// [...], "links_recovered": [...], "quotes_no_longer_verified": [...],
// "quotes_newly_verified": [...], "quotes_moved_to_archive": [... with
// "archive_datetime"], "pages_changed": [...], "broken_links":
// [{"id", "url", "status", "since", "consecutive_runs"}], "stale_reviews":
// [{"key", "kind", "subject", "line", "by", "at", "reason"}]}
nlohmann::ordered_json ChangesJson(const ArticleChanges& changes);

// "was on the live page, now verified in the archived copy of 2019-05-03:
// REASON", the words every format uses for a quote moved to its archive.
std::string MovedToArchiveText(const QuoteChange& change);

// Plain text lines for one article (terminal-safe), "" when there is nothing
// to say (first run, nothing changed, no link broken).
std::string ChangesText(const ArticleChanges& changes, bool color);

// The text section after a whole report, "Changes since the previous run",
// built an article at a time: one article's lines ("" when it has none),
// and the section around every article's ("" when none has any).
std::string ArticleChangesSectionText(const ArticleRecord& article, bool color);
std::string ChangesSectionOf(const std::string& article_sections, bool color);

// `report --changes`: only the changes of every article of `run`, as "text"
// or "json" ({"schema": "citecheck.changes/1", "articles": [{"source",
// "checked_at", "changes"}]}). Articles without changes and without broken
// links are left out of the text and listed in the JSON. nullopt-like empty
// string for an unknown format.
std::string RenderChangesOnly(const RunRecord& run, const std::string& format, bool color);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_CHANGES_SECTION_H_
