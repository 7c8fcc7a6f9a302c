// Signing in to citecheckd's web interface from a test, as a browser does:
// the sign-in form's token from its cookie and page, the token posted as a
// form, the session cookie kept; and reading a page's CSRF token.
#ifndef CITECHECK_TESTS_E2E_WEB_UTIL_H_
#define CITECHECK_TESTS_E2E_WEB_UTIL_H_

#include <httplib.h>

#include <string>

#include "e2e/daemon_util.h"

namespace citecheck::testing {

// The value of cookie `name` in the response's Set-Cookie headers, or "".
inline std::string SetCookieValue(const httplib::Response& res, const std::string& name) {
  for (size_t i = 0; i < res.get_header_value_count("Set-Cookie"); ++i) {
    const std::string header = res.get_header_value("Set-Cookie", i);
    if (header.rfind(name + "=", 0) == 0) return header.substr(name.size() + 1, header.find(';') - name.size() - 1);
  }
  return "";
}

// The first hidden CSRF field's value in a page, or "".
inline std::string CsrfOf(const std::string& page) {
  const std::string marker = "name=\"csrf\" value=\"";
  const size_t at = page.find(marker);
  if (at == std::string::npos) return "";
  const size_t start = at + marker.size();
  return page.substr(start, page.find('"', start) - start);
}

inline httplib::Headers CookieHeader(const std::string& name, const std::string& value) {
  return {{"Cookie", name + "=" + value}};
}

struct WebSignIn {
  int status = 0;         // of the POST /sign-in
  std::string session;    // the session cookie's value, "" when refused
  httplib::Headers response_headers;
};

inline WebSignIn SignIn(httplib::Client& client, const std::string& token, const std::string& name = "tester") {
  WebSignIn result;
  auto form = client.Get("/sign-in");
  if (!form) return result;
  const std::string form_cookie = SetCookieValue(*form, "citecheck_signin");
  httplib::Params params = {{"csrf", CsrfOf(form->body)}, {"token", token}, {"name", name}};
  auto res = client.Post("/sign-in", CookieHeader("citecheck_signin", form_cookie), params);
  if (!res) return result;
  result.status = res->status;
  result.session = SetCookieValue(*res, "citecheck_session");
  result.response_headers = res->headers;
  return result;
}

// A client of the daemon that sends no bearer token (as a browser).
inline httplib::Client Browser(DaemonEnv& env) {
  httplib::Client client("127.0.0.1", env.daemon().port());
  client.set_read_timeout(30, 0);
  return client;
}

}  // namespace citecheck::testing

#endif  // CITECHECK_TESTS_E2E_WEB_UTIL_H_
