#include "archive/memento.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/utc_time.h"

namespace citecheck {
namespace {

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int Number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// Seconds since the epoch of a UTC calendar time; -1 when a field is out of range.
std::time_t UtcTime(int year, int month, int day, int hour, int minute, int second) {
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
      minute > 59 || second > 60) {
    return -1;
  }
  std::tm utc{};
  utc.tm_year = year - 1900;
  utc.tm_mon = month - 1;
  utc.tm_mday = day;
  utc.tm_hour = hour;
  utc.tm_min = minute;
  utc.tm_sec = second;
  std::time_t when = timegm(&utc);
  std::tm back{};
  gmtime_r(&when, &back);
  // 2019-02-31 would roll over into March: not a date.
  if (back.tm_mday != day || back.tm_mon != month - 1) return -1;
  return when;
}

}  // namespace

std::string AcceptDatetime(std::string_view date, std::time_t now) {
  std::time_t when = -1;
  if (date.size() == 10 && date[4] == '-' && date[7] == '-' && AllDigits(date.substr(0, 4)) &&
      AllDigits(date.substr(5, 2)) && AllDigits(date.substr(8, 2))) {
    when = UtcTime(Number(date.substr(0, 4)), Number(date.substr(5, 2)), Number(date.substr(8, 2)), 12, 0, 0);
  }
  if (when == -1) when = now;
  std::tm utc{};
  gmtime_r(&when, &utc);
  // strftime's %a and %b follow the locale; HTTP dates are English.
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[utc.tm_wday], utc.tm_mday,
                kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return text;
}

std::optional<std::string> ParseMementoDatetime(std::string_view value) {
  // curl_getdate reads the date formats HTTP allows (RFC 1123 among them);
  // bound the text so a hostile header costs nothing.
  if (value.empty() || value.size() > 64) return std::nullopt;
  std::string text(value);
  std::time_t when = curl_getdate(text.c_str(), nullptr);
  if (when == -1) return std::nullopt;
  return UtcIso8601(when);
}

std::optional<WaybackUrl> ParseWaybackUrl(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  size_t path = url.find('/', scheme + 3);
  if (path == std::string_view::npos) return std::nullopt;
  size_t web = url.find("/web/", path);
  if (web == std::string_view::npos) return std::nullopt;
  size_t begin = web + 5;
  size_t digits = begin;
  while (digits < url.size() && digits - begin < 15 && url[digits] >= '0' && url[digits] <= '9') ++digits;
  size_t count = digits - begin;
  if (count < 4 || count > 14) return std::nullopt;
  size_t slash = url.find('/', digits);
  if (slash == std::string_view::npos) return std::nullopt;
  // Flags such as id_ or im_: letters and underscores only.
  std::string_view flags = url.substr(digits, slash - digits);
  if (!std::all_of(flags.begin(), flags.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; })) {
    return std::nullopt;
  }
  std::string_view original = url.substr(slash + 1);
  if (original.empty()) return std::nullopt;
  return WaybackUrl{std::string(url.substr(0, begin)), std::string(url.substr(begin, count)), std::string(original)};
}

std::string OriginalBytesUrl(std::string_view memento_url) {
  std::optional<WaybackUrl> wayback = ParseWaybackUrl(memento_url);
  if (!wayback) return std::string(memento_url);
  return wayback->prefix + wayback->timestamp + "id_/" + wayback->original;
}

std::optional<std::string> WaybackTimestampDatetime(std::string_view timestamp) {
  if (!AllDigits(timestamp) || timestamp.size() < 4 || timestamp.size() > 14) return std::nullopt;
  std::string full(timestamp);
  // Missing month and day are the first ones, missing time is midnight.
  static const char kStart[] = "00000101000000";
  full += std::string(kStart + full.size(), kStart + 14);
  std::string_view f(full);
  std::time_t when = UtcTime(Number(f.substr(0, 4)), Number(f.substr(4, 2)), Number(f.substr(6, 2)),
                             Number(f.substr(8, 2)), Number(f.substr(10, 2)), Number(f.substr(12, 2)));
  if (when == -1) return std::nullopt;
  return UtcIso8601(when);
}

std::string DatetimeDay(std::string_view iso_datetime) {
  return std::string(iso_datetime.substr(0, std::min<size_t>(10, iso_datetime.size())));
}

}  // namespace citecheck
