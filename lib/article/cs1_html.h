// Reads one reference of MediaWiki's rendered HTML as Citation Style 1
// renders it (docs/reading.md "MediaWiki's rendered HTML"): its URL, archived
// copy, title, dates and quote. Internal to lib/article.
#ifndef CITECHECK_ARTICLE_CS1_HTML_H_
#define CITECHECK_ARTICLE_CS1_HTML_H_

#include <gumbo.h>

#include <cstddef>
#include <string>

namespace citecheck {
namespace article {

struct RenderedReference {
  std::string url;          // empty when the reference names no online source
  size_t url_offset = 0;    // input offset of the link giving it
  std::string title;
  std::string access_date;  // YYYY-MM-DD
  std::string url_status;   // "live" / "dead" when an archived copy is shown, else empty
  std::string archive_url;
  std::string archive_date;  // YYYY-MM-DD
  bool has_quote = false;
  std::string quote;         // the text to check: the script text when given, never the translation
  size_t quote_offset = 0;   // input offset of the <q>
};

// `reference` is the reference's text (span.reference-text, or the <li>).
// A live source: the title links to the URL and "Archived" to the copy; a
// dead one: the title links to the copy and "the original" to the URL. A
// reference without CS1 markup gives its first external link.
RenderedReference ReadRenderedReference(const GumboNode* reference);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_CS1_HTML_H_
