// Reads a MediaWiki wikitext article (docs/wikitext.md): prose blocks with a
// marker where each reference stands, the references numbered as MediaWiki
// shows them with their citation-template fields, and the template quotes.
// Internal to lib/article; ReadArticle (reader.h) is the public entry.
#ifndef CITECHECK_ARTICLE_WIKITEXT_READER_H_
#define CITECHECK_ARTICLE_WIKITEXT_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "article/document.h"
#include "article/text_util.h"
#include "article/wikitext_refs.h"
#include "core/types.h"

namespace citecheck {
namespace article {

struct WikitextDocument {
  // Blocks with anchors keyed by citation id, and one entry per defined
  // reference (key: its id; url: its URL, "" when it has none).
  Document doc;
  std::vector<wiki::RefRecord> refs;  // in order of first use
  std::vector<wiki::Issue> issues;    // warnings, by input offset
};

// `input` is the whole (valid UTF-8) article; reading starts at `start`.
WikitextDocument ReadWikitext(std::string_view input, size_t start);

// After BuildCitations on wiki.doc: gives the citations their reference
// fields (name, group, template fields, no_url), puts them in MediaWiki's
// order, adds the template quotes (origin kRef, attributed to their own
// reference alone) and the issues as warnings naming `file` and the line.
void ApplyWikitext(const WikitextDocument& wiki, const LineIndex& lines, const std::string& file,
                   int min_quote_words, Article* article);

// True when `text` looks like wikitext: a <ref tag, a citation template,
// or a == heading == with [[links]].
bool LooksLikeWikitext(std::string_view text);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_WIKITEXT_READER_H_
