// Memento details: Accept-Datetime formatting, Memento-Datetime parsing,
// Wayback URL rewriting (lib/archive/memento.h).
#include "archive/memento.h"

#include <gtest/gtest.h>

namespace citecheck {
namespace {

TEST(AcceptDatetimeTest, AccessDateIsNoonOfThatDayInRfc1123) {
  EXPECT_EQ(AcceptDatetime("2019-05-03", 0), "Fri, 03 May 2019 12:00:00 GMT");
  EXPECT_EQ(AcceptDatetime("2000-02-29", 0), "Tue, 29 Feb 2000 12:00:00 GMT");
}

TEST(AcceptDatetimeTest, MissingOrMalformedDateIsNow) {
  const std::time_t now = 1764633600;  // 2025-12-02T00:00:00Z
  EXPECT_EQ(AcceptDatetime("", now), "Tue, 02 Dec 2025 00:00:00 GMT");
  EXPECT_EQ(AcceptDatetime("2019-02-31", now), "Tue, 02 Dec 2025 00:00:00 GMT");
  EXPECT_EQ(AcceptDatetime("May 2019", now), "Tue, 02 Dec 2025 00:00:00 GMT");
  EXPECT_EQ(AcceptDatetime("2019-13-01", now), "Tue, 02 Dec 2025 00:00:00 GMT");
}

TEST(MementoDatetimeTest, HttpDateBecomesIso) {
  EXPECT_EQ(ParseMementoDatetime("Fri, 03 May 2019 12:34:56 GMT"), "2019-05-03T12:34:56Z");
  EXPECT_EQ(ParseMementoDatetime("Sun, 06 Nov 1994 08:49:37 GMT"), "1994-11-06T08:49:37Z");
}

TEST(MementoDatetimeTest, NotADate) {
  EXPECT_EQ(ParseMementoDatetime(""), std::nullopt);
  EXPECT_EQ(ParseMementoDatetime("yesterday-ish"), std::nullopt);
  EXPECT_EQ(ParseMementoDatetime(std::string(200, '1')), std::nullopt);
}

TEST(WaybackUrlTest, RewritesToOriginalBytes) {
  EXPECT_EQ(OriginalBytesUrl("https://web.archive.org/web/20190503120000/http://example.com/a?b=1"),
            "https://web.archive.org/web/20190503120000id_/http://example.com/a?b=1");
  EXPECT_EQ(OriginalBytesUrl("http://127.0.0.1:8080/web/20190503120000im_/http://example.com/"),
            "http://127.0.0.1:8080/web/20190503120000id_/http://example.com/");
}

TEST(WaybackUrlTest, AlreadyIdIsUnchanged) {
  const char* url = "https://web.archive.org/web/20190503120000id_/http://example.com/";
  EXPECT_EQ(OriginalBytesUrl(url), url);
}

TEST(WaybackUrlTest, OtherArchivesAreUnchanged) {
  for (const char* url : {"https://archive.ph/abcde", "https://example.com/web/notdigits/http://x/",
                          "https://example.com/web/123/http://x/", "https://example.com/web/20190503120000/",
                          "https://webcitation.org/6xyz"}) {
    EXPECT_EQ(OriginalBytesUrl(url), url) << url;
  }
}

TEST(WaybackUrlTest, TimestampIsTheCopysDate) {
  std::optional<WaybackUrl> url = ParseWaybackUrl("https://web.archive.org/web/20190503120000/http://e.com/");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->timestamp, "20190503120000");
  EXPECT_EQ(url->original, "http://e.com/");
  EXPECT_EQ(WaybackTimestampDatetime(url->timestamp), "2019-05-03T12:00:00Z");
  EXPECT_EQ(WaybackTimestampDatetime("2019"), "2019-01-01T00:00:00Z");
  EXPECT_EQ(WaybackTimestampDatetime("20191340"), std::nullopt);
  EXPECT_EQ(DatetimeDay("2019-05-03T12:00:00Z"), "2019-05-03");
}

}  // namespace
}  // namespace citecheck
