// Turns anchors and reference entries into the article's citations.
// Internal to lib/article.
#ifndef CITECHECK_ARTICLE_CITATIONS_H_
#define CITECHECK_ARTICLE_CITATIONS_H_

#include <string>
#include <vector>

#include "article/document.h"
#include "article/text_util.h"
#include "core/types.h"

namespace citecheck {
namespace article {

// Gives every anchor of `doc` its citation id ("1", "^note", "link-N") and
// returns the citations in order of first appearance: markers and links in
// text order, then reference entries no marker points to. A marker without an
// entry has no URL (unresolved). An entry whose URL cannot be used keeps it
// as written with url_error set (a scheme other than http/https: "scheme
// ftp not allowed", link status blocked; else malformed, error), and adds a
// warning to *diagnostics.
std::vector<Citation> BuildCitations(Document* doc, const LineIndex& lines, const std::string& file,
                                     std::vector<Diagnostic>* diagnostics);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_CITATIONS_H_
