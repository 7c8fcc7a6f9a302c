#include "core/url.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

struct UrlCase {
  const char* input;
  const char* normalized;  // nullptr: rejected
};

TEST(NormalizeUrlTest, Table) {
  const UrlCase cases[] = {
      {"https://Example.COM/a#frag", "https://example.com/a"},
      {"HTTP://example.com:80/x?y=1", "http://example.com/x?y=1"},
      {"https://example.com:443", "https://example.com/"},
      {"https://example.com:8443/p", "https://example.com:8443/p"},
      {"http://127.0.0.1:8080/page.html", "http://127.0.0.1:8080/page.html"},
      {"ftp://example.com/file", nullptr},
      {"mailto:someone@example.com", nullptr},
      {"https://exa mple.com/", nullptr},
      {"https://", nullptr},
      {"/relative/path", nullptr},
      {"", nullptr},
  };
  for (const auto& c : cases) {
    std::string error;
    auto got = NormalizeUrl(c.input, &error);
    if (c.normalized == nullptr) {
      EXPECT_FALSE(got.has_value()) << c.input << " -> " << got.value_or("");
      EXPECT_FALSE(error.empty()) << c.input;
    } else {
      ASSERT_TRUE(got.has_value()) << c.input << ": " << error;
      EXPECT_EQ(*got, c.normalized) << c.input;
    }
  }
}

TEST(UrlSchemeTest, SchemeAsRfc3986SpellsIt) {
  EXPECT_EQ(UrlScheme("FTP://host/x"), "ftp");
  EXPECT_EQ(UrlScheme("javascript:void(0)"), "javascript");
  EXPECT_EQ(UrlScheme("svn+ssh://host/"), "svn+ssh");
  EXPECT_EQ(UrlScheme("https://example.org/"), "https");
  EXPECT_EQ(UrlScheme("/relative:path"), "");
  EXPECT_EQ(UrlScheme("www.example.org"), "");
  EXPECT_EQ(UrlScheme(":x"), "");
  EXPECT_EQ(UrlScheme("1ftp://x"), "");
  EXPECT_EQ(UrlScheme(""), "");
}

TEST(UrlHostTest, LowerCasesHost) {
  EXPECT_EQ(UrlHost("https://WWW.Example.org/x"), "www.example.org");
  EXPECT_EQ(UrlHost("not a url"), "");
}

TEST(RedactUrlCredentialsTest, RemovesUserInfo) {
  EXPECT_EQ(RedactUrlCredentials("https://user:secret@example.com/a@b"), "https://example.com/a@b");
  EXPECT_EQ(RedactUrlCredentials("https://example.com/a@b"), "https://example.com/a@b");
}

}  // namespace
}  // namespace citecheck
