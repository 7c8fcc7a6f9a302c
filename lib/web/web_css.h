// The web interface's style sheet, after the report's (report/html_assets.h):
// navigation, forms and the articles table, from a phone to a wide screen,
// with a visible focus ring for keyboard use.
#ifndef CITECHECK_WEB_WEB_CSS_H_
#define CITECHECK_WEB_WEB_CSS_H_

#include <string_view>

namespace citecheck {

extern const std::string_view kWebCss;

}  // namespace citecheck

#endif  // CITECHECK_WEB_WEB_CSS_H_
