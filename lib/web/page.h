// The frame of every web interface page (docs/web.md): one self-contained
// HTML document with the report's style sheet and the interface's own, a
// navigation bar for a signed-in reviewer, and the headers that keep it
// strict: a Content-Security-Policy that allows no request but to this
// daemon's own forms and no script but the report's filter script (by its
// hash), no framing, no referrer, no caching.
#ifndef CITECHECK_WEB_PAGE_H_
#define CITECHECK_WEB_PAGE_H_

#include <httplib.h>

#include <string>

#include "store/store.h"

namespace citecheck {

// The policy sent with every page (exposed for tests).
std::string WebContentSecurityPolicy();

// `body` is trusted markup (every untrusted string in it already escaped);
// `title` is escaped here. With `session`, the navigation and sign-out form.
std::string WebPage(const std::string& title, const std::string& body, const WebSession* session);

// Sends `html` with the policy and the other security headers.
void SendHtml(httplib::Response& res, int status, const std::string& html);

// 303 to `location` (a path on this daemon).
void SeeOther(httplib::Response& res, const std::string& location);

// The hidden field every form of a session carries.
std::string CsrfField(const std::string& csrf);

}  // namespace citecheck

#endif  // CITECHECK_WEB_PAGE_H_
