// Recognises MediaWiki's rendered HTML (docs/reading.md "MediaWiki's
// rendered HTML") and says what its elements are: the Cite extension's
// markers and reference lists, and the chrome that is not the article's
// prose. Internal to lib/article.
#ifndef CITECHECK_ARTICLE_MEDIAWIKI_HTML_H_
#define CITECHECK_ARTICLE_MEDIAWIKI_HTML_H_

#include <gumbo.h>

#include <map>
#include <string>
#include <string_view>

namespace citecheck {
namespace article {

// The article's content: the first element of class mw-parser-output, or
// nullptr.
const GumboNode* FindParserOutput(const GumboNode* root);

// True when the tree is MediaWiki output: it has an mw-parser-output element
// or an <ol class="references">.
bool IsMediaWikiTree(const GumboNode* root);

enum class MediaWikiRole {
  kNone,           // read as any HTML
  kChrome,         // not prose: edit links, navboxes, infoboxes, tables, figures, maintenance tags ...
  kMarker,         // <sup class="reference"><a href="#cite_note-...">[1]</a></sup>
  kReferenceList,  // <ol class="references">
};
MediaWikiRole ClassifyMediaWikiElement(const GumboNode* node);

// The note id a marker points at ("cite_note-smith-2"), and its label as
// displayed with the brackets removed ("2", "note 1"); false when `sup` is
// not a Cite marker.
bool ReadMarker(const GumboNode* sup, std::string* note_id, std::string* label);

// Note id -> label of every marker under `root`, the first one seen winning.
std::map<std::string, std::string> CollectMarkerLabels(const GumboNode* root);

// The reference name MediaWiki encoded in a note id: "cite_note-Smith_2019-3"
// -> "Smith 2019" (underscores were spaces, %XX decoded); "cite_note-3" -> "".
std::string NameFromNoteId(std::string_view note_id);

// The group of a label: "note 1" -> "note", "1" -> "".
std::string GroupFromLabel(std::string_view label);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_MEDIAWIKI_HTML_H_
