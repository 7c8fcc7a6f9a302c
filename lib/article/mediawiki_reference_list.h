// The references list of MediaWiki's rendered HTML (<ol class="references">)
// read into reference entries keyed by the labels their markers show, and
// each reference's quote into a block of its own. Internal to lib/article.
#ifndef CITECHECK_ARTICLE_MEDIAWIKI_REFERENCE_LIST_H_
#define CITECHECK_ARTICLE_MEDIAWIKI_REFERENCE_LIST_H_

#include <gumbo.h>

#include <map>
#include <string>

#include "article/document.h"

namespace citecheck {
namespace article {

// `labels` maps note ids to marker labels (CollectMarkerLabels). A list item
// no marker points at is labelled by its position in the list, with the
// group of its neighbours ("note 3"). Entries get the reference's name (from
// its note id), group, URL or no_url, and CS1's title, dates and archived
// copy; a <q> becomes a block of origin kRef holding the quotation and one
// marker of the entry's label, so it is attributed to that reference alone.
// Offsets are clamped to `input_size`.
void ReadMediaWikiReferences(const GumboNode* list, const std::map<std::string, std::string>& labels,
                             size_t input_size, Document* doc);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_MEDIAWIKI_REFERENCE_LIST_H_
