// The sign-in page and the "add an article" page (docs/web.md).
#ifndef CITECHECK_WEB_FORMS_PAGES_H_
#define CITECHECK_WEB_FORMS_PAGES_H_

#include <string>

#include "store/store.h"

namespace citecheck {

// `csrf` is the sign-in form's token (from its cookie); `error` (escaped)
// says why the last attempt failed.
std::string SignInPage(const std::string& csrf, const std::string& error);

std::string AddArticlePage(const WebSession& session, const std::string& error);

}  // namespace citecheck

#endif  // CITECHECK_WEB_FORMS_PAGES_H_
