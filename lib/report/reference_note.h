// What every report format shows beside a citation of a MediaWiki article
// and a template quote (docs/reports.md "MediaWiki references"): the
// reference's name and group, the line of its <ref>, "no online source" for
// no_url citations, and where a template quote came from. Plain text: each
// formatter escapes it for its own output.
#ifndef CITECHECK_REPORT_REFERENCE_NOTE_H_
#define CITECHECK_REPORT_REFERENCE_NOTE_H_

#include <string>

#include "core/types.h"
#include "store/records.h"

namespace citecheck {

// True for an article read as wikitext: its name ends in .wiki, .wikitext
// or .mediawiki, or one of its citations carries reference fields.
bool IsMediaWikiArticle(const ArticleRecord& article);

// `<ref name="pier" group="note"> line 4` for a citation of a MediaWiki
// article (the line is that of the defining <ref>); "" otherwise.
std::string ReferenceNote(const Citation& citation, bool mediawiki);

// What stands in place of a missing URL: "(no online source)" for a no_url
// citation, else "(no reference entry)".
std::string MissingUrlLabel(const Citation& citation);

// "paywalled page" beside a citation whose page says its text is not free
// (docs/reports.md "Paywalled pages"); "" otherwise.
std::string PaywallNote(const CitationRecord& citation);

// "from quote= of [1]" for a template quote (origin ref); "" for prose.
std::string QuoteOriginNote(const Quote& quote);

}  // namespace citecheck

#endif  // CITECHECK_REPORT_REFERENCE_NOTE_H_
