// Reading a cookie from a request and writing the interface's cookies:
// always HttpOnly, SameSite=Strict, Path=/, and Secure when the browser
// reached the daemon over https (a TLS-terminating proxy says so with
// X-Forwarded-Proto: https).
#ifndef CITECHECK_WEB_COOKIES_H_
#define CITECHECK_WEB_COOKIES_H_

#include <httplib.h>

#include <cstdint>
#include <string>

namespace citecheck {

inline constexpr const char* kSessionCookie = "citecheck_session";
inline constexpr const char* kSignInCookie = "citecheck_signin";  // the sign-in form's CSRF token

// The value of cookie `name`, or "".
std::string CookieValue(const httplib::Request& req, const std::string& name);

// Sets `name` for `max_age_s` seconds (0: deletes it).
void SetCookie(const httplib::Request& req, httplib::Response& res, const std::string& name,
               const std::string& value, int64_t max_age_s);

}  // namespace citecheck

#endif  // CITECHECK_WEB_COOKIES_H_
