// Reading the interface's cookies from Cookie headers, and the attributes
// every cookie it sets carries.
#include "web/cookies.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

httplib::Request WithCookies(const std::string& header) {
  httplib::Request req;
  req.headers.emplace("Cookie", header);
  return req;
}

TEST(CookiesTest, FindsTheNamedCookieOnly) {
  EXPECT_EQ(CookieValue(WithCookies("a=1; citecheck_session=abc; b=2"), kSessionCookie), "abc");
  EXPECT_EQ(CookieValue(WithCookies("xcitecheck_session=evil; citecheck_session_x=evil"), kSessionCookie), "");
  EXPECT_EQ(CookieValue(WithCookies("citecheck_session"), kSessionCookie), "");
  EXPECT_EQ(CookieValue(WithCookies("citecheck_signin=s;citecheck_session=t"), kSessionCookie), "t");
  EXPECT_EQ(CookieValue(httplib::Request(), kSessionCookie), "");
}

TEST(CookiesTest, SetCookieIsHttpOnlyStrictAndSecureBehindHttps) {
  httplib::Request plain;
  httplib::Response res;
  SetCookie(plain, res, kSessionCookie, "v", 60);
  EXPECT_EQ(res.get_header_value("Set-Cookie"), "citecheck_session=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=60");
  httplib::Request proxied;
  proxied.headers.emplace("X-Forwarded-Proto", "https");
  httplib::Response secure;
  SetCookie(proxied, secure, kSessionCookie, "", 0);
  EXPECT_EQ(secure.get_header_value("Set-Cookie"),
            "citecheck_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure");
}

}  // namespace
}  // namespace citecheck
