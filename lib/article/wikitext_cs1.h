// What a reference's content says: the fields of its citation template
// (Citation Style 1 and 2: {{cite web}}, {{Cite news}}, {{citation}}, …) or
// its first external link, and the template quote (docs/wikitext.md
// "References"). Internal to lib/article.
#ifndef CITECHECK_ARTICLE_WIKITEXT_CS1_H_
#define CITECHECK_ARTICLE_WIKITEXT_CS1_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "article/wikitext_tree.h"

namespace citecheck {
namespace article {
namespace wiki {

struct RefContent {
  std::string url;  // url= of the template, else the first external link; "" when none
  size_t url_offset = 0;
  std::string title;
  std::string access_date;   // YYYY-MM-DD, "" when absent or not a date
  std::string url_status;    // live, dead, unfit, usurped, deviated (dead-url=yes → dead)
  std::string archive_url;
  std::string archive_date;  // YYYY-MM-DD
  // The quotation to check: script-quote= (its "xx:" prefix removed) when
  // given, else quote= / quotation=; trans-quote= never.
  bool has_quote = false;
  std::string quote;
  size_t quote_offset = 0;   // first character of the parameter's value
};

// Reads the content input[begin, end) of a <ref>. An access-date or
// archive-date that is not a date CS1 accepts adds an Issue.
RefContent ReadRefContent(std::string_view input, size_t begin, size_t end, std::vector<Issue>* issues);

// True for the names of CS1/CS2 citation templates: "citation" and
// "cite …" ("cite web", "cite news", "cite journal", "cite book", …).
bool IsCitationTemplate(const std::string& name);

// A date in a form CS1 accepts ("3 May 2019", "May 3, 2019", "2019-05-03",
// abbreviated months too) as YYYY-MM-DD; "" for anything else.
std::string NormalizeCs1Date(std::string_view date);

}  // namespace wiki
}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_WIKITEXT_CS1_H_
