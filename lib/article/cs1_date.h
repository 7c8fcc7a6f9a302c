// Dates as Citation Style 1 writes them (access-date=, archive-date=, and the
// rendered "Retrieved 3 May 2019"), turned into YYYY-MM-DD.
// Internal to lib/article.
#ifndef CITECHECK_ARTICLE_CS1_DATE_H_
#define CITECHECK_ARTICLE_CS1_DATE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace citecheck {
namespace article {

// Parses the date at the start of `text` (leading white space skipped) in a
// form CS1 accepts: "3 May 2019", "May 3, 2019", "2019-05-03", with full or
// three-letter month names ("Sept" too), any case. Returns YYYY-MM-DD and sets
// *consumed (when given) to the bytes read; "" when `text` does not start
// with a valid calendar date (31 April, a 13th month and years outside
// 1000-2999 are not dates).
std::string ParseCs1Date(std::string_view text, size_t* consumed = nullptr);

}  // namespace article
}  // namespace citecheck

#endif  // CITECHECK_ARTICLE_CS1_DATE_H_
