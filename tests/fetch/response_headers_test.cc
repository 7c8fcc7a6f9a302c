// Response-header parsing (lib/fetch/response_headers), table-driven: each
// case feeds the lines libcurl's header callback would deliver.
#include "fetch/response_headers.h"

#include <gtest/gtest.h>

#include <ctime>
#include <vector>

#include "fetch/charset.h"
#include "fetch/retry_policy.h"

namespace citecheck {
namespace {

ResponseHeaders Parse(const std::vector<std::string>& lines) {
  ResponseHeaderParser parser;
  for (const std::string& line : lines) parser.Feed(line);
  return parser.headers();
}

struct StatusCase {
  const char* line;
  long status;
};

TEST(ResponseHeadersTest, StatusLines) {
  const StatusCase kCases[] = {
      {"HTTP/1.1 200 OK\r\n", 200},
      {"HTTP/1.0 404 Not Found\r\n", 404},
      {"HTTP/2 301\r\n", 301},             // HTTP/2 has no reason phrase
      {"http/1.1 503 busy\r\n", 503},       // the prefix is matched case-insensitively
      {"HTTP/1.1 204\n", 204},              // LF only
      {"HTTP/1.1\r\n", 0},                  // no status code
      {"HTTP/1.1 abc\r\n", 0},              // not a number
      {"HTTP/1.1 99999999999999999999\r\n", 999},  // only three digits are read: no overflow
  };
  for (const StatusCase& c : kCases) {
    ResponseHeaderParser parser;
    EXPECT_EQ(parser.Feed(c.line), HeaderLine::kStatus) << c.line;
    EXPECT_EQ(parser.headers().status, c.status) << c.line;
  }
}

TEST(ResponseHeadersTest, LineKinds) {
  ResponseHeaderParser parser;
  EXPECT_EQ(parser.Feed("HTTP/1.1 200 OK\r\n"), HeaderLine::kStatus);
  EXPECT_EQ(parser.Feed("ETag: \"x\"\r\n"), HeaderLine::kField);
  EXPECT_EQ(parser.Feed("X-Unknown: kept out\r\n"), HeaderLine::kField);
  EXPECT_EQ(parser.Feed("no colon at all\r\n"), HeaderLine::kIgnored);
  EXPECT_EQ(parser.Feed("\r\n"), HeaderLine::kEnd);
  EXPECT_EQ(parser.headers().etag, "\"x\"");
}

struct FieldCase {
  const char* line;
  std::string ResponseHeaders::*field;
  const char* value;
};

TEST(ResponseHeadersTest, FieldsByNameInAnyCase) {
  const FieldCase kCases[] = {
      {"Content-Type: text/html; charset=ISO-8859-1\r\n", &ResponseHeaders::content_type,
       "text/html; charset=ISO-8859-1"},
      {"content-type:text/plain\r\n", &ResponseHeaders::content_type, "text/plain"},
      {"CONTENT-LANGUAGE: de-CH, en\r\n", &ResponseHeaders::content_language, "de-CH, en"},
      {"ETag: W/\"abc\"  \r\n", &ResponseHeaders::etag, "W/\"abc\""},
      {"etag:\t\"tabbed\"\r\n", &ResponseHeaders::etag, "\"tabbed\""},
      {"Last-Modified: Wed, 21 Oct 2015 07:28:00 GMT\r\n", &ResponseHeaders::last_modified,
       "Wed, 21 Oct 2015 07:28:00 GMT"},
      {"Retry-After: 120\r\n", &ResponseHeaders::retry_after, "120"},
      {"retry-after: Fri, 31 Dec 1999 23:59:59 GMT\r\n", &ResponseHeaders::retry_after,
       "Fri, 31 Dec 1999 23:59:59 GMT"},
      {"Server: cloudflare\r\n", &ResponseHeaders::server, "cloudflare"},
      {"cf-mitigated: challenge\r\n", &ResponseHeaders::cf_mitigated, "challenge"},
      {"Content-Type :  text/html  \r\n", &ResponseHeaders::content_type, "text/html"},  // blanks around
      {"Content-Type:\r\n", &ResponseHeaders::content_type, ""},
  };
  for (const FieldCase& c : kCases) {
    ResponseHeaders headers = Parse({"HTTP/1.1 200 OK\r\n", c.line, "\r\n"});
    EXPECT_EQ(headers.*c.field, c.value) << c.line;
  }
}

TEST(ResponseHeadersTest, RepeatedHeaderKeepsTheLast) {
  ResponseHeaders headers = Parse({"HTTP/1.1 200 OK\r\n", "ETag: \"one\"\r\n", "ETag: \"two\"\r\n", "\r\n"});
  EXPECT_EQ(headers.etag, "\"two\"");
}

TEST(ResponseHeadersTest, FoldedLinesContinueThePreviousField) {
  ResponseHeaders headers = Parse({"HTTP/1.1 200 OK\r\n", "Content-Type: text/html;\r\n", "\tcharset=utf-8\r\n",
                                   "Location: /a\r\n", "  /b\r\n", "X-Other: x\r\n", " Server: not a header\r\n",
                                   "\r\n"});
  EXPECT_EQ(headers.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(headers.location, "/a /b");
  // The continuation of a field not kept is not a header of its own.
  EXPECT_EQ(headers.server, "");
}

TEST(ResponseHeadersTest, LocationPresentOrAbsent) {
  ResponseHeaders redirect = Parse({"HTTP/1.1 301 Moved\r\n", "location: https://example.org/new\r\n", "\r\n"});
  EXPECT_EQ(redirect.status, 301);
  EXPECT_EQ(redirect.location, "https://example.org/new");
  ResponseHeaders plain = Parse({"HTTP/1.1 200 OK\r\n", "\r\n"});
  EXPECT_FALSE(plain.location.has_value());
}

TEST(ResponseHeadersTest, EachStatusLineStartsAfreshSoTheFinalResponseWins) {
  ResponseHeaders headers = Parse({"HTTP/1.1 100 Continue\r\n", "\r\n",
                                   "HTTP/1.1 301 Moved Permanently\r\n", "Location: /next\r\n",
                                   "ETag: \"old\"\r\n", "Retry-After: 5\r\n", "\r\n",
                                   "HTTP/1.1 200 OK\r\n", "Content-Type: text/plain\r\n", "\r\n"});
  EXPECT_EQ(headers.status, 200);
  EXPECT_EQ(headers.content_type, "text/plain");
  EXPECT_FALSE(headers.location.has_value());
  EXPECT_EQ(headers.etag, "");
  EXPECT_EQ(headers.retry_after, "");
}

TEST(ResponseHeadersTest, ContentTypeParametersGiveMediaTypeAndCharset) {
  struct Case {
    const char* header;
    const char* media_type;
    const char* charset;
  };
  const Case kCases[] = {
      {"Content-Type: text/html; charset=ISO-8859-1", "text/html", "iso-8859-1"},  // lower-cased
      {"Content-Type: Text/HTML;charset=\"utf-8\"", "text/html", "utf-8"},
      {"Content-Type: application/xhtml+xml", "application/xhtml+xml", ""},
  };
  for (const Case& c : kCases) {
    ResponseHeaders headers = Parse({"HTTP/1.1 200 OK\r\n", std::string(c.header) + "\r\n", "\r\n"});
    EXPECT_EQ(MediaType(headers.content_type), c.media_type) << c.header;
    EXPECT_EQ(CharsetParameter(headers.content_type), c.charset) << c.header;
  }
}

TEST(ResponseHeadersTest, RetryAfterInSecondsAndAsAnHttpDate) {
  const std::time_t now = 946684799 - 60;  // a minute before 1999-12-31T23:59:59Z
  struct Case {
    const char* header;
    std::optional<int64_t> seconds;
  };
  const Case kCases[] = {
      {"Retry-After: 120", 120},
      {"Retry-After: 0", 0},
      {"Retry-After: Fri, 31 Dec 1999 23:59:59 GMT", 60},       // IMF-fixdate
      {"Retry-After: Friday, 31-Dec-99 23:59:59 GMT", 60},      // RFC 850
      {"Retry-After: Fri Dec 31 23:59:59 1999", 60},            // asctime
      {"Retry-After: Fri, 31 Dec 1999 23:58:00 GMT", 0},        // already past
      {"Retry-After: soon", std::nullopt},
      {"Retry-After: -5", std::nullopt},
  };
  for (const Case& c : kCases) {
    ResponseHeaders headers = Parse({"HTTP/1.1 503 Busy\r\n", std::string(c.header) + "\r\n", "\r\n"});
    EXPECT_EQ(ParseRetryAfter(headers.retry_after, now), c.seconds) << c.header;
  }
}

}  // namespace
}  // namespace citecheck
